/** The configuration's validators: the standalone code the build writes is the one a run uses, current with the schema, and gives exactly the errors of Ajv compiling the schema now; code of another schema, or none, falls back to compiling. */
import {mkdtemp, writeFile} from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import fc from 'fast-check'
import {describe, expect, test} from 'vitest'
import {readingKeys} from '../../generator/config/check.js'
import {builtValidators, compiledValidators, validators} from '../../generator/config/validators.js'

const compiled = compiledValidators()

/** A configuration-like value: the schema's keys with values of every JSON type, wrong ones mostly, and unknown keys. */
const configLike = fc.dictionary(
  fc.constantFrom('input', 'out', 'outputs', 'columns', 'optionalColumns', 'codes', 'headings', 'params', 'rules', 'body', 'problem', 'targets', 'bogus', '$schema'),
  fc.oneof(
    fc.jsonValue({maxDepth: 2}),
    fc.dictionary(fc.constantFrom('typescript', 'jsonSchema', 'openapi', 'python', 'go', 'dictionary', 'x', 'code', 'status', 'type'), fc.jsonValue({maxDepth: 1})),
    fc.array(fc.constantFrom('a.md', '', 'docs/*.md', 'HTTP', 'Code'), {maxLength: 3})
  )
)

describe('the built validators', () => {
  test('are the ones a run uses: written by the build for this very schema', () => {
    const built = builtValidators()
    expect(built).toBeDefined()
    expect(validators()).toBe(validators())
    expect(validators().config).toBe(built?.config)
  })

  test('give exactly the errors of the schema compiled now, on random configurations and on the remark plugin\'s options', () => {
    const built = builtValidators()
    if (!built) throw new Error('expected the built validators')
    let invalid = 0
    fc.assert(
      fc.property(configLike, (value) => {
        for (const key of ['config', 'reading'] as const) {
          const given = key === 'reading' ? Object.fromEntries(Object.entries(value).filter(([name]) => (readingKeys as ReadonlyArray<string>).includes(name))) : value
          const valid = built[key](given)
          expect(compiled[key](given)).toBe(valid)
          expect(built[key].errors ?? null).toStrictEqual(compiled[key].errors ?? null)
          if (!valid) invalid++
        }
      }),
      {numRuns: 300}
    )
    expect(invalid).toBeGreaterThan(300)
  })

  test('of another schema, or none, are not used', async () => {
    const directory = await mkdtemp(path.join(os.tmpdir(), 'errgen-validators-'))
    const stale = path.join(directory, 'validators.cjs')
    await writeFile(stale, 'exports.config = () => true; exports.reading = () => true; exports.stamp = "another schema";\n')
    expect(builtValidators(stale)).toBeUndefined()
    expect(builtValidators(path.join(directory, 'missing.cjs'))).toBeUndefined()
  })
})
