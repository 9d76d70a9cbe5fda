/** outputs: what validate read from markdown VFiles, and the configuration, in; the catalog and the generated files out (no I/O, and no markdown parser: parallel.js runs it on trees parsed in workers). */
import {buildCatalog} from '../catalog/build.js'
import {emitJsonSchema} from './json-schema.js'
import {emitOpenApi} from './openapi.js'
import {emitTypeScript} from './typescript.js'

/**
 * @import {VFile} from 'vfile'
 * @import {Catalog, EmitOptions, OutputFile, ReadDocument, ReadOptions} from '../types.js'
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
 * @param {ReadOptions & EmitOptions} options
 * @returns {Result}
 */
export function buildOutputs(documents, read, options) {
  const catalog = buildCatalog(read, options, documents.map((file) => file.path))
  const ok = documents.every((file) => file.messages.every((message) => !message.fatal))
  return {catalog, files: ok ? emit(catalog, options) : [], ok}
}

/**
 * Emit every output the options name.
 *
 * @param {Catalog} catalog
 * @param {EmitOptions} options
 * @returns {Array<OutputFile>}
 */
export function emit(catalog, options) {
  const {typescript, jsonSchema, openapi} = options.outputs
  /** @type {Array<OutputFile>} */
  const files = []
  if (typescript) files.push({kind: 'typescript', name: typescript, text: emitTypeScript(catalog, options.typescript.style)})
  if (jsonSchema) files.push({kind: 'jsonSchema', name: jsonSchema, text: emitJsonSchema(catalog, options.jsonSchema.id)})
  if (openapi) files.push({kind: 'openapi', name: openapi, text: emitOpenApi(catalog, options.openapi)})
  return files
}
