/** The parallel parse through the spine: worker threads and slices give the outputs and the diagnostics (as printed and as data) of a parse in this thread, on the seed, on 2,000 rows with the default slices, on rows linking to a run of definitions (given to the slices as labels), and on random documents valid and invalid. */
import {spawnSync} from 'node:child_process'
import {readFile} from 'node:fs/promises'
import fc from 'fast-check'
import {VFile} from 'vfile'
import {describe, expect, test} from 'vitest'
import {manyDefinitionsDocument, syntheticDocument} from '../../bench/documents.js'
import {report} from '../../generator/diagnostics/report.js'
import {stitch} from '../../generator/parse/join.js'
import {sliceRequest} from '../../generator/parse/messages.js'
import {parseRequest, type Parser} from '../../generator/parse/parse.js'
import {planSlices} from '../../generator/parse/slices.js'
import {parseInWorkers, startParseWorkers} from '../../generator/parse/workers.js'
import {compile, type Compiled} from '../../generator/spine.js'
import {documentText} from '../support/documents.js'
import {configFor, parsedOnce, seed} from '../support/helpers.js'

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

/** Each text parsed in this thread once (a large text is compared more than once): each call gets copies of its own. */
const parseHereOnce = parsedOnce((tree) => tree, (tree) => structuredClone(tree))

/** The plain path: every document parsed in this thread. */
function plainRun(documents: Record<string, string>) {
  return compiledRun(documents, parseHereOnce)
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

  test('workers started as soon as large documents are read give the trees of a parse in this thread, and keep no process alive unused', async () => {
    const text = syntheticDocument(2000)
    const files = [new VFile({value: text})]
    startParseWorkers(files)
    const [workerTree] = await parseInWorkers(files)
    const [plainTree] = await parseHereOnce([new VFile({value: text})])
    expect(workerTree).toStrictEqual(plainTree)
    // Started, never given a text: the process still ends by itself.
    const script = "import('" + new URL('../../dist/parse/workers.js', import.meta.url).href + "').then((m) => m.startParseWorkers([{value: 'x'.repeat(300000)}]))"
    const child = spawnSync(process.execPath, ['-e', script], {timeout: 20_000, encoding: 'utf8'})
    expect({status: child.status, signal: child.signal, stderr: child.stderr}).toEqual({status: 0, signal: null, stderr: ''})
  })

  test('on 800 rows, one in four linking to one of 200 definitions below the table: the trees and outputs of a parse in this thread', async () => {
    const text = manyDefinitionsDocument(800, 4)
    const documents = {'input/linked.md': text}
    const [workerTree] = await parseInWorkers([new VFile({value: text})])
    const [plainTree] = await parseHereOnce([new VFile({value: text})])
    expect(workerTree).toStrictEqual(plainTree)
    expect(JSON.stringify(workerTree).match(/"type":"linkReference"/g)?.length).toBe(200)
    // The workers' plan (slices of 50 rows) is cut in the table and in the run of definitions, the table's slices
    // taking the labels they use as defined, and its slices join (so the workers' tree is not a whole parse's).
    const plan = planSlices(text, 50, 'labels')
    expect(plan?.slices.filter((slice) => slice.defined.length > 0).length).toBe(16)
    expect(plan?.slices.filter((slice) => slice.kind !== 'first' && !slice.continued).length).toBe(1)
    expect(plan && stitch(plan, plan.slices.map((slice) => parseRequest(sliceRequest(slice))))).toStrictEqual(plainTree)
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
