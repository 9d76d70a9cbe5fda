/** targets/openapi/read-back: the text of an OpenAPI document errgen generated in, the entries its components describe out — each code's status from the responses that list it, its resolve text with its links' URLs. */
import {parse as parseYaml} from 'yaml'
import {type CodeSchema, fromSchemas} from '../../emit/schema/read-schemas.js'
import type {Snapshot, StatusName} from '../../types.js'
import {readOwnYaml} from './own-yaml.js'

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

/** The entries of an OpenAPI document's per-code schemas, with their statuses; throws when the text is not errgen's output. */
export function readOpenApi(text: string): Array<Snapshot> {
  const document = parseOwnYaml(text)
  return fromSchemas(document.components.schemas, statusesOfResponses(document.components.responses))
}

/**
 * Parse an OpenAPI document errgen wrote: read line by line when it is written as errgen's direct writer writes
 * (`readOwnYaml`, a second for 20,000 codes, where `yaml` takes ten and a gigabyte), else (a document `yaml` itself
 * wrote, for strings the direct writer leaves to it, or one edited since) by `yaml`, without its search for duplicate
 * keys: that search compares each key of a mapping with every key before it, minutes for the 20,000 schemas of one
 * mapping, and errgen never writes a key twice. (A configuration file, which people write, is still parsed with it.)
 */
function parseOwnYaml(text: string): OpenApiDocument {
  if (recent?.text === text) return recent.document
  const document = (readOwnYaml(text) ?? parseYaml(text, {uniqueKeys: false})) as OpenApiDocument
  recent = {text, document}
  // Kept for the reads of this turn of the event loop only (the entries, then the status names, of one output).
  setImmediate(() => {
    recent = undefined
  })
  return document
}

/** The document parsed last in this turn of the event loop, and its text. */
let recent: {readonly text: string, readonly document: OpenApiDocument} | undefined

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

/** The names the OpenAPI document gives the HTTP statuses: its responses (`BadRequest`, described `400 Bad Request: …`). */
export function statusNamesOfOpenApi(text: string): Array<StatusName> {
  const responses = parseOwnYaml(text).components.responses
  return Object.entries(responses).flatMap(([name, response]) => {
    const status = /^(\d{3}) /.exec(response.description)?.[1]
    return status ? [{code: Number(status), name}] : []
  })
}
