/** emit/parallel/outputs: the loaded emitters, a catalog and its emit options in, every output out — for a large cold run, the outputs but the OpenAPI document emitted in a worker thread as their bytes while this thread emits OpenAPI, then takes the worker's last outputs it has not begun; all on this thread otherwise. */
import {Worker} from 'node:worker_threads'
import type {VFile} from 'vfile'
import {charactersIn} from '../../read/limits.js'
import {enabledTargets, targetOf} from '../../targets/index.js'
import {threadOptions} from '../../threads.js'
import type {Catalog, EmitOptions, OutputFile, OutputKind} from '../../types.js'
import type {EmitCache} from '../cache.js'
import {collectGarbage, heapIsLarge} from '../collect.js'
import {EncodedOutput} from '../encoded.js'
import {emitWith, type LoadedEmitter, type OneAtATime} from '../index.js'
import {byMainThread, claim, claimCells, claimOrder} from './claims.js'
import {emitFailure, mainThreadKinds, sessionWorker, type SessionWorker, withoutPlaces, workerUrl} from './session.js'
import type {EmitRequest, EmittedBytes, EmitWorkerData, LoadRequest} from './worker.js'

/** From this much used heap this thread collects its garbage while the worker ends its outputs (at 20,000 rows, 170–200 MB, most of it the parse's). */
const garbageWorthCollecting = 128 * 1024 * 1024

/** From this many characters of documents (about 2,000 rows of 100 characters) a worker is started, before the parse ends: it loads its emitters meanwhile, or as the parse ends (`loadedAfterParseFrom`). */
const earlyFrom = 200_000

/**
 * From this many characters of documents (about 7,500 rows) the worker loads its emitters (ts-morph: about 0.5 s of
 * CPU) once the documents are parsed, while the main thread builds the catalog (0.4 s at 20,000 rows), rather than
 * during the parse, whose two workers have both cores; below, the catalog is built too fast to hide the load, and the
 * worker loads them at once.
 */
const loadedAfterParseFrom = 1_000_000

/**
 * Up to this many characters of documents: above, both threads' outputs and garbage at once would take the peak
 * memory over 600 MB (20,000 rows of 560 characters, 11 MB: 476 MB one output at a time, 585–631 MB in parallel).
 */
const parallelUpTo = 6_000_000

/** How a run emits: a session's cache, how the outputs are settled, a worker started early, and from how many entries a worker is used. */
export interface Emitting {
  readonly cache?: EmitCache | undefined
  readonly oneAtATime?: OneAtATime | undefined
  /** A worker started while the documents were parsed (`startEmitWorker`): used, or stopped; without one, everything is emitted here. */
  readonly worker?: EmitWorker | undefined
  /**
   * Outputs to emit whose emitters this thread did not load (the worker's first output, `EmitWorker.leads`): loaded
   * here only when this thread emits them after all (no worker, or one that had not begun them).
   */
  readonly deferred?: ReadonlyArray<OutputKind> | undefined
}

/**
 * Emit every output the emitters give, in their order, as `emitWith` does. Given a worker (`startEmitWorker`), a run
 * that keeps its outputs as bytes (`oneAtATime`), keeps no session's texts (`cache`) and has any entry emits the
 * outputs whose target emits on the main thread (the OpenAPI document) here and the others in the worker at the same
 * time, on the other core, this thread then taking those the worker has not begun from the last (the JSON Schema, when
 * the OpenAPI document took less time than the TypeScript module); the bytes are the same. Otherwise the worker is
 * stopped, and the emitters left to it (`deferred`) are loaded here.
 *
 * Whatever the count of entries: a run starts a worker only for large documents, and it has then loaded, or is
 * loading, an emitter this thread has not (ts-morph, for the TypeScript module). At 20,000 entries the OpenAPI document
 * takes this thread 1.3–1.9 s, the TypeScript module the worker 1.2–1.5 s after it loaded ts-morph, and the JSON Schema
 * whichever is free first 0.4–0.6 s.
 */
