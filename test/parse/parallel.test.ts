/** The parallel parse through the spine: worker threads and slices give the outputs and the diagnostics (as printed and as data) of a parse in this thread, on the seed, on 2,000 rows with the default slices, and on random documents valid and invalid. */
import {readFile} from 'node:fs/promises'
import fc from 'fast-check'
import {VFile} from 'vfile'
import {describe, expect, test} from 'vitest'
import {syntheticDocument} from '../../bench/documents.js'
import {report} from '../../generator/diagnostics/report.js'
import {parseInThisThread, type Parser} from '../../generator/parse/parse.js'
import {parseInWorkers} from '../../generator/parse/workers.js'
import {compile, type Compiled} from '../../generator/spine.js'
import {documentText} from '../support/documents.js'
import {configFor, seed} from '../support/helpers.js'

const seedOptions = configFor(['input/error-codes.md'])

/** Everything the user sees of a run: each output's text, and the diagnostics as the CLI prints them and as data. */
function observable(files: ReadonlyArray<VFile>, result: Compiled) {
  return {
    ok: result.ok,
    outputs: result.files.map((file) => [file.name, file.text]),
    text: report(files, {format: 'text'}),
    stylish: report(files, {format: 'stylish'}),
    messages: files.map((file) =>
      file.messages.map((message) => ({
        reason: message.reason,
        place: message.place,
        ruleId: message.ruleId,
        fatal: message.fatal,
        cause: message.cause instanceof Error ? String(message.cause) : message.cause
      }))
    )
  }
}

/** A run of the spine on fresh VFiles, parsing with `parser` (by default the spine's own: worker threads). */
async function compiledRun(documents: Record<string, string>, parser?: Parser) {
  const files = Object.entries(documents).map(([path, value]) => new VFile({path, value}))
  return observable(files, await compile(files, seedOptions, parser))
}

/** The plain path: every document parsed in this thread. */
function plainRun(documents: Record<string, string>) {
  return compiledRun(documents, parseInThisThread)
}

/** The parallel path: worker threads, documents sliced every `rowsPerSlice` rows. */
function parallelRun(documents: Record<string, string>, rowsPerSlice: number) {
  return compiledRun(documents, (files) => parseInWorkers(files, rowsPerSlice))
}

const seedText = await readFile(seed, 'utf8')

describe('the parallel path', () => {
  test('on the real document: byte-identical outputs and identical diagnostics', async () => {
    const documents = {'input/error-codes.md': seedText}
    expect(await parallelRun(documents, 4)).toEqual(await plainRun(documents))
  })

  test('through the spine\'s default parser on 2,000 rows (sliced with the default size) and the seed together', async () => {
    const documents = {'input/big.md': syntheticDocument(2000), 'input/error-codes.md': seedText}
    expect(await compiledRun(documents)).toEqual(await plainRun(documents))
  })

  test('on random documents, valid and invalid: byte-identical outputs and identical diagnostics', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(documentText, {minLength: 1, maxLength: 3}), fc.integer({min: 1, max: 3}), async (texts, rowsPerSlice) => {
        const documents = Object.fromEntries(texts.map((text, index) => ['doc-' + index + '.md', text]))
        expect(await parallelRun(documents, rowsPerSlice)).toEqual(await plainRun(documents))
      }),
      {numRuns: 20}
    )
  })
})
