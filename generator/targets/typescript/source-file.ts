/** targets/typescript/source-file: a catalog in, the text of the TypeScript module (code and status enums, catalog, guard, lookup, body type) out, built with ts-morph — or its UTF-8 bytes, its per-code statements printed a batch of members at a time. */
import {printStructure, StructureKind} from '../ts-morph.js'
import type {
  CodeBlockWriter,
  FunctionDeclarationStructure,
  InterfaceDeclarationStructure,
  OptionalKind,
  PropertySignatureStructure,
  SourceFileStructure,
  StatementStructures,
  WriterFunction
} from 'ts-morph'
import type {BodyOptions, Catalog, CatalogEntry, ProblemSettings, StatusEntry, StatusName, TypeScriptStyle} from '../../types.js'
import type {Emitter} from '../target.js'
import type {EmitCache} from '../../emit/cache.js'
import {defaultBody} from '../../config/defaults.js'
import {isPartial} from '../../emit/body-fields.js'
import {ByteChunks, TextChunks, type TextSink} from '../../emit/encoded.js'
import {bodyContext, bodyStatements, documentedTypes} from './body.js'
import {typescript} from './index.js'
import {localeStatements} from './messages/locales.js'
import {paramStatements} from './messages/params.js'
import {problemStatements} from './problem.js'
import {codesByStatusText, errorClass, responseStatements} from './responses.js'
import {keptCodes, keptItems, printOptions, Splice, writtenEnum, writtenItems} from './kept.js'
import {docText, enumeration, type Member, stringLiteral} from './syntax.js'

/** The TypeScript target's emitter: the module in the configured style. */
export const emitter: Emitter = {
  emit: (catalog, options, cache) => emitTypeScript(catalog, options.typescript.style, options.body, options.problem, cache),
  encode: (catalog, options, cache) => encodeTypeScript(catalog, options.typescript.style, options.body, options.problem, cache),
  keptStatusNames: (catalog) => () => statusNamesOf(catalog)
}

/** The names the module gives the HTTP statuses, as its reader reads them back: the `HttpStatus` members, none when it has no such enumeration. */
export function statusNamesOf(catalog: Catalog): Array<StatusName> {
  return catalog.hasStatus ? catalog.statuses.map((status) => ({code: status.code, name: status.name})) : []
}

/** The statements a session's cache gives as text: the `ErrorCode` enum (in the enum style) and the catalog constant. */
interface Given {
  readonly codes: WriterFunction | undefined
  readonly catalog: WriterFunction
  /** The `ErrorCodesByStatus` statement; undefined to write it through ts-morph's writer. */
  readonly byStatus?: WriterFunction | undefined
}

/**
 * Emit the TypeScript module: one structure printed in one call, the statements of one line or more per entry written
 * in their place (`writeModule`).
 *
 * @param style `enum` (default) or `const` (frozen objects and union types, erasable syntax only)
 * @param body the fields of the error body
 * @param problem the problem details form's settings; undefined for none
 * @param cache a session's texts of the entries' members: those of an unchanged entry are not printed again
 */
export function emitTypeScript(catalog: Catalog, style: TypeScriptStyle = 'enum', body: BodyOptions = defaultBody, problem?: ProblemSettings, cache?: EmitCache): string {
  if (catalog.entries.length === 0) return printStructure(sourceFileStructure(catalog, style, body, problem), printOptions)
  return writeModule(catalog, style, body, problem, cache, new TextChunks()).toString()
}

/** The module's UTF-8 bytes, `emitTypeScript`'s text, encoded as it is written (into the session's sink, with a cache). */
export function encodeTypeScript(catalog: Catalog, style: TypeScriptStyle = 'enum', body: BodyOptions = defaultBody, problem?: ProblemSettings, cache?: EmitCache): Buffer {
  if (catalog.entries.length === 0) return Buffer.from(emitTypeScript(catalog, style, body, problem), 'utf8')
  return writeModule(catalog, style, body, problem, cache, cache?.sink(typescript.key) ?? new ByteChunks()).bytes()
}

