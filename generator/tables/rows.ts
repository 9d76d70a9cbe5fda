/** rows: one body row of an error table, its header's columns and the read context in, its code cell and (when every cell is valid) its Row out; a wrong cell count or an invalid cell becomes a located message. */
import type {TableCell, TableRow} from 'mdast'
import type {Point, Position} from 'unist'
import type {VFile} from 'vfile'
import {configuredStatusHint, readStatus, readStatusOrNone, saysNoStatus} from './cells/status.js'
import {readCode, readDeprecatedCell, readName, readSeveralCodes, readText} from './cells/values.js'
import {cellDocText, cellText, isBlank, isStruckThrough, mayHoldLinks, unreadHtml} from './cells/text.js'
import {factsOf, type RowFacts} from './row-facts.js'
import {columnLabels, columnsOf} from './header/columns.js'
import {contentPlace, error, warning} from '../diagnostics/messages.js'
import {readParams} from '../params/cells.js'
import {type LocaleColumns, localeColumns, readTranslations} from '../locales/row-translations.js'
import type {CodeCell, Column, EntryDocs, Field, HeaderCell, ReadOptions, Row, RowDeprecation} from '../types.js'

/** What reading a document's tables goes by. */
export interface ReadContext {
  /** Receives the messages. */
  readonly file: VFile
  readonly options: ReadOptions
  /** The header texts and the columns they name. */
  readonly aliases: ReadonlyMap<string, Field>
  /** The columns a table must have. */
  readonly required: ReadonlyArray<Column>
  /** The URL of each link reference definition of the document, by its identifier. */
  readonly definitions: ReadonlyMap<string, string>
}

/** Receives the rows whose every cell is valid, and every non-empty code cell. */
export interface RowsRead {
  readonly rows: Array<Row>
  readonly codes: Array<CodeCell>
}

/** How a table's rows are read: the column of each header cell, and what a row may leave out. */
export interface TableReading {
  /** The column of each header cell (undefined for columns errgen does not read). */
  readonly columns: ReadonlyArray<Column | undefined>
  /**
   * The columns whose cells a row may leave empty, the entry then having none: an HTTP column (`-`, `N/A` too) and a
   * resolve text inferred from a description-like or prose column, unless the configuration names them.
   */
  readonly optional: ReadonlySet<'status' | 'resolve'>
  /** Whether the Name column was found by what its cells hold: a dotted or slashed identifier gives its PascalCase. */
  readonly namesByContent: boolean
  /** The columns of translations, by locale (`Message (fr)`); empty for a table without. */
  readonly locales: ReadonlyArray<LocaleColumns>
}

/** How the rows of a table with this header are read. */
export function tableReading(header: ReadonlyArray<HeaderCell>): TableReading {
  const cellOf = (column: Column) => header.find((cell) => cell.column === column)
  const status = cellOf('status')
  const resolve = cellOf('resolve')
  const optional = new Set<'status' | 'resolve'>()
  if (status && !status.configured) optional.add('status')
  if (resolve?.inferred && !resolve.configured) optional.add('resolve')
  return {columns: columnsOf(header), optional, namesByContent: Boolean(cellOf('name')?.content), locales: localeColumns(header)}
}

/** What a row read without a message gave, and the reading it was read in. */
interface QuietRow {
  /** The reading, written out (`readingKey`). */
  readonly reading: string
  readonly row: Row | undefined
  readonly codes: ReadonlyArray<CodeCell>
  readonly facts: RowFacts
}

/**
 * The rows read without a message, by their node. A `--watch` session joins the same nodes again for the slices a save
 * did not change (only their positions move, and the places read from them are those very positions): a node read
 * again in the same reading gives what it gave, in this run's document. A row with a message is read again, so that
 * every message is made anew.
 */
const quietRows = new WeakMap<TableRow, QuietRow>()

/** Each row `readRowOnce` copied from a quiet row, with that row. */
const copiedFrom = new WeakMap<Row, Row>()

/** The row a run's row was copied from (`readRowOnce`), or the row itself: the same object in every run that reads its node again unchanged. */
export function rowOrigin(row: Row): Row {
  return copiedFrom.get(row) ?? row
}

/** The readings written out lately, each by itself: a row's reading is then compared by identity. */
const readings = new Map<string, string>()

/**
 * Everything a row's reading depends on but the row, written out once per table: how the table is read, the heading
 * above it, the options and the document's link definitions.
 */
export function readingKey(reading: TableReading, heading: string | undefined, context: ReadContext): string {
  const written = JSON.stringify([reading.columns, [...reading.optional], reading.namesByContent, reading.locales, heading ?? null, context.options, [...context.definitions]])
  const known = readings.get(written)
  if (known !== undefined) return known
  if (readings.size >= 16) readings.clear()
  readings.set(written, written)
  return written
}

