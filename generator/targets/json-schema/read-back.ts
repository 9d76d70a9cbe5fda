/** targets/json-schema/read-back: the text of a JSON Schema errgen generated in, the entries its `$defs` describe out (no statuses: the schema does not hold them). */
import {type CodeSchema, fromSchemas} from '../../emit/schema/read-schemas.js'
import type {Snapshot} from '../../types.js'

/** The entries of a JSON Schema's per-code `$defs`; throws when the text is not errgen's output. */
export function readJsonSchema(text: string): Array<Snapshot> {
  return fromSchemas((JSON.parse(text) as {$defs: Record<string, CodeSchema>}).$defs, undefined)
}
