/** columns: header texts in, the columns they name out — the built-in names (of every language) and the configured ones, the message and resolve columns inferred from description-like headers, how a header is shown in messages, and what makes a table an error table. */
import {normalizeHeader} from '../../catalog/names.js'
import {builtInNames} from './names.js'
import {checkLocaleTag, defaultLocaleTag, splitLocaleHeader} from '../../locales/tags.js'
import type {Column, Field, HeaderCell, HeaderLocale, ReadOptions} from '../../types.js'

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
export const readAs = {status: 'HTTP status', code: 'code', message: 'message', resolve: 'resolve', name: 'name', deprecated: 'deprecated'} as const satisfies Record<Column, string>

/** Header texts (normalized) and the column each one names, in every language; a configuration adds to them. */
const headerAliases = new Map<string, Field>(
  [...builtInNames].flatMap(([key, role]) => (role === 'description' ? [] : [[key, role === 'other' ? 'ignore' : role] as const]))
)

/**
 * Headers that describe an error: in a table without a Message column the first of them is the message, and the next
 * (or the first, when there is a Message column) the resolve text; any others are not read.
 */
export const descriptionLike: ReadonlySet<string> = new Set([...builtInNames].flatMap(([key, role]) => (role === 'description' ? [key] : [])))

/** The built-in header names with the configured ones over them. */
export function aliasesOf(options: ReadOptions): Map<string, Field> {
  return new Map([...headerAliases, ...Object.entries(options.columns)])
}

/** A header cell while its table's header is read: what its name says, and the column it is read as so far. */
export interface DraftCell {
  readonly text: string
  /** The column (or `ignore`) its header names, `description` for a description-like header, undefined for an unknown one. */
  field: Field | 'description' | undefined
  column: Column | undefined
  inferred: boolean
  /** Set when what the cells hold decided the column: why (and the column its name says, when it is not read). */
  content?: {readonly why: string, readonly named?: Column | undefined}
  /** Whether the configuration's `columns` names the header. */
  readonly configured: boolean
  /** Set for a column of translations (`Message (fr)`), which is read apart from the columns. */
  readonly locale?: HeaderLocale
}

/**
 * What each header cell's name says: its alias (the configuration's first), or description-like.
 *
 * @param configured the configuration's header names (normalized)
 * @param defaultLocale the locale of the untagged messages: a column tagged with it is the Message (or Resolve) column
 */
export function draftHeader(
  texts: ReadonlyArray<string>,
  aliases: ReadonlyMap<string, Field>,
  configured: ReadonlySet<string> = new Set(),
  defaultLocale: string = defaultLocaleTag
): Array<DraftCell> {
  return texts.map((text) => {
    const key = normalizeHeader(text)
    const alias = aliases.get(key)
    const localized = alias === undefined && !descriptionLike.has(key) ? localizedCell(text, aliases, defaultLocale) : undefined
    if (localized) return localized
    const field = alias ?? (descriptionLike.has(key) ? 'description' : undefined)
    return {text, field, column: alias === undefined || alias === 'ignore' ? undefined : alias, inferred: false, configured: configured.has(key)}
  })
}

/**
 * A header cell that names the Message or Resolve column with a locale tag after it (`Message (fr)`, `Сообщение
 * [ru]`): a column of translations, never read as a column of its own nor by its content; the Message (or Resolve)
 * column itself when the tag is the default locale's. Undefined for any other header.
 */
function localizedCell(text: string, aliases: ReadonlyMap<string, Field>, defaultLocale: string): DraftCell | undefined {
  const split = splitLocaleHeader(text)
  const column = split && aliases.get(normalizeHeader(split.name))
  if (!split || (column !== 'message' && column !== 'resolve')) return undefined
  const checked = checkLocaleTag(split.tag)
  if (checked.invalid === undefined && checked.tag === defaultLocale) return {text, field: column, column, inferred: false, configured: false}
  const locale = {column, tag: checked.tag, ...(checked.invalid === undefined ? {} : {invalid: checked.invalid})}
  return {text, field: 'ignore', column: undefined, inferred: false, configured: false, locale}
}

/**
 * The column each header cell names, by the header alone: its alias (the configuration's first), else, for a
 * description-like header, the message or resolve column when the table has none; undefined for columns errgen does
 * not read.
 */