/**
 * `readRow`, for a row whose node was read without a message in the same reading: what it gave then, in this run's
 * document (and the facts of it found then).
 *
 * @param key the reading written out (`readingKey`)
 */
export function readRowOnce(row: TableRow, reading: TableReading, key: string, heading: string | undefined, context: ReadContext, read: RowsRead): RowFacts {
  const quiet = quietRows.get(row)
  if (quiet?.reading === key) {
    const codes = quiet.codes.map((code) => ({...code, file: context.file}))
    read.codes.push(...codes)
    const copy = quiet.row && {...quiet.row, file: context.file, code: codes[quiet.codes.indexOf(quiet.row.code)] ?? {...quiet.row.code, file: context.file}}
    if (copy) read.rows.push(copy)
    if (copy && quiet.row) copiedFrom.set(copy, quiet.row)
    return quiet.facts
  }
  const messages = context.file.messages.length
  const rows = read.rows.length
  const codes = read.codes.length
  const facts = readRow(row, reading, heading, context, read)
  if (context.file.messages.length === messages) quietRows.set(row, {reading: key, row: read.rows[rows], codes: read.codes.slice(codes), facts})
  return facts
}

/** A cell of a column errgen reads: its text and the place of its content. */
interface ReadCell {
  text: string
  place: Position | undefined
  node: TableCell
}

/**
 * Check one body row: its code cell when it has one, the row when every cell is valid; what the checks of the whole
 * table read of it.
 *
 * @param heading the text of the heading above the table
 */
export function readRow(
  row: TableRow,
  reading: TableReading,
  heading: string | undefined,
  context: ReadContext,
  read: RowsRead
): RowFacts {
  const {file} = context
  const {columns, optional} = reading
  let valid = checkCellCount(row, columns, context)

  const cells: Partial<Record<Column, ReadCell>> = {}
  columns.forEach((column, index) => {
    const cell = row.children[index]
    if (column && cell) {
      cells[column] = {text: cellText(cell), place: contentPlace(cell) || row.position, node: cell}
      warnUnreadHtml(cell, column, file)
    }
  })
  const facts = factsOf(row, columns, cells)
  if (!row.position) return facts
  const rowPlace = row.position

  const {status: statusCell, code: codeCell, message: messageCell, resolve: resolveCell, name: nameCell, deprecated: deprecatedCell} = cells
  const several = codeCell && readSeveralCodes(codeCell.text, placeOr(codeCell.place, rowPlace), file)
  if (several) read.codes.push(...several)
  const code = codeCell && !several ? readCode(codeCell.text, placeOr(codeCell.place, rowPlace), file) : undefined
  if (code) read.codes.push(code)
  const hasColumn = (column: Column) => columns.includes(column)
  if (!code || !messageCell || (hasColumn('status') && !statusCell) || (hasColumn('resolve') && !resolveCell)) return facts

  const status = statusCell ? readStatusCell(statusCell, optional.has('status'), code.text, file) : null
  const message = readText(messageCell.text, messageCell.place, 'message', code.text, file)
  const noResolve = resolveCell !== undefined && optional.has('resolve') && isBlank(resolveCell.text)
  const resolve = resolveCell && !noResolve ? readText(resolveCell.text, resolveCell.place, 'resolve', code.text, file) : undefined
  const name = nameCell ? readName(nameCell.text, nameCell.place, file, reading.namesByContent) : undefined
  const column = deprecatedCell ? readDeprecatedCell(deprecatedCell.text, deprecatedCell.place, file) : undefined
  if (status === undefined || message === undefined || (resolveCell && !noResolve && resolve === undefined) || name === null || column === null) {
    valid = false
  }
  if (!valid || message === undefined) return facts
  const messageNode = row.children[columns.indexOf('message')]
  const resolveNode = row.children[columns.indexOf('resolve')]
  const params = messageNode && readParams(
    {node: messageNode, text: message, place: messageCell.place, label: 'Message'},
    resolveNode && resolve !== undefined ? {node: resolveNode, text: resolve, place: resolveCell?.place, label: 'Resolve'} : undefined,
    context.options.params, code.text, file
  )
  const deprecated = deprecationOf(column || undefined, Boolean(messageNode && isStruckThrough(messageNode)), resolve)
  const translations = reading.locales.length > 0 ? readTranslations(row, reading.locales, context.options.params, code.text, file) : undefined

  read.rows.push({
    file,
    code,
    status: status ?? undefined,
    message,
    resolve,
    name: name || undefined,
    docs: docsOf(row, columns, cells, message, resolve, context),
    group: heading,
    deprecated,
    ...(params ? {params} : {}),
    ...(translations ? {translations} : {}),
    places: {
      row: rowPlace,
      status: placeOr(statusCell?.place, rowPlace),
      code: code.place,
      message: placeOr(messageCell.place, rowPlace),
      resolve: placeOr(resolveCell?.place, rowPlace),
      name: placeOr(nameCell?.place, rowPlace),
      deprecated: placeOr(deprecatedCell?.place, rowPlace)
    }
  })
  return facts
}

