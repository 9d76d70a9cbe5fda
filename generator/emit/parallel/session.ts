/** emit/parallel/session: a `--watch` session's emit cache and a large catalog in, the outputs a worker thread of the session emits as their bytes out — the worker kept from save to save with texts of its own, and sent only the entries a save changed. */
import {Worker} from 'node:worker_threads'
import {enabledTargets} from '../../targets/index.js'
import {threadOptions} from '../../threads.js'
import type {Catalog, CatalogEntry, EmitOptions, EntrySource, OutputKind} from '../../types.js'
import type {EmitCache} from '../cache.js'
import {EncodedOutput} from '../encoded.js'
import {claimCells} from './claims.js'
import type {EmitRequest, EmittedBytes, EmitWorkerData, EntryChanges} from './worker.js'

/**
 * The worker's script. Built, this module has worker.js beside it; run from its TypeScript source (vitest), it starts
 * the built dist/emit/parallel/worker.js, as the parse workers do.
 */
export const workerUrl = import.meta.url.endsWith('.ts')
  ? new URL('../../../dist/emit/parallel/worker.js', import.meta.url)
  : new URL('./worker.js', import.meta.url)

/**
 * From this many entries a session emits some outputs in its worker: at 1,000 entries the OpenAPI document takes a
 * save some 40 ms, and sending a save's changed entries to the worker and its bytes back well under a millisecond.
 */
const sessionWorkerFrom = 1000

/**
 * Up to this many entries: above, both threads' outputs at once cost more memory than a save's time is worth (the
 * cold runs' bound, `parallelUpTo`, is about 20,000 rows too).
 */
const sessionWorkerUpTo = 20_000

/** Each session's worker, by the session's cache: made at its first large catalog, dropped when it fails or the outputs change. */
const workers = new WeakMap<EmitCache, SessionWorker>()

/**
 * The worker of the session whose cache this is, for a catalog this large: the one it has, or a new one; undefined
 * for a smaller or a larger catalog, or when every output the options turn on is emitted on this thread.
 *
 * Which outputs: those a cold run emits on the main thread (`emitsOnMainThread`): the OpenAPI document, the largest,
 * which keeps no readings (`EncodedOutput.readings`, what the next run reads back instead of the bytes). The others —
 * the JSON Schema keeps its entries' readings in this thread's cache — are emitted on this thread at the same time.
 */
export function sessionWorker(cache: EmitCache, catalog: Catalog, options: EmitOptions): SessionWorker | undefined {
  if (catalog.entries.length < sessionWorkerFrom || catalog.entries.length > sessionWorkerUpTo) return undefined
  const kinds = [...mainThreadKinds(options)]
  const all = enabledTargets(options.outputs).length
  const known = workers.get(cache)
  if (known?.serves(options, kinds)) return known
  void known?.stop()
  workers.delete(cache)
  if (kinds.length === 0 || kinds.length === all) return undefined
  const worker: SessionWorker = new SessionWorker(options.outputs, kinds, () => workers.get(cache) === worker && workers.delete(cache))
  workers.set(cache, worker)
  return worker
}

/** The kinds of output a cold run emits on the main thread: those whose target says so (the OpenAPI document, whose emitter loads in a few tens of milliseconds). */
export function mainThreadKinds(options: EmitOptions): Set<OutputKind> {
  return new Set(enabledTargets(options.outputs).filter((target) => target.emitsOnMainThread === true).map((target) => target.key))
}

/**
 * A worker thread that emits some outputs of every catalog a session asks it for, with a cache of its own: it is
 * sent the entries that are not the very objects it was sent last (`EntryChanges`), so that a save that changed one
 * entry sends that one. It keeps the process alive only while it is asked; once it fails, it is not asked again.
 */
export class SessionWorker {
  readonly kinds: ReadonlyArray<OutputKind>
  readonly #outputs: string
  readonly #worker: Worker
  readonly #dropped: () => void
  /** The entries it was sent, as this thread has them. */
  #sent: ReadonlyArray<CatalogEntry> = []
  /** The last request, answered or not, and how its answer is given. */
  #asked: Promise<unknown> = Promise.resolve()
  #waiting: {resolve: (emitted: Array<EmittedBytes>) => void, reject: (cause: Error) => void} | undefined
  #failure: Error | undefined