/** Write the module of a catalog with entries into `out`: printed with a marker line for each statement of one line or more per entry, each replaced by its text. */
function writeModule<Sink extends TextSink>(catalog: Catalog, style: TypeScriptStyle, body: BodyOptions, problem: ProblemSettings | undefined, cache: EmitCache | undefined, out: Sink): Sink {
  const {splice, printed} = cache ? printedKept(catalog, style, body, problem, cache) : printedWritten(catalog, style, body, problem)
  splice.writeInto(printed, out)
  return out
}

/**
 * The module printed with a marker line for each statement of one line or more per entry (and `ErrorCodesByStatus`,
 * one line or more per code), and those statements' texts assembled from the session's texts of each entry's lines,
 * kept by the entry's key (`EmitCache.keyOf`) under the statuses' names and phrases, and an enum member also under
 * whether it is the last and the name of the code that replaces it.
 */
function printedKept(catalog: Catalog, style: TypeScriptStyle, body: BodyOptions, problem: ProblemSettings | undefined, cache: EmitCache): {splice: Splice, printed: string} {
  const statuses = new Map(catalog.statuses.map((status) => [status.code, status]))
  const shaping = JSON.stringify(catalog.statuses)
  const splice = new Splice()
  const codes = style === 'enum' ? splice.add(keptCodes('ErrorCode', codesDoc, catalog.entries, shaping, cache, (entry, names) => codeMember(entry, statuses, names))) : undefined
  const constant = keptItems(
    catalog.entries,
    catalogLines.doc + '\n' + catalogLines.open + '\n',
    catalogLines.close + '\n',
    (entry) => cache.keyOf(entry),
    (writer, entry) => writeCatalogEntry(writer, entry, statuses),
    cache.fragments('typescript/catalog', shaping)
  )
  const byStatus = catalog.hasStatus ? splice.add(codesByStatusText(catalog)) : undefined
  return {splice, printed: printStructure(sourceFileStructure(catalog, style, body, problem, {codes, catalog: splice.add(constant), byStatus}), printOptions)}
}

/**
 * The module printed with a marker line for each statement of one line or more per entry (the `ErrorCode` enum in the
 * enum style, the catalog constant), and those statements written to ts-morph's writer a few hundred members at a
 * time, each member made as it is written.
 */
function printedWritten(catalog: Catalog, style: TypeScriptStyle, body: BodyOptions, problem: ProblemSettings | undefined): {splice: Splice, printed: string} {
  const statuses = new Map(catalog.statuses.map((status) => [status.code, status]))
  const names = new Map(catalog.entries.map((entry) => [entry.code, entry.name]))
  const member = (index: number): Member => codeMember(catalog.entries[index] as CatalogEntry, statuses, names)
  const splice = new Splice()
  const codes = style === 'enum' ? splice.add(writtenEnum('ErrorCode', codesDoc, catalog.entries.length, member)) : undefined
  const constant = writtenItems(catalog.entries, catalogLines.doc + '\n' + catalogLines.open + '\n', catalogLines.close + '\n', (writer, entry) => writeCatalogEntry(writer, entry, statuses))
  return {splice, printed: printStructure(sourceFileStructure(catalog, style, body, problem, {codes, catalog: splice.add(constant)}), printOptions)}
}

/** The lines of the catalog constant around its items. */
const catalogLines = {doc: '/** Every documented error, keyed by code. */', open: 'export const errorCatalog = {', close: '} as const;'} as const

/** The doc of the `ErrorCode` enumeration. */
const codesDoc = 'The documented error codes, sorted by code.'

/**
 * The whole module as one structure.
 *
 * @param given statements given as text, in place of those built here
 */
