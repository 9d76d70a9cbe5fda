/** targets/openapi/emit: a catalog in, the text of an OpenAPI 3.1 document whose components hold the error schemas (their descriptions with the links' URLs) and one response per HTTP status (and an `Error` response of the codes without one) out — or its UTF-8 bytes, written entry by entry. */
import type {BodyOptions, Catalog, CatalogEntry, ProblemSettings, Translation} from '../../types.js'
import type {EmitCache} from '../../emit/cache.js'
import {ByteChunks} from '../../emit/encoded.js'
import {keepIn, makeLater} from '../../emit/schema/keep.js'
import {writeKeptYaml, writeKeptYamlInto, writeYaml} from './block-yaml.js'
import {docsText, entrySchemas, errorBodySchemas, errorCodeSchema, exampleBody, type Keep, makeNow} from '../../emit/schema/body-schema.js'
import {problemSchemas, withProblemContent} from '../../emit/schema/problem-schema.js'
import {notice} from '../generated.js'
import type {Emitter} from '../target.js'
import {openapi} from './index.js'

const refBase = '#/components/schemas/'

/** The OpenAPI target's emitter: the document with the configured `info`. */
export const emitter: Emitter = {
  emit: (catalog, options, cache) => emitOpenApi(catalog, options.openapi, options.body, options.problem, cache),
  encode: (catalog, options, cache) => encodeOpenApi(catalog, options.openapi, options.body, options.problem, cache)
}

/**
 * The OpenAPI 3.1 document: the error schemas and one response per HTTP status under `components`.
 *
 * @param body the fields of the body
 * @param problem the problem details form's settings; undefined for none
 * @param cache a session's texts of the entries' parts: those of an unchanged entry are not written again
 * @see https://spec.openapis.org/oas/v3.1.0#components-object
 */
export function emitOpenApi(catalog: Catalog, info: {title: string; version: string}, body: BodyOptions, problem?: ProblemSettings, cache?: EmitCache): string {
  const kept = cache && writeKeptYaml(openApiDocument(catalog, info, body, problem, keepIn(cache, 'openapi', catalog, body, problem)))
  return openapi.notice(catalog) + '\n' + (kept ?? writeYaml(openApiDocument(catalog, info, body, problem, makeNow)))
}

/**
 * The document's UTF-8 bytes, written entry by entry: each entry's schema and examples made as they are written and
 * dropped then (or, with a session's cache, taken from it as `emitOpenApi` takes them), the text encoded as it goes.
 * The bytes of `emitOpenApi`'s text; when a part needs `yaml` itself, that text's.
 */
export function encodeOpenApi(catalog: Catalog, info: {title: string; version: string}, body: BodyOptions, problem?: ProblemSettings, cache?: EmitCache): Buffer {
  const out = cache?.sink(openapi.key) ?? new ByteChunks()
  out.push(openapi.notice(catalog) + '\n')
  const keep = cache ? keepIn(cache, 'openapi', catalog, body, problem) : makeLater
  if (writeKeptYamlInto(openApiDocument(catalog, info, body, problem, keep), out)) return out.bytes()
  return Buffer.from(emitOpenApi(catalog, info, body, problem, cache), 'utf8')
}

/** The document as data, each entry's parts taken by `keep`. */
function openApiDocument(catalog: Catalog, info: {title: string; version: string}, body: BodyOptions, problem: ProblemSettings | undefined, keep: Keep): Record<string, unknown> {
  const groups = responseGroups(catalog)
  return {
    openapi: '3.1.0',
    info: {title: info.title, version: info.version, description: notice(catalog)},
    ...(catalog.groups.length > 0 ? {tags: catalog.groups.map((name) => ({name, description: 'The errors documented under the heading “' + name + '”.'}))} : {}),
    components: {
      schemas: {
        ErrorCode: errorCodeWithNames(catalog, keep),
        ...errorBodySchemas(catalog, body, refBase, keep),
        ...entrySchemas(catalog, body, docsText, entryExtensions, keep),
        ...problemSchemas(catalog, problem, refBase, docsText, body.messages, keep)
      },
      responses: withProblemContent(responses(groups, catalog, body, keep), new Map(groups.map((group) => [group.name, group.entries])), problem, refBase, keep)
    }
  }
}

/**
 * An entry schema's extensions: its heading as `x-tags`, and the parameters of its message and resolve text (name and
 * type: `text` for a brace, `string` for `%s`, `integer` for `%d`) as `x-errgen-params`, and its message and resolve
 * text in each other locale as `x-errgen-translations`.
 */
function entryExtensions(entry: CatalogEntry): Record<string, unknown> {
  return {
    ...(entry.group === undefined ? {} : {'x-tags': [entry.group]}),
    ...(entry.params === undefined ? {} : {'x-errgen-params': entry.params.map((param) => ({name: param.name, type: param.type}))}),
    ...(entry.translations === undefined ? {} : {'x-errgen-translations': translationsOf(entry.translations)})
  }
}

