/** session.test: a `--watch` session's runs of a large catalog, the OpenAPI document emitted in the session's worker and the other outputs here at the same time, give the bytes of a cold run at every edit; the worker is sent only the entries an edit changed, and a failed one is replaced. */
import {Worker} from 'node:worker_threads'
import {VFile} from 'vfile'
import {afterEach, describe, expect, test, vi} from 'vitest'
import {syntheticDocument} from '../../bench/documents.js'
import {EmitCache} from '../../generator/emit/cache.js'
import {type EncodedOutput, encodeOutput} from '../../generator/emit/encoded.js'
import {emitWith, loadEmitters} from '../../generator/emit/index.js'
import {emitOutputs} from '../../generator/emit/parallel/outputs.js'
import {sessionWorker} from '../../generator/emit/parallel/session.js'
import type {EmitRequest} from '../../generator/emit/parallel/worker.js'
import {parseInThisThread} from '../../generator/parse/parse.js'
import {catalogOf} from '../../generator/spine.js'
import type {Catalog, CatalogEntry, ConfigFile, EmitOptions} from '../../generator/types.js'
import {configFor} from '../support/helpers.js'

/** How the command keeps its outputs: each as its bytes once emitted. */
const oneAtATime = {settle: encodeOutput, collect: false}

/** Every target on: the OpenAPI document in the worker, five outputs here. */
const everything: ConfigFile = {outputs: {python: 'errors.py', go: 'errors.go', dictionary: 'errors.json'}, problem: {type: 'https://errors.example.com/{code}'}}

/** The catalog of a 1,200-row document (a session's worker serves 1,000 entries and more), parsed once for every test. */
const document = catalogOf([new VFile({path: 'errors.md', value: syntheticDocument(1200)})], configFor(['errors.md']), parseInThisThread)

/** That catalog, and the options of a configuration. */
async function large(written: ConfigFile): Promise<{catalog: Catalog, options: EmitOptions}> {
  return {catalog: (await document).catalog, options: configFor(['errors.md'], written)}
}

/** The outputs' bytes of a run of the session, and of a cold run here, one after another. */
async function bothRuns(cache: EmitCache, catalog: Catalog, options: EmitOptions) {
  const emitters = await loadEmitters(options)
  const session = await emitOutputs(emitters, catalog, options, {cache, oneAtATime})
  const cold = emitWith(emitters, catalog, options, undefined, oneAtATime)
  const bytes = (files: ReadonlyArray<unknown>) => files.map((file) => [(file as EncodedOutput).kind, (file as EncodedOutput).bytes.toString('utf8')])
  return {session: bytes(session), cold: bytes(cold)}
}

/** The catalog with one entry's resolve text changed. */
function edited(catalog: Catalog, index: number, resolve: string): Catalog {
  return {...catalog, entries: catalog.entries.map((entry, at): CatalogEntry => (at === index ? {...entry, resolve} : entry))}
}

/** How many entries each request of a session's worker carried, from now on. */
function sentEntries(): Array<number> {
  const counts: Array<number> = []
  const post = Worker.prototype.postMessage
  vi.spyOn(Worker.prototype, 'postMessage').mockImplementation(function (this: Worker, ...message: Parameters<Worker['postMessage']>) {
    const changes = (message[0] as Partial<EmitRequest>).changes
    if (changes) counts.push(changes.changed.length)
    return post.apply(this, message)
  })
  return counts
}

afterEach(() => {
  vi.restoreAllMocks()
})

describe("a session's outputs, the OpenAPI document emitted in its worker", () => {
  test('every target on: at each edit the bytes of a cold run; the worker is sent the entries that are not the last run\'s', async () => {
    const {catalog: first, options} = await large(everything)
    const cache = new EmitCache()
    const sent = sentEntries()
    let catalog = first
    const edits: Array<(catalog: Catalog) => Catalog> = [
      (same) => same,
      (same) => same,
      (one) => edited(one, 600, 'Wait a minute.'),
      (removed) => ({...removed, entries: removed.entries.filter((_entry, index) => index !== 1190)})
    ]
    for (const edit of edits) {
      catalog = edit(catalog)
      const {session, cold} = await bothRuns(cache, catalog, options)
      expect(session.map(([kind]) => kind)).toEqual(['typescript', 'jsonSchema', 'openapi', 'python', 'go', 'dictionary'])
      expect(session).toEqual(cold)
    }
    expect(sessionWorker(cache, catalog, options)?.kinds).toEqual(['openapi'])
    // The first run sends every entry; the same catalog none; one edit one; a removal the entries after it, which moved.
    expect(sent).toEqual([1200, 0, 1, 9])
  })

  test('a worker that fails fails its run with the reason; the next run has a new one, sent every entry, and the bytes of a cold run', async () => {
    const {catalog, options} = await large({})
    const cache = new EmitCache()
    const sent = sentEntries()
    const emitters = await loadEmitters(options)
    const broken = {...options, openapi: undefined} as unknown as EmitOptions
    await expect(emitOutputs(emitters, catalog, broken, {cache, oneAtATime})).rejects.toThrow(/errgen's emit worker failed: .*title/)
    const {session, cold} = await bothRuns(cache, edited(catalog, 3, 'Try again.'), options)
    expect(session).toEqual(cold)
    expect(sent).toEqual([1200, 1200])
  })

  test('a catalog of under 1,000 or over 20,000 entries, or only the OpenAPI document on, is emitted here; outputs renamed get a new worker', async () => {
    const {catalog, options} = await large({})
    const cache = new EmitCache()
    const small = {...catalog, entries: catalog.entries.slice(0, 999)}
    expect(sessionWorker(cache, small, options)).toBeUndefined()
    const larger = {...catalog, entries: Array.from({length: 20_001}, () => catalog.entries[0] as CatalogEntry)}
    expect(sessionWorker(cache, larger, options)).toBeUndefined()
    expect(sessionWorker(cache, catalog, configFor(['errors.md'], {outputs: {typescript: false, jsonSchema: false}}))).toBeUndefined()
    const worker = sessionWorker(cache, catalog, options)
    expect(worker?.kinds).toEqual(['openapi'])
    expect(sessionWorker(cache, catalog, options)).toBe(worker)
    const renamed = configFor(['errors.md'], {outputs: {openapi: 'api.yaml'}})
    const other = sessionWorker(cache, catalog, renamed)
    expect(other).not.toBe(worker)
    const {session, cold} = await bothRuns(cache, catalog, renamed)
    expect(session).toEqual(cold)
    await other?.stop()
  })
})
