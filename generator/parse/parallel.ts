/** parallel: markdown VFiles and the configuration in, what pipeline.run gives out (a promise) — the documents parsed in worker threads while the emitters load, so this thread never loads remark. */
import {parseInWorkers} from './workers.js'
import {validate} from '../tables/validate.js'

/**
 * @import {VFile} from 'vfile'
 * @import {EmitOptions, ReadDocument, ReadOptions} from '../types.js'
 * @import {Result} from '../emit/index.js'
 */

/**
 * Read, check and emit, as pipeline.run does.
 *
 * @param {ReadonlyArray<VFile>} documents
 * @param {ReadOptions & EmitOptions} options
 * @returns {Promise<Result>}
 */
export async function runParallel(documents, options) {
  const reading = readInWorkers(documents, options)
  const {buildOutputs} = await import('../emit/index.js')
  return buildOutputs(documents, await reading, options)
}

/**
 * Parse in worker threads and validate here; the trees are dropped once read.
 *
 * @param {ReadonlyArray<VFile>} documents
 * @param {ReadOptions} options
 * @returns {Promise<Array<ReadDocument>>}
 */
async function readInWorkers(documents, options) {
  const trees = await parseInWorkers(documents).catch(() => parseHere(documents))
  return documents.map((file, index) => validate(/** @type {import('mdast').Root} */ (trees[index]), file, options))
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