export async function emitOutputs(given: ReadonlyArray<LoadedEmitter>, catalog: Catalog, options: EmitOptions, emitting: Emitting = {}): Promise<Array<OutputFile>> {
  const {cache, oneAtATime, worker, deferred = []} = emitting
  const emitters = inRegistryOrder(options, [...given, ...deferred.map((kind) => ({kind, emitter: undefined, first: targetOf(kind).emitsFirst === true}))])
  const here = mainThreadKinds(options)
  const mine = emitters.filter((loaded) => here.has(loaded.kind))
  const theirs = emitters.filter((loaded) => !here.has(loaded.kind))
  const session = cache && oneAtATime ? sessionWorker(cache, catalog, options) : undefined
  if (session) {
    await worker?.stop()
    return emitInSession(session, emitters, catalog, options, cache, oneAtATime)
  }
  // A heap this large (100,000 rows) is a run whose memory counts more than its time: one output at a time, as ever.
  if (!worker || !oneAtATime || cache || catalog.entries.length === 0 || mine.length === 0 || !worker.emits(theirs) || heapIsLarge()) {
    await worker?.stop()
    return emitWith(await loadedAll(emitters), catalog, options, cache, oneAtATime)
  }
  let answered = false
  const elsewhere = worker.emit(catalog, options).finally(() => (answered = true))
  // Awaited below, once this thread's outputs are emitted: until then a failure must not count as unhandled.
  elsewhere.catch(() => undefined)
  const own = emitWith(await loadedAll(mine), catalog, options, undefined, oneAtATime)
  // Then the worker's last outputs, as long as it has not claimed them (never its first, whose emitter this thread may not have loaded): whichever thread is free first emits the JSON Schema.
  for (const loaded of claimOrder(theirs, (kind) => kind.first).slice(1).reverse()) {
    if (!worker.claim(loaded.kind)) break
    own.push(...emitWith(await loadedAll([loaded]), catalog, options, undefined, oneAtATime))
  }
  // While the worker ends its outputs, this thread's garbage (the parse's, its own outputs') is given back, so that both are not held at the peak; once the worker has answered, the collection would only delay the run's end.
  // (This thread emitted without yielding: a turn of the event loop lets the worker's answer, if it came, settle first.)
  await new Promise((resolve) => setImmediate(resolve))
  if (oneAtATime.collect && !answered && heapIsLarge(garbageWorthCollecting)) collectGarbage()
  const emitted = new Map([...own, ...(await elsewhere)].map((file) => [file.kind, file]))
  return emitters.map(({kind}) => emitted.get(kind) as OutputFile)
}

/**
 * Emit a session's outputs: those of its worker there (`sessionWorker`), the others here, at the same time; each
 * thread's texts of the entries kept in its own cache.
 */
async function emitInSession(session: SessionWorker, emitters: ReadonlyArray<MaybeLoaded>, catalog: Catalog, options: EmitOptions, cache: EmitCache | undefined, oneAtATime: OneAtATime | undefined): Promise<Array<OutputFile>> {
  const elsewhere = session.emit(catalog, options)
  // Awaited below, once this thread's outputs are emitted: until then a failure must not count as unhandled.
  elsewhere.catch(() => undefined)
  const own = emitWith(await loadedAll(emitters.filter((loaded) => !session.kinds.includes(loaded.kind))), catalog, options, cache, oneAtATime)
  const emitted = new Map([...own, ...(await elsewhere)].map((file) => [file.kind, file]))
  return emitters.map(({kind}) => emitted.get(kind) as OutputFile)
}

/**
 * A worker started now, for a run whose documents are large enough that its catalog will likely be emitted in
 * parallel, and small enough that two threads' memory at once stays within a few hundred megabytes: it loads its
 * emitters while the documents are parsed. Undefined for a run that will not use one.
 */
