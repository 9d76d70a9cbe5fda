/** Removed codes are loud on every run: a code of the outputs replaced that the documents no longer have is one located removed-code error (plain, --check, the library), unless it was deprecated there or --allow-breaking says so; --against keeps one message per code. */
import {describe, expect, test} from 'vitest'
import {generate} from '../../generator/index.js'
import {project, runInProcess, snapshot} from '../support/helpers.js'
import {documentOf, errors} from '../support/renamed.js'

/** A project generated once, with its document. */
async function generated(): Promise<{directory: string, document: ReturnType<typeof documentOf>}> {
  const directory = await project()
  expect((await runInProcess(['--quiet'], directory)).code).toBe(0)
  return {directory, document: documentOf(directory)}
}

/** The document without the rows of these codes. */
function withoutRows(text: string, codes: ReadonlyArray<number>): string {
  return text.split('\n').filter((line) => !codes.some((code) => line.includes('```' + code + '```'))).join('\n')
}

const way = '; deprecate them (strike their messages through) in a release before removing them, or accept the removal with --allow-breaking  removed-code'

describe('a code the outputs have and the documents no longer do', () => {
  test('is one error at the row before it, on a run, on --check and in the library; nothing is written', async () => {
    const {directory, document} = await generated()
    const out = directory + '/output'
    await document.edit((text) => withoutRows(text, [1610, 1700, 1701, 1200, 1201, 1202, 1203]))
    const before = await snapshot(out)
    const expected =
      'input/error-codes.md:22:1-22:82  error  7 codes would be removed since output without being deprecated first: 1200 (`InvalidCredentials`), 1201 (`InvalidUsername`), ' +
      '1202 (`InvalidPassword`), 1203 (`InvalidMfa`), 1610 (`ItemNotFound`) and 2 more' + way
    for (const args of [[], ['--check'], ['--format', 'text']]) {
      const run = await runInProcess(args, directory)
      expect([run.code, errors(run.stderr)]).toEqual([1, [expected]])
    }
    expect(await snapshot(out)).toEqual(before)
    const result = await generate({cwd: directory})
    expect(result.ok).toBe(false)
    expect(result.files).toEqual([])
    expect(result.diagnostics.filter((diagnostic) => diagnostic.severity === 'error').map((diagnostic) => [diagnostic.line, diagnostic.ruleId])).toEqual([[22, 'removed-code']])
  })

  test('one code is named alone', async () => {
    const {directory, document} = await generated()
    await document.edit((text) => withoutRows(text, [1000]))
    const run = await runInProcess([], directory)
    expect(errors(run.stderr)).toEqual([
      'input/error-codes.md:7:1-7:116  error  Code 1000 (`AccessTokenMissing`) would be removed since output without being deprecated first; deprecate it (strike its message through) in a release before removing it, or accept the removal with --allow-breaking  removed-code'
    ])
  })

  test('--allow-breaking lets it through as a warning; a code deprecated in the outputs goes silently', async () => {
    const {directory, document} = await generated()
    await document.edit((text) => withoutRows(text, [1610]))
    const allowed = await runInProcess(['--allow-breaking'], directory)
    expect(allowed.code).toBe(0)
    expect(allowed.stderr).toContain('input/error-codes.md:42:1-42:100  warning  Code 1610 (`ItemNotFound`) would be removed since output without being deprecated first (allowed by --allow-breaking)  removed-code\n')

    await document.edit((text) => text.replace('*product not available*', '~~*product not available*~~'))
    expect((await runInProcess(['--quiet'], directory)).code).toBe(0)
    await document.edit((text) => withoutRows(text, [1601]))
    const removed = await runInProcess(['--quiet'], directory)
    expect([removed.code, removed.stderr]).toEqual([0, ''])
  })

  test('--against keeps its own classification: one message per code', async () => {
    const {directory, document} = await generated()
    await document.edit((text) => withoutRows(text, [1610, 1700]))
    const run = await runInProcess(['--against', 'output'], directory)
    expect(errors(run.stderr).map((line) => line.replace(/;.*/, ''))).toEqual([
      'output/error-codes.openapi.yaml  error  Code 1610 (`ItemNotFound`) was removed since output without being deprecated first',
      'output/error-codes.openapi.yaml  error  Code 1700 (`ExtractorError`) was removed since output without being deprecated first'
    ])
  })
})
