/** emit/body-fields: a catalog and the body options in, the fields of the error body out — the configured ones, or the columns read — and each entry's body. */
import type {BodyField, BodyOptions, Catalog, CatalogEntry} from '../types.js'

/** An error body as the outputs give it. */
export type Body = Partial<Record<BodyField, number | string>>

/** The fields of the body: the configured ones, else `code`, `message` and (when the catalog has them) `resolve`. */
export function bodyFields(catalog: Catalog, body: BodyOptions): ReadonlyArray<BodyField> {
  if (body.fields !== undefined) return body.fields
  return catalog.hasResolve ? ['code', 'message', 'resolve'] : ['code', 'message']
}

/** The body an entry's error is sent with: its value of each field, in the order of the fields. */
export function entryBody(entry: CatalogEntry, fields: ReadonlyArray<BodyField>): Body {
  const body: Body = {}
  for (const field of fields) {
    const value = entry[field]
    if (value !== undefined) body[field] = value
  }
  return body
}

/** The extra fields bodies may hold by name (none when any are allowed, or none). */
export function namedExtraFields(body: BodyOptions): ReadonlyArray<string> {
  return Array.isArray(body.extraFields) ? body.extraFields : []
}
