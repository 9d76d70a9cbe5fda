/** check: the text of a configuration file in, the configuration object out; syntax errors and every schema violation become located messages on its VFile. */
import type {ErrorObject} from 'ajv'
import type {Point, Position} from 'unist'
import type {VFile} from 'vfile'
import {type Document, isMap, isPair, isScalar, LineCounter, parseDocument, type Node as YamlNode} from 'yaml'
import {error} from '../diagnostics/messages.js'
import {rules} from '../diagnostics/rules.js'
import type {ConfigFile} from '../types.js'
import {localeProblems} from './settings/locales.js'
import {outputNameProblems} from './settings/output-names.js'
import {problemTemplateProblems} from './settings/problem-template.js'
import {validators} from './validators.js'

export {readingKeys} from './validators.js'

/** The problems of options given to the remark plugin, as messages (none when they are valid). */
export function readingOptionsProblems(value: unknown): Array<string> {
  const validate = validators().reading
  if (validate(value)) return []
  return relevantErrors(validate.errors || []).map((problem) => 'errgen options: ' + describe(problem, []))
}

/**
 * Check a configuration: the configuration, or undefined when it has errors.
 *
 * @param file the configuration file (errgen.config.json, or package.json)
 * @param at where the configuration is inside the file: `[]`, or `['errgen']` in package.json
 */
export function checkConfig(file: VFile, at: ReadonlyArray<string>): ConfigFile | undefined {
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

  const value = at.reduce<unknown>((object, key) => (object !== null && typeof object === 'object' ? (object as Record<string, unknown>)[key] : undefined), document.toJS())
  const validate = validators().config
  if (!validate(value)) {
    for (const problem of relevantErrors(validate.errors || [])) {
      const path = [...at, ...pointerSegments(problem.instancePath)]
      error(file, describe(problem, at), placeOf(document, path, problem, lineCounter), 'config-schema')
    }
    return undefined
  }
  const problems = outputNameProblems(value as ConfigFile)
  for (const {key, reason} of problems) error(file, reason, valuePlace(document, [...at, 'outputs', key], lineCounter), 'config-schema')
  const template = (value as ConfigFile).problem?.type
  const templateProblems = template === undefined ? [] : problemTemplateProblems(template)
  for (const reason of templateProblems) error(file, reason, valuePlace(document, [...at, 'problem', 'type'], lineCounter), 'config-schema')
  const locales = localeProblems(value as ConfigFile)
  for (const {path, reason} of locales) error(file, reason, keyPlace(document, [...at, ...path], lineCounter), 'invalid-locale')
  return problems.length === 0 && templateProblems.length === 0 && locales.length === 0 ? (value as ConfigFile) : undefined
}

/** The place of the value at a path (keys and indexes) of a configuration file; undefined when it has no such value. */
export function placeInConfig(file: VFile, path: ReadonlyArray<string | number>): Position | undefined {
  const lineCounter = new LineCounter()
  return valuePlace(parseDocument(String(file.value), {lineCounter}), path, lineCounter)
}

/** The place of the value at a path of the document. */
function valuePlace(document: Document, path: ReadonlyArray<string | number>, lineCounter: LineCounter): Position | undefined {
  const range = (document.getIn(path, true) as YamlNode | undefined)?.range
  return range ? {start: toPoint(lineCounter.linePos(range[0])), end: toPoint(lineCounter.linePos(range[1]))} : undefined
}

/** The place of the key at the end of a path (its value's place for a path to a value that is no map's key). */
function keyPlace(document: Document, path: ReadonlyArray<string>, lineCounter: LineCounter): Position | undefined {
  const parent = document.getIn(path.slice(0, -1), true)
  const key = isMap(parent) ? parent.items.find((pair) => isPair(pair) && isScalar(pair.key) && pair.key.value === path.at(-1))?.key : undefined
  const range = (key as YamlNode | undefined)?.range
  return range ? {start: toPoint(lineCounter.linePos(range[0])), end: toPoint(lineCounter.linePos(range[1]))} : valuePlace(document, path, lineCounter)
}

