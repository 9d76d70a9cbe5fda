/** targets/json-schema/emit: a catalog in, the text of the JSON Schema (draft 2020-12) of the error response body out. */
import type {BodyOptions, Catalog, ProblemSettings} from '../../types.js'
import {bodyText, entrySchemas, errorBodySchemas, errorCodeSchema} from '../../emit/schema/body-schema.js'
import {problemSchemas} from '../../emit/schema/problem-schema.js'
import type {Emitter} from '../target.js'
import {jsonSchema} from './index.js'

/** The JSON Schema target's emitter: the schema with the configured `$id`. */
export const emitter: Emitter = {
  emit: (catalog, options) => emitJsonSchema(catalog, options.jsonSchema.id, options.body, options.problem)
}

/**
 * @param id the schema's `$id` (by default its own file name)
 * @param body the fields of the body
 * @param problem the problem details form's settings; undefined for none
 */
export function emitJsonSchema(catalog: Catalog, id: string, body: BodyOptions, problem?: ProblemSettings): string {
  const {ErrorBody: errorBody, ...groups} = errorBodySchemas(catalog, body, '#/$defs/')
  const {title, description, ...rest} = errorBody as Record<string, unknown>
  const schema = {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: id,
    $comment: jsonSchema.notice(catalog),
    title,
    description,
    ...rest,
    $defs: {ErrorCode: errorCodeSchema(catalog), ...groups, ...entrySchemas(catalog, body, bodyText), ...problemSchemas(catalog, problem, '#/$defs/', bodyText, body.messages)}
  }
  return JSON.stringify(schema, null, 2) + '\n'
}
