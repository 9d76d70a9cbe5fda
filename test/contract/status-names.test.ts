/** Every generated name is kept: HTTP statuses keep the names errgen gave them whatever the reason-phrase data says, and a status name that differs from the outputs replaced is renamed-status, on every run and with --against. */
import {readdir, readFile, writeFile} from 'node:fs/promises'
import path from 'node:path'
import statuses from 'statuses'
import {describe, expect, test} from 'vitest'
import {statusNamesOf} from '../../generator/contract/read-back.js'
import {generateFrom, runInProcess, tempDirectory} from '../support/helpers.js'
import {errors} from '../support/renamed.js'

const document = 'HTTP | Code | Message | Resolve\n--- | --- | --- | ---\n400 | 1 | *bad* | Fix it.\n413 | 2 | *too large* | Send less.\n'

/** A project whose document sends 413, generated once. */
async function generatedProject(): Promise<string> {
  const directory = await tempDirectory()
  await writeFile(path.join(directory, 'errors.md'), document)
  expect((await runInProcess(['--quiet', '--input', 'errors.md'], directory)).code).toBe(0)
  return directory
}

describe('HTTP status names', () => {
  test('are frozen: a reason phrase that changes in the data renames no member and no response', async () => {
    const outputs = {python: true, go: true} as const
    const before = await generateFrom({'errors.md': document}, {outputs})
    const phrase = statuses.message[413]
    statuses.message[413] = 'Content Too Large'
    try {
      const after = await generateFrom({'errors.md': document}, {outputs})
      expect(after.catalog.statuses.map((status) => status.name)).toEqual(['BadRequest', 'PayloadTooLarge'])
      const output = (extension: string): string => Object.entries(after.outputs).find(([name]) => name.endsWith(extension))?.[1] ?? ''
      const typescript = output('.ts')
      const frozen = [{code: 400, name: 'BadRequest'}, {code: 413, name: 'PayloadTooLarge'}]
      expect(await statusNamesOf('typescript', typescript)).toEqual(frozen)
      expect(await statusNamesOf('openapi', output('.yaml'))).toEqual(frozen)
      expect(await statusNamesOf('python', output('.py'))).toEqual(frozen)
      expect(await statusNamesOf('go', output('.go'))).toEqual(frozen)
      expect(await statusNamesOf('jsonSchema', output('.schema.json'))).toBeUndefined()
      expect(typescript).toContain('/** 413 Content Too Large */')
      expect(before.outputs).not.toEqual(after.outputs)
    } finally {
      statuses.message[413] = phrase
    }
  })

  test('one that differs from the outputs replaced is renamed-status at the status cell; --allow-breaking accepts it', async () => {
    const directory = await generatedProject()
    const out = path.join(directory, 'output')
    for (const name of await readdir(out)) {
      const file = path.join(out, name)
      await writeFile(file, (await readFile(file, 'utf8')).replaceAll('PayloadTooLarge', 'RequestEntityTooLarge'))
    }
    const reason = 'Name of HTTP status 413 changed from `RequestEntityTooLarge` to `PayloadTooLarge` since output: clients that use `HttpStatus.RequestEntityTooLarge` or the `RequestEntityTooLarge` response break; accept the new name with --allow-breaking'
    const expected = 'errors.md:4:1-4:4  error  ' + reason + '  renamed-status'
    for (const args of [[], ['--check'], ['--against', 'output']]) {
      const run = await runInProcess(['--input', 'errors.md', ...args], directory)
      expect([run.code, errors(run.stderr)]).toEqual([1, [expected]])
    }
    const allowed = await runInProcess(['--input', 'errors.md', '--allow-breaking'], directory)
    expect(allowed.code).toBe(0)
    expect(await readFile(path.join(out, 'errors.ts'), 'utf8')).toContain('PayloadTooLarge = 413')
  })
})
