/** targets/go/emit: a catalog and the emit options in, the text of a gofmt-clean Go file out — the `Code` and `Status` types with a documented constant each, the `Entry` struct and the sorted entries behind the catalog map, then the lookup, body, decoder and error type of api.ts. */
import {problemType} from '../../config/settings/problem-template.js'
import {isPartial} from '../../emit/body-fields.js'
import type {Catalog, CatalogEntry, EmitOptions, StatusEntry} from '../../types.js'
import type {Emitter} from '../target.js'
import {apiDeclarations} from './api.js'
import {paramImports} from './params.js'
import {go} from './index.js'
import {exported, goComment, goString} from './text.js'

/** The Go target's emitter. */
export const emitter: Emitter = {emit: emitGo}

/** The whole file: the package clause, its imports, and each declaration, one blank line apart. */
export function emitGo(catalog: Catalog, options: EmitOptions): string {
  const statuses = new Map(catalog.statuses.map((status) => [status.code, status]))
  const declarations = [
    ['import (', '\t"encoding/json"', '\t"fmt"', ...paramImports(catalog), ')'],
    ...codeDeclarations(catalog, statuses),
    ...(catalog.hasStatus ? statusDeclarations(catalog.statuses) : []),
    entryStruct(catalog, options),
    entriesVariable(catalog, statuses, options),
    ...apiDeclarations(catalog, options)
  ]
  const doc = 'Package ' + options.go.package + ' holds the documented errors of ' + catalog.sources.join(', ') + ': codes, statuses, the catalog, the error body, its decoder and an error type.'
  return [go.notice(catalog), '', ...goComment(doc, ''), 'package ' + options.go.package, '', declarations.map((lines) => lines.join('\n')).join('\n\n')].join('\n') + '\n'
}

/** A code's constant: `Code` and its name in Go's spelling. */
export function codeConstant(entry: CatalogEntry): string {
  return go.names.spell(entry.name)
}

/** A status's constant: `StatusBadRequest`, or `Status499` for one without a reason phrase. */
export function statusConstant(status: StatusEntry): string {
  return 'Status' + (status.phrase ? exported(status.name) : String(status.code))
}

function codeDeclarations(catalog: Catalog, statuses: ReadonlyMap<number, StatusEntry>): Array<Array<string>> {
  const byCode = new Map(catalog.entries.map((entry) => [entry.code, entry]))
  const constants = catalog.entries.map((entry) => [...goComment(constantDoc(entry, statuses, byCode), '\t'), '\t' + codeConstant(entry) + ' Code = ' + codeLiteral(entry.code)].join('\n'))
  return [
    ['// Code is a documented error code: one of the constants below.', 'type Code ' + (catalog.codeKind === 'integer' ? 'int64' : 'string')],
    ['// The documented error codes, sorted by code.', 'const (', constants.join('\n\n'), ')']
  ]
}

function codeLiteral(code: number | string): string {
  return typeof code === 'number' ? String(code) : goString(code)
}

/** A constant's doc comment: what it is, the message, resolve text, status, heading, and `Deprecated:` as Go tools read it. */
function constantDoc(entry: CatalogEntry, statuses: ReadonlyMap<number, StatusEntry>, byCode: ReadonlyMap<number | string, CatalogEntry>): string {
  const paragraphs = [codeConstant(entry) + ' is ' + 'code ' + (typeof entry.code === 'number' ? String(entry.code) : goString(entry.code)) + ': ' + (entry.docs?.message ?? entry.message)]
  const resolve = entry.docs?.resolve ?? entry.resolve
  if (resolve !== undefined) paragraphs.push(resolve)
  if (entry.status !== undefined) paragraphs.push('HTTP status: ' + entry.status + (statuses.get(entry.status)?.phrase ? ' ' + statuses.get(entry.status)?.phrase : '') + '.')
  if (entry.group !== undefined) paragraphs.push('Heading: ' + entry.group.replace(/\s+/g, ' '))
  if (entry.deprecated) {
    const replacement = entry.deprecated.replacement === undefined ? undefined : byCode.get(entry.deprecated.replacement)
    paragraphs.push('Deprecated: ' + (replacement ? 'use ' + codeConstant(replacement) + ' instead.' : 'the code stays valid, but is no longer documented for new use.'))
  }
  return paragraphs.join('\n\n')
}

