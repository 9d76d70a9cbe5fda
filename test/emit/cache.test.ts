/** The emit cache of `--watch`: successive random edits of the fixtures' documents and settings, through one cache, give every output and diagnostic of a cold run each time; an unchanged entry's parts are not written again; the cache holds the fragments of the last run only. */
import {readFile} from 'node:fs/promises'
import path from 'node:path'
import fc from 'fast-check'
import {VFile} from 'vfile'
import {describe, expect, test} from 'vitest'
import {syntheticDocument} from '../../bench/documents.js'
import {report} from '../../generator/diagnostics/report.js'
import {EmitCache} from '../../generator/emit/cache.js'
import {sameContent} from '../../generator/emit/same-content.js'
import {encodeOutput, readingName, readingsOf} from '../../generator/emit/encoded.js'
import {readBack, statusNamesOf} from '../../generator/contract/read-back.js'
import {decodeTree, encodeTree} from '../../generator/parse/messages.js'
import {compile} from '../../generator/spine.js'
import type {CatalogEntry, ConfigFile} from '../../generator/types.js'
import {configFor, parsedOnce, root} from '../support/helpers.js'

/** Valid fixtures whose documents and settings shape every part the emitters keep: problem details, parameters, translations, links, hostile text, the body schema's groups of codes. */
const fixtures = [
  'problem-details', 'params-body', 'params-printf', 'localized-columns', 'hostile-text', 'optional-cells', 'string-codes', 'signed-codes',
  'definitions', 'cell-html', 'anchored-headings', 'message-markup', 'several-tables', 'target-names', 'grpc-codes', 'params-problem', 'localized-problem',
  // More codes than the body schema tests in one list: its groups' schemas are kept too.
  'synthetic-230'
]

/** How many known readings of the outputs' bytes were compared with reading them, and how many of those were status names. */
const seenReadings = {count: 0, statuses: 0}

/** Cell texts, among them ones YAML and JSON must quote or escape, and ones that change a code, a status or a name. */
const cells = [
  'yes', '1:20', 'a: b', '- x', '#hash', '"quoted"', 'it\'s', '~', 'null', '0x1F', '.5', '@at', 'a\tb', 'line\u2028break', '%s and %d', '{name} left',
  'Edited text.', '[docs](https://example.com/x)', '**bold**', '`code`', '<br>', 'é 😀', '400', '404', '10001', '~~old~~', '', '*/ end', 'x | y'
]

/** The settings a session may change between saves (each a configuration the fixture's is merged with). */
const settings: ReadonlyArray<ConfigFile> = [
  {},
  {problem: {type: 'https://example.com/errors/{code}'}},
  {body: {params: true}},
  {body: {fields: ['code', 'message']}},
  {typescript: {style: 'const'}},
  {outputs: {python: 'errors.py', go: 'errors.go', dictionary: 'errors.json'}}
] as ReadonlyArray<ConfigFile>

/** One save: a cell of a table row replaced, text added to a row's last cell, or the settings changed. */
type Save = {kind: 'cell', row: number, cell: number, text: string} | {kind: 'append', row: number, text: string} | {kind: 'settings', index: number}

const save: fc.Arbitrary<Save> = fc.oneof(
  {weight: 2, arbitrary: fc.record({kind: fc.constant('cell' as const), row: fc.nat(), cell: fc.nat(4), text: fc.constantFrom(...cells)})},
  {weight: 4, arbitrary: fc.record({kind: fc.constant('append' as const), row: fc.nat(), text: fc.constantFrom(...cells)})},
  {weight: 1, arbitrary: fc.record({kind: fc.constant('settings' as const), index: fc.nat(settings.length - 1)})}
)

/** Add text to the last cell of one of the document's table rows (counted modulo the rows there are). */
function appendToRow(text: string, row: number, value: string): string {
  const lines = text.split('\n')
  const at = tableRows(lines)[row % Math.max(1, tableRows(lines).length)]
  if (at === undefined) return text
  lines[at] = (lines[at] ?? '').replace(/\s*\|?\s*$/, (end) => ' ' + value + end)
  return lines.join('\n')
}

/** The indexes of the lines that look like table rows (not delimiter rows). */
function tableRows(lines: ReadonlyArray<string>): Array<number> {
  return lines.flatMap((line, index) => (/^\|?[^|]*\|/.test(line) && !/^\|?\s*:?-+/.test(line) ? [index] : []))
}

/** Replace a cell of one of the document's table rows (counted modulo the rows there are). */
function editCell(text: string, row: number, cell: number, value: string): string {
  const lines = text.split('\n')
  const rows = tableRows(lines)
  const at = rows[row % Math.max(1, rows.length)]
  if (at === undefined) return text
  const parts = (lines[at] ?? '').split('|')
  parts[cell % parts.length] = ' ' + value + ' '
  lines[at] = parts.join('|')
  return lines.join('\n')
}

/**
 * Each text parsed once for the run through the cache and the cold run that checks it (what differs between them is
 * the emit cache), kept encoded as a parse worker posts it: each run decodes a tree of its own.
 */
const parseOnce = parsedOnce(encodeTree, decodeTree, 4)