/**
 * An HTTP cell: its status; null when the table has no HTTP column or the cell says none (where the column is
 * optional); undefined when it is invalid.
 */
function readStatusCell(cell: ReadCell, optional: boolean, code: string, file: VFile): number | null | undefined {
  if (optional) return readStatusOrNone(cell.text, cell.place, file, code)
  return readStatus(cell.text, cell.place, file, saysNoStatus(cell.text) ? configuredStatusHint : '')
}

/** The message and resolve text with their links' URLs, when they differ from the texts (a cell holds a link). */
function docsOf(
  row: TableRow,
  columns: ReadonlyArray<Column | undefined>,
  cells: Partial<Record<Column, ReadCell>>,
  message: string,
  resolve: string | undefined,
  context: ReadContext
): EntryDocs | undefined {
  const docText = (column: Column) => {
    const cell = row.children[columns.indexOf(column)]
    const read = cells[column]
    // A cell without links reads the same for documentation: its text, read already.
    return cell && (read?.node === cell && !mayHoldLinks(cell) ? read.text : cellDocText(cell, context.definitions))
  }
  const docs = {message: docText('message') ?? message, resolve: resolve === undefined ? undefined : (docText('resolve') ?? resolve)}
  return docs.message === message && docs.resolve === resolve ? undefined : docs
}

/** Warn about each HTML tag of a cell that is kept as written: a page would not show it as text. */
function warnUnreadHtml(cell: TableCell, column: Column, file: VFile): void {
  for (const html of unreadHtml(cell)) {
    const reason = 'Unexpected HTML `' + html + '` in a ' + columnLabels[column] + ' cell, expected text: kept as written; write it in a code span to show it as code'
    warning(file, reason, contentPlace(cell), 'cell-html')
  }
}

/**
 * Whether the entry is deprecated (by its Deprecated cell, or a struck-through message) and what replaces it: the
 * Deprecated cell's code, or a code the Resolve text names as `use 1234`.
 */
function deprecationOf(column: RowDeprecation | undefined, struck: boolean, resolve: string | undefined): RowDeprecation | undefined {
  if (column?.replacement) return column
  if (!column && !struck) return undefined
  const named = resolve && /\buse\s+(?:code\s+)?`?([A-Za-z0-9_][\w./:-]*)`?/i.exec(resolve)?.[1]
  return {replacement: named || undefined, explicit: false}
}

function placeOr(place: Position | undefined, fallback: Position): Position {
  return place || fallback
}

/**
 * Report a row with more or fewer cells than its header (GFM itself pads or ignores them silently); whether the count
 * is right.
 */
function checkCellCount(row: TableRow, columns: ReadonlyArray<Column | undefined>, context: ReadContext): boolean {
  const {file} = context
  const expected = columns.length
  const actual = row.children.length
  if (actual === expected) return true

  const headline = 'Unexpected row with ' + actual + ' cell' + (actual === 1 ? '' : 's') + ', expected ' + expected
  if (actual < expected) {
    const missing = columns.slice(actual).map((column, index) => (column ? columnLabels[column] : 'column ' + (actual + index + 1)))
    const optionalOnly = columns.slice(actual).every((column) => !column || (context.options.optionalColumns as ReadonlyArray<string>).includes(column))
    const hint = optionalOnly ? ' (an empty last cell is written `| |`: a lone trailing `|` ends the row)' : ''
    error(file, headline + ': missing ' + missing.join(', ') + hint, rowEnd(row), 'cell-count')
  } else {
    const extra = row.children.slice(expected)
    const place = spanOf(extra) || row.position
    error(file, headline + '; an unescaped `|` splits a cell: write `\\|` for a literal pipe', place, 'cell-count')
  }
  return false
}

/** The point just past a row's last cell. */
function rowEnd(row: TableRow): Point | undefined {
  return row.position?.end
}

function spanOf(cells: ReadonlyArray<TableCell>): Position | undefined {
  const first = cells[0] && contentPlace(cells[0])
  const last = cells[cells.length - 1]
  const lastPlace = last && contentPlace(last)
  return first && lastPlace && {start: first.start, end: lastPlace.end}
}
