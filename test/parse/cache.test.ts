/** The parse cache of `--watch`: successive runs through one cache, after random edits of cells, rows, header and text, give the outputs and diagnostics of a cold run each time; a one-cell edit parses one slice again; the cache holds the texts of the last run only. */
import {mkdir, readFile, writeFile} from 'node:fs/promises'
import path from 'node:path'
import fc from 'fast-check'
import {VFile} from 'vfile'
import {describe, expect, test} from 'vitest'
import {syntheticDocument, syntheticRow} from '../../bench/documents.js'
import {diagnostics, report} from '../../generator/diagnostics/report.js'
import {ParseCache} from '../../generator/parse/cache.js'
import {parseInThisThread, type Parser} from '../../generator/parse/parse.js'
import {planSlices} from '../../generator/parse/slices.js'
import {parseInWorkers} from '../../generator/parse/workers.js'
import {compile, prepare} from '../../generator/spine.js'
import type {ConfigFile} from '../../generator/types.js'
import {configFor, seed, tempDirectory} from '../support/helpers.js'

/** Cells that change a row's value, break its validation, or its table syntax. */
const cells = [
  '400', '404', '599', '600', '4O4', '```401```', '`500`', '10001', '10002', '99', '-5', '`10|01`', '*access_token missing*',
  '**bad** token', '~~old~~ token', 'a <br> b', '[link](http://x.y)', '[ref]', 'www.example.com', '\\*not em\\*', 'é 😀', '', ' ',
  '`', '*', 'Edited text.', 'x | y', '{name} left', '%s and %d'
]

/** The settings a session may change between saves: each changes how some rows are read, not their text. */
const settings: ReadonlyArray<ConfigFile> = [{}, {params: ['printf']}, {params: []}, {optionalColumns: ['resolve', 'status']}] as ReadonlyArray<ConfigFile>

/** Header rows: the seed's, others that read, and ones that do not. */
const headers = ['HTTP | Code | Message | Resolve', 'Status | Error code | Error message | How to resolve', 'Code | HTTP | Resolve | Message', 'HTTP | Code | Message', 'a | b | c | d']

/** Lines that may stand before, in or after a table. */
const lines = ['', 'Some text.', '# Heading', '> quote | with pipe', '- item | with pipe', '```', '[ref]: http://example.com', '---']

/** One edit of a document, as an editor's save makes it. */
type Edit =
  | {kind: 'cell', row: number, cell: number, text: string}
  | {kind: 'insert', row: number, index: number}
  | {kind: 'delete', row: number}
  | {kind: 'header', text: string}
  | {kind: 'line', row: number, text: string}
  | {kind: 'settings', index: number}

const edit: fc.Arbitrary<Edit> = fc.oneof(
  {weight: 6, arbitrary: fc.record({kind: fc.constant('cell' as const), row: fc.nat(), cell: fc.nat(3), text: fc.constantFrom(...cells)})},
  {weight: 2, arbitrary: fc.record({kind: fc.constant('insert' as const), row: fc.nat(), index: fc.nat(500)})},
  {weight: 2, arbitrary: fc.record({kind: fc.constant('delete' as const), row: fc.nat()})},
  {weight: 1, arbitrary: fc.record({kind: fc.constant('header' as const), text: fc.constantFrom(...headers)})},
  {weight: 1, arbitrary: fc.record({kind: fc.constant('line' as const), row: fc.nat(), text: fc.constantFrom(...lines)})},
  {weight: 1, arbitrary: fc.record({kind: fc.constant('settings' as const), index: fc.nat(settings.length - 1)})}
)

/** The lines of the synthetic document before its first body row: the preamble (4 lines), the header and the delimiter. */
const firstBody = 6

/** Apply an edit to a document's text (a row is counted from the first body row, modulo the lines there are). */
function applyEdit(text: string, change: Edit): string {
  const all = text.split('\n')
  const body = Math.max(1, all.length - firstBody)
  const at = (row: number) => firstBody + (row % body)
  if (change.kind === 'header') all[firstBody - 2] = change.text
  if (change.kind === 'insert') all.splice(at(change.row), 0, syntheticRow(change.index).trimEnd())
  if (change.kind === 'delete') all.splice(at(change.row), 1)
  if (change.kind === 'line') all.splice(at(change.row), 0, change.text)
  if (change.kind === 'cell') {
    const line = at(change.row)
    const parts = (all[line] ?? '').split('|')
    parts[change.cell % parts.length] = change.text
    all[line] = parts.join('|')
  }
  return all.join('\n')
}

/** Everything the user sees of a run: each output's text, and the diagnostics as printed and as data. */
async function observe(text: string, parser: Parser, written: ConfigFile = {}) {
  const file = new VFile({path: 'input/error-codes.md', value: text})
  const result = await compile([file], configFor(['input/error-codes.md'], written), parser)
  return {
    ok: result.ok,
    outputs: result.files.map((output) => [output.name, output.text]),
    codes: result.catalog.entries.map((entry) => [entry.code, entry.name]),
    text: report([file], {format: 'text'}),
    messages: file.messages.map((message) => ({reason: message.reason, place: message.place, ruleId: message.ruleId, fatal: message.fatal}))
  }
}

/** A parser that keeps one cache across runs, counting the texts it sends to the workers. */
function cachedParser(rowsPerSlice: number, share = false): {parser: Parser, cache: ParseCache} {
  const cache = new ParseCache({share})
  return {cache, parser: (files) => parseInWorkers(files, rowsPerSlice, undefined, cache)}
}

