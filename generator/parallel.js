/** parallel: markdown VFiles and emit options in, what pipeline.run gives out (a promise) — the documents parsed in worker threads while the emitters load (this thread never loads remark), and a large catalog's JSON Schema and OpenAPI emitted in a worker while this thread emits the TypeScript. */
import {Worker} from 'node:worker_threads'
import {parseInWorkers} from './parse-parallel.js'
import {validate} from './validate.js'

/**
 * @import {Root} from 'mdast'
 * @import {VFile} from 'vfile'
 * @import {Catalog, EmitOptions, OutputFile, ReadDocument} from './types.js'
 * @import {Result} from './outputs.js'
 */

/** The catalog size from which a worker emits the JSON Schema and OpenAPI: about 0.1 s of work below it, no more than a worker's start. */
export const parallelEmitFrom = 5000

/**
 * Read, check and emit, as pipeline.run does.
 *
 * @param {ReadonlyArray<VFile>} documents
 * @param {EmitOptions} options
 * @returns {Promise<Result>}
 */
export async function runParallel(documents, options) {
  const reading = readInWorkers(documents)
  const {catalogOf} = await import('./outputs.js')
  const {catalog, ok} = catalogOf(documents, await reading)
  return {catalog, files: ok ? await emitInParallel(catalog, options) : [], ok}
}

/**
 * Parse in worker threads and validate here; the trees are dropped once read.
 *
 * @param {ReadonlyArray<VFile>} documents
 * @returns {Promise<Array<ReadDocument>>}
 */
async function readInWorkers(documents) {
  const trees = await parseInWorkers(documents).catch(() => parseHere(documents))
  return documents.map((file, index) => validate(/** @type {Root} */ (trees[index]), file))
}

/**
 * The plain parse, in this thread: when worker threads cannot run.
 *
 * @param {ReadonlyArray<VFile>} documents
 */
async function parseHere(documents) {
  const {parse} = await import('./parse.js')
  return documents.map((file) => parse(file))
}

/**
 * Emit every output, as outputs.emit does; from `from` entries, the JSON Schema and OpenAPI in a worker thread.
 *
 * @param {Catalog} catalog
 * @param {EmitOptions} options
 * @param {number} [from]
 * @returns {Promise<Array<OutputFile>>}
 */
export async function emitInParallel(catalog, options, from = parallelEmitFrom) {
  const {emit, emitTypeScriptFile} = await import('./outputs.js')
  if (catalog.entries.length < from) return emit(catalog, options)
  const data = emitDataInWorker(catalog, options)
  const typescript = emitTypeScriptFile(catalog, options)
  return [typescript, ...(await data)]
}

/**
 * The JSON Schema and OpenAPI files, emitted in a worker thread (here when it fails).
 *
 * @param {Catalog} catalog
 * @param {EmitOptions} options
 * @returns {Promise<Array<OutputFile>>}
 */
async function emitDataInWorker(catalog, options) {
  try {
    return await inWorker(new URL('emit-worker.js', import.meta.url), {catalog, options})
  } catch {
    const {emitDataFiles} = await import('./emit/data.js')
    return emitDataFiles(catalog, options)
  }
}

/**
 * Post one message to a new worker thread and resolve with its one answer.
 *
 * @template T
 * @param {URL} url
 * @param {unknown} message
 * @returns {Promise<T>}
 */
function inWorker(url, message) {
  return new Promise((resolve, reject) => {
    const worker = new Worker(url)
    worker.once('message', (answer) => {
      resolve(answer)
      void worker.terminate()
    })
    worker.once('error', reject)
    worker.once('exit', (code) => reject(new Error('emit worker exited with code ' + code)))
    worker.postMessage(message)
  })
}
