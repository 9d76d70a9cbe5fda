/** small-run.test: the command's run of a small document, parsed on the main thread without starting a parse worker, gives the outputs and messages of a run that parses in workers; a larger document is still parsed in workers. */
import {copyFile, mkdir, writeFile} from 'node:fs/promises'
import path from 'node:path'
import {describe, expect, test} from 'vitest'
import {syntheticDocument} from '../../bench/documents.js'
import {report} from '../../generator/diagnostics/report.js'
import {prepare} from '../../generator/spine.js'
import {seed, tempDirectory} from '../support/helpers.js'

/** A run's outputs and its messages as text. */
async function run(options: Parameters<typeof prepare>[0]): Promise<{ok: boolean, files: Array<[string, string]>, messages: string, warnings: number}> {
  const prepared = await prepare(options)
  const warnings = prepared.reports.reduce((sum, file) => sum + file.messages.filter((message) => message.fatal === false).length, 0)
  return {ok: prepared.ok, files: prepared.files.map((file) => [file.name, file.text]), messages: report(prepared.reports, {format: 'text'}), warnings}
}

describe('small documents parsed on the main thread', () => {
  test('the seed (its 5 warnings too) and a 200-row document give what a run parsing in workers gives', async () => {
    const directory = await tempDirectory()
    await mkdir(path.join(directory, 'docs'))
    await copyFile(seed, path.join(directory, 'docs', 'errors.md'))
    await writeFile(path.join(directory, 'docs', 'many.md'), syntheticDocument(200))
    for (const input of ['docs/errors.md', 'docs/many.md']) {
      const options = {cwd: directory, input: [input], out: 'out', encodeOutputs: true}
      const [here, workers] = [await run({...options, smallHere: true}), await run(options)]
      expect(here.ok).toBe(true)
      expect(here.files.length).toBeGreaterThanOrEqual(3)
      expect(here).toEqual(workers)
    }
    const seedRun = await run({cwd: directory, input: ['docs/errors.md'], out: 'out', smallHere: true})
    expect(seedRun.warnings).toBe(5)
  })
})
