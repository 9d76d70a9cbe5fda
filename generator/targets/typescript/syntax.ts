/** targets/typescript/syntax: names, docs and values in, the small pieces of the TypeScript module out: an enumeration's structures (an enum, or a frozen `as const` object with its types), doc comments and frozen objects written as text, with the literals and doc text every statement is written through. */
import {ModuleDeclarationKind, StructureKind} from '../ts-morph.js'
import type {CodeBlockWriter, EnumMemberStructure, OptionalKind, StatementStructures, WriterFunction} from 'ts-morph'
import {identifierPattern} from '../../catalog/names.js'
import type {TypeScriptStyle} from '../../types.js'

export {docText} from './index.js'

/** A member of a generated enum (or `as const` object). */
export interface Member {
  name: string
  value: number | string
  doc: string
}

/**
 * A named set of constants: an enum, or (`const` style) a frozen `as const` object, the union type of its values,
 * and a type-only namespace so that `Name.Member` is also a type, as with an enum.
 */
export function enumeration(
  style: TypeScriptStyle,
  name: string,
  doc: string,
  members: readonly Member[]
): Array<StatementStructures | WriterFunction> {
  if (style === 'enum') return [{kind: StructureKind.Enum, name, isExported: true, docs: [doc], members: enumMembers(members)}]
  return [
    (writer) => writeFrozenObject(writer, name, doc, members),
    {
      kind: StructureKind.TypeAlias,
      name,
      isExported: true,
      docs: ['A value of `' + name + '`.'],
      type: '(typeof ' + name + ')[keyof typeof ' + name + ']'
    },
    {
      kind: StructureKind.Module,
      name,
      declarationKind: ModuleDeclarationKind.Namespace,
      isExported: true,
      hasDeclareKeyword: true,
      docs: ['The type of each `' + name + '` member.'],
      statements: members.map((member) => ({
        kind: StructureKind.TypeAlias,
        name: member.name,
        type: 'typeof ' + name + '.' + member.name
      }))
    }
  ]
}

/** The members of an enum, as structures. */
export function enumMembers(members: readonly Member[]): Array<OptionalKind<EnumMemberStructure>> {
  return withCommas(members.map((member) => ({name: member.name, initializer: literal(member.value), docs: [member.doc]})))
}

/**
 * Enum members with their separating commas written as trailing trivia. ts-morph otherwise inserts each comma into
 * the text already written, which is quadratic in the number of members (15 s at 20,000); a member that ends with a
 * comma gets none inserted, so the text is the same.
 */
function withCommas(members: Array<OptionalKind<EnumMemberStructure>>): Array<OptionalKind<EnumMemberStructure>> {
  const last = members.length - 1
  return members.map((member, index) => (index < last ? {...member, trailingTrivia: ','} : member))
}

/**
 * An enum member written as ts-morph prints its structure (`enumMembers`: the doc, `Name = value`, and the comma as
 * trailing trivia), through the same calls on the writer that ts-morph's enum-member and JSDoc printers make. Printing
 * the structures costs about 50 µs a member (a writer for each member's initializer, the text read back after each for
 * its comma): most of the TypeScript module's time at 20,000 codes. The names are the catalog's (ASCII identifiers).
 */
export function writeEnumMember(writer: CodeBlockWriter, member: Member, comma: boolean): void {
  writer.closeComment()
  writeJsDoc(writer, member.doc)
  writer.newLine()
  if (isQuotedByTsMorph(member.name)) writer.quote(member.name)
  else writer.write(member.name)
  const initializer = literal(member.value)
  writer.hangingIndent(() => {
    writer.spaceIfLastNot()
    writer.write('= ' + initializer)
  })
  if (comma) writer.write(',')
}

/** A doc given as a string, as ts-morph's JSDoc printer writes it: `/** text *\/` on one line, else a line per line of the text (a first empty line dropped). */
function writeJsDoc(writer: CodeBlockWriter, doc: string): void {
  const lines = doc.split(/\r?\n/)
  const start = lines[0] === '' ? 1 : 0
  writer.write('/**')
  if (lines.length <= 1) {
    writer.space()
    writer.write(lines[start] ?? '')
  } else {
    writer.newLine()
    for (const line of lines.slice(start)) {
      writer.write(' *')
      if (line.length > 0) writer.write(' ' + line)
      writer.newLine()
    }
  }
  writer.spaceIfLastNot()
  writer.write('*/')
}

/**
 * Whether ts-morph quotes a member's name: a name of the catalog (an ASCII identifier, `identifierPattern`) is quoted
 * when it is one of the words ts-morph takes for no variable name (its `isValidVariableName`).
 */
function isQuotedByTsMorph(name: string): boolean {
  if (!identifierPattern.test(name)) throw new Error('expected an ASCII identifier as an enum member\'s name, got ' + JSON.stringify(name))
  return wordsTsMorphQuotes.has(name)
}

/** The names ts-morph writes quoted though they are identifiers: JavaScript's reserved words and a few more. */
const wordsTsMorphQuotes: ReadonlySet<string> = new Set([
  ...['do', 'if', 'in', 'for', 'let', 'new', 'try', 'var', 'case', 'else', 'enum', 'eval', 'false', 'null', 'this', 'true', 'void'],
  ...['with', 'break', 'catch', 'class', 'const', 'super', 'throw', 'while', 'yield', 'delete', 'export', 'import', 'public'],
  ...['return', 'static', 'switch', 'typeof', 'default', 'extends', 'finally', 'package', 'private', 'continue', 'debugger'],
  ...['function', 'arguments', 'interface', 'protected', 'implements', 'instanceof']
])

/** `export const Name = Object.freeze({ … } as const);`, written as text: ts-morph would hang-indent the initializer. */
function writeFrozenObject(writer: CodeBlockWriter, name: string, doc: string, members: readonly Member[]): void {
  writer.blankLineIfLastNot()
  writeDoc(writer, doc)
  writer.write('export const ' + name + ' = Object.freeze({').indent(() => {
    for (const member of members) {
      writeDoc(writer, member.doc)
      writer.writeLine(member.name + ': ' + literal(member.value) + ',')
    }
  })
  writer.writeLine('} as const);')
}

function writeDoc(writer: CodeBlockWriter, doc: string): void {
  const lines = doc.split('\n')
  if (lines.length === 1) {
    writer.writeLine('/** ' + doc + ' */')
    return
  }
  writer.writeLine('/**')
  for (const line of lines) writer.writeLine((' * ' + line).trimEnd())
  writer.writeLine(' */')
}

function literal(value: number | string): string {
  return typeof value === 'number' ? String(value) : stringLiteral(value)
}

/** A statement written as the given lines, after a blank line. Lines are written as they are: indent them. */
export function textStatement(lines: ReadonlyArray<string>): WriterFunction {
  return (writer) => {
    writer.blankLineIfLastNot()
    for (const line of lines) writer.writeLine(line)
  }
}

/** `/** text *\/` over one line or several, indented. */
export function docLines(doc: string, indent = ''): Array<string> {
  const lines = doc.split('\n')
  if (lines.length === 1) return [indent + '/** ' + doc + ' */']
  return [indent + '/**', ...lines.map((line) => (indent + ' * ' + line).trimEnd()), indent + ' */']
}

/** A string literal for TypeScript source: JSON's escaping, plus U+2028 and U+2029, which older tools take for line ends. */
export function stringLiteral(value: string): string {
  return JSON.stringify(value).replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029')
}
