/** targets/typescript/read-back: the text of a TypeScript output in, the entries of its `errorCatalog` out (read from the syntax tree, never run). */
import type {ts as Ts} from 'ts-morph'
import {ts} from '../ts-morph.js'
import type {Snapshot, StatusName} from '../../types.js'

/** The entries of a TypeScript output's `errorCatalog`; throws when the text is not errgen's output. */
export function readTypeScript(text: string): Array<Snapshot> {
  const file = ts.createSourceFile('output.ts', text, ts.ScriptTarget.Latest, true)
  const codes = constantsOf(file, 'ErrorCode')
  const deprecated = deprecatedMembers(file)
  const statuses = constantsOf(file, 'HttpStatus')
  const types = problemTypesOf(file)
  const catalog = unwrap(initializerOf(file, 'errorCatalog'))
  if (!catalog || !ts.isObjectLiteralExpression(catalog)) throw new Error('no errorCatalog object')

  return catalog.properties.map((property) => {
    const value = ts.isPropertyAssignment(property) ? property.initializer : undefined
    if (!value || !ts.isObjectLiteralExpression(value)) throw new Error('unexpected errorCatalog member')
    const fields = new Map(
      value.properties.flatMap((field): Array<[string, Ts.Expression]> => (ts.isPropertyAssignment(field) ? [[field.name.getText(file), field.initializer]] : []))
    )
    const name = memberName(fields.get('code'))
    const status = memberName(fields.get('status'))
    return {
      code: codes.get(name) as number | string,
      name,
      status: status === '' ? undefined : (statuses.get(status) as number),
      message: stringOf(fields.get('message')),
      resolve: fields.has('resolve') ? stringOf(fields.get('resolve')) : undefined,
      deprecated: deprecated.has(name),
      type: types.get(name)
    }
  })
}

/** Each member's problem type, from `problemTypes` (`[ErrorCode.X]: "https://…"`); empty without the problem form. */
function problemTypesOf(file: Ts.SourceFile): Map<string, string> {
  const types = new Map<string, string>()
  const object = unwrap(initializerOf(file, 'problemTypes'))
  if (!object || !ts.isObjectLiteralExpression(object)) return types
  for (const property of object.properties) {
    if (ts.isPropertyAssignment(property) && ts.isComputedPropertyName(property.name)) types.set(memberName(property.name.expression), stringOf(property.initializer))
  }
  return types
}

/** The members of an enum, or of a `const` object, named `name`. */
function constantsOf(file: Ts.SourceFile, name: string): Map<string, number | string> {
  const constants = new Map<string, number | string>()
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

/** The `ErrorCode` members whose JSDoc has `@deprecated` (enum members, or properties of the `const` object). */
function deprecatedMembers(file: Ts.SourceFile): Set<string> {
  const members: Array<Ts.Node> = []
  for (const statement of file.statements) {
    if (ts.isEnumDeclaration(statement) && statement.name.text === 'ErrorCode') members.push(...statement.members)
  }
  const object = unwrap(initializerOf(file, 'ErrorCode'))
  if (object && ts.isObjectLiteralExpression(object)) members.push(...object.properties)
  return new Set(
    members.flatMap((member) =>
      ts.getJSDocTags(member).some((tag) => tag.tagName.text === 'deprecated') && 'name' in member && member.name
        ? [(member.name as Ts.PropertyName).getText(file)]
        : []
    )
  )
}

/** The initializer of the top-level variable `name`. */
function initializerOf(file: Ts.SourceFile, name: string): Ts.Expression | undefined {
  for (const statement of file.statements) {
    if (!ts.isVariableStatement(statement)) continue
    for (const declaration of statement.declarationList.declarations) {
      if (ts.isIdentifier(declaration.name) && declaration.name.text === name) return declaration.initializer
    }
  }
  return undefined
}

/** The object inside `Object.freeze({…} as const)` or `{…} as const satisfies …`. */
function unwrap(node: Ts.Expression | undefined): Ts.Expression | undefined {
  let current = node
  while (current) {
    if (ts.isAsExpression(current) || ts.isSatisfiesExpression(current) || ts.isParenthesizedExpression(current)) current = current.expression
    else if (ts.isCallExpression(current) && current.arguments.length === 1) current = current.arguments[0]
    else return current
  }
  return current
}

/** The value of a numeric literal (negative ones too: `-32700`) or a string literal. */
function literalOf(node: Ts.Expression | undefined): number | string {
  if (node && ts.isNumericLiteral(node)) return Number(node.text)
  if (node && ts.isPrefixUnaryExpression(node) && node.operator === ts.SyntaxKind.MinusToken && ts.isNumericLiteral(node.operand)) return -Number(node.operand.text)
  if (node && ts.isStringLiteral(node)) return node.text
  throw new Error('unexpected constant')
}

/** `ErrorCode.AccessTokenMissing` → `AccessTokenMissing`; '' when there is none. */
function memberName(node: Ts.Expression | undefined): string {
  if (node === undefined) return ''
  if (ts.isPropertyAccessExpression(node)) return node.name.text
  throw new Error('unexpected member reference')
}

/** The value of a string literal. */
function stringOf(node: Ts.Expression | undefined): string {
  if (node && ts.isStringLiteral(node)) return node.text
  throw new Error('unexpected string')
}

/** The members of the output's `HttpStatus` (an enum, or a frozen object); its block holds no brace. */
const httpStatusPattern = /^export (?:enum HttpStatus \{|const HttpStatus = Object\.freeze\(\{)([^}]*)\}/m

/** The names the TypeScript output gives the HTTP statuses: its `HttpStatus` members, read from the text. */
export function statusNamesOfTypeScript(text: string): Array<StatusName> {
  const members = httpStatusPattern.exec(text)?.[1] ?? ''
  return [...members.matchAll(/^\s*([A-Za-z_][A-Za-z0-9_]*)(?: = |: )(\d{3}),?$/gm)].map((match) => ({code: Number(match[2]), name: match[1] as string}))
}
