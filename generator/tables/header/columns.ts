/** columns: header texts in, the columns they name out — errgen's column names and aliases, the message and resolve columns inferred from description-like headers, and what makes a table an error table. */
import {normalizeHeader} from '../../catalog/names.js'
import type {Column, Field, HeaderCell, ReadOptions} from '../../types.js'

/** The columns an error table has, in the order messages name them. */
export const tableColumns = ['status', 'code', 'message', 'resolve'] as const

/** How messages name each column. */
export const columnLabels = {
  status: 'HTTP',
  code: 'Code',
  message: 'Message',
  resolve: 'Resolve',
  name: 'Name',
  deprecated: 'Deprecated'
} as const satisfies Record<Column, string>

/** How a header's column is said after its text (`Description (read as message)`). */
const readAs = {status: 'HTTP status', code: 'code', message: 'message', resolve: 'resolve', name: 'name', deprecated: 'deprecated'} as const satisfies Record<Column, string>

/** Header texts (normalized) and the column each one names; a configuration adds to them. */
const headerAliases = new Map<string, Field>([
  ...aliasesFor('status', ['http', 'status', 'http status', 'http status code', 'status code', 'http code', 'http response', 'response code']),
  ...aliasesFor('code', ['code', 'error code', 'error', 'error id', 'código', 'código de error', "code d'erreur", 'fehlercode', 'код', 'код ошибки', '错误码', '错误代码', 'エラーコード']),
  ...aliasesFor('message', ['message', 'error message', 'mensaje', 'mensagem', 'meldung', 'fehlermeldung', 'сообщение', '错误信息', 'メッセージ']),
  ...aliasesFor('resolve', ['resolve', 'resolution', 'how to resolve', 'how to fix', 'fix', 'solution', 'suggested action', 'action']),
  ...aliasesFor('name', ['name', 'identifier']),
  ...aliasesFor('deprecated', ['deprecated', 'deprecation'])
])

/**
 * Headers that describe an error: in a table without a Message column the first of them is the message, and the next
 * (or the first, when there is a Message column) the resolve text; any others are not read.
 */
export const descriptionLike: ReadonlySet<string> = new Set([
  'description', 'meaning', 'text', 'details', 'detail', 'explanation', 'reason', 'summary', 'title', 'error description',
  'descripción', 'descrição', 'beschreibung', 'описание', '描述', '说明', '説明'
])

function aliasesFor(field: Field, texts: ReadonlyArray<string>): Array<[string, Field]> {
  return texts.map((text) => [text, field])
}

/** The built-in header names with the configured ones over them. */
export function aliasesOf(options: ReadOptions): Map<string, Field> {
  return new Map([...headerAliases, ...Object.entries(options.columns)])
}

/**
 * The column each header cell names: its alias (the configuration's first), else, for a description-like header,
 * the message or resolve column when the table has none; undefined for columns errgen does not read.
 */
export function mapHeader(texts: ReadonlyArray<string>, aliases: ReadonlyMap<string, Field>): Array<HeaderCell> {
  const named = texts.map((text) => aliases.get(normalizeHeader(text)))
  const numbered = numberedCodes(texts, named)
  const taken = new Set([...named, ...(numbered ? ['code', 'name'] as const : [])])
  return texts.map((text, index) => {
    const field = named[index]
    if (numbered && (index === numbered.number || index === numbered.code)) {
      return {text, column: index === numbered.number ? 'code' : 'name', inferred: true}
    }
    if (field !== undefined) return {text, column: field === 'ignore' ? undefined : field, inferred: false}
    if (!descriptionLike.has(normalizeHeader(text))) return {text, column: undefined, inferred: false}
    const column = taken.has('message') ? (taken.has('resolve') ? undefined : 'resolve') : 'message'
    if (column) taken.add(column)
    return {text, column, inferred: column !== undefined}
  })
}

/** Headers of a column of numbers beside a Code column of names, as gRPC's table writes them (`Code | Number | Description`). */
const numberLike: ReadonlySet<string> = new Set(['number', 'value', 'numeric code', 'code number', 'numeric value'])

/**
 * A header with a Code column, a number-like one (`Number`) and no Name column, such as gRPC's `Code | Number |
 * Description`: the numbers are the codes and the Code cells (`NOT_FOUND`) their names. The index of each, or undefined.
 */
function numberedCodes(texts: ReadonlyArray<string>, named: ReadonlyArray<Field | undefined>): {number: number, code: number} | undefined {
  const number = texts.findIndex((text, index) => named[index] === undefined && numberLike.has(normalizeHeader(text)))
  const code = named.indexOf('code')
  if (number < 0 || code < 0 || named.includes('name') || named.lastIndexOf('code') !== code) return undefined
  return {number, code}
}

/** The columns of a header, as rows are read by them. */
export function columnsOf(header: ReadonlyArray<HeaderCell>): Array<Column | undefined> {
  return header.map((cell) => cell.column)
}

/** A header as messages show it: `Code, Description (read as message), Category (not read)`. */
export function headerList(header: ReadonlyArray<HeaderCell>): string {
  return header.map((cell) => cell.text + headerNote(cell)).join(', ')
}

function headerNote(cell: HeaderCell): string {
  if (!cell.column) return ' (not read)'
  const plain = normalizeHeader(cell.text) === normalizeHeader(columnLabels[cell.column])
  return plain ? '' : ' (read as ' + readAs[cell.column] + ')'
}

/**
 * Whether a header names an error table: a Code column and at least one other column errgen reads, or three of them
 * (a Code header with a typo must not hide a table).
 */
export function isErrorTable(columns: ReadonlyArray<Column | undefined>): boolean {
  const known = tableColumns.filter((column) => columns.includes(column))
  return (known.includes('code') && known.length >= 2) || known.length >= 3
}