function statusDeclarations(statuses: ReadonlyArray<StatusEntry>): Array<Array<string>> {
  const constants = statuses.map((status) => ['\t// ' + statusConstant(status) + ' is ' + status.code + ' ' + (status.phrase || '(no standard reason phrase)') + '.', '\t' + statusConstant(status) + ' Status = ' + status.code].join('\n'))
  return [
    ['// Status is an HTTP status the documented errors are sent with.', 'type Status int'],
    ['// The HTTP statuses of the documented errors, named by their standard reason phrase.', 'const (', constants.join('\n\n'), ')']
  ]
}

/** `Entry`: a field a line, each after its comment (so that gofmt aligns nothing). */
function entryStruct(catalog: Catalog, options: EmitOptions): Array<string> {
  const partial = (field: 'status' | 'resolve', column: string): string => (isPartial(catalog, field) ? '; zero when its table has no ' + column + ' column.' : '.')
  const fields: Array<[string, string, string]> = [
    ['Code', 'Code', 'Code is the error code.'],
    ['Name', 'string', 'Name is its name in every output errgen generates; its constant is Code and the name in Go\'s spelling.'],
    ...(catalog.hasStatus ? [['Status', 'Status', 'Status is the HTTP status sent with the error' + partial('status', 'HTTP')] as [string, string, string]] : []),
    ['Message', 'string', 'Message is the message sent with the error.'],
    ...(catalog.hasResolve ? [['Resolve', 'string', 'Resolve says how to resolve the error' + partial('resolve', 'Resolve')] as [string, string, string]] : []),
    ['Heading', 'string', 'Heading is the heading above its table; empty for a table without one.'],
    ['Deprecated', 'bool', 'Deprecated is whether the code is deprecated: it stays valid.'],
    ['Replacement', 'Code', 'Replacement is the code that replaces a deprecated one, when HasReplacement is true.'],
    ['HasReplacement', 'bool', 'HasReplacement is whether the document names a code that replaces this one.'],
    ...(options.problem ? [['ProblemType', 'string', 'ProblemType is its problem type URI (RFC 9457).'] as [string, string, string]] : [])
  ]
  return ['// Entry is a documented error.', 'type Entry struct {', ...fields.flatMap(([name, type, doc]) => ['\t// ' + doc, '\t' + name + ' ' + type]), '}']
}

/** The entries, sorted by code, one a line with the fields it has (what the reader of the contract reads back). */
function entriesVariable(catalog: Catalog, statuses: ReadonlyMap<number, StatusEntry>, options: EmitOptions): Array<string> {
  const byCode = new Map(catalog.entries.map((entry) => [entry.code, entry]))
  const line = (entry: CatalogEntry): string => {
    const status = entry.status === undefined ? undefined : statuses.get(entry.status)
    const replacement = entry.deprecated?.replacement === undefined ? undefined : byCode.get(entry.deprecated.replacement)
    const fields = [
      'Code: ' + codeConstant(entry),
      'Name: ' + goString(entry.name),
      ...(status ? ['Status: ' + statusConstant(status)] : []),
      'Message: ' + goString(entry.message),
      ...(entry.resolve === undefined ? [] : ['Resolve: ' + goString(entry.resolve)]),
      ...(entry.group === undefined ? [] : ['Heading: ' + goString(entry.group)]),
      ...(entry.deprecated ? ['Deprecated: true'] : []),
      ...(replacement ? ['Replacement: ' + codeConstant(replacement), 'HasReplacement: true'] : []),
      ...(options.problem ? ['ProblemType: ' + goString(problemType(options.problem, entry))] : [])
    ]
    return '\t{' + fields.join(', ') + '},'
  }
  return ['// entries is every documented error, sorted by code.', 'var entries = []Entry{', ...catalog.entries.map(line), '}']
}
