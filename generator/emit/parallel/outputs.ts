/** emit/parallel/outputs: the loaded emitters, a catalog and its emit options in, every output out — for a large cold run, the outputs but the TypeScript module emitted in a worker thread as their bytes while this thread emits TypeScript; all on this thread otherwise. */
import {Worker} from 'node:worker_threads'
import {enabledTargets} from '../../targets/index.js'
import type {Catalog, CatalogEntry, EmitOptions, EntrySource, OutputFile, OutputKind} from '../../types.js'
import type {EmitCache} from '../cache.js'
import {EncodedOutput} from '../encoded.js'
import {emitWith, type LoadedEmitter, type OneAtATime} from '../index.js'
import type {EmitRequest, EmittedBytes} from './worker.js'

/**
 * From this many entries the other outputs are emitted in a worker: below, starting a thread and loading the emitters
 * in it costs about what it saves (at 20,000 entries, the TypeScript module takes this thread 1.2–1.5 s, the JSON
 * Schema and OpenAPI document together about as long).
 */
const parallelFrom = 2000


/**
 * The worker's script. Built, this module has worker.js beside it; run from its TypeScript source (vitest), it starts
 * the built dist/emit/parallel/worker.js, as the parse workers do.
 */
const workerUrl = import.meta.url.endsWith('.ts')
  ? new URL('../../../dist/emit/parallel/worker.js', import.meta.url)
  : new URL('./worker.js', import.meta.url)

/**
 * Emit every output the emitters give, in their order, as `emitWith` does. A run that keeps its outputs as bytes
 * (`oneAtATime`), keeps no session's texts (`cache`) and has at least `from` entries emits the outputs whose target
 * emits on the main thread (the TypeScript module) here and the others in a worker thread at the same time, on the
 * other core; the bytes are the same.
 */
export async function emitOutputs(
  emitters: ReadonlyArray<LoadedEmitter>,
  catalog: Catalog,
  options: EmitOptions,
  cache?: EmitCache,
  oneAtATime?: OneAtATime,
  from: number = parallelFrom
): Promise<Array<OutputFile>> {
  const here = new Set(enabledTargets(options.outputs).filter((target) => target.emitsOnMainThread === true).map((target) => target.key))
  const mine = emitters.filter((loaded) => here.has(loaded.kind))
  const theirs = emitters.filter((loaded) => !here.has(loaded.kind))
  if (!oneAtATime || cache || catalog.entries.length < from || mine.length === 0 || theirs.length === 0) return emitWith(emitters, catalog, options, cache, oneAtATime)
  const elsewhere = emitInWorker(catalog, options, theirs.map((loaded) => loaded.kind))
  // Awaited below, once this thread's outputs are emitted: until then a failure must not count as unhandled.
  elsewhere.catch(() => undefined)
  const emitted = new Map([...emitWith(mine, catalog, options, undefined, oneAtATime), ...(await elsewhere)].map((file) => [file.kind, file]))
  return emitters.map(({kind}) => emitted.get(kind) as OutputFile)
}

/** The outputs of these kinds as their bytes, emitted in a worker thread of their own. */
function emitInWorker(catalog: Catalog, options: EmitOptions, kinds: ReadonlyArray<OutputKind>): Promise<Array<EncodedOutput>> {
  return new Promise((resolve, reject) => {
    const request: EmitRequest = {catalog: withoutPlaces(catalog), options, kinds}
    // None of the host's Node.js options, as for the parse workers: some stop a worker from starting at all.
    const worker = new Worker(workerUrl, {workerData: request, execArgv: []})
    worker.once('message', (emitted: Array<EmittedBytes>) => resolve(emitted.map((output) => encodedOutput(output, options))))
    worker.once('error', (cause) => reject(emitFailure(cause instanceof Error ? cause.message : String(cause), cause)))
    // After its message, the worker's exit changes nothing (the promise is settled).
    worker.once('exit', (code) => reject(emitFailure('it exited with code ' + code)))
  })
}

/** An output the worker emitted, held as the bytes it gave. */
function encodedOutput(output: EmittedBytes, options: EmitOptions): EncodedOutput {
  return new EncodedOutput(output.kind, options.outputs[output.kind] as string, Buffer.from(output.buffer, output.byteOffset, output.byteLength))
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
