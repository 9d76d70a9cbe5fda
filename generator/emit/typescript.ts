/** emit/typescript: a catalog in, the text of the TypeScript module (code and status enums, catalog, guard, lookup, body type) out, built with ts-morph. */
import {IndentationText, ModuleDeclarationKind, NewLineKind, printStructure, Project, QuoteKind, StructureKind} from 'ts-morph'
import {notice} from './notice.js'

/**
 * @import {CodeBlockWriter, EnumMemberStructure, FunctionDeclarationStructure, InterfaceDeclarationStructure, OptionalKind, PropertySignatureStructure, SourceFileStructure, StatementStructures, WriterFunction} from 'ts-morph'
 * @import {Catalog, CatalogEntry, StatusEntry, TypeScriptStyle} from '../types.js'
 */

/**
 * @typedef Member a member of a generated enum (or `as const` object)
 * @property {string} name
 * @property {number | string} value
 * @property {string} doc
 */

/**
 * Emit the TypeScript module: the whole file is one structure, printed in one call.
 *
 * @param {Catalog} catalog
 * @param {TypeScriptStyle} [style] `enum` (default) or `const` (frozen objects and union types, erasable syntax only)
 * @returns {string}
 */
export function emitTypeScript(catalog, style = 'enum') {
  return printStructure(sourceFileStructure(catalog, style), {indentNumberOfSpaces: 2, newLine: '\n'})
}

/**
 * The same text through a ts-morph Project: the source file is created from the structure, parsed by TypeScript, and
 * its full text read back. emitTypeScript prints the structure alone, without the parse (0.7 s at 20,000 codes);
 * tests check both give the same bytes.
 *
 * @param {Catalog} catalog
 * @param {TypeScriptStyle} [style]
 * @returns {string}
 */
export function emitTypeScriptThroughProject(catalog, style = 'enum') {
  const project = new Project({
    useInMemoryFileSystem: true,
    manipulationSettings: {
      indentationText: IndentationText.TwoSpaces,
      newLineKind: NewLineKind.LineFeed,
      quoteKind: QuoteKind.Double,
      useTrailingCommas: true
    }
  })
  return project.createSourceFile('errors.ts', sourceFileStructure(catalog, style)).getFullText()
}

/**
 * The whole module as one structure.
 *
 * @param {Catalog} catalog
 * @param {TypeScriptStyle} style
 * @returns {SourceFileStructure}
 */
function sourceFileStructure(catalog, style) {
  const statuses = new Map(catalog.statuses.map((status) => [status.code, status]))
  /** @type {Array<StatementStructures | WriterFunction>} */
  const statements = []
  if (catalog.hasStatus) {
    statements.push(...enumeration(style, 'HttpStatus', 'The HTTP statuses of the documented errors, named by their standard reason phrase.', statusMembers(catalog.statuses)))
  }
  statements.push(
    ...enumeration(style, 'ErrorCode', 'The documented error codes, sorted by code.', codeMembers(catalog, statuses)),
    errorEntryInterface(catalog),
    catalogConstant(catalog, statuses),
    errorBodyType(catalog),
    isErrorCodeFunction(catalog),
    getErrorEntryFunction(catalog),
    createErrorBodyFunction(catalog)
  )
  return {kind: StructureKind.SourceFile, leadingTrivia: fileHeader(catalog), statements}
}

/**
 * @param {Catalog} catalog
 * @returns {string}
 */
function fileHeader(catalog) {
  return ['/**', ' * ' + docText(notice(catalog)), ' *', ' * @packageDocumentation', ' */', ''].join('\n')
}

/**
 * @param {ReadonlyArray<StatusEntry>} statuses
 * @returns {Array<Member>}
 */
function statusMembers(statuses) {
  return statuses.map((status) => ({
    name: status.name,
    value: status.code,
    doc: status.code + ' ' + (status.phrase || '(no standard reason phrase)')
  }))
}

/**
 * @param {Catalog} catalog
 * @param {ReadonlyMap<number, StatusEntry>} statuses
 * @returns {Array<Member>}
 */
function codeMembers(catalog, statuses) {
  const names = new Map(catalog.entries.map((entry) => [entry.code, entry.name]))
  return catalog.entries.map((entry) => ({name: entry.name, value: entry.code, doc: entryDoc(entry, statuses, names)}))
}

/**
 * An entry's JSDoc: its message, its resolve text, its HTTP status, `@deprecated` with its replacement, and its group
 * as `@category`.
 *
 * @param {CatalogEntry} entry
 * @param {ReadonlyMap<number, StatusEntry>} statuses
 * @param {ReadonlyMap<number | string, string>} names each code's member name
 * @returns {string}
 */
function entryDoc(entry, statuses, names) {
  const paragraphs = [docText(entry.message)]
  if (entry.resolve !== undefined) paragraphs.push(docText(entry.resolve))
  if (entry.status !== undefined) {
    const phrase = statuses.get(entry.status)?.phrase
    paragraphs.push('HTTP status: ' + entry.status + (phrase ? ' ' + phrase : '') + '.')
  }
  if (entry.deprecated) paragraphs.push(deprecatedTag(entry.deprecated.replacement, names))
  if (entry.group !== undefined) paragraphs.push('@category ' + docText(entry.group).replace(/\n/g, ' '))
  return paragraphs.join('\n\n')
}

