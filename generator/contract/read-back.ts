/** read-back: the text of an output errgen generated in, the entries it describes out (code, name, status, message, resolve — in the OpenAPI document, the resolve text with its links' URLs), to say which codes a stale output changes. */
import {parse as parseYaml} from 'yaml'
import type {OutputKind, Snapshot} from '../types.js'

/** A per-code schema as errgen writes it (the JSON Schema's `$defs`, the OpenAPI document's `components.schemas`). */
interface CodeSchema {
  /** A problem schema (`Problem.<Name>`) has `type` and no `message`. */
  readonly properties: {readonly code: {readonly const: number | string}, readonly message: {readonly const: string}, readonly type?: {readonly const: string}}
  /** The resolve text (in the OpenAPI document, with its links' URLs). */
  readonly description?: string
  readonly deprecated?: boolean
}

/** A response of the OpenAPI document: `400 Bad Request: …`, and the schemas of the codes sent with it. */
interface StatusResponse {
  readonly description: string
  readonly content: {readonly 'application/json': {readonly schema: SchemaRef | {readonly oneOf: ReadonlyArray<SchemaRef>}}}
}

/** A reference to a per-code schema. */
interface SchemaRef {
  readonly $ref: string
}

/** The parts of errgen's OpenAPI document that are read back. */
interface OpenApiDocument {
  readonly components: {readonly schemas: Readonly<Record<string, CodeSchema>>, readonly responses: Readonly<Record<string, StatusResponse>>}
}

/** Read the entries back from an output's text; throws when the text is not errgen's output. */
export async function readBack(kind: OutputKind, text: string): Promise<Array<Snapshot>> {
  if (kind === 'jsonSchema') return fromSchemas((JSON.parse(text) as {$defs: Record<string, CodeSchema>}).$defs, undefined)
  if (kind === 'openapi') {
    const document = parseYaml(text) as OpenApiDocument
    return fromSchemas(document.components.schemas, statusesOfResponses(document.components.responses))
  }
  const {readTypeScript} = await import('./read-back-typescript.js')
  return readTypeScript(text)
}

/** An HTTP status's name as an output gives it: the `HttpStatus` member, the OpenAPI response. */
export interface StatusName {
  readonly code: number
  readonly name: string
}

/** The members of the TypeScript output's `HttpStatus` (an enum, or a frozen object). */
const httpStatusPattern = /^export (?:enum HttpStatus \{|const HttpStatus = Object\.freeze\(\{)([^}]*)\}/m

/**
 * The status names an output holds: the TypeScript's `HttpStatus` members (read from its text, which holds no brace
 * inside that block), the OpenAPI document's responses; undefined for the JSON Schema, which has none.
 */
export function statusNamesOf(kind: OutputKind, text: string): Array<StatusName> | undefined {
  if (kind === 'jsonSchema') return undefined
  if (kind === 'typescript') {
    const members = httpStatusPattern.exec(text)?.[1] ?? ''
    return [...members.matchAll(/^\s*([A-Za-z_][A-Za-z0-9_]*)(?: = |: )(\d{3}),?$/gm)].map((match) => ({code: Number(match[2]), name: match[1] as string}))
  }
  const responses = (parseYaml(text) as OpenApiDocument).components.responses
  return Object.entries(responses).flatMap(([name, response]) => {
    const status = /^(\d{3}) /.exec(response.description)?.[1]
    return status ? [{code: Number(status), name}] : []
  })
}

/** The prefix of the problem schemas' names (`Problem.AccessTokenMissing`), which no entry's name has. */
const problemPrefix = 'Problem.'

/**
 * Entries from the per-code schemas (every schema but `ErrorCode`, `ErrorBody`, the groups of codes `ErrorBody.1`, …,
 * and the problem schemas), each with the type of its problem schema when there is one.
 *
 * @param statuses each entry's status, by name
 */
function fromSchemas(schemas: Readonly<Record<string, CodeSchema>>, statuses: ReadonlyMap<string, number> | undefined): Array<Snapshot> {
  const types = new Map(
    Object.entries(schemas).flatMap(([name, schema]) => (name.startsWith(problemPrefix) ? [[name.slice(problemPrefix.length), schema.properties.type?.const]] : []))
  )
  return Object.entries(schemas)
    .filter(([name]) => name !== 'ErrorCode' && name !== 'ErrorBody' && !name.startsWith('ErrorBody.') && !name.startsWith(problemPrefix))
    .map(([name, schema]) => ({
      code: schema.properties.code.const,
      name,
      status: statuses?.get(name),
      message: schema.properties.message.const,
      resolve: schema.description,
      deprecated: schema.deprecated === true,
      type: types.get(name)
    }))
}

/**
 * Each entry's status, from the responses that list it (`400 Bad Request: …`); an entry of the `Error` response (codes
 * without a status) has none.
 */
function statusesOfResponses(responses: Readonly<Record<string, StatusResponse>>): Map<string, number> {
  const statuses = new Map<string, number>()
  for (const response of Object.values(responses)) {
    const status = /^(\d{3}) /.exec(response.description)?.[1]
    if (!status) continue
    const schema = response.content['application/json'].schema
    for (const ref of 'oneOf' in schema ? schema.oneOf : [schema]) statuses.set(ref.$ref.split('/').at(-1) as string, Number(status))
  }
  return statuses
}
