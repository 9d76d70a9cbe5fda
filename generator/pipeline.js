/** pipeline: markdown VFiles and emit options in, the catalog and the generated files out (no I/O: the spine reads and writes); parallel.js gives the same in worker threads. */
import {buildOutputs} from './outputs.js'
import {parse} from './parse.js'
import {validate} from './validate.js'

export {emit, outputNames} from './outputs.js'

/**
 * @import {VFile} from 'vfile'
 * @import {EmitOptions} from './types.js'
 */

/**
 * @typedef {import('./outputs.js').Result} Result
 */

/**
 * Read, check and emit. Messages are added to the files; nothing is emitted when any is an error.
 *
 * @param {ReadonlyArray<VFile>} documents
 * @param {EmitOptions} options
 * @returns {Result}
 */
export function run(documents, options) {
  const read = documents.map((file) => validate(parse(file), file))
  return buildOutputs(documents, read, options)
}