  constructor(outputs: EmitOptions['outputs'], kinds: ReadonlyArray<OutputKind>, dropped: () => void) {
    const data: EmitWorkerData = {outputs, kinds}
    this.kinds = kinds
    this.#outputs = JSON.stringify(outputs)
    this.#dropped = dropped
    // None of the host's Node.js options, as for the parse workers: some stop a worker from starting at all.
    this.#worker = new Worker(workerUrl, {workerData: data, ...threadOptions()})
    this.#worker.unref()
    this.#worker.on('message', (emitted: Array<EmittedBytes>) => this.#waiting?.resolve(emitted))
    this.#worker.on('error', (cause) => this.#fail(emitFailure(cause instanceof Error ? cause.message : String(cause), cause)))
    this.#worker.on('exit', (code) => this.#fail(emitFailure('it exited with code ' + code)))
  }

  /** Whether it emits these outputs, with these names. */
  serves(options: EmitOptions, kinds: ReadonlyArray<OutputKind>): boolean {
    return this.#failure === undefined && this.#outputs === JSON.stringify(options.outputs) && kinds.length === this.kinds.length && kinds.every((kind, index) => kind === this.kinds[index])
  }

  /** Its outputs of the catalog, in the order of `kinds`, held as their bytes; asked after the last request is answered. */
  emit(catalog: Catalog, options: EmitOptions): Promise<Array<EncodedOutput>> {
    const answer = this.#asked.catch(() => undefined).then(() => this.#ask(catalog, options))
    this.#asked = answer
    return answer
  }

  async #ask(catalog: Catalog, options: EmitOptions): Promise<Array<EncodedOutput>> {
    if (this.#failure) throw this.#failure
    const request: EmitRequest = {catalog: {...catalog, entries: []}, changes: changesSince(this.#sent, catalog.entries), options, claims: claimCells(this.kinds.length)}
    const answered = new Promise<Array<EmittedBytes>>((resolve, reject) => (this.#waiting = {resolve, reject}))
    this.#worker.ref()
    try {
      this.#worker.postMessage(request)
      const emitted = await answered
      // Only once it has them: a request that could not be sent (an entry that cannot be copied) sends its entries again.
      this.#sent = catalog.entries
      return emitted.map((output) => new EncodedOutput(output.kind, options.outputs[output.kind] as string, Buffer.from(output.buffer, output.byteOffset, output.byteLength)))
    } finally {
      this.#waiting = undefined
      this.#worker.unref()
    }
  }

  /** End it: the session no longer needs it. */
  async stop(): Promise<void> {
    this.#failure ??= emitFailure('it was stopped')
    await this.#worker.terminate()
  }

  /** It failed: the run waiting for it fails, and the session makes a new one for its next run. */
  #fail(failure: Error): void {
    this.#failure ??= failure
    this.#dropped()
    this.#waiting?.reject(this.#failure)
  }
}

/** The entries of `entries` that are not the very object `sent` has at their index, without their places. */
function changesSince(sent: ReadonlyArray<CatalogEntry>, entries: ReadonlyArray<CatalogEntry>): EntryChanges {
  const changed: Array<readonly [number, CatalogEntry]> = []
  entries.forEach((entry, index) => {
    if (sent[index] !== entry) changed.push([index, withoutPlaces(entry)])
  })
  return {length: entries.length, changed}
}

/** No places: what an entry's source holds for the emitters, which never read it (the places of its cells are most of what copying a catalog to a thread costs). */
const noPlaces = {} as EntrySource['places']

/** The entry with its source reduced to its document. */
export function withoutPlaces(entry: CatalogEntry): CatalogEntry {
  return {...entry, source: {file: entry.source.file, places: noPlaces, named: entry.source.named}}
}

/** The error a run rejects with when an emit worker fails, naming the cause. */
export function emitFailure(reason: string, cause?: unknown): Error {
  return new Error("errgen's emit worker failed: " + reason, cause === undefined ? {} : {cause})
}
