/** emit/schema/problem-schema: a catalog and the problem settings in, the problem details form (RFC 9457) out — a JSON Schema 2020-12 problem document per code, one keyed on `type` for any code, and the `application/problem+json` content of each OpenAPI response; nothing when the form is off. */
import {problemType} from '../../config/settings/problem-template.js'
import {exampleMessage, exampleResolve} from '../../params/fill.js'
import type {BodyMessages, Catalog, CatalogEntry, ProblemSettings} from '../../types.js'
import {isPartial} from '../body-fields.js'
import {type Describe, type Keep, makeNow, messageSchema} from './body-schema.js'

/** A JSON Schema object, or a part of one. */
type Schema = Record<string, unknown>

/** The media type of a problem document. @see https://www.rfc-editor.org/rfc/rfc9457#section-6.1 */
export const problemMediaType = 'application/problem+json'

/**
 * The name of an entry's problem schema: `Problem.AccessTokenMissing`. The dot keeps it apart from every entry's
 * own schema (entry names are identifiers); `Problem.ErrorBody`, the schema of any problem, cannot be one either, as
 * `ErrorBody` is reserved.
 */
export function problemSchemaName(name: string): string {
  return 'Problem.' + name
}

/** The schema of any documented problem. */
export const anyProblemName = problemSchemaName('ErrorBody')

/**
 * The problem schemas: the one of any documented problem, then one per code; none when the form is off.
 *
 * @param refBase where the schemas are (`#/$defs/`)
 * @param describe the text of a code's `description`
 * @param messages which titles a code with translations has (`body.messages`)
 * @param keep how each code's is taken: made now, or kept by a session
 */
export function problemSchemas(
  catalog: Catalog,
  settings: ProblemSettings | undefined,
  refBase: string,
  describe: Describe,
  messages: BodyMessages | undefined,
  keep: Keep = makeNow
): Record<string, unknown> {
  if (settings === undefined) return {}
  const partialStatus = isPartial(catalog, 'status')
  return {
    [anyProblemName]: anyProblemSchema(catalog, settings, refBase),
    ...Object.fromEntries(catalog.entries.map((entry) => [problemSchemaName(entry.name), keep(entry, 'problem', () => entryProblemSchema(entry, settings, describe, {partialStatus, messages}))]))
  }
}

/**
 * Any documented problem, keyed on `type`: an unknown type fails on `type` alone, and a known one is checked by its
 * own code's schema only (an `if`/`then` per type), so that a wrong member gives one error naming it.
 */
function anyProblemSchema(catalog: Catalog, settings: ProblemSettings, refBase: string): Schema {
  return {
    title: 'ProblemDocument',
    description: 'A problem details document (RFC 9457) of a documented error: its `type` names the error, whose own schema then applies.',
    type: 'object',
    required: ['type'],
    properties: {type: {enum: catalog.entries.map((entry) => problemType(settings, entry))}},
    allOf: catalog.entries.map((entry) => ({
      if: {required: ['type'], properties: {type: {const: problemType(settings, entry)}}},
      then: {$ref: refBase + problemSchemaName(entry.name)}
    }))
  }
}

/**
 * One code's problem document: `type`, `title` (the message, as the body's message schema accepts it: filled in, or
 * translated), `status`, and `code` as an extension member, exactly; `detail` a string (by default the resolve text)
 * and `instance` a URI reference. Other extension members are allowed. A code documented without an HTTP status in a
 * catalog whose other codes have one (`optionalColumns`) may have any integer `status`, or none (RFC 9457 makes it
 * optional): the status of the response it is sent with.
 *
 * @param options `partialStatus`: whether only some codes have a status; `messages`: `body.messages`
 * @see https://www.rfc-editor.org/rfc/rfc9457#section-3.1
 */
function entryProblemSchema(entry: CatalogEntry, settings: ProblemSettings, describe: Describe, {partialStatus, messages}: {partialStatus: boolean, messages: BodyMessages | undefined}): Schema {
  const status = entry.status !== undefined ? {status: {const: entry.status}} : partialStatus ? {status: {type: 'integer'}} : {}
  const description = describe(entry)
  return {
    title: entry.name,
    ...(description === undefined ? {} : {description}),
    ...(entry.deprecated ? {deprecated: true} : {}),
    type: 'object',
    required: ['type', 'title', ...(entry.status === undefined ? [] : ['status']), 'code'],
    properties: {
      type: {const: problemType(settings, entry)},
      title: messageSchema(entry, messages),
      ...status,
      detail: entry.resolve === undefined ? {type: 'string'} : {type: 'string', default: entry.resolve},
      instance: {type: 'string', format: 'uri-reference'},
      code: {const: entry.code}
    }
  }
}

/** The problem document an entry's error is sent as, with the resolve text as its `detail` (its parameters filled in with example values). */
export function exampleProblem(entry: CatalogEntry, settings: ProblemSettings): Record<string, unknown> {
  const detail = exampleResolve(entry)
  return {
    type: problemType(settings, entry),
    title: exampleMessage(entry),
    ...(entry.status === undefined ? {} : {status: entry.status}),
    ...(detail === undefined ? {} : {detail}),
    code: entry.code
  }
}

/**
 * The OpenAPI responses, each also offering `application/problem+json`: one of its codes' problem schemas, with an
 * example per code.
 *
 * @param entriesOf each response's entries, by the response's name
 * @param keep how each code's example is taken: made now, or kept by a session
 * @see https://spec.openapis.org/oas/v3.1.0#media-type-object
 */
export function withProblemContent(
  responses: Record<string, unknown>,
  entriesOf: ReadonlyMap<string, ReadonlyArray<CatalogEntry>>,
  settings: ProblemSettings | undefined,
  refBase: string,
  keep: Keep = makeNow
): Record<string, unknown> {
  if (settings === undefined) return responses
  return Object.fromEntries(
    Object.entries(responses).map(([name, response]) => [name, withProblemMedia(response as Schema, entriesOf.get(name) ?? [], settings, refBase, keep)])
  )
}

function withProblemMedia(response: Schema, entries: ReadonlyArray<CatalogEntry>, settings: ProblemSettings, refBase: string, keep: Keep): Schema {
  const refs = entries.map((entry) => ({$ref: refBase + problemSchemaName(entry.name)}))
  const media = {
    // One code's schema itself, as the plain body's response has it; a one-branch oneOf would only add errors.
    schema: refs.length === 1 ? refs[0] : {oneOf: refs},
    examples: Object.fromEntries(
      entries.map((entry) => [entry.name, keep(entry, 'problemExample', () => ({summary: entry.code + ' ' + entry.message, value: exampleProblem(entry, settings)}))])
    )
  }
  return {...response, content: {...(response['content'] as Schema), [problemMediaType]: media}}
}
