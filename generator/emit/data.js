/** emit/data: a catalog and emit options in, the JSON Schema and OpenAPI files out — the outputs that need no ts-morph, so that a worker thread can emit them — and the output file names. */
import {emitJsonSchema} from './json-schema.js'
import {emitOpenApi} from './openapi.js'

/**
 * @import {Catalog, EmitOptions, OutputFile} from '../types.js'
 */

/**
 * The JSON Schema and OpenAPI files.
 *
 * @param {Catalog} catalog
 * @param {EmitOptions} options
 * @returns {Array<OutputFile>}
 */
export function emitDataFiles(catalog, options) {
  const names = outputNames(options.baseName)
  return [
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