/**
 * `@deprecated Use {@link ErrorCode.NewName} (1234) instead.`, or a bare `@deprecated`.
 *
 * @param {number | string | undefined} replacement
 * @param {ReadonlyMap<number | string, string>} names
 * @returns {string}
 */
function deprecatedTag(replacement, names) {
  const name = replacement === undefined ? undefined : names.get(replacement)
  if (replacement === undefined || name === undefined) return '@deprecated'
  return '@deprecated Use {@link ErrorCode.' + name + '} (' + docText(String(replacement)) + ') instead.'
}

/**
 * A named set of constants: an enum, or (`const` style) a frozen `as const` object, the union type of its values,
 * and a type-only namespace so that `Name.Member` is also a type, as with an enum.
 *
 * @param {TypeScriptStyle} style
 * @param {string} name
 * @param {string} doc
 * @param {ReadonlyArray<Member>} members
 * @returns {Array<StatementStructures | WriterFunction>}
 */
function enumeration(style, name, doc, members) {
  if (style === 'enum') {
    /** @type {Array<OptionalKind<EnumMemberStructure>>} */
    const enumMembers = members.map((member) => ({name: member.name, initializer: literal(member.value), docs: [member.doc]}))
    return [{kind: StructureKind.Enum, name, isExported: true, docs: [doc], members: withCommas(enumMembers)}]
  }
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

/**
 * Enum members with their separating commas written as trailing trivia. ts-morph otherwise inserts each comma into
 * the text already written, which is quadratic in the number of members (15 s at 20,000); a member that ends with a
 * comma gets none inserted, so the text is the same.
 *
 * @param {Array<OptionalKind<EnumMemberStructure>>} members
 * @returns {Array<OptionalKind<EnumMemberStructure>>}
 */
function withCommas(members) {
  const last = members.length - 1
  return members.map((member, index) => (index < last ? {...member, trailingTrivia: ','} : member))
}

/**
 * `export const Name = Object.freeze({ … } as const);`, written as text: ts-morph would hang-indent the initializer.
 *
 * @param {CodeBlockWriter} writer
 * @param {string} name
 * @param {string} doc
 * @param {ReadonlyArray<Member>} members
 */
function writeFrozenObject(writer, name, doc, members) {
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

/**
 * @param {CodeBlockWriter} writer
 * @param {string} doc
 */
function writeDoc(writer, doc) {
  const lines = doc.split('\n')
  if (lines.length === 1) {
    writer.writeLine('/** ' + doc + ' */')
    return
  }
  writer.writeLine('/**')
  for (const line of lines) writer.writeLine((' * ' + line).trimEnd())
  writer.writeLine(' */')
}

/**
 * @param {Catalog} catalog
 * @returns {InterfaceDeclarationStructure}
 */
function errorEntryInterface(catalog) {
  /** @type {Array<OptionalKind<PropertySignatureStructure>>} */
  const properties = [{name: 'code', type: 'C', isReadonly: true, docs: ['The error code.']}]
  if (catalog.hasStatus) properties.push({name: 'status', type: 'HttpStatus', isReadonly: true, docs: ['The HTTP status sent with the error.']})
  properties.push({name: 'message', type: 'string', isReadonly: true, docs: ['The message sent with the error.']})
  if (catalog.hasResolve) properties.push({name: 'resolve', type: 'string', isReadonly: true, docs: ['How to resolve the error.']})
  return {
    kind: StructureKind.Interface,
    name: 'ErrorEntry',
    isExported: true,
    docs: ['A documented error: ' + fieldList(catalog, 'its code, HTTP status, message and how to resolve it') + '.'],
    typeParameters: [{name: 'C', constraint: 'ErrorCode', default: 'ErrorCode'}],
    properties
  }
}

/**
 * The catalog constant, written as text: ts-morph would hang-indent a multi-line initializer.
 *
 * @param {Catalog} catalog
 * @param {ReadonlyMap<number, StatusEntry>} statuses
 * @returns {WriterFunction}
 */
function catalogConstant(catalog, statuses) {
  return (writer) => {
    writer.blankLineIfLastNot()
    writer.writeLine('/** Every documented error, keyed by code. */')
    writer.write('export const errorCatalog = {').indent(() => {
      for (const entry of catalog.entries) writeCatalogEntry(writer, entry, statuses)
    })
    writer.writeLine('} as const satisfies { readonly [C in ErrorCode]: ErrorEntry<C> };')
  }
}

/**
 * @param {CodeBlockWriter} writer
 * @param {CatalogEntry} entry
 * @param {ReadonlyMap<number, StatusEntry>} statuses
 */
function writeCatalogEntry(writer, entry, statuses) {
  const member = 'ErrorCode.' + entry.name
  writer.write('[' + member + ']: {').indent(() => {
    writer.writeLine('code: ' + member + ',')
    if (entry.status !== undefined) writer.writeLine('status: HttpStatus.' + statuses.get(entry.status)?.name + ',')
    writer.writeLine('message: ' + stringLiteral(entry.message) + ',')
    if (entry.resolve !== undefined) writer.writeLine('resolve: ' + stringLiteral(entry.resolve) + ',')
  })
  writer.writeLine('},')
}

/**
 * The body type: one object type per code, so that `switch (body.code)` narrows `message`.
 *
 * @param {Catalog} catalog
 * @returns {WriterFunction}
 */
function errorBodyType(catalog) {
  return (writer) => {
    writer.blankLineIfLastNot()
    writer.writeLine('/** The body of an error response; `message` is the documented message of `code`. */')
    writer.writeLine('export type ErrorBody<C extends ErrorCode = ErrorCode> = C extends ErrorCode').indent(() => {
      writer.write('? {').indent(() => {
        writer.writeLine('readonly code: C;')
        writer.writeLine('readonly message: (typeof errorCatalog)[C]["message"];')
        if (catalog.hasResolve) writer.writeLine('readonly resolve: string;')
      })
      writer.writeLine('}')
      writer.writeLine(': never;')
    })
  }
}

/**
 * @param {Catalog} catalog
 * @returns {FunctionDeclarationStructure}
 */
function isErrorCodeFunction(catalog) {
  const type = catalog.codeKind === 'integer' ? 'number' : 'string'
  return {
    kind: StructureKind.Function,
    name: 'isErrorCode',
    isExported: true,
    docs: ['Whether `value` is a documented error code.'],
    parameters: [{name: 'value', type: 'unknown'}],
    returnType: 'value is ErrorCode',
    statements: ['return typeof value === "' + type + '" && Object.prototype.hasOwnProperty.call(errorCatalog, value);']
  }
}

/**
 * @param {Catalog} catalog
 * @returns {FunctionDeclarationStructure}
 */
function getErrorEntryFunction(catalog) {
  const type = catalog.codeKind === 'integer' ? 'number' : 'string'
  return {
    kind: StructureKind.Function,
    name: 'getErrorEntry',
    isExported: true,
    overloads: [
      {
        docs: ['The documented error with this code.'],
        typeParameters: [{name: 'C', constraint: 'ErrorCode'}],
        parameters: [{name: 'code', type: 'C'}],
        returnType: '(typeof errorCatalog)[C]'
      },
      {
        docs: ['The documented error with this code, or `undefined` when the code is not documented.'],
        parameters: [{name: 'code', type}],
        returnType: 'ErrorEntry | undefined'
      }
    ],
    parameters: [{name: 'code', type}],
    returnType: 'ErrorEntry | undefined',
    statements: ['return isErrorCode(code) ? errorCatalog[code] : undefined;']
  }
}

/**
 * @param {Catalog} catalog
 * @returns {FunctionDeclarationStructure}
 */
function createErrorBodyFunction(catalog) {
  const fields = catalog.hasResolve ? 'code, message: entry.message, resolve: entry.resolve' : 'code, message: entry.message'
  return {
    kind: StructureKind.Function,
    name: 'createErrorBody',
    isExported: true,
    docs: ['The response body of the error with this code: `{ ' + (catalog.hasResolve ? 'code, message, resolve' : 'code, message') + ' }` as documented.'],
    typeParameters: [{name: 'C', constraint: 'ErrorCode'}],
    parameters: [{name: 'code', type: 'C'}],
    returnType: 'ErrorBody<C>',
    statements: ['const entry: ErrorEntry = errorCatalog[code];', 'return { ' + fields + ' } as ErrorBody<C>;']
  }
}

/**
 * The ErrorEntry description, without the parts the catalog lacks.
 *
 * @param {Catalog} catalog
 * @param {string} full
 * @returns {string}
 */
function fieldList(catalog, full) {
  if (catalog.hasStatus && catalog.hasResolve) return full
  const parts = ['its code', ...(catalog.hasStatus ? ['HTTP status'] : []), 'message', ...(catalog.hasResolve ? ['how to resolve it'] : [])]
  return parts.slice(0, -1).join(', ') + ' and ' + parts.at(-1)
}

/**
 * @param {number | string} value
 * @returns {string}
 */
function literal(value) {
  return typeof value === 'number' ? String(value) : stringLiteral(value)
}

/**
 * A string literal for TypeScript source: JSON's escaping, plus U+2028 and U+2029, which older tools take for line ends.
 *
 * @param {string} value
 * @returns {string}
 */
export function stringLiteral(value) {
  return JSON.stringify(value).replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029')
}

/**
 * Text that is safe inside a JSDoc comment: `*\/` cannot close it, `@` cannot start a tag (markdown escapes,
 * which editors render as the original characters), and every line end becomes a plain line feed.
 *
 * @param {string} text
 * @returns {string}
 */
export function docText(text) {
  return text
    .replace(/\r\n?|[\u2028\u2029\u0085]/g, '\n')
    .replace(/\*\//g, '*\\/')
    .replace(/@/g, '\\@')
}
