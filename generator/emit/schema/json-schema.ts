/** emit/schema/json-schema: a catalog in, the text of the JSON Schema (draft 2020-12) of the error response body out. */
import type {BodyOptions, Catalog, ProblemSettings} from '../../types.js'
import {bodyText, entrySchemas, errorBodySchemas, errorCodeSchema} from './body-schema.js'
import {problemSchemas} from './problem-schema.js'
import {notice} from '../notice.js'

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
    $comment: notice(catalog),
    title,
    description,
    ...rest,
    $defs: {ErrorCode: errorCodeSchema(catalog), ...groups, ...entrySchemas(catalog, body, bodyText), ...problemSchemas(catalog, problem, '#/$defs/', bodyText)}
  }
  return JSON.stringify(schema, null, 2) + '\n'
}
