/** pipeline: markdown VFiles and the configuration in, the catalog and the generated files out, in this thread (no I/O: the spine reads and writes); parallel.js gives the same with the parsing in worker threads. */
import {buildOutputs} from '../../generator/emit/index.js'
import {parse} from '../../generator/parse/parse.js'
import {validate} from '../../generator/tables/validate.js'

/**
 * @import {VFile} from 'vfile'
 * @import {EmitOptions, ReadOptions} from '../../generator/types.js'
 * @import {Result} from '../../generator/emit/index.js'
 */

/**
 * Read, check and emit. Messages are added to the files; nothing is emitted when any is an error.
 *
 * @param {ReadonlyArray<VFile>} documents
 * @param {ReadOptions & EmitOptions} options
 * @returns {Result}
 */
export function run(documents, options) {
  return buildOutputs(documents, documents.map((file) => validate(parse(file), file, options)), options)
}
