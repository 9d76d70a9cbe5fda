/** config-check: the text of a configuration file in, the configuration object out; syntax errors and every schema violation become located messages on its VFile. */
import {readFileSync} from 'node:fs'
import {Ajv2020} from 'ajv/dist/2020.js'
import {isMap, isPair, isScalar, LineCounter, parseDocument} from 'yaml'
import {error} from '../diagnostics/messages.js'

/**
 * @import {ErrorObject} from 'ajv'
 * @import {Point, Position} from 'unist'
 * @import {VFile} from 'vfile'
 * @import {Document, Node as YamlNode} from 'yaml'
 * @import {ConfigFile} from '../types.js'
 */

/** The configuration's JSON Schema, shipped with errgen. */
const configSchema = JSON.parse(readFileSync(new URL('config.schema.json', import.meta.url), 'utf8'))

const validateSchema = new Ajv2020({allErrors: true, strict: true, verbose: true})
  .addVocabulary(['x-expected'])
  .compile(configSchema)

/**
 * Check a configuration.
 *
 * @param {VFile} file the configuration file (errgen.config.json, or package.json)
 * @param {ReadonlyArray<string>} at where the configuration is inside the file: `[]`, or `['errgen']` in package.json
 * @returns {ConfigFile | undefined} the configuration, or undefined when it has errors
 */
export function checkConfig(file, at) {
  const text = String(file.value)
  const lineCounter = new LineCounter()
  if (!checkJsonSyntax(file, text)) return undefined

  const document = parseDocument(text, {lineCounter, uniqueKeys: true})
  for (const problem of document.errors) {
    const [start] = problem.linePos || []
    const reason = 'Unexpected ' + (problem.message.split(' at line')[0] || '').replace(/^Map keys must be unique/, 'repeated key')
    error(file, reason, start && toPoint(start), 'config-syntax')
  }
  if (document.errors.length > 0) return undefined

  const value = at.reduce((/** @type {any} */ object, key) => object?.[key], document.toJS())
  if (!validateSchema(value)) {
    for (const problem of relevantErrors(validateSchema.errors || [])) {
      const path = [...at, ...pointerSegments(problem.instancePath)]
      error(file, describe(problem, at), placeOf(document, path, problem, lineCounter), 'config-schema')
    }
    return undefined
  }
  return /** @type {ConfigFile} */ (value)
}

/**
 * Strict JSON syntax (YAML, used for positions, also takes comments and unquoted keys).
 *
 * @param {VFile} file
 * @param {string} text
 * @returns {boolean}
 */
function checkJsonSyntax(file, text) {
  try {
    JSON.parse(text)
    return true
  } catch (cause) {
    const reason = cause instanceof Error ? cause.message : String(cause)
    const offset = Number(/at position (\d+)/.exec(reason)?.[1] ?? text.length)
    const point = pointAt(text, offset)
    error(file, 'Unexpected JSON syntax: ' + reason.replace(/ in JSON at position \d+.*$/, ''), point, 'config-syntax')
    return false
  }
}

/**
 * Drop the errors of `anyOf` branches: the `anyOf` error itself says what was expected.
 *
 * @param {ReadonlyArray<ErrorObject>} errors
 * @returns {Array<ErrorObject>}
 */
function relevantErrors(errors) {
  const anyOfPaths = errors.filter((problem) => problem.keyword === 'anyOf').map((problem) => problem.schemaPath.replace(/\/anyOf$/, '/anyOf/'))
  return errors.filter((problem) => !anyOfPaths.some((prefix) => problem.schemaPath.startsWith(prefix)))
}

/**
 * A message for one schema violation.
 *
 * @param {ErrorObject} problem
 * @param {ReadonlyArray<string>} at
 * @returns {string}
 */
function describe(problem, at) {
  const where = [...at, ...pointerSegments(problem.instancePath)].join('.')
  const params = /** @type {Record<string, any>} */ (problem.params)
  switch (problem.keyword) {
    case 'additionalProperties': {
      const allowed = Object.keys(problem.parentSchema?.properties || {}).join(', ')
      return 'Unexpected key `' + params.additionalProperty + '` in ' + (where ? '`' + where + '`' : 'the configuration') + ', expected one of ' + allowed
    }
    case 'enum':
      return 'Unexpected ' + JSON.stringify(problem.data) + ' for `' + where + '`, expected one of ' + params.allowedValues.map((/** @type {unknown} */ value) => JSON.stringify(value)).join(', ')
    case 'type':
      return 'Unexpected ' + typeName(problem.data) + ' for `' + where + '`, expected ' + article(params.type)
    case 'anyOf':
      return 'Unexpected ' + typeName(problem.data) + ' for `' + where + '`, expected ' + (problem.parentSchema?.['x-expected'] || 'another value')
    case 'minLength':
      return 'Unexpected empty string for `' + where + '`, expected text'
    case 'minItems':
      return 'Unexpected empty list for `' + where + '`, expected at least one item'
    case 'uniqueItems':
      return 'Unexpected repeated item in `' + where + '`, expected each item once'
    default:
      return 'Unexpected value for `' + where + '`: ' + problem.message
  }
}

/**
 * @param {unknown} value
 * @returns {string}
 */
function typeName(value) {
  if (value === null) return 'null'
  if (Array.isArray(value)) return value.length === 0 ? 'empty list' : 'list'
  if (typeof value === 'object') return 'object'
  return typeof value + ' ' + JSON.stringify(value)
}

/**
 * @param {string} type
 * @returns {string}
 */
function article(type) {
  return (type === 'object' || type === 'array' || type === 'integer' ? 'an ' : 'a ') + (type === 'array' ? 'list' : type)
}

/**
 * @param {string} pointer a JSON pointer (`/input/1`)
 * @returns {Array<string>}
 */
function pointerSegments(pointer) {
  return pointer === '' ? [] : pointer.slice(1).split('/').map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'))
}

/**
 * The place of the value a problem is about; for an unexpected key, the key itself.
 *
 * @param {Document} document
 * @param {ReadonlyArray<string>} path
 * @param {ErrorObject} problem
 * @param {LineCounter} lineCounter
 * @returns {Position | undefined}
 */
function placeOf(document, path, problem, lineCounter) {
  /** @type {unknown} */
  let node = path.length === 0 ? document.contents : document.getIn(path, true)
  if (problem.keyword === 'additionalProperties' && isMap(node)) {
    const key = /** @type {Record<string, unknown>} */ (problem.params).additionalProperty
    node = node.items.find((pair) => isPair(pair) && isScalar(pair.key) && pair.key.value === key)?.key
  }
  const range = /** @type {YamlNode | undefined} */ (node)?.range
  if (!range) return undefined
  return {start: toPoint(lineCounter.linePos(range[0])), end: toPoint(lineCounter.linePos(range[1]))}
}

/**
 * @param {{line: number, col: number}} position
 * @returns {Point}
 */
function toPoint(position) {
  return {line: position.line, column: position.col}
}

/**
 * @param {string} text
 * @param {number} offset
 * @returns {Point}
 */
function pointAt(text, offset) {
  const before = text.slice(0, offset).split('\n')
  return {line: before.length, column: (before.at(-1)?.length ?? 0) + 1}
}