export function sourceFileStructure(catalog: Catalog, style: TypeScriptStyle, body: BodyOptions, problem?: ProblemSettings, given?: Given): SourceFileStructure {
  const statuses = new Map(catalog.statuses.map((status) => [status.code, status]))
  const statements: Array<StatementStructures | WriterFunction> = []
  if (catalog.hasStatus) {
    statements.push(...enumeration(style, 'HttpStatus', 'The HTTP statuses of the documented errors, named by their standard reason phrase.', statusMembers(catalog.statuses)))
  }
  statements.push(
    ...(given?.codes ? [given.codes] : enumeration(style, 'ErrorCode', codesDoc, codeMembers(catalog, statuses))),
    errorEntryInterface(catalog),
    given?.catalog ?? catalogConstant(catalog, statuses),
    entriesView(catalog),
    ...documentedTypes(catalog),
    isErrorCodeFunction(catalog),
    getErrorEntryFunction(catalog),
    ...paramStatements(catalog),
    ...localeStatements(catalog),
    ...bodyStatements(bodyContext(catalog, body)),
    ...responseStatements(catalog, given?.byStatus),
    errorClass(catalog)
  )
  if (problem) statements.push(...problemStatements(catalog, problem))
  return {kind: StructureKind.SourceFile, leadingTrivia: typescript.notice(catalog), statements}
}

function statusMembers(statuses: readonly StatusEntry[]): Member[] {
  return statuses.map((status) => ({
    name: status.name,
    value: status.code,
    doc: status.code + ' ' + (status.phrase || '(no standard reason phrase)')
  }))
}

function codeMembers(catalog: Catalog, statuses: ReadonlyMap<number, StatusEntry>): Member[] {
  const names = new Map(catalog.entries.map((entry) => [entry.code, entry.name]))
  return catalog.entries.map((entry) => codeMember(entry, statuses, names))
}

/** An entry's member of the `ErrorCode` enumeration. */
function codeMember(entry: CatalogEntry, statuses: ReadonlyMap<number, StatusEntry>, names: ReadonlyMap<number | string, string>): Member {
  return {name: entry.name, value: entry.code, doc: entryDoc(entry, statuses, names)}
}

/**
 * An entry's JSDoc: its message, its resolve text (both with their links' URLs, `[docs](https://…)`, so that editors
 * render the links), its HTTP status, `@deprecated` with its replacement, and its group as `@category`.
 *
 * @param names each code's member name
 */
function entryDoc(entry: CatalogEntry, statuses: ReadonlyMap<number, StatusEntry>, names: ReadonlyMap<number | string, string>): string {
  const paragraphs = [docText(entry.docs?.message ?? entry.message)]
  const resolve = entry.docs?.resolve ?? entry.resolve
  if (resolve !== undefined) paragraphs.push(docText(resolve))
  if (entry.status !== undefined) {
    const phrase = statuses.get(entry.status)?.phrase
    paragraphs.push('HTTP status: ' + entry.status + (phrase ? ' ' + phrase : '') + '.')
  }
  if (entry.deprecated) paragraphs.push(deprecatedTag(entry.deprecated.replacement, names))
  if (entry.group !== undefined) paragraphs.push('@category ' + docText(entry.group).replace(/\n/g, ' '))
  return paragraphs.join('\n\n')
}

/** `@deprecated Use {@link ErrorCode.NewName} (1234) instead.`, or a bare `@deprecated`. */
function deprecatedTag(replacement: number | string | undefined, names: ReadonlyMap<number | string, string>): string {
  const name = replacement === undefined ? undefined : names.get(replacement)
  if (replacement === undefined || name === undefined) return '@deprecated'
  return '@deprecated Use {@link ErrorCode.' + name + '} (' + docText(String(replacement)) + ') instead.'
}

