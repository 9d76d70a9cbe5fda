/** targets/json-schema/emit: a catalog in, the text of the JSON Schema (draft 2020-12) of the error response body out — or its UTF-8 bytes, written entry by entry. */
import type {BodyOptions, Catalog, CatalogEntry, ProblemSettings, Snapshot} from '../../types.js'
import type {EmitCache} from '../../emit/cache.js'
import {ByteChunks} from '../../emit/encoded.js'
import {keepIn, makeLater, shapingOf} from '../../emit/schema/keep.js'
import {fromSchemas, type CodeSchema} from '../../emit/schema/read-schemas.js'
import {bodyText, entrySchemas, errorBodySchemas, errorCodeSchema, type Keep, makeNow} from '../../emit/schema/body-schema.js'
import {writeKeptJson, writeKeptJsonInto} from './kept-json.js'
import {problemSchemas} from '../../emit/schema/problem-schema.js'
import type {Emitter} from '../target.js'
import {jsonSchema} from './index.js'

/** The JSON Schema target's emitter: the schema with the configured `$id`. */
export const emitter: Emitter = {
  emit: (catalog, options, cache) => emitJsonSchema(catalog, options.jsonSchema.id, options.body, options.problem, cache),
  encode: (catalog, options, cache) => encodeJsonSchema(catalog, options.jsonSchema.id, options.body, options.problem, cache),
  keptEntries: (catalog, options, cache) => keptEntries(catalog, options.body, options.problem, cache)
}

/**
 * @param id the schema's `$id` (by default its own file name)
 * @param body the fields of the body
 * @param problem the problem details form's settings; undefined for none
 * @param cache a session's texts of the entries' parts: those of an unchanged entry are not written again
 */
export function emitJsonSchema(catalog: Catalog, id: string, body: BodyOptions, problem?: ProblemSettings, cache?: EmitCache): string {
  if (cache) return writeKeptJson(schemaData(catalog, id, body, problem, keepIn(cache, 'json-schema', catalog, body, problem))) + '\n'
  return JSON.stringify(schemaData(catalog, id, body, problem, makeNow), null, 2) + '\n'
}

/** The schema's UTF-8 bytes, written entry by entry: each entry's schemas made as they are written and dropped then (or, with a session's cache, taken from it as `emitJsonSchema` takes them), the text encoded as it goes. */
export function encodeJsonSchema(catalog: Catalog, id: string, body: BodyOptions, problem?: ProblemSettings, cache?: EmitCache): Buffer {
  const out = cache?.sink(jsonSchema.key) ?? new ByteChunks()
  writeKeptJsonInto(schemaData(catalog, id, body, problem, cache ? keepIn(cache, 'json-schema', catalog, body, problem) : makeLater), out)
  out.push('\n')
  return out.bytes()
}

/**
 * What reading the schema back gives (`readJsonSchema`), from the entries' schemas a session keeps: each entry's
 * schema and problem schema as its text reads back (its JSON parsed again), kept by the entry's key under the settings
 * that shape them, in the order of `$defs` — the schema's other members are not entries and are not read.
 */
export function keptEntries(catalog: Catalog, body: BodyOptions, problem: ProblemSettings | undefined, cache: EmitCache): () => Array<Snapshot> {
  const shaping = shapingOf(catalog, body, problem)
  const readable: Keep = (entry, part, make) => {
    if (typeof entry === 'function') throw new Error('expected the schemas of single entries only, got a part of several: ' + part)
    return cache.value('json-schema/read\0' + part + '\0' + shaping, cache.keyOf(entry as CatalogEntry), () => JSON.parse(JSON.stringify(make())) as unknown)
  }
  return () => fromSchemas({...entrySchemas(catalog, body, bodyText, undefined, readable), ...problemSchemas(catalog, problem, '#/$defs/', bodyText, body.messages, readable)} as Record<string, CodeSchema>, undefined)
}

/** The schema as data, each entry's parts taken by `keep`. */
function schemaData(catalog: Catalog, id: string, body: BodyOptions, problem: ProblemSettings | undefined, keep: Keep): Record<string, unknown> {
  const {ErrorBody: errorBody, ...groups} = errorBodySchemas(catalog, body, '#/$defs/', keep)
  const {title, description, ...rest} = errorBody as Record<string, unknown>
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: id,
    $comment: jsonSchema.notice(catalog),
    title,
    description,
    ...rest,
    $defs: {ErrorCode: errorCodeSchema(catalog), ...groups, ...entrySchemas(catalog, body, bodyText, undefined, keep), ...problemSchemas(catalog, problem, '#/$defs/', bodyText, body.messages, keep)}
  }
}