/**
 * Everything the user sees of a run: each output's text, and the diagnostics as printed.
 *
 * @param encoded keep each output as its bytes, as the command does (its text is then decoded from them)
 */
async function observe(text: string, written: ConfigFile, cache?: EmitCache, encoded = false) {
  const file = new VFile({path: 'input.md', value: text})
  const oneAtATime = encoded ? {settle: encodeOutput, collect: false} : undefined
  const result = await compile([file], configFor(['input.md'], written), parseOnce, {emitCache: cache, oneAtATime})
  // What an output's bytes read back as, when the session knows it from its kept values, is what reading them gives.
  for (const output of result.files) {
    for (const [reading, known] of readingsOf(output) ?? []) {
      expect([readingName('entries', output.kind), readingName('statuses', output.kind)]).toContain(reading)
      seenReadings.count++
      if (reading === readingName('statuses', output.kind)) {
        seenReadings.statuses++
        expect(known()).toEqual(await statusNamesOf(output.kind, output.text))
      } else expect(known()).toEqual(await readBack(output.kind, output.text))
    }
  }
  return {ok: result.ok, outputs: result.files.map((output) => [output.name, output.text]), text: report([file], {format: 'text'})}
}

/** A fixture's document, and its configuration without the documents it names. */
async function fixture(name: string): Promise<{text: string, written: ConfigFile}> {
  if (name.startsWith('synthetic-')) return {text: syntheticDocument(Number(name.slice('synthetic-'.length))), written: {}}
  const directory = path.join(root, 'test', 'fixtures', name)
  const text = await readFile(path.join(directory, 'input.md'), 'utf8')
  const config = await readFile(path.join(directory, 'errgen.config.json'), 'utf8').then((json) => JSON.parse(json) as Record<string, unknown>, () => ({}) as Record<string, unknown>)
  const {input: _input, ...written} = config
  return {text, written: written as ConfigFile}
}

