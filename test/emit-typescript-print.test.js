/** The TypeScript module printed from its structure alone is byte for byte the full text of a ts-morph source file created from it. */
import fc from 'fast-check'
import {describe, expect, test} from 'vitest'
import {emitTypeScript, emitTypeScriptThroughProject} from '../generator/emit/typescript.js'
import {reasonPhrase, statusName} from '../generator/names.js'
import {generateSeed} from './helpers.js'

/** Texts with what JSDoc, string literals and code-block-writer treat specially. */
const text = fc.oneof(
  fc.string({minLength: 1, maxLength: 20}),
  fc.array(fc.constantFrom('a', ' ', '*/', '/*', '@x', '`', '"', "'", '\\', '\n', '\r\n', '\u2028', '${x}', '//', '{', '}', 'é'), {minLength: 1, maxLength: 8}).map((parts) => parts.join(''))
)

/** A random catalog: unique codes and names, statuses in use. */
const catalog = fc
  .uniqueArray(fc.record({code: fc.integer({min: 1, max: 1e6}), status: fc.constantFrom(400, 404, 499, 500), message: text, resolve: text}), {
    selector: (entry) => entry.code,
    maxLength: 12
  })
  .map((rows) => {
    const entries = rows.sort((a, b) => a.code - b.code).map((row) => ({...row, name: 'Code' + row.code}))
    const codes = [...new Set(entries.map((entry) => entry.status))].sort((a, b) => a - b)
    return {sources: ['input/x.md'], entries, statuses: codes.map((code) => ({code, name: statusName(code), phrase: reasonPhrase(code)}))}
  })

describe('emitTypeScript', () => {
  test('prints the seed as a ts-morph source file reads', async () => {
    const {catalog: seedCatalog} = await generateSeed()
    expect(emitTypeScript(seedCatalog, 'error-codes.ts')).toBe(emitTypeScriptThroughProject(seedCatalog, 'error-codes.ts'))
  })

  test('prints any catalog as a ts-morph source file reads', () => {
    fc.assert(
      fc.property(catalog, (given) => {
        expect(emitTypeScript(given, 'x.ts')).toBe(emitTypeScriptThroughProject(given, 'x.ts'))
      }),
      {numRuns: 150}
    )
  })
})
