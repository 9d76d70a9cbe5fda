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
    type: catalog.codeKind === 'integer' ? 'integer' : 'string',
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
    description:
      'The body of an error response: a documented code with its own message' + (catalog.hasResolve ? ', and how to resolve it.' : '.'),
    ...bodyShape(catalog, {$ref: refBase + 'ErrorCode'}, {type: 'string'}),
    oneOf: catalog.entries.map((entry) => ({$ref: refBase + entry.name}))
  }
}

/**
 * The schema of one entry's body: its code and its message, exactly.
 *
 * @param {Catalog} catalog
 * @param {CatalogEntry} entry
 * @returns {Record<string, unknown>}
 */
function entrySchema(catalog, entry) {
  return {
    title: entry.name,
    ...(entry.resolve === undefined ? {} : {description: entry.resolve}),
    ...(entry.deprecated ? {deprecated: true} : {}),
    ...bodyShape(catalog, {const: entry.code}, {const: entry.message})
  }
}

/**
 * An object with `code`, `message` and (when the catalog has them) `resolve`, all required, nothing else.
 *
 * @param {Catalog} catalog
 * @param {Record<string, unknown>} code
 * @param {Record<string, unknown>} message
 * @returns {Record<string, unknown>}
 */
function bodyShape(catalog, code, message) {
  return {
    type: 'object',
    required: catalog.hasResolve ? ['code', 'message', 'resolve'] : ['code', 'message'],
    properties: catalog.hasResolve ? {code, message, resolve: {type: 'string'}} : {code, message},
    additionalProperties: false
  }
}

/**
 * The body an entry's error is sent with.
 *
 * @param {CatalogEntry} entry
 * @returns {{code: number | string, message: string, resolve?: string}}
 */
export function exampleBody(entry) {
  const body = {code: entry.code, message: entry.message}
  return entry.resolve === undefined ? body : {...body, resolve: entry.resolve}
}

/**
 * Each entry's schema, by name.
 *
 * @param {Catalog} catalog
 * @param {(entry: CatalogEntry) => Record<string, unknown>} [extra] more keywords for an entry's schema
 * @returns {Record<string, Record<string, unknown>>}
 */
export function entrySchemas(catalog, extra) {
  return Object.fromEntries(catalog.entries.map((entry) => [entry.name, {...entrySchema(catalog, entry), ...extra?.(entry)}]))
}
