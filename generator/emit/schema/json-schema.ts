/** emit/schema/json-schema: a catalog in, the text of the JSON Schema (draft 2020-12) of the error response body out. */
import type {Catalog, ProblemSettings} from '../../types.js'
import {entrySchemas, errorBodySchema, errorCodeSchema} from './body-schema.js'
import {problemSchemas} from './problem-schema.js'
import {notice} from '../notice.js'

/**
 * @param id the schema's `$id` (by default its own file name)
 * @param problem the problem details form's settings; undefined for none
 */
export function emitJsonSchema(catalog: Catalog, id: string, problem?: ProblemSettings): string {
  const {title, description, ...body} = errorBodySchema(catalog, '#/$defs/')
  const schema = {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: id,
    $comment: notice(catalog),
    title,
    description,
    ...body,
    $defs: {ErrorCode: errorCodeSchema(catalog), ...entrySchemas(catalog), ...problemSchemas(catalog, problem, '#/$defs/')}
  }
  return JSON.stringify(schema, null, 2) + '\n'
}
