/** emit/schema/body-schema: a catalog and the body options in, the JSON Schema 2020-12 objects of the error body (shared by the JSON Schema and OpenAPI emitters) out, keyed on `code` so that a validator names what is wrong. */
import type {EmitCache} from '../cache.js'
import type {BodyField, BodyMessages, BodyOptions, Catalog, CatalogEntry, MessageParam, Translation} from '../../types.js'
import {templatePattern} from '../../params/fill.js'
import {type Body, bodyFields, bodyParams, entryBody, entryFields, namedExtraFields, partialFields} from '../body-fields.js'

/** A JSON Schema object, or a part of one. */
type Schema = Record<string, unknown>

/**
 * The text of a per-code schema's `description`: the resolve text as bodies carry it (the JSON Schema), or with its
 * links' URLs (the OpenAPI document, whose descriptions are CommonMark).
 */
export type Describe = (entry: CatalogEntry) => string | undefined

/**
 * How an emitter takes an entry's part of a schema: made now (a single run), or as a value whose text a session
 * keeps (`EmitCache`), made only when the entry changed.
 *
 * @param entry the entry the part is made of; or, for a part made of several entries, what gives the key of all it is
 *   made of (every value it reads of them, written out, or a key the session's cache gives), asked only by a session
 * @param part which part of the entry it is (`schema`, `example`)
 */
export type Keep = (entry: CatalogEntry | ((cache: EmitCache) => string), part: string, make: () => unknown) => unknown

/** Every part made now. */
export const makeNow: Keep = (_entry, _part, make) => make()

/** The resolve text as bodies carry it. */
export const bodyText: Describe = (entry) => entry.resolve

/** The resolve text with its links' URLs (`[docs](https://…)`). */
export const docsText: Describe = (entry) => entry.docs?.resolve ?? entry.resolve

/** Up to this many codes, the body schema tests each code in one list; beyond, in groups of about √n codes. */
const flatLimit = 100

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
 * The schema of any documented error body: the shape, and for each code an `if` on the code whose `then` is that
 * code's message. A body with a wrong message for a code gets the error of that code's message (and at most two
 * `if` errors above it), not one per code. Beyond `flatLimit` codes, the codes are grouped, each group a schema of
 * its own (`ErrorBody.1`, …), which validators compile as a function of its own.
 *
 * @param refBase where the entries', the groups' and the code's schemas are (`#/$defs/`)
 * @returns `ErrorBody` and the groups' schemas, by name
 */
export function errorBodySchemas(catalog: Catalog, body: BodyOptions, refBase: string, keep: Keep = makeNow): Record<string, unknown> {
  const fields = bodyFields(catalog, body)
  const partial = partialFields(catalog, fields)
  const schemas = {
    code: {$ref: refBase + 'ErrorCode'},
    status: {type: 'integer', enum: catalog.statuses.map((status) => status.code)},
    message: {type: 'string'},
    resolve: {type: 'string'}
  }
  const shape = withParamsProperty(bodyShape(body, fields, fields.filter((field) => !partial.includes(field)), schemas), bodyParams(catalog, body))
  const {branches, groups} = keyedOnCode(catalog.entries, fields, partial, refBase, bodyParams(catalog, body), keep)
  const errorBody = {title: 'ErrorBody', description: 'The body of an error response: ' + describeFields(fields) + '.', ...shape, allOf: branches}
  return {ErrorBody: errorBody, ...groups}
}

/** `a documented code with its own message, and how to resolve it` */
function describeFields(fields: ReadonlyArray<BodyField>): string {
  const parts = ['a documented code with its own message']
  if (fields.includes('status')) parts.push('its HTTP status')
  if (fields.includes('resolve')) parts.push('how to resolve it')
  return parts.length === 1 ? parts[0] as string : parts.slice(0, -1).join(', ') + ' and ' + parts.at(-1)
}

/**
 * One `if`/`then` per code, whose `then` is the code's documented values (its message, and its status when bodies hold
 * it) as its own schema has them; beyond `flatLimit` codes, one per group of codes, whose `then` is the group's schema.
 * A field only some entries have (`partial`) is required by the `then` of a code that has it, and refused by the others'.
 * Each group's schema is taken by `keep`, keyed on what its branches read of its entries.
 */