/** The catalog's entry type: `status` and `resolve` are optional when some entries lack them (`optionalColumns`). */
function errorEntryInterface(catalog: Catalog): InterfaceDeclarationStructure {
  const properties: Array<OptionalKind<PropertySignatureStructure>> = [{name: 'code', type: 'C', isReadonly: true, docs: ['The error code.']}]
  const absent = (field: 'status' | 'resolve', doc: string): Partial<PropertySignatureStructure> =>
    isPartial(catalog, field) ? {hasQuestionToken: true, docs: [doc + '; absent for a code whose table has no ' + (field === 'status' ? 'HTTP' : 'Resolve') + ' column.']} : {docs: [doc + '.']}
  if (catalog.hasStatus) properties.push({name: 'status', type: 'HttpStatus', isReadonly: true, ...absent('status', 'The HTTP status sent with the error')})
  properties.push({name: 'message', type: 'string', isReadonly: true, docs: ['The message sent with the error.']})
  if (catalog.hasResolve) properties.push({name: 'resolve', type: 'string', isReadonly: true, ...absent('resolve', 'How to resolve the error')})
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
 * The catalog constant, written as text: ts-morph would hang-indent a multi-line initializer. No `satisfies` clause:
 * checking each entry against `ErrorEntry<C>` costs the compiler a third of its time at 20,000 codes, and the view
 * `entries` below checks each is an `ErrorEntry` once.
 */
function catalogConstant(catalog: Catalog, statuses: ReadonlyMap<number, StatusEntry>): WriterFunction {
  return (writer) => {
    writer.blankLineIfLastNot()
    writer.writeLine(catalogLines.doc)
    writer.write(catalogLines.open).indent(() => {
      for (const entry of catalog.entries) writeCatalogEntry(writer, entry, statuses)
    })
    writer.writeLine(catalogLines.close)
  }
}

function writeCatalogEntry(writer: CodeBlockWriter, entry: CatalogEntry, statuses: ReadonlyMap<number, StatusEntry>): void {
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
 * The catalog as entries of any code: the helpers read it instead of `errorCatalog[code]`, whose type is the union of
 * every entry's, which the compiler would check at each use (seconds at 20,000 codes). It is asserted, not checked:
 * relating the catalog to the index signature costs the compiler as much as a tenth of the plain catalog at 20,000
 * codes, and each entry is an `ErrorEntry` by construction (the tests compile `errorCatalog[code]` as one).
 */
function entriesView(catalog: Catalog): WriterFunction {
  const key = catalog.codeKind === 'integer' ? 'number' : 'string'
  return (writer) => {
    writer.blankLineIfLastNot()
    writer.writeLine('/** The catalog as entries of any code, for the functions below (one type instead of the union of every entry\'s at each use). */')
    writer.writeLine('const entries = errorCatalog as unknown as { readonly [code: ' + key + ']: ErrorEntry | undefined };')
  }
}

function isErrorCodeFunction(catalog: Catalog): FunctionDeclarationStructure {
  const type = catalog.codeKind === 'integer' ? 'number' : 'string'
  return {
    kind: StructureKind.Function,
    name: 'isErrorCode',
    isExported: true,
    docs: ['Whether `value` is a documented error code.'],
    parameters: [{name: 'value', type: 'unknown'}],
    returnType: 'value is ErrorCode',
    statements: ['return typeof value === "' + type + '" && Object.prototype.hasOwnProperty.call(entries, value);']
  }
}

function getErrorEntryFunction(catalog: Catalog): FunctionDeclarationStructure {
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
        returnType: 'DocumentedEntry<C>'
      },
      {
        docs: ['The documented error with this code, or `undefined` when the code is not documented.'],
        parameters: [{name: 'code', type}],
        returnType: 'ErrorEntry | undefined'
      }
    ],
    parameters: [{name: 'code', type}],
    returnType: 'ErrorEntry | undefined',
    // The test of `isErrorCode`, not a call: narrowing `code` to `ErrorCode` costs the compiler a pass over every code.
    statements: ['return typeof code === "' + type + '" && Object.prototype.hasOwnProperty.call(entries, code) ? entries[code] : undefined;']
  }
}

/** The ErrorEntry description, without the parts the catalog lacks. */
function fieldList(catalog: Catalog, full: string): string {
  if (catalog.hasStatus && catalog.hasResolve) return full
  const parts = ['its code', ...(catalog.hasStatus ? ['HTTP status'] : []), 'message', ...(catalog.hasResolve ? ['how to resolve it'] : [])]
  return parts.slice(0, -1).join(', ') + ' and ' + parts.at(-1)
}