describe('the emit cache', () => {
  test('successive random edits and settings through one cache give a cold run\'s outputs and diagnostics every time', async () => {
    const seen = {runs: 0, valid: 0, taken: 0}
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...fixtures), fc.array(save, {minLength: 2, maxLength: 6}), async (name, saves) => {
        const cache = new EmitCache()
        const taken = countingTaken(cache)
        const {text: original, written} = await fixture(name)
        let text = original
        let extra: ConfigFile = {}
        expect(await observe(text, written, cache)).toEqual(await observe(text, written))
        for (const [index, change] of saves.entries()) {
          if (change.kind === 'cell') text = editCell(text, change.row, change.cell, change.text)
          else if (change.kind === 'append') text = appendToRow(text, change.row, change.text)
          else extra = settings[change.index] ?? {}
          const config = {...written, ...extra} as ConfigFile
          // Every other save kept as bytes, as the command keeps them, through the same cache.
          const cached = await observe(text, config, cache, index % 2 === 1)
          expect(cached).toEqual(await observe(text, config))
          seen.runs++
          if (cached.ok) seen.valid++
        }
        seen.taken += taken()
      }),
      {numRuns: 40}
    )
    // Not vacuous: many edited documents still generate outputs, many parts were taken from the cache, and the known readings were compared.
    expect(seen.valid).toBeGreaterThan(seen.runs / 4)
    expect(seenReadings.count).toBeGreaterThan(seen.runs / 8)
    expect(seenReadings.statuses).toBeGreaterThan(seen.runs / 8)
    expect(seen.taken).toBeGreaterThan(seen.runs * 4)
  })

  test('a one-cell edit of 300 rows writes the edited entry\'s parts again, and no other', async () => {
    const cache = new EmitCache()
    const text = syntheticDocument(300)
    await observe(text, {}, cache)
    const written = countingWrites(cache)
    const edited = text.replace(/(```10200```\|[^\n]*)/, '$1 Edited.')
    expect(edited).not.toBe(text)
    // Kept as bytes, as the command keeps them: the kept texts are written into the bytes as they are.
    expect(await observe(edited, {}, cache, true)).toEqual(await observe(edited, {}))
    // The one entry's schema and example in the OpenAPI document, its schema in the JSON Schema, and its enum member and catalog item in the TypeScript;
    // and the OpenAPI document's list of the codes' descriptions (its lists of codes and names, its responses' lists of schemas are kept).
    expect(written()).toBe(6)
  })

  test('over 100 codes, edits that change what the body schema\'s groups and the lists of every code read give a cold run\'s outputs, and an edit that does not writes none of them again', async () => {
    const cache = new EmitCache()
    const text = syntheticDocument(230)
    await observe(text, {}, cache)
    const saves: Array<[string, ConfigFile]> = [
      [appendToRow(text, 40, 'Edited.'), {}],
      // A message (the name derived from it), a code, a resolve cell emptied (the field then partial), a status cell emptied, settings.
      [editCell(text, 40, 2, '*quite another message*'), {}],
      [editCell(editCell(text, 40, 2, '*quite another message*'), 70, 1, '```99999```'), {}],
      [editCell(text, 120, 3, ''), {}],
      [editCell(text, 121, 0, ''), {optionalColumns: ['status']} as ConfigFile],
      [editCell(text, 121, 0, ''), {optionalColumns: ['status'], body: {params: true}} as ConfigFile],
      [text, {}]
    ]
    const writes: Array<number> = []
    for (const [edited, config] of saves) {
      const written = countingWrites(cache)
      expect(await observe(edited, config, cache)).toEqual(await observe(edited, config))
      writes.push(written())
    }
    // A resolve text appended to: its entry's five parts and the descriptions' list, no group.
    expect(writes[0]).toBe(6)
    // A derived name changed: its group's schema in both schemas too.
    expect(writes[1]).toBeGreaterThan(5)
  })

  test('edits that change what an entry\'s text reads of other entries (the name of the code that replaces it, whether it is the last) give a cold run\'s outputs', async () => {
    const cache = new EmitCache()
    const header = '| HTTP | Code | Message | Resolve | Deprecated |\n| --- | --- | --- | --- | --- |\n'
    const row = (status: number, code: number, message: string, deprecated = '') => '| ' + status + ' | ' + code + ' | ' + message + ' | Try again. | ' + deprecated + ' |\n'
    const documents = [
      header + row(400, 1, 'Old thing') + row(400, 2, 'New thing', 'use 3') + row(404, 3, 'Other thing'),
      // The replacement's derived name changes: the deprecated member's doc names it.
      header + row(400, 1, 'Old thing') + row(400, 2, 'New thing', 'use 3') + row(404, 3, 'Renamed thing'),
      // Another replacement, and a code after the last (the last member gets its comma).
      header + row(400, 1, 'Old thing') + row(400, 2, 'New thing', 'use 1') + row(404, 3, 'Renamed thing') + row(404, 4, 'Fourth thing'),
      // The last removed again, a status changed, no replacement.
      header + row(400, 1, 'Old thing') + row(401, 2, 'New thing', 'yes') + row(404, 3, 'Renamed thing'),
      header + row(400, 1, 'Old thing') + row(400, 2, 'New thing', 'use 3') + row(404, 3, 'Other thing')
    ]
    for (const document of documents) {
      for (const [index, config] of [{}, {typescript: {style: 'const'}} as ConfigFile].entries()) {
        const cached = await observe(document, config, cache, index === 1)
        expect(cached.ok).toBe(true)
        expect(cached).toEqual(await observe(document, config))
        if (document.includes('use ')) expect(JSON.stringify(cached.outputs)).toContain('@deprecated Use {@link ErrorCode.')
      }
    }
  })

  test('two entries have the same content exactly when their content is written out the same', () => {
    const value = fc.oneof(fc.constant(undefined), fc.constantFrom('a', 'b', ''), fc.integer({min: 0, max: 2}))
    const nested = fc.oneof(value, fc.array(value, {maxLength: 2}), fc.dictionary(fc.constantFrom('x', 'y'), value, {maxKeys: 2, noNullPrototype: true}))
    const entry = fc.dictionary(fc.constantFrom('code', 'name', 'status', 'message', 'deprecated', 'params', 'source'), nested, {maxKeys: 5, noNullPrototype: true})
    const written = (entry: Record<string, unknown>) => {
      const {source: _source, ...content} = entry
      return JSON.stringify(content)
    }
    let same = 0
    fc.assert(
      fc.property(entry, entry, (a, b) => {
        const found = sameContent(a as unknown as CatalogEntry, b as unknown as CatalogEntry)
        // Never the same when written out differently; the same when built the same way.
        if (found) expect(written(a)).toBe(written(b))
        if (found) same++
        expect(sameContent(a as unknown as CatalogEntry, structuredClone(a) as unknown as CatalogEntry)).toBe(true)
      }),
      {numRuns: 2000}
    )
    expect(same).toBeGreaterThan(0)
  })

  test('holds the fragments of the last run only', async () => {
    const cache = new EmitCache()
    await observe(syntheticDocument(30), {}, cache)
    await observe(syntheticDocument(30).replace(/Double check/g, 'Check'), {}, cache)
    const written = countingWrites(cache)
    // Back to the first document: its fragments were dropped when the second run began and used none of them.
    await observe(syntheticDocument(30), {}, cache)
    expect(written()).toBeGreaterThan(0)
  })
})

/** Count the fragments taken from the cache from now on. */
function countingTaken(cache: EmitCache): () => number {
  let count = 0
  const fragments = cache.fragments.bind(cache)
  cache.fragments = (part, shaping) => {
    const found = fragments(part, shaping)
    const get = found.get.bind(found)
    found.get = (key) => {
      const text = get(key)
      if (text !== undefined) count++
      return text
    }
    return found
  }
  return () => count
}

/** Count the fragments written from now on (not taken from the cache). */
function countingWrites(cache: EmitCache): () => number {
  let count = 0
  const fragments = cache.fragments.bind(cache)
  cache.fragments = (part, shaping) => {
    const found = fragments(part, shaping)
    const set = found.set.bind(found)
    found.set = (key, text) => {
      count++
      set(key, text)
    }
    return found
  }
  return () => count
}
