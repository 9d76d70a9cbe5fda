/** outputs: what validate read from markdown VFiles, and emit options, in; the catalog and the generated files out (no I/O). */
import {buildCatalog} from './catalog.js'
import {emitDataFiles, outputNames} from './emit/data.js'
import {emitTypeScript} from './emit/typescript.js'

export {outputNames} from './emit/data.js'

/**
 * @import {VFile} from 'vfile'
 * @import {Catalog, EmitOptions, OutputFile, ReadDocument} from './types.js'
 */

/**
 * @typedef Result
 * @property {Catalog} catalog
 * @property {Array<OutputFile>} files the outputs; empty when any document has an error
 * @property {boolean} ok whether no document has an error
 */

/**
 * Build the catalog and emit. Messages are added to the files; nothing is emitted when any is an error.
 *
 * @param {ReadonlyArray<VFile>} documents
 * @param {ReadonlyArray<ReadDocument>} read what validate read from each document
 * @param {EmitOptions} options
 * @returns {Result}
 */
export function buildOutputs(documents, read, options) {
  const {catalog, ok} = catalogOf(documents, read)
  return {catalog, files: ok ? emit(catalog, options) : [], ok}
}

/**
 * The catalog of the documents' rows (its messages are added to the files), and whether no document has an error.
 *
 * @param {ReadonlyArray<VFile>} documents
 * @param {ReadonlyArray<ReadDocument>} read what validate read from each document
 * @returns {{catalog: Catalog, ok: boolean}}
 */
export function catalogOf(documents, read) {
  const catalog = buildCatalog(
    read.flatMap((document) => document.rows),
    read.flatMap((document) => document.codes),
    documents.map((file) => file.path)
  )
  const ok = documents.every((file) => file.messages.every((message) => !message.fatal))
  return {catalog, ok}
}

/**
 * Emit every output: the TypeScript, the JSON Schema, the OpenAPI document.
 *
 * @param {Catalog} catalog
 * @param {EmitOptions} options
 * @returns {Array<OutputFile>}
 */
export function emit(catalog, options) {
  return [emitTypeScriptFile(catalog, options), ...emitDataFiles(catalog, options)]
}

/**
 * The TypeScript file.
 *
 * @param {Catalog} catalog
 * @param {EmitOptions} options
 * @returns {OutputFile}
 */
export function emitTypeScriptFile(catalog, options) {
  const name = outputNames(options.baseName).typescript
  return {name, text: emitTypeScript(catalog, name)}
}
