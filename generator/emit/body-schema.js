/** emit/body-schema: a catalog in, the JSON Schema 2020-12 objects of the error body (shared by the JSON Schema and OpenAPI emitters) out. */

/**
 * @import {Catalog, CatalogEntry} from '../types.js'
 */

/**
 * The schema of the `code` property: every documented code.
 *
 * @param {Catalog} catalog
 * @returns {Record<string, unknown>}
 */
export function errorCodeSchema(catalog) {
  return {
    title: 'ErrorCode',
    description: 'A documented error code.',
    type: 'integer',
    enum: catalog.entries.map((entry) => entry.code)
  }
}

/**
 * The schema of any documented error body: the shape, and one of the entries' schemas.
 *
 * @param {Catalog} catalog
 * @param {string} refBase where the entries' and the code's schemas are (`#/$defs/`)
 * @returns {Record<string, unknown>}
 */
export function errorBodySchema(catalog, refBase) {
  return {
    title: 'ErrorBody',
    description: 'The body of an error response: a documented code with its own message, and how to resolve it.',
    type: 'object',
    required: ['code', 'message', 'resolve'],
    properties: {
      code: {$ref: refBase + 'ErrorCode'},
      message: {type: 'string'},
      resolve: {type: 'string'}
    },
    additionalProperties: false,
    oneOf: catalog.entries.map((entry) => ({$ref: refBase + entry.name}))
  }
}

/**
 * The schema of one entry's body: its code and its message, exactly.
 *
 * @param {CatalogEntry} entry
 * @returns {Record<string, unknown>}
 */
export function entrySchema(entry) {
  return {
    title: entry.name,
    description: entry.resolve,
    type: 'object',
    required: ['code', 'message', 'resolve'],
    properties: {
      code: {const: entry.code},
      message: {const: entry.message},
      resolve: {type: 'string'}
    },
    additionalProperties: false
  }
}

/**
 * The body an entry's error is sent with.
 *
 * @param {CatalogEntry} entry
 * @returns {{code: number, message: string, resolve: string}}
 */
export function exampleBody(entry) {
  return {code: entry.code, message: entry.message, resolve: entry.resolve}
}

/**
 * Each entry's schema, by name.
 *
 * @param {Catalog} catalog
 * @returns {Record<string, Record<string, unknown>>}
 */
export function entrySchemas(catalog) {
  return Object.fromEntries(catalog.entries.map((entry) => [entry.name, entrySchema(entry)]))
}
