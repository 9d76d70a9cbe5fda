/** read-back: the text of an output errgen generated in, the entries it describes out (code, name, status, message, resolve), to say which codes a stale output changes. */
import {parse as parseYaml} from 'yaml'

/**
 * @import {OutputKind, Snapshot} from '../types.js'
 */

/**
 * Read the entries back from an output's text; throws when the text is not errgen's output.
 *
 * @param {OutputKind} kind
 * @param {string} text
 * @returns {Promise<Array<Snapshot>>}
 */
export async function readBack(kind, text) {
  if (kind === 'jsonSchema') return fromSchemas(JSON.parse(text).$defs, undefined)
  if (kind === 'openapi') {
    const document = parseYaml(text)
    return fromSchemas(document.components.schemas, statusesOfResponses(document.components.responses))
  }
  const {readTypeScript} = await import('./read-back-typescript.js')
  return readTypeScript(text)
}

/**
 * Entries from the per-code schemas (every schema but `ErrorCode` and `ErrorBody`).
 *
 * @param {Record<string, any>} schemas
 * @param {Map<string, number> | undefined} statuses each entry's status, by name
 * @returns {Array<Snapshot>}
 */
function fromSchemas(schemas, statuses) {
  return Object.entries(schemas)
    .filter(([name]) => name !== 'ErrorCode' && name !== 'ErrorBody')
    .map(([name, schema]) => ({
      code: schema.properties.code.const,
      name,
      status: statuses?.get(name),
      message: schema.properties.message.const,
      resolve: schema.description,
      deprecated: schema.deprecated === true
    }))
}

/**
 * Each entry's status, from the responses that list it (`400 Bad Request: …`).
 *
 * @param {Record<string, any>} responses
 * @returns {Map<string, number> | undefined}
 */
function statusesOfResponses(responses) {
  /** @type {Map<string, number>} */
  const statuses = new Map()
  for (const response of Object.values(responses)) {
    const status = /^(\d{3}) /.exec(response.description)?.[1]
    if (!status) return undefined
    for (const ref of response.content['application/json'].schema.oneOf) statuses.set(ref.$ref.split('/').at(-1), Number(status))
  }
  return statuses
}