export function mapHeader(texts: ReadonlyArray<string>, aliases: ReadonlyMap<string, Field>): Array<HeaderCell> {
  const cells = draftHeader(texts, aliases)
  readNumberedCodes(cells)
  assignDescriptions(cells, [])
  return cells.map((cell) => finished(cell))
}

/** A read header cell. */
export function finished(cell: DraftCell): HeaderCell {
  const {text, column, inferred, content, configured, locale} = cell
  return {text, column, inferred, ...(content ? {content} : {}), ...(configured ? {configured} : {}), ...(locale ? {locale} : {})}
}

/**
 * Give the description-like headers, then the columns of prose, the message and resolve columns the table lacks, in
 * that order.
 *
 * @param prose the cells no header names whose cells are prose, in order
 */
export function assignDescriptions(cells: ReadonlyArray<DraftCell>, prose: ReadonlyArray<DraftCell>): void {
  const taken = new Set(cells.map((cell) => cell.column))
  const describing = [...cells.filter((cell) => cell.field === 'description'), ...prose]
  for (const cell of describing) {
    const column = taken.has('message') ? (taken.has('resolve') ? undefined : 'resolve') : 'message'
    if (!column) continue
    taken.add(column)
    cell.column = column
    cell.inferred = true
  }
}

/** Headers of a column of numbers beside a Code column of names, as gRPC's table writes them (`Code | Number | Description`). */
const numberLike: ReadonlySet<string> = new Set(['number', 'value', 'numeric code', 'code number', 'numeric value'])

/**
 * In a header with a Code column, a number-like one (`Number`) and no Name column, such as gRPC's `Code | Number |
 * Description`, the numbers are the codes and the Code cells (`NOT_FOUND`) their names.
 */
export function readNumberedCodes(cells: ReadonlyArray<DraftCell>): void {
  const number = cells.find((cell) => cell.field === undefined && numberLike.has(normalizeHeader(cell.text)))
  const codes = cells.filter((cell) => cell.field === 'code')
  const [code] = codes
  if (!number || !code || codes.length > 1 || cells.some((cell) => cell.field === 'name')) return
  Object.assign(number, {field: 'code', column: 'code', inferred: true})
  Object.assign(code, {field: 'name', column: 'name', inferred: true})
}

/** The columns of a header, as rows are read by them. */
export function columnsOf(header: ReadonlyArray<HeaderCell>): Array<Column | undefined> {
  return header.map((cell) => cell.column)
}

/** A header as messages show it: `Code, Description (read as message), Category (not read)`. */
export function headerList(header: ReadonlyArray<HeaderCell>): string {
  return header.map((cell) => cell.text + headerNote(cell)).join(', ')
}

/** How a header cell is read, after its text: ` (read as message)`, ` (read as code by its content)`, ` (not read)`. */
function headerNote(cell: HeaderCell): string {
  const note = contentNote(cell)
  if (note) return ' (' + note + ')'
  if (cell.locale) return cell.locale.invalid === undefined ? ' (read as the ' + cell.locale.tag + ' translation)' : ' (not read: not a locale tag)'
  if (!cell.column) return ' (not read)'
  const plain = normalizeHeader(cell.text) === normalizeHeader(columnLabels[cell.column])
  return plain ? '' : ' (read as ' + readAs[cell.column] + ')'
}

/** How what its cells hold decided a header cell's column (`read as code by its content`); undefined when they did not. */
export function contentNote(cell: HeaderCell): string | undefined {
  if (!cell.content) return undefined
  return cell.column ? 'read as ' + readAs[cell.column] + ' by its content' : 'not read: ' + cell.content.why
}

/**
 * Whether a header names an error table: a Code column and at least one other column errgen reads, or three of them
 * named by the header (a Code header with a typo must not hide a table).
 */
export function isErrorTable(header: ReadonlyArray<HeaderCell>): boolean {
  const columns = header.flatMap((cell) => (cell.column ? [cell.column] : []))
  const named = header.flatMap((cell) => (cell.column && !cell.content ? [cell.column] : []))
  const known = tableColumns.filter((column) => columns.includes(column))
  return (known.includes('code') && known.length >= 2) || tableColumns.filter((column) => named.includes(column)).length >= 3
}
