/** emit/parallel/worker: the body of an emit worker thread — a catalog, the emit options and the kinds of output to emit in (its `workerData`), each output's UTF-8 bytes out, in one message, in the order asked. */
import {parentPort, workerData} from 'node:worker_threads'
import {enabledTargets} from '../../targets/index.js'
import type {Emitter} from '../../targets/target.js'
import type {Catalog, EmitOptions, OutputKind} from '../../types.js'

/** What the thread is given: the catalog (its entries without the places of their cells, which no emitter reads), the options, the outputs to emit. */
export interface EmitRequest {
  readonly catalog: Catalog
  readonly options: EmitOptions
  readonly kinds: ReadonlyArray<OutputKind>
}

/** One output emitted: its bytes, a view of a buffer given to the thread that asked. */
export interface EmittedBytes {
  readonly kind: OutputKind
  readonly buffer: ArrayBuffer
  readonly byteOffset: number
  readonly byteLength: number
}

const {catalog, options, kinds} = workerData as EmitRequest
const targets = enabledTargets(options.outputs).filter((target) => kinds.includes(target.key))
const emitters = await Promise.all(targets.map(async (target) => ({kind: target.key, emitter: await target.load()})))
const emitted = kinds.map((kind) => bytesOf(kind, emitters.find((loaded) => loaded.kind === kind)?.emitter))
parentPort?.postMessage(emitted, emitted.map((output) => output.buffer))

/** An output's bytes, as the main thread's `encodedBy` or `encodeOutput` gives them. */
function bytesOf(kind: OutputKind, emitter: Emitter | undefined): EmittedBytes {
  if (!emitter) throw new Error('expected an enabled output to emit in the worker, not ' + kind)
  const bytes = emitter.encode ? emitter.encode(catalog, options) : Buffer.from(emitter.emit(catalog, options), 'utf8')
  // Their buffer is given away (a large output's bytes are a view of one buffer of their own: ByteChunks'); Node keeps small ones in a shared pool, so those are copied first.
  const own = bytes.byteLength >= Buffer.poolSize ? bytes : new Uint8Array(bytes)
  return {kind, buffer: own.buffer as ArrayBuffer, byteOffset: own.byteOffset, byteLength: own.byteLength}
}
