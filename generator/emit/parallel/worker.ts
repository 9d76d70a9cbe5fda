/** emit/parallel/worker: the body of an emit worker thread — the kinds of output to emit in (its `workerData`), then a catalog (or a session's changed entries), the emit options and the cells by which it and the main thread share those outputs (one message per run), the UTF-8 bytes of each output it claimed out, in one message per run, in the order asked. */
import {parentPort, workerData} from 'node:worker_threads'
import {enabledTargets} from '../../targets/index.js'
import {byWorker, claim, claimOrder} from './claims.js'
import type {Emitter} from '../../targets/target.js'
import {EmitCache} from '../cache.js'
import type {Catalog, CatalogEntry, EmitOptions, OutputKind} from '../../types.js'

/** What the thread is given when it starts: the outputs it will emit, and their names (their emitters are loaded once it is told to load them, `LoadRequest`, or asked). */
export interface EmitWorkerData {
  readonly outputs: EmitOptions['outputs']
  readonly kinds: ReadonlyArray<OutputKind>
}

/**
 * What it is asked then: the catalog (its entries without the places of their cells, which no emitter reads), the
 * options, and a cell per output it was given (in the order of `kinds`), shared with the main thread: each output is
 * emitted by the thread that claims its cell first (`claim`), the worker from its first output on, the main thread,
 * once its own are done, from the last.
 */
export interface EmitRequest {
  readonly catalog: Catalog
  /** A session's request (`SessionWorker`): its catalog's entries are those it was sent before, with these changes. */
  readonly changes?: EntryChanges | undefined
  readonly options: EmitOptions
  readonly claims: Int32Array
}

/** The entries of a session's catalog: how many, and those that are not the ones it had at their index. */
export interface EntryChanges {
  readonly length: number
  readonly changed: ReadonlyArray<readonly [number, CatalogEntry]>
}

/** Told once the documents are parsed: load the emitters now, on the core the parse no longer needs, while the main thread builds the catalog. */
export interface LoadRequest {
  readonly load: true
}

/** One output emitted: its bytes, a view of a buffer given to the thread that asked. */
export interface EmittedBytes {
  readonly kind: OutputKind
  readonly buffer: ArrayBuffer
  readonly byteOffset: number
  readonly byteLength: number
}

const {outputs, kinds} = workerData as EmitWorkerData
const targets = enabledTargets(outputs).filter((target) => kinds.includes(target.key))
const first = new Set(targets.filter((target) => target.emitsFirst === true).map((target) => target.key))
let loading: Promise<Array<{kind: OutputKind, emitter: Emitter}>> | undefined

/** The emitters, loaded once. */
function loaded(): Promise<Array<{kind: OutputKind, emitter: Emitter}>> {
  if (!loading) {
    loading = Promise.all(targets.map(async (target) => ({kind: target.key, emitter: await target.load()})))
    // Settled only when asked, with the emitters: a failure to load them is the answer's.
    loading.catch(() => undefined)
  }
  return loading
}

parentPort?.on('message', (message: EmitRequest | LoadRequest) => {
  if ('load' in message) void loaded()
  else void answer(message)
})

/** A session's entries as it was sent them, and the texts of their parts this thread kept; made at its first request. */
const session: {entries: Array<CatalogEntry>, cache: EmitCache | undefined} = {entries: [], cache: undefined}

/** The catalog asked for: the one sent, or a session's entries with the changes it was sent (its cache's next run). */
function catalogOf({catalog, changes}: EmitRequest): Catalog {
  if (!changes) return catalog
  session.cache ??= new EmitCache()
  session.cache.begin()
  session.entries.length = changes.length
  for (const [index, entry] of changes.changed) session.entries[index] = entry
  return {...catalog, entries: [...session.entries]}
}

/** Emit the outputs this thread claims, and post their bytes. */
async function answer(request: EmitRequest): Promise<void> {
  const {options, claims} = request
  const catalog = catalogOf(request)
  const cache = request.changes ? session.cache : undefined
  const emitters = await loaded()
  const emitted = new Map<OutputKind, EmittedBytes>()
  // The output whose emitter holds the most memory first, as on the main thread, before the others' bytes are held; each only once claimed here (the main thread takes the last ones when it is done first).
  for (const kind of claimOrder(kinds, (kind) => first.has(kind))) {
    if (!claim(claims, kinds.indexOf(kind), byWorker)) break
    emitted.set(kind, bytesOf(kind, emitters.find((loaded) => loaded.kind === kind)?.emitter, catalog, options, cache))
  }
  const inOrder = kinds.flatMap((kind) => emitted.get(kind) ?? [])
  parentPort?.postMessage(inOrder, inOrder.map((output) => output.buffer))
}

/** An output's bytes, as the main thread's `encodedBy` or `encodeOutput` gives them. */
function bytesOf(kind: OutputKind, emitter: Emitter | undefined, catalog: Catalog, options: EmitOptions, cache: EmitCache | undefined): EmittedBytes {
  if (!emitter) throw new Error('expected an enabled output to emit in the worker, not ' + kind)
  const bytes = emitter.encode ? emitter.encode(catalog, options, cache) : Buffer.from(emitter.emit(catalog, options, cache), 'utf8')
  // Their buffer is given away (a large output's bytes are a view of one buffer of their own: ByteChunks'); Node keeps small ones in a shared pool, so those are copied first.
  const own = bytes.byteLength >= Buffer.poolSize ? bytes : new Uint8Array(bytes)
  return {kind, buffer: own.buffer as ArrayBuffer, byteOffset: own.byteOffset, byteLength: own.byteLength}
}