function keyedOnCode(
  entries: ReadonlyArray<CatalogEntry>,
  fields: ReadonlyArray<BodyField>,
  partial: ReadonlyArray<BodyField>,
  refBase: string,
  params: boolean,
  keep: Keep
): {branches: Array<Schema>, groups: Record<string, unknown>} {
  const documented = fields.filter((field) => field === 'message' || field === 'status' || partial.includes(field))
  const withParams = (entry: CatalogEntry): boolean => params && entry.params !== undefined
  // Built member by member: an object spread from `Object.fromEntries` cost several microseconds an entry.
  const values = (entry: CatalogEntry): Schema => {
    const schema: Schema = {}
    for (const field of documented) schema[field] = entry[field] === undefined ? false : {$ref: refBase + entry.name + '/properties/' + field}
    if (withParams(entry)) schema['params'] = {$ref: refBase + entry.name + '/properties/params'}
    return schema
  }
  const present = (entry: CatalogEntry): Schema => {
    const required = [...entryFields(entry, partial), ...(withParams(entry) ? ['params'] : [])]
    return required.length > 0 ? {required: [...required]} : {}
  }
  const branch = (entry: CatalogEntry): Schema => ({if: codeIs({const: entry.code}), then: {properties: values(entry), ...present(entry)}})
  if (entries.length <= flatLimit) return {branches: entries.map(branch), groups: {}}
  const size = Math.ceil(Math.sqrt(entries.length))
  const branches: Array<Schema> = []
  const groups: Record<string, unknown> = {}
  const read = (entry: CatalogEntry): string => JSON.stringify([entry.code, entry.name, documented.map((field) => entry[field] === undefined), entryFields(entry, partial), withParams(entry)])
  // What the groups' branches read besides their entries, written out once: a part of each group's list's name.
  const shared = JSON.stringify([refBase, documented, partial, params])
  for (let start = 0; start < entries.length; start += size) {
    const group = entries.slice(start, start + size)
    const name = 'ErrorBody.' + (branches.length + 1)
    // Keyed on its entries' keys (an entry whose content is the same reads the same), its items compared only for an entry that changed.
    const key = (cache: EmitCache) => cache.listKey('body-group\0' + name + '\0' + shared, group, read)
    groups[name] = keep(key, 'body-group', () => ({
      title: name,
      description: 'The bodies of the codes ' + String(group[0]?.code) + ' to ' + String(group.at(-1)?.code) + '.',
      type: 'object',
      allOf: group.map(branch)
    }))
    branches.push({if: codeIs(codeAmong(group)), then: {$ref: refBase + name}})
  }
  return {branches, groups}
}

/**
 * A condition on a code that holds for the codes of a group, sorted and contiguous: a range for integers, an
 * anchored alternation for strings (one keyword either way, which validators compile flat).
 */
function codeAmong(group: ReadonlyArray<CatalogEntry>): Schema {
  const codes = group.map((entry) => entry.code)
  if (typeof codes[0] === 'number') return {type: 'integer', minimum: codes[0], maximum: codes.at(-1)}
  return {type: 'string', pattern: '^(?:' + codes.map((code) => escapeRegExp(String(code))).join('|') + ')$'}
}

/** A string matched literally in a regular expression (ECMA-262, with or without the `u` flag). */
function escapeRegExp(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&')
}

/** A condition on the body's code (an object without a code does not meet it). */
function codeIs(code: Schema): Schema {
  return {properties: {code}, required: ['code']}
}

/**
 * The schema of one entry's body: each field's documented value (the resolve text as any string), only the fields the
 * entry has.
 */
function entrySchema(catalog: Catalog, body: BodyOptions, entry: CatalogEntry, describe: Describe): Schema {
  const fields = entryFields(entry, bodyFields(catalog, body))
  const description = describe(entry)
  const params = bodyParams(catalog, body) && entry.params !== undefined
  const shape = bodyShape(body, fields, fields, {code: {const: entry.code}, status: {const: entry.status}, message: messageSchema(entry, body.messages), resolve: {type: 'string'}})
  return {
    title: entry.name,
    ...(description === undefined ? {} : {description}),
    ...(entry.deprecated ? {deprecated: true} : {}),
    ...(params ? withEntryParams(shape, entry) : shape),
    examples: [entryBody(entry, fields, params)]
  }
}

