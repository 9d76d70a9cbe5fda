/** emit/schema/body-schema: a catalog in, the JSON Schema 2020-12 objects of the error body (shared by the JSON Schema and OpenAPI emitters) out. */
import type {Catalog, CatalogEntry} from '../../types.js'

/** A JSON Schema object, or a part of one. */
type Schema = Record<string, unknown>

/** The schema of the `code` property: every documented code. */
export function errorCodeSchema(catalog: Catalog): Schema {
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
 * @param refBase where the entries' and the code's schemas are (`#/$defs/`)
 */
export function errorBodySchema(catalog: Catalog, refBase: string): Schema {
  return {
    title: 'ErrorBody',
    description:
      'The body of an error response: a documented code with its own message' + (catalog.hasResolve ? ', and how to resolve it.' : '.'),
    ...bodyShape(catalog, {$ref: refBase + 'ErrorCode'}, {type: 'string'}),
    oneOf: catalog.entries.map((entry) => ({$ref: refBase + entry.name}))
  }
}

/** The schema of one entry's body: its code and its message, exactly. */
function entrySchema(catalog: Catalog, entry: CatalogEntry): Schema {
  return {
    title: entry.name,
    ...(entry.resolve === undefined ? {} : {description: entry.resolve}),
    ...(entry.deprecated ? {deprecated: true} : {}),
    ...bodyShape(catalog, {const: entry.code}, {const: entry.message})
  }
}

/** An object with `code`, `message` and (when the catalog has them) `resolve`, all required, nothing else. */
function bodyShape(catalog: Catalog, code: Schema, message: Schema): Schema {
  return {
    type: 'object',
    required: catalog.hasResolve ? ['code', 'message', 'resolve'] : ['code', 'message'],
    properties: catalog.hasResolve ? {code, message, resolve: {type: 'string'}} : {code, message},
    additionalProperties: false
  }
}

/** The body an entry's error is sent with. */
export function exampleBody(entry: CatalogEntry): {code: number | string; message: string; resolve?: string} {
  const body = {code: entry.code, message: entry.message}
  return entry.resolve === undefined ? body : {...body, resolve: entry.resolve}
}

/**
 * Each entry's schema, by name.
 *
 * @param extra more keywords for an entry's schema
 */
export function entrySchemas(catalog: Catalog, extra?: (entry: CatalogEntry) => Schema): Record<string, Schema> {
  return Object.fromEntries(catalog.entries.map((entry) => [entry.name, {...entrySchema(catalog, entry), ...extra?.(entry)}]))
}
