/** emit/schema/read-schemas: the per-code schemas of a JSON Schema's `$defs` or an OpenAPI document's `components.schemas` in, the entries they describe out (code, name, message, resolve, deprecation, problem type) — how the contract reads both schema outputs back. */
import {schemaTypeNames} from '../../targets/generated.js'
import type {Snapshot} from '../../types.js'

/** A per-code schema as errgen writes it (the JSON Schema's `$defs`, the OpenAPI document's `components.schemas`). */
export interface CodeSchema {
  /** A problem schema (`Problem.<Name>`) has `type` and no `message`. */
  readonly properties: {readonly code: {readonly const: number | string}, readonly message: {readonly const: string}, readonly type?: {readonly const: string}}
  /** The resolve text (in the OpenAPI document, with its links' URLs). */
  readonly description?: string
  readonly deprecated?: boolean
}

/** The prefix of the problem schemas' names (`Problem.AccessTokenMissing`), which no entry's name has. */
const problemPrefix = 'Problem.'

/**
 * Entries from the per-code schemas (every schema but `ErrorCode`, `ErrorBody`, the groups of codes `ErrorBody.1`, …,
 * and the problem schemas), each with the type of its problem schema when there is one.
 *
 * @param statuses each entry's status, by name
 */
export function fromSchemas(schemas: Readonly<Record<string, CodeSchema>>, statuses: ReadonlyMap<string, number> | undefined): Array<Snapshot> {
  const types = new Map(
    Object.entries(schemas).flatMap(([name, schema]) => (name.startsWith(problemPrefix) ? [[name.slice(problemPrefix.length), schema.properties.type?.const]] : []))
  )
  return Object.entries(schemas)
    .filter(([name]) => !schemaTypeNames.has(name) && !name.startsWith('ErrorBody.') && !name.startsWith(problemPrefix))
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
