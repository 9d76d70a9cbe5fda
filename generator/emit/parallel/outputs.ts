/** emit/parallel/outputs: the loaded emitters, a catalog and its emit options in, every output out — for a large cold run, the outputs but the TypeScript module emitted in a worker thread as their bytes while this thread emits TypeScript, then takes the worker's last outputs it has not begun; all on this thread otherwise. */
import {Worker} from 'node:worker_threads'
import type {VFile} from 'vfile'
import {enabledTargets} from '../../targets/index.js'
import type {Catalog, CatalogEntry, EmitOptions, EntrySource, OutputFile, OutputKind} from '../../types.js'
import type {EmitCache} from '../cache.js'
import {collectGarbage, heapIsLarge} from '../collect.js'
import {EncodedOutput} from '../encoded.js'
import {emitWith, type LoadedEmitter, type OneAtATime} from '../index.js'
import {byMainThread, claim, claimCells, claimOrder} from './claims.js'
import type {EmitRequest, EmittedBytes, EmitWorkerData} from './worker.js'

/**
 * From this many entries the other outputs are emitted in a worker: below, starting a thread and loading the emitters
 * in it costs about what it saves (at 20,000 entries, the TypeScript module takes this thread 1.2–1.5 s, the OpenAPI
 * document the worker 1.5–1.9 s, and the JSON Schema whichever is free first 0.4–0.6 s).
 */
const parallelFrom = 2000

/** From this much used heap this thread collects its garbage while the worker ends its outputs (at 20,000 rows, 170–200 MB, most of it the parse's). */
const garbageWorthCollecting = 128 * 1024 * 1024

/** From this many characters of documents (about 2,000 rows of 100 characters) a worker is started, before the parse ends: it loads its emitters meanwhile. */
const earlyFrom = 200_000

/**
 * Up to this many characters of documents: above, both threads' outputs and garbage at once would take the peak
 * memory over 600 MB (20,000 rows of 560 characters, 11 MB: 476 MB one output at a time, 585–631 MB in parallel).
 */
const parallelUpTo = 6_000_000

/**
 * The worker's script. Built, this module has worker.js beside it; run from its TypeScript source (vitest), it starts
 * the built dist/emit/parallel/worker.js, as the parse workers do.
 */
const workerUrl = import.meta.url.endsWith('.ts')
  ? new URL('../../../dist/emit/parallel/worker.js', import.meta.url)
  : new URL('./worker.js', import.meta.url)

/** How a run emits: a session's cache, how the outputs are settled, a worker started early, and from how many entries a worker is used. */
export interface Emitting {
  readonly cache?: EmitCache | undefined
  readonly oneAtATime?: OneAtATime | undefined
  /** A worker started while the documents were parsed (`startEmitWorker`): used, or stopped; without one, everything is emitted here. */
  readonly worker?: EmitWorker | undefined
  readonly from?: number | undefined
}

/**
 * Emit every output the emitters give, in their order, as `emitWith` does. Given a worker (`startEmitWorker`), a run
 * that keeps its outputs as bytes (`oneAtATime`), keeps no session's texts (`cache`) and has at least `from` entries
 * emits the outputs whose target emits on the main thread (the TypeScript module) here and the others in the worker
 * at the same time, on the other core, this thread then taking those the worker has not begun from the last (the JSON
 * Schema, when the TypeScript module took less time than the OpenAPI document); the bytes are the same. Otherwise the
 * worker is stopped.
 */
export async function emitOutputs(emitters: ReadonlyArray<LoadedEmitter>, catalog: Catalog, options: EmitOptions, emitting: Emitting = {}): Promise<Array<OutputFile>> {
  const {cache, oneAtATime, worker, from = parallelFrom} = emitting
  const here = mainThreadKinds(options)
  const mine = emitters.filter((loaded) => here.has(loaded.kind))
  const theirs = emitters.filter((loaded) => !here.has(loaded.kind))
  // A heap this large (100,000 rows) is a run whose memory counts more than its time: one output at a time, as ever.
  if (!worker || !oneAtATime || cache || catalog.entries.length < from || mine.length === 0 || !worker.emits(theirs) || heapIsLarge()) {
    await worker?.stop()
    return emitWith(emitters, catalog, options, cache, oneAtATime)
  }
  let answered = false
  const elsewhere = worker.emit(catalog, options).finally(() => (answered = true))
  // Awaited below, once this thread's outputs are emitted: until then a failure must not count as unhandled.
  elsewhere.catch(() => undefined)
  const own = emitWith(mine, catalog, options, undefined, oneAtATime)
  // Then the worker's last outputs, as long as it has not claimed them: whichever thread is free first emits the JSON Schema.
  for (const loaded of claimOrder(theirs, (kind) => kind.first).reverse()) {
    if (!worker.claim(loaded.kind)) break
    own.push(...emitWith([loaded], catalog, options, undefined, oneAtATime))
  }
  // While the worker ends its outputs, this thread's garbage (the parse's, its own outputs') is given back, so that both are not held at the peak; once the worker has answered, the collection would only delay the run's end.
  // (This thread emitted without yielding: a turn of the event loop lets the worker's answer, if it came, settle first.)
  await new Promise((resolve) => setImmediate(resolve))
  if (oneAtATime.collect && !answered && heapIsLarge(garbageWorthCollecting)) collectGarbage()
  const emitted = new Map([...own, ...(await elsewhere)].map((file) => [file.kind, file]))
  return emitters.map(({kind}) => emitted.get(kind) as OutputFile)
}

