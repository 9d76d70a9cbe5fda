/** emit/openapi: a catalog in, the text of an OpenAPI 3.1 document whose components hold the error schemas and one response per HTTP status out. */
import {stringify} from 'yaml'
import {blockYaml} from './block-yaml.js'
import {entrySchemas, errorBodySchema, errorCodeSchema, exampleBody} from './body-schema.js'
import {notice} from './notice.js'

/**
 * @import {Catalog, CatalogEntry, StatusEntry} from '../types.js'
 */

const refBase = '#/components/schemas/'

/**
 * @param {Catalog} catalog
 * @param {{title: string, version: string}} info
 * @returns {string}
 */
export function emitOpenApi(catalog, info) {
  const document = {
    openapi: '3.1.0',
    info: {title: info.title, version: info.version, description: notice(catalog)},
    components: {
      schemas: {ErrorCode: errorCodeWithNames(catalog), ErrorBody: errorBodySchema(catalog, refBase), ...entrySchemas(catalog)},
      responses: Object.fromEntries(catalog.statuses.map((status) => [status.name, response(catalog, status)]))
    }
  }
  const text = blockYaml(document) ?? stringify(document, {lineWidth: 0, aliasDuplicateObjects: false})
  return '# ' + notice(catalog) + '\n' + text
}

/**
 * The `ErrorCode` schema with the member names and descriptions code generators give enums.
 *
 * @see https://openapi-generator.tech/docs/templating/#enum
 * @param {Catalog} catalog
 * @returns {Record<string, unknown>}
 */
function errorCodeWithNames(catalog) {
  return {
    ...errorCodeSchema(catalog),
    'x-enum-varnames': catalog.entries.map((entry) => entry.name),
    'x-enum-descriptions': catalog.entries.map((entry) => entry.resolve)
  }
}

/**
 * The reusable response of one HTTP status: a body of one of its codes, and an example of each.
 *
 * @see https://spec.openapis.org/oas/v3.1.0#response-object
 * @param {Catalog} catalog
 * @param {StatusEntry} status
 * @returns {Record<string, unknown>}
 */
function response(catalog, status) {
  const entries = catalog.entries.filter((entry) => entry.status === status.code)
  const codes = entries.map((entry) => entry.code)
  return {
    description: status.code + (status.phrase ? ' ' + status.phrase : '') + ': error code' + (codes.length === 1 ? ' ' : 's ') + codes.join(', '),
    content: {
      'application/json': {
        schema: {oneOf: entries.map((entry) => ({$ref: refBase + entry.name}))},
        examples: Object.fromEntries(entries.map((entry) => [entry.name, example(entry)]))
      }
    }
  }
}

/**
 * @see https://spec.openapis.org/oas/v3.1.0#example-object
 * @param {CatalogEntry} entry
 * @returns {Record<string, unknown>}
 */
function example(entry) {
  return {summary: entry.code + ' ' + entry.message, value: exampleBody(entry)}
}