export function startEmitWorker(documents: ReadonlyArray<VFile>, options: EmitOptions, emitting: Pick<Emitting, 'cache' | 'oneAtATime'>): EmitWorker | undefined {
  const size = charactersIn(documents)
  if (!emitting.oneAtATime || emitting.cache || size < earlyFrom || size >= parallelUpTo) return undefined
  const worker = emitWorkerFor(options)
  if (size < loadedAfterParseFrom) worker?.load()
  return worker
}

/** A worker for the outputs the options turn on that are not emitted on the main thread; undefined when there are none, or none is emitted on the main thread. */
export function emitWorkerFor(options: EmitOptions): EmitWorker | undefined {
  const here = mainThreadKinds(options)
  const kinds = enabledTargets(options.outputs).map((target) => target.key).filter((kind) => !here.has(kind))
  return here.size > 0 && kinds.length > 0 ? new EmitWorker(options.outputs, kinds) : undefined
}

/** An output's emitter, or the kind of an output whose emitter is not loaded yet. */
type MaybeLoaded = LoadedEmitter | {readonly kind: OutputKind, readonly emitter: undefined, readonly first: boolean}

/** The emitters in the order of the registry (that of `emitWith`'s outputs). */
function inRegistryOrder(options: EmitOptions, emitters: ReadonlyArray<MaybeLoaded>): Array<MaybeLoaded> {
  const order = enabledTargets(options.outputs).map((target) => target.key)
  const rank = (kind: OutputKind) => (order.includes(kind) ? order.indexOf(kind) : order.length)
  return [...emitters].sort((a, b) => rank(a.kind) - rank(b.kind))
}

/** The emitters, those not loaded yet loaded now. */
async function loadedAll(emitters: ReadonlyArray<MaybeLoaded>): Promise<Array<LoadedEmitter>> {
  return Promise.all(emitters.map(async (loaded) => (loaded.emitter ? loaded : {kind: loaded.kind, emitter: await targetOf(loaded.kind).load(), first: loaded.first})))
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
  readonly #first: ReadonlySet<OutputKind>

  constructor(outputs: EmitOptions['outputs'], kinds: ReadonlyArray<OutputKind>) {
    const data: EmitWorkerData = {outputs, kinds}
    this.#kinds = kinds
    this.#claims = claimCells(kinds.length)
    this.#first = new Set(enabledTargets(outputs).filter((target) => target.emitsFirst === true).map((target) => target.key))
    // None of the host's Node.js options, as for the parse workers: some stop a worker from starting at all.
    this.#worker = new Worker(workerUrl, {workerData: data, ...threadOptions()})
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
  emits(emitters: ReadonlyArray<Pick<LoadedEmitter, 'kind'>>): boolean {
    return emitters.length === this.#kinds.length && emitters.every((loaded, index) => loaded.kind === this.#kinds[index])
  }

  /** Its outputs of the catalog that it claimed (`claim`), in the order it was given them, held as their bytes; the worker ends then. */
  async emit(catalog: Catalog, options: EmitOptions): Promise<Array<EncodedOutput>> {
    const request: EmitRequest = {catalog: catalogWithoutPlaces(catalog), options, claims: this.#claims}
    this.#worker.ref()
    this.#worker.postMessage(request)
    const emitted = await this.#done
    return emitted.map((output) => new EncodedOutput(output.kind, options.outputs[output.kind] as string, Buffer.from(output.buffer, output.byteOffset, output.byteLength)))
  }

  /** The output it emits first, unless this thread claims it before: the one whose emitter the main thread need not load. */
  get leads(): OutputKind | undefined {
    return claimOrder(this.#kinds, (kind) => this.#first.has(kind))[0]
  }

  /** Tell it to load its emitters now (the documents are parsed): otherwise it loads them when asked. */
  load(): void {
    this.#worker.postMessage({load: true} satisfies LoadRequest)
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

/** The catalog with its entries' sources reduced to their documents. */
function catalogWithoutPlaces(catalog: Catalog): Catalog {
  return {...catalog, entries: catalog.entries.map(withoutPlaces)}
}