/** Strict JSON syntax (YAML, used for positions, also takes comments and unquoted keys). */
function checkJsonSyntax(file: VFile, text: string): boolean {
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

/** Drop the errors of `anyOf` branches and of `contains` items: the `anyOf` or `contains` error itself says what was expected. */
function relevantErrors(errors: ReadonlyArray<ErrorObject>): Array<ErrorObject> {
  const grouping = (problem: ErrorObject): boolean => problem.keyword === 'anyOf' || problem.keyword === 'contains'
  const anyOfPaths = errors.filter(grouping).map((problem) => problem.schemaPath + '/')
  return errors.filter((problem) => !anyOfPaths.some((prefix) => problem.schemaPath.startsWith(prefix)))
}

/** A message for one schema violation. */
function describe(problem: ErrorObject, at: ReadonlyArray<string>): string {
  const where = [...at, ...pointerSegments(problem.instancePath)].join('.')
  const params = problem.params as Record<string, unknown>
  switch (problem.keyword) {
    case 'additionalProperties': {
      const allowed = Object.keys(problem.parentSchema?.properties || {}).join(', ')
      const key = String(params['additionalProperty'])
      if (problem.instancePath === '/rules' && key in rules) {
        return 'Unexpected rule `' + key + '` in `' + where + '`: its errors protect the data, so it cannot be turned off or changed; expected one of ' + allowed
      }
      return 'Unexpected key `' + key + '` in ' + (where ? '`' + where + '`' : 'the configuration') + ', expected one of ' + allowed
    }
    case 'enum':
      return 'Unexpected ' + JSON.stringify(problem.data) + ' for `' + where + '`, expected one of ' + (params['allowedValues'] as ReadonlyArray<unknown>).map((value) => JSON.stringify(value)).join(', ')
    case 'type':
      return 'Unexpected ' + typeName(problem.data) + ' for `' + where + '`, expected ' + article(String(params['type']))
    case 'anyOf':
      return 'Unexpected ' + typeName(problem.data) + ' for `' + where + '`, expected ' + (problem.parentSchema?.['x-expected'] || 'another value')
    case 'contains':
    case 'not':
    case 'pattern':
      return 'Unexpected ' + typeName(problem.data) + ' for `' + where + '`, expected ' + (problem.parentSchema?.['x-expected'] || 'another value')
    case 'required':
      return 'Missing key `' + String(params['missingProperty']) + '` in ' + (where ? '`' + where + '`' : 'the configuration')
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

/** How a message names a JSON value: `null`, `list`, `object`, `string "x"`. */
function typeName(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return value.length === 0 ? 'empty list' : 'list'
  if (typeof value === 'object') return 'object'
  return typeof value + ' ' + JSON.stringify(value)
}

/** `an object`, `a string`, `a list` */
function article(type: string): string {
  return (type === 'object' || type === 'array' || type === 'integer' ? 'an ' : 'a ') + (type === 'array' ? 'list' : type)
}

/** The keys of a JSON pointer (`/input/1`). */
function pointerSegments(pointer: string): Array<string> {
  return pointer === '' ? [] : pointer.slice(1).split('/').map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'))
}

/** The place of the value a problem is about; for an unexpected key, the key itself. */
function placeOf(document: Document, path: ReadonlyArray<string>, problem: ErrorObject, lineCounter: LineCounter): Position | undefined {
  let node: unknown = path.length === 0 ? document.contents : document.getIn(path, true)
  if (problem.keyword === 'additionalProperties' && isMap(node)) {
    const key = (problem.params as Record<string, unknown>)['additionalProperty']
    node = node.items.find((pair) => isPair(pair) && isScalar(pair.key) && pair.key.value === key)?.key
  }
  const range = (node as YamlNode | undefined)?.range
  if (!range) return undefined
  return {start: toPoint(lineCounter.linePos(range[0])), end: toPoint(lineCounter.linePos(range[1]))}
}

/** A `yaml` position as a unist point. */
function toPoint(position: {line: number, col: number}): Point {
  return {line: position.line, column: position.col}
}

/** The point of an offset in a text. */
function pointAt(text: string, offset: number): Point {
  const before = text.slice(0, offset).split('\n')
  return {line: before.length, column: (before.at(-1)?.length ?? 0) + 1}
}
