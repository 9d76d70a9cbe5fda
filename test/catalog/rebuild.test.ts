/** catalog, built again in a session: the trees a shared parse cache keeps between saves in, the very entries of the rows a save did not change and the names and messages of a run from scratch out. */
import {VFile} from 'vfile'
import {describe, expect, test} from 'vitest'
import {syntheticDocument} from '../../bench/documents.js'
import {messageLine, sortMessages} from '../../generator/diagnostics/report.js'
import {ParseCache} from '../../generator/parse/cache.js'
import {parseInThisThread} from '../../generator/parse/parse.js'
import {parseInWorkers} from '../../generator/parse/workers.js'
import {catalogOf} from '../../generator/spine.js'
import type {CatalogEntry} from '../../generator/types.js'

/** A session's catalog of each text it is given, as `--watch` builds it (slices parsed in workers, their trees shared by one cache). */
function session() {
  const cache = new ParseCache({share: true})
  return (text: string) => built(text, (files) => parseInWorkers(files, 50, undefined, cache))
}

/** The catalog of a run from scratch. */
function cold(text: string) {
  return built(text, parseInThisThread)
}

async function built(text: string, parser: Parameters<typeof catalogOf>[2]) {
  const file = new VFile({path: 'errors.md', value: text})
  const {catalog} = await catalogOf([file], {columns: {}, optionalColumns: [], codes: 'auto', headings: []}, parser)
  return {entries: catalog.entries, names: catalog.entries.map((entry) => entry.code + ' ' + entry.name), messages: sortMessages(file.messages).map((message) => messageLine(message))}
}

/** The entries of `after` that are the very objects of `before`, by code. */
function sameObjects(before: ReadonlyArray<CatalogEntry>, after: ReadonlyArray<CatalogEntry>): Array<number | string> {
  const byCode = new Map(before.map((entry) => [entry.code, entry]))
  return after.filter((entry) => byCode.get(entry.code) === entry).map((entry) => entry.code)
}

describe('a catalog built again from the trees a session kept', () => {
  test('gives the very entries of the slices a one-cell edit did not change, and a cold run\'s catalog', async () => {
    const run = session()
    const text = syntheticDocument(300)
    const one = await run(text)
    const edited = text.replace(/(```10200```\|[^\n]*)/, '$1 Edited.')
    const two = await run(edited)
    expect(two).toEqual(await cold(edited))
    expect(two.entries.find((entry) => entry.code === 10200)?.resolve).toMatch(/ Edited\.$/)
    // The edited row's slice (rows 200-249) is parsed again: its entries are new; every other slice's are the last run's.
    const kept = sameObjects(one.entries, two.entries)
    expect(kept).toHaveLength(250)
    expect(kept.some((code) => Number(code) >= 10200 && Number(code) < 10250)).toBe(false)
  })

  test('names a row again when its message changed, also into a clash, with the warnings of a cold run', async () => {
    const run = session()
    const header = 'HTTP | Code | Message | Resolve\n--- | --- | --- | ---\n'
    const text = header + '400 | 10 | Card declined | Use another card.\n400 | 11 | Card expired | Renew it.\n404 | 20 | Not found | Check the id.\n'
    expect((await run(text)).names).toEqual(['10 CardDeclined', '11 CardExpired', '20 NotFound'])
    const renamed = text.replace('Card expired', 'Card lost')
    expect(await run(renamed)).toEqual(await cold(renamed))
    expect((await cold(renamed)).names).toEqual(['10 CardDeclined', '11 CardLost', '20 NotFound'])
    const clashing = renamed.replace('Card lost', 'Card declined')
    const clash = await run(clashing)
    expect(clash).toEqual(await cold(clashing))
    expect(clash.names).toEqual(['10 CardDeclined_10', '11 CardDeclined_11', '20 NotFound'])
    expect(clash.messages.filter((line) => line.includes('duplicate-name'))).toHaveLength(1)
  })

  test('makes the naming\'s warnings again at every save of the same text: a clash\'s and a long derived name\'s', async () => {
    const run = session()
    const header = 'HTTP | Code | Message | Resolve\n--- | --- | --- | ---\n'
    const text = header + '400 | 10 | Same message | A.\n400 | 11 | Same message | B.\n404 | 20 | This message is far too long for a name | C.\n'
    const want = await cold(text)
    expect(want.messages.filter((line) => /duplicate-name|long-name/.test(line))).toHaveLength(2)
    for (let save = 0; save < 3; save++) expect(await run(text)).toEqual(want)
  })
})