/** The body's shape with a `params` member of any values, when bodies hold the parameters. */
function withParamsProperty(shape: Schema, params: boolean): Schema {
  if (!params) return shape
  const description = 'The values of the parameters of the message (and resolve text), by name, for a code whose message has some.'
  return {...shape, properties: {...(shape['properties'] as Schema), params: {type: 'object', description}}}
}

/** The schema of a parameter's value: any text or number for a brace, a string for `%s`, an integer for `%d`. */
const paramValueSchemas: Readonly<Record<MessageParam['type'], Schema>> = {text: {anyOf: [{type: 'string'}, {type: 'number'}]}, string: {type: 'string'}, integer: {type: 'integer'}}

/** An entry's shape with its `params` member required: exactly its parameters, each a string or a number. */
function withEntryParams(shape: Schema, entry: CatalogEntry): Schema {
  const names = (entry.params ?? []).map((param) => param.name)
  const params = {
    type: 'object',
    description: 'The values of the parameters of the message, by name.',
    required: names,
    properties: Object.fromEntries((entry.params ?? []).map((param) => [param.name, paramValueSchemas[param.type]])),
    additionalProperties: false
  }
  return {...shape, required: [...(shape['required'] as Array<string>), 'params'], properties: {...(shape['properties'] as Schema), params}}
}

/**
 * The schema of an entry's message: its text; for a message with parameters, the pattern of its filled-in texts (each
 * parameter a non-empty run of text, the rest as written), described by its template.
 */
export function messageSchema(entry: CatalogEntry, messages: BodyMessages | undefined): Schema {
  if (entry.translations) return translatedMessageSchema(entry, entry.translations, messages)
  if (!entry.templates || !entry.params) return {const: entry.message}
  const names = entry.params.map((param) => param.name).join(', ')
  return {type: 'string', description: entry.message + ' (with ' + names + ' filled in)', pattern: templatePattern(entry.templates.message)}
}

/**
 * The schema of the message of an entry with translations: any text with `"messages": "any"`; else one of its
 * locales' messages, or for a message with parameters the pattern of any locale's filled-in texts (the default
 * locale's first).
 */
function translatedMessageSchema(entry: CatalogEntry, translations: Readonly<Record<string, Translation>>, messages: BodyMessages | undefined): Schema {
  const localized = Object.values(translations)
  if (messages === 'any') return {type: 'string', description: entry.message + ' (or its translation)'}
  if (!entry.templates || !entry.params) return {enum: [...new Set([entry.message, ...localized.map((translation) => translation.message)])]}
  const names = entry.params.map((param) => param.name).join(', ')
  const patterns = [entry.templates.message, ...localized.flatMap((translation) => (translation.templates ? [translation.templates.message] : []))].map((template) => templatePattern(template).slice(1, -1))
  return {type: 'string', description: entry.message + ' (with ' + names + ' filled in, or its translation)', pattern: '^(?:' + [...new Set(patterns)].join('|') + ')$'}
}

/**
 * An object with these fields, the required ones required, and the extra fields allowed (by name, or any).
 *
 * @param required the fields every body has (all but those only some entries have)
 */
function bodyShape(body: BodyOptions, fields: ReadonlyArray<BodyField>, required: ReadonlyArray<BodyField>, schemas: Readonly<Record<BodyField, Schema>>): Schema {
  const properties: Record<string, Schema> = Object.fromEntries(fields.map((field) => [field, schemas[field]]))
  for (const name of namedExtraFields(body)) properties[name] = {description: 'A field the error table does not describe.'}
  return {
    type: 'object',
    required: [...required],
    properties,
    ...(body.extraFields === true ? {} : {additionalProperties: false})
  }
}

/** The body an entry's error is sent with. */
export function exampleBody(catalog: Catalog, body: BodyOptions, entry: CatalogEntry): Body {
  return entryBody(entry, bodyFields(catalog, body), bodyParams(catalog, body))
}

/**
 * Each entry's schema, by name.
 *
 * @param describe the text of its `description`
 * @param extra more keywords for an entry's schema
 * @param keep how each is taken: made now, or kept by a session
 */
export function entrySchemas(catalog: Catalog, body: BodyOptions, describe: Describe, extra?: (entry: CatalogEntry) => Schema, keep: Keep = makeNow): Record<string, unknown> {
  return Object.fromEntries(catalog.entries.map((entry) => [entry.name, keep(entry, 'schema', () => ({...entrySchema(catalog, body, entry, describe), ...extra?.(entry)}))]))
}
