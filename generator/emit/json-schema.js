/** emit/json-schema: a catalog in, the text of the JSON Schema (draft 2020-12) of the error response body out. */
import {entrySchemas, errorBodySchema, errorCodeSchema} from './body-schema.js'
import {notice} from './notice.js'

/**
 * @import {Catalog} from '../types.js'
 */

/**
 * @param {Catalog} catalog
 * @param {string} fileName the schema's own file name, its `$id`
 * @returns {string}
 */
export function emitJsonSchema(catalog, fileName) {
  const {title, description, ...body} = errorBodySchema(catalog, '#/$defs/')
  const schema = {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: fileName,
    $comment: notice(catalog),
    title,
    description,
    ...body,
    $defs: {ErrorCode: errorCodeSchema(catalog), ...entrySchemas(catalog)}
  }
  return JSON.stringify(schema, null, 2) + '\n'
}
