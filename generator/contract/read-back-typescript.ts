/** read-back-typescript: the text of a TypeScript output in, the entries of its `errorCatalog` out (read from the syntax tree, never run). */
import {ts} from 'ts-morph'

/**
 * @import {Snapshot} from '../types.js'
 */

/**
 * @param {string} text
 * @returns {Array<Snapshot>}
 */
export function readTypeScript(text) {
  const file = ts.createSourceFile('output.ts', text, ts.ScriptTarget.Latest, true)
  const codes = constantsOf(file, 'ErrorCode')
  const deprecated = deprecatedMembers(file)
  const statuses = constantsOf(file, 'HttpStatus')
  const catalog = unwrap(initializerOf(file, 'errorCatalog'))
  if (!catalog || !ts.isObjectLiteralExpression(catalog)) throw new Error('no errorCatalog object')

  return catalog.properties.map((property) => {
    const value = ts.isPropertyAssignment(property) ? property.initializer : undefined
    if (!value || !ts.isObjectLiteralExpression(value)) throw new Error('unexpected errorCatalog member')
    const fields = new Map(value.properties.flatMap((field) => (ts.isPropertyAssignment(field) ? [[field.name.getText(file), field.initializer]] : [])))
    const name = memberName(fields.get('code'))
    const status = memberName(fields.get('status'))
    return {
      code: /** @type {number | string} */ (codes.get(name)),
      name,
      status: status === '' ? undefined : /** @type {number} */ (statuses.get(status)),
      message: stringOf(fields.get('message')),
      resolve: fields.has('resolve') ? stringOf(fields.get('resolve')) : undefined,
      deprecated: deprecated.has(name)
    }
  })
}

/**
 * The members of an enum, or of a `const` object, named `name`.
 *
 * @param {ts.SourceFile} file
 * @param {string} name
 * @returns {Map<string, number | string>}
 */
function constantsOf(file, name) {
  /** @type {Map<string, number | string>} */
  const constants = new Map()
  for (const statement of file.statements) {
    if (ts.isEnumDeclaration(statement) && statement.name.text === name) {
      for (const member of statement.members) constants.set(member.name.getText(file), literalOf(member.initializer))
    }
  }
  const object = unwrap(initializerOf(file, name))
  if (object && ts.isObjectLiteralExpression(object)) {
    for (const property of object.properties) {
      if (ts.isPropertyAssignment(property)) constants.set(property.name.getText(file), literalOf(property.initializer))
    }
  }
  return constants
}

/**
 * The `ErrorCode` members whose JSDoc has `@deprecated` (enum members, or properties of the `const` object).
 *
 * @param {ts.SourceFile} file
 * @returns {Set<string>}
 */
function deprecatedMembers(file) {
  /** @type {Array<ts.Node>} */
  const members = []
  for (const statement of file.statements) {
    if (ts.isEnumDeclaration(statement) && statement.name.text === 'ErrorCode') members.push(...statement.members)
  }
  const object = unwrap(initializerOf(file, 'ErrorCode'))
  if (object && ts.isObjectLiteralExpression(object)) members.push(...object.properties)
  return new Set(
    members.flatMap((member) =>
      ts.getJSDocTags(member).some((tag) => tag.tagName.text === 'deprecated') && 'name' in member && member.name
        ? [/** @type {ts.PropertyName} */ (member.name).getText(file)]
        : []
    )
  )
}

/**
 * @param {ts.SourceFile} file
 * @param {string} name
 * @returns {ts.Expression | undefined}
 */
function initializerOf(file, name) {
  for (const statement of file.statements) {
    if (!ts.isVariableStatement(statement)) continue
    for (const declaration of statement.declarationList.declarations) {
      if (ts.isIdentifier(declaration.name) && declaration.name.text === name) return declaration.initializer
    }
  }
  return undefined
}

/**
 * The object inside `Object.freeze({…} as const)` or `{…} as const satisfies …`.
 *
 * @param {ts.Expression | undefined} node
 * @returns {ts.Expression | undefined}
 */
function unwrap(node) {
  let current = node
  while (current) {
    if (ts.isAsExpression(current) || ts.isSatisfiesExpression(current) || ts.isParenthesizedExpression(current)) current = current.expression
    else if (ts.isCallExpression(current) && current.arguments.length === 1) current = current.arguments[0]
    else return current
  }
  return current
}

/**
 * @param {ts.Expression | undefined} node
 * @returns {number | string}
 */
function literalOf(node) {
  if (node && ts.isNumericLiteral(node)) return Number(node.text)
  if (node && ts.isStringLiteral(node)) return node.text
  throw new Error('unexpected constant')
}

/**
 * `ErrorCode.AccessTokenMissing` → `AccessTokenMissing`; '' when there is none.
 *
 * @param {ts.Expression | undefined} node
 * @returns {string}
 */
function memberName(node) {
  if (node === undefined) return ''
  if (ts.isPropertyAccessExpression(node)) return node.name.text
  throw new Error('unexpected member reference')
}

/**
 * @param {ts.Expression | undefined} node
 * @returns {string}
 */
function stringOf(node) {
  if (node && ts.isStringLiteral(node)) return node.text
  throw new Error('unexpected string')
}