// Shared, as `--watch` uses it: each slice's one tree is joined again in every run, its positions moved; else a copy each run.
describe.each([{share: false}, {share: true}])('the parse cache, %o', ({share}) => {
  test('successive random edits through one cache give a cold run\'s outputs and diagnostics every time', async () => {
    const seen = {runs: 0, sliced: 0, valid: 0}
    await fc.assert(
      fc.asyncProperty(fc.integer({min: 6, max: 40}), fc.integer({min: 2, max: 5}), fc.array(edit, {minLength: 2, maxLength: 5}), async (rows, rowsPerSlice, edits) => {
        const {parser} = cachedParser(rowsPerSlice, share)
        let text = syntheticDocument(rows)
        let written: ConfigFile = {}
        expect(await observe(text, parser)).toEqual(await observe(text, parseInThisThread))
        for (const change of edits) {
          if (change.kind === 'settings') written = settings[change.index] ?? {}
          else text = applyEdit(text, change)
          const cached = await observe(text, parser, written)
          expect(cached).toEqual(await observe(text, parseInThisThread, written))
          seen.runs++
          if (planSlices(text, rowsPerSlice)) seen.sliced++
          if (cached.ok) seen.valid++
        }
      }),
      // Each of the two variants runs 15 (30 in all, as many as the one variant ran before sharing).
      {numRuns: 15}
    )
    // Not vacuous: most edited documents are parsed in slices, and many still generate outputs.
    expect(seen.sliced).toBeGreaterThan(seen.runs / 2)
    expect(seen.valid).toBeGreaterThan(seen.runs / 8)
  })

  test('on the real document, a one-cell edit parses one slice again and gives a cold run\'s outputs', async () => {
    const seedText = await readFile(seed, 'utf8')
    const {parser, cache} = cachedParser(4, share)
    const slices = planSlices(seedText, 4)?.slices.length ?? 0
    expect(slices).toBeGreaterThan(5)
    expect(await observe(seedText, parser)).toEqual(await observe(seedText, parseInThisThread))
    expect(cache.size).toBe(slices)
    const edited = seedText.replace('This access_token appears to be corrupted.', 'This access_token is corrupted.')
    expect(edited).not.toBe(seedText)
    const parsed = countingParses(cache)
    expect(await observe(edited, parser)).toEqual(await observe(edited, parseInThisThread))
    expect(parsed()).toBe(1)
  })

  test('rows whose text is unchanged are read again as the new settings, heading or definitions say', async () => {
    const {parser} = cachedParser(5, share)
    const lines = syntheticDocument(30).split('\n')
    lines.splice(0, 0, '# Errors', '')
    const row = lines.findIndex((line) => line.includes('```10025```'))
    lines[row] = (lines[row] ?? '').replace(/\*[^*]+\*/, '*%s and {name} [ref]*')
    lines.push('', '[ref]: https://example.com/a')
    const text = lines.join('\n')
    const saves: ReadonlyArray<[string, ConfigFile]> = [
      [text, {}],
      [text, {params: ['printf']}],
      [text, {params: []}],
      [text.replace('# Errors', '# Other errors'), {}],
      [text.replace('https://example.com/a', 'https://example.com/b'), {}]
    ]
    for (const [saved, written] of saves) expect(await observe(saved, parser, written)).toEqual(await observe(saved, parseInThisThread, written))
  })

  test('holds the texts of the last run only', async () => {
    const {parser, cache} = cachedParser(5, share)
    const documents = [syntheticDocument(30), syntheticDocument(30).replace(/Double check/g, 'Check'), syntheticDocument(12)]
    for (const text of documents) await observe(text, parser)
    // The last document's 2 slices, and the texts of the run before it until the next run begins.
    expect(cache.size).toBe(2 + (planSlices(documents[1] ?? '', 5)?.slices.length ?? 0))
    await observe(documents[2] ?? '', parser)
    expect(cache.size).toBe(2)
  })
})

describe('the run --watch makes', () => {
  test('prepare() with a cache, after edits of a 300-row document, gives the files and diagnostics of a run without one', async () => {
    const directory = await tempDirectory()
    await mkdir(path.join(directory, 'docs'))
    const document = path.join(directory, 'docs', 'errors.md')
    const cache = new ParseCache({share: true})
    const run = async (cached: boolean) => {
      const prepared = await prepare({cwd: directory, input: ['docs/errors.md'], out: 'out', ...(cached ? {parseCache: cache} : {})})
      return {ok: prepared.ok, files: prepared.files.map((file) => [file.name, file.text]), diagnostics: diagnostics(prepared.reports)}
    }
    let text = syntheticDocument(300)
    const edits = [(doc: string) => doc.replace('```10150```', '```10151```'), (doc: string) => doc.replace('```10151```', '```10150```').replace(/(```10200```\|[^\n]*)/, '$1 Edited.')]
    for (const change of [(doc: string) => doc, ...edits]) {
      text = change(text)
      await writeFile(document, text)
      expect(await run(true)).toEqual(await run(false))
    }
    // The last run's 6 slices, and the old texts of the 2 it changed, until the next run begins.
    expect(planSlices(text, 50)?.slices.length).toBe(6)
    expect(cache.size).toBe(6 + 2)
  })
})

/** Count the texts the cache is given from now on: those the workers parsed. */
function countingParses(cache: ParseCache): () => number {
  let count = 0
  const keep = cache.keep.bind(cache)
  cache.keep = (text, encoded) => {
    count++
    keep(text, encoded)
  }
  return () => count
}