/**
 * A worker started now, for a run whose documents are large enough that its catalog will likely be emitted in
 * parallel, and small enough that two threads' memory at once stays within a few hundred megabytes: it loads its
 * emitters while the documents are parsed. Undefined for a run that will not use one.
 */
export function startEmitWorker(documents: ReadonlyArray<VFile>, options: EmitOptions, emitting: Pick<Emitting, 'cache' | 'oneAtATime'>): EmitWorker | undefined {
  const size = documents.reduce((sum, file) => sum + String(file.value).length, 0)
  if (!emitting.oneAtATime || emitting.cache || size < earlyFrom || size >= parallelUpTo) return undefined
  return emitWorkerFor(options)
}

/** A worker for the outputs the options turn on that are not emitted on the main thread; undefined when there are none, or none is emitted on the main thread. */
export function emitWorkerFor(options: EmitOptions): EmitWorker | undefined {
  const here = mainThreadKinds(options)
  const kinds = enabledTargets(options.outputs).map((target) => target.key).filter((kind) => !here.has(kind))
  return here.size > 0 && kinds.length > 0 ? new EmitWorker(options.outputs, kinds) : undefined
}

/** The kinds of output emitted on this thread: those whose target says so (the TypeScript module, whose ts-morph this thread loaded). */
function mainThreadKinds(options: EmitOptions): Set<OutputKind> {
  return new Set(enabledTargets(options.outputs).filter((target) => target.emitsOnMainThread === true).map((target) => target.key))
}

/**
 * A worker thread that emits some outputs of a catalog as their bytes: started with the outputs it will emit (it loads
 * their emitters at once), then asked once. It keeps the process alive only while it is asked.
 */
export class EmitWorker {
  readonly #worker: Worker
  readonly #kinds: ReadonlyArray<OutputKind>
  readonly #done: Promise<Array<EmittedBytes>>
  readonly #claims: Int32Array

  constructor(outputs: EmitOptions['outputs'], kinds: ReadonlyArray<OutputKind>) {
    const data: EmitWorkerData = {outputs, kinds}
    this.#kinds = kinds
    this.#claims = claimCells(kinds.length)
    // None of the host's Node.js options, as for the parse workers: some stop a worker from starting at all.
    this.#worker = new Worker(workerUrl, {workerData: data, execArgv: []})
    this.#worker.unref()
    this.#done = new Promise((resolve, reject) => {
      this.#worker.once('message', resolve)
      this.#worker.once('error', (cause) => reject(emitFailure(cause instanceof Error ? cause.message : String(cause), cause)))
      // After its message, or once stopped, the worker's exit changes nothing (the promise is settled, or no longer awaited).
      this.#worker.once('exit', (code) => reject(emitFailure('it exited with code ' + code)))
    })
    this.#done.catch(() => undefined)
  }

  /** Whether it emits exactly these outputs. */
  emits(emitters: ReadonlyArray<LoadedEmitter>): boolean {
    return emitters.length === this.#kinds.length && emitters.every((loaded, index) => loaded.kind === this.#kinds[index])
  }

  /** Its outputs of the catalog that it claimed (`claim`), in the order it was given them, held as their bytes; the worker ends then. */
  async emit(catalog: Catalog, options: EmitOptions): Promise<Array<EncodedOutput>> {
    const request: EmitRequest = {catalog: withoutPlaces(catalog), options, claims: this.#claims}
    this.#worker.ref()
    this.#worker.postMessage(request)
    const emitted = await this.#done
    return emitted.map((output) => new EncodedOutput(output.kind, options.outputs[output.kind] as string, Buffer.from(output.buffer, output.byteOffset, output.byteLength)))
  }

  /** Claim one of its outputs for this thread: true when the worker has not claimed it (it then never will). */
  claim(kind: OutputKind): boolean {
    const index = this.#kinds.indexOf(kind)
    return index >= 0 && claim(this.#claims, index, byMainThread)
  }

  /** Stop it unasked: the run did not need it. */
  async stop(): Promise<void> {
    await this.#worker.terminate()
  }
}

/** No places: what an entry's source holds for the emitters, which never read it (the places of its cells are most of what copying a catalog to a thread costs). */
const noPlaces = {} as EntrySource['places']

/** The catalog with its entries' sources reduced to their documents. */
function withoutPlaces(catalog: Catalog): Catalog {
  return {...catalog, entries: catalog.entries.map((entry): CatalogEntry => ({...entry, source: {file: entry.source.file, places: noPlaces, named: entry.source.named}}))}
}

/** The error a run rejects with when the emit worker fails, naming the cause. */
function emitFailure(reason: string, cause?: unknown): Error {
  return new Error("errgen's emit worker failed: " + reason, cause === undefined ? {} : {cause})
}
