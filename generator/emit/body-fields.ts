/** emit/body-fields: a catalog and the body options in, the fields of the error body out — the configured ones, or the columns read — those only some entries have, and each entry's fields and body. */
import {exampleMessage, exampleResolve, exampleValues, type ParamValues} from '../params/fill.js'
import type {BodyField, BodyOptions, Catalog, CatalogEntry} from '../types.js'

/** An error body as the outputs give it. */
export type Body = Partial<Record<BodyField, number | string>> & {params?: ParamValues}

/** Whether the bodies of the codes with parameters hold their values (`body.params`, and some message has parameters). */
export function bodyParams(catalog: Catalog, body: BodyOptions): boolean {
  return body.params === true && hasParams(catalog)
}

/** Whether each catalog has an entry with parameters, found once per catalog (asked for every entry's schema and example). */
const withParams = new WeakMap<Catalog, boolean>()

function hasParams(catalog: Catalog): boolean {
  let found = withParams.get(catalog)
  if (found === undefined) {
    found = catalog.entries.some((entry) => entry.params !== undefined)
    withParams.set(catalog, found)
  }
  return found
}

/** The fields of the body: the configured ones, else `code`, `message` and (when the catalog has them) `resolve`. */
export function bodyFields(catalog: Catalog, body: BodyOptions): ReadonlyArray<BodyField> {
  if (body.fields !== undefined) return body.fields
  return catalog.hasResolve ? ['code', 'message', 'resolve'] : ['code', 'message']
}

/**
 * The fields some entries lack: `status` or `resolve` when `optionalColumns` lets tables differ in the column and an
 * entry's table has none. A body has such a field only when its entry has it.
 */
export function partialFields(catalog: Catalog, fields: ReadonlyArray<BodyField>): ReadonlyArray<BodyField> {
  return fields.filter((field) => catalog.entries.some((entry) => entry[field] === undefined))
}

/** Whether the catalog has the column but some entries lack it (`optionalColumns`, and a table without the column). */
export function isPartial(catalog: Catalog, field: 'status' | 'resolve'): boolean {
  return (field === 'status' ? catalog.hasStatus : catalog.hasResolve) && catalog.entries.some((entry) => entry[field] === undefined)
}

/** The fields of an entry's body: the body's fields that the entry has a value for. */
export function entryFields(entry: CatalogEntry, fields: ReadonlyArray<BodyField>): ReadonlyArray<BodyField> {
  return fields.filter((field) => entry[field] !== undefined)
}

/**
 * The body an entry's error is sent with: its value of each field, in the order of the fields; a message and resolve
 * text with parameters filled in with example values (each parameter's name).
 */
export function entryBody(entry: CatalogEntry, fields: ReadonlyArray<BodyField>, params = false): Body {
  const body: Body = {}
  for (const field of fields) {
    const value = field === 'message' ? exampleMessage(entry) : field === 'resolve' ? exampleResolve(entry) : entry[field]
    if (value !== undefined) body[field] = value
  }
  if (params && entry.params) body.params = exampleValues(entry.params)
  return body
}

/** The extra fields bodies may hold by name (none when any are allowed, or none). */
export function namedExtraFields(body: BodyOptions): ReadonlyArray<string> {
  return Array.isArray(body.extraFields) ? body.extraFields : []
}