/** An entry's translations by locale: each one's message, and its resolve text when it has one of its own. */
function translationsOf(translations: Readonly<Record<string, Translation>>): Record<string, {message: string, resolve?: string}> {
  return Object.fromEntries(Object.entries(translations).map(([locale, translation]) => [locale, {message: translation.message, ...(translation.resolve === undefined ? {} : {resolve: translation.resolve})}]))
}

/**
 * The `ErrorCode` schema with the member names and descriptions code generators give enums. The descriptions are
 * one line each: generators write them as line comments (openapi-typescript's `--enum` would break on a line end).
 *
 * @see https://openapi-generator.tech/docs/templating/#enum
 */
function errorCodeWithNames(catalog: Catalog, keep: Keep): Record<string, unknown> {
  const {enum: _codes, ...schema} = errorCodeSchema(catalog)
  const {entries} = catalog
  return {
    ...schema,
    enum: whole(keep, 'ErrorCode/enum', entries, (entry) => entry.code),
    'x-enum-varnames': whole(keep, 'ErrorCode/varnames', entries, (entry) => entry.name),
    'x-enum-descriptions': whole(keep, 'ErrorCode/descriptions', entries, (entry) => oneLine(entry.resolve ?? entry.message))
  }
}

/**
 * A list of one item per entry (every code's name), taken by `keep` keyed on the entries' items (`EmitCache.listKey`):
 * a session writes its YAML again only when an item changed; a run without a session makes the list only.
 *
 * @param part the member the value is written as, in its schema (`ErrorCode/enum`)
 * @param list which list of that part (each response has its own list of schemas)
 * @param shape the value the items are written as (the list itself by default)
 */
function whole(keep: Keep, part: string, entries: ReadonlyArray<CatalogEntry>, item: (entry: CatalogEntry) => string | number, list = '', shape: (items: Array<string | number>) => unknown = (items) => items): unknown {
  return keep((cache) => cache.listKey('openapi/' + part + '\0' + list, entries, item), part, () => shape(entries.map(item)))
}

/** A description on one line: its line breaks (and the white space around them) as one space. */
function oneLine(text: string): string {
  return text.replace(/\s*[\r\n\u2028\u2029\u0085]+\s*/g, ' ')
}

/** The codes of one reusable response: its name, the start of its description and its entries. */
interface ResponseGroup {
  readonly name: string
  readonly title: string
  readonly entries: ReadonlyArray<CatalogEntry>
}

/**
 * One reusable response per HTTP status (`BadRequest`, …), or a single `Error` response when codes carry no status.
 * When only some codes carry one (`optionalColumns`), the others are the `Error` response, after the statuses': an
 * API document refers to it as its `default` response.
 *
 * @see https://spec.openapis.org/oas/v3.1.0#responses-object
 */
function responseGroups(catalog: Catalog): Array<ResponseGroup> {
  if (!catalog.hasStatus) return [{name: 'Error', title: 'An error', entries: catalog.entries}]
  const byStatus = new Map<number, CatalogEntry[]>(catalog.statuses.map((status) => [status.code, []]))
  const without: Array<CatalogEntry> = []
  for (const entry of catalog.entries) {
    if (entry.status === undefined) without.push(entry)
    else byStatus.get(entry.status)?.push(entry)
  }
  const groups = catalog.statuses.map((status) => ({
    name: status.name,
    title: status.code + (status.phrase ? ' ' + status.phrase : ''),
    entries: byStatus.get(status.code) || []
  }))
  if (without.length > 0) groups.push({name: 'Error', title: 'An error without a documented HTTP status (a `default` response)', entries: without})
  return groups
}

/**
 * The responses of the groups, by name.
 *
 * @see https://spec.openapis.org/oas/v3.1.0#response-object
 */
function responses(groups: ReadonlyArray<ResponseGroup>, catalog: Catalog, body: BodyOptions, keep: Keep): Record<string, unknown> {
  return Object.fromEntries(groups.map((group) => [group.name, statusResponse(group.title, group.entries, (entry) => exampleBody(catalog, body, entry), keep)]))
}

/**
 * A response whose body is one of `entries` (that entry's schema itself when there is one), with an example of each.
 *
 * @param bodyOf the body an entry is sent with
 * @param keep how each example is taken
 */
function statusResponse(title: string, entries: readonly CatalogEntry[], bodyOf: (entry: CatalogEntry) => unknown, keep: Keep): Record<string, unknown> {
  const codes = entries.map((entry) => entry.code)
  const refs = (names: Array<string | number>) => names.map((name) => ({$ref: refBase + name}))
  return {
    description: title + ': error code' + (codes.length === 1 ? ' ' : 's ') + codes.join(', '),
    content: {
      'application/json': {
        schema: whole(keep, 'response/schema', entries, (entry) => entry.name, title, (names) => (names.length === 1 ? refs(names)[0] : {oneOf: refs(names)})),
        examples: Object.fromEntries(entries.map((entry) => [entry.name, keep(entry, 'example', () => ({summary: entry.code + ' ' + entry.message, value: bodyOf(entry)}))]))
      }
    }
  }
}
