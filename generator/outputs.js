/** outputs: what validate read from markdown VFiles, and emit options, in; the catalog and the generated files out (no I/O). */
import {buildCatalog} from './catalog.js'
import {emitJsonSchema} from './emit/json-schema.js'
import {emitOpenApi} from './emit/openapi.js'
import {emitTypeScript} from './emit/typescript.js'

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
  const catalog = buildCatalog(
    read.flatMap((document) => document.rows),
    read.flatMap((document) => document.codes),
    documents.map((file) => file.path)
  )
  const ok = documents.every((file) => file.messages.every((message) => !message.fatal))
  return {catalog, files: ok ? emit(catalog, options) : [], ok}
}

/**
 * Emit every output.
 *
 * @param {Catalog} catalog
 * @param {EmitOptions} options
 * @returns {Array<OutputFile>}
 */
export function emit(catalog, options) {
  const names = outputNames(options.baseName)
  return [
    {name: names.typescript, text: emitTypeScript(catalog, names.typescript)},
    {name: names.schema, text: emitJsonSchema(catalog, names.schema)},
    {name: names.openapi, text: emitOpenApi(catalog, options)}
  ]
}

/**
 * The output file names for a base name (`error-codes`).
 *
 * @param {string} baseName
 */
export function outputNames(baseName) {
  return {
    typescript: baseName + '.ts',
    schema: baseName + '.schema.json',
    openapi: baseName + '.openapi.yaml'
  }
}
