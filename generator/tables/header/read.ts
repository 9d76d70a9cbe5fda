/** read: a GFM table and the read options in, how its header is read out — each cell's column by its name and, where no name says, by what its cells hold; header cells that clash, doubts about the content and the columns read by it become located messages. */
import type {Table, TableRow} from 'mdast'
import type {VFile} from 'vfile'
import {assignDescriptions, columnLabels, draftHeader, finished, headerList, isErrorTable, mapHeader, readNumberedCodes} from './columns.js'
import {type Clash, type ColumnTexts, checkNamedColumns, type Doubt, readUnnamed, settleClashes} from './content.js'
import {saysHttp} from './names.js'
import {cellText} from '../cells/text.js'
import {normalizeHeader} from '../../catalog/names.js'
import {contentPlace, error, info} from '../../diagnostics/messages.js'
import type {Field, HeaderCell, ReadOptions} from '../../types.js'

/** How a table's header is read. */
export interface HeaderReading {
  readonly header: Array<HeaderCell>
  /** Header cells that named one column: one is kept, the other read by its content meanwhile. */
  readonly clashes: ReadonlyArray<Clash>
  /** Ways the unnamed columns can be read more than one way; the table is not read while there are any. */
  readonly doubts: ReadonlyArray<Doubt>
}

/** The header cells' texts of a table. */
export function headerTexts(table: Table): Array<string> {
  return (table.children[0]?.children || []).map((cell) => cellText(cell))
}

/**
 * Read a table's header: by the names of its cells, then by what the columns hold.
 *
 * @param aliases the header texts and the columns they name
 * @param codeByContent whether a column of unique integers may be the code (no table of the document names one)
 */
export function readHeader(table: Table, aliases: ReadonlyMap<string, Field>, options: ReadOptions, codeByContent: boolean): HeaderReading {
  const [, ...body] = table.children
  const cells = draftHeader(headerTexts(table), aliases, new Set(Object.keys(options.columns)), options.defaultLocale)
  const texts = columnTexts(body)
  checkNamedColumns(cells, texts, saysHttp)
  readNumberedCodes(cells)
  const clashes = settleClashes(cells, texts)
  const {prose, doubts} = readUnnamed(cells, texts, codeByContent)
  assignDescriptions(cells, prose)
  for (const cell of prose) if (cell.column) cell.content = {why: 'prose'}
  return {header: cells.map((cell) => finished(cell)), clashes, doubts}
}

/** The texts of each column of a table's body, read once and only when asked for. */
function columnTexts(body: ReadonlyArray<TableRow>): (index: number) => ColumnTexts {
  const read = new Map<number, ReadonlyArray<string>>()
  const textAt = (row: TableRow, index: number) => {
    const cell = row.children[index]
    return cell ? cellText(cell) : ''
  }
  return (index) => ({
    all() {
      let texts = read.get(index)
      if (!texts) read.set(index, (texts = body.map((row) => textAt(row, index))))
      return texts
    },
    * each() {
      for (const row of body) yield textAt(row, index)
    }
  })
}

/**
 * Report how a header was read, when its names alone did not say: an error for each two cells of one column and for
 * doubts about the content, a note listing the columns read by their content. Whether the table can be read.
 */
export function reportHeaderReading(reading: HeaderReading, headerRow: TableRow, file: VFile): boolean {
  const {header, clashes, doubts} = reading
  const place = (index: number) => {
    const cell = headerRow.children[index]
    return cell && contentPlace(cell)
  }
  for (const clash of clashes) reportClash(clash, header, place, file)
  if (doubts.length > 0) {
    const reason = 'Unexpected table whose columns can be read more than one way by what they hold: ' + doubts.map((doubt) => doubtText(doubt, header)).join('; ') +
      '; expected one reading: say which column is which with ' + columnsEntry(doubts.flatMap((doubt) => doubt.cells.map((cell, position) => [header[cell]?.text ?? '', doubt.settle[position] ?? 'ignore']))) +
      ' in the configuration'
    error(file, reason, headerRow.position, 'ambiguous-columns')
    return false
  }
  const others = new Set(clashes.map((clash) => clash.other))
  const byContent = header.filter((cell, index) => cell.content && !others.has(index))
  if (byContent.length > 0) {
    const reason = 'Columns read by what their cells hold: ' + headerList(byContent) + '; to read them so whatever the cells hold, add ' +
      columnsEntry(byContent.map((cell) => [cell.text, cell.column ?? 'ignore'])) + ' to the configuration'
    info(file, reason, headerRow.position, 'inferred-columns')
  }
  return true
}

/**
 * Note a table that its header names as an error table but that is not read as one, because a column's cells are not
 * what its name says (a glossary's `Error` column of phrases).
 */
export function noteUnreadTable(table: Table, reading: HeaderReading, aliases: ReadonlyMap<string, Field>, file: VFile): void {
  const unread = reading.header.filter((cell) => cell.content?.named)
  if (unread.length === 0 || !isErrorTable(mapHeader(headerTexts(table), aliases))) return
  const reason = 'Table not read as an error table, as its cells are not what its header says: ' + headerList(reading.header) +
    '; to read it as one, add ' + columnsEntry(unread.map((cell) => [cell.text, cell.content?.named ?? 'ignore'])) + ' to the configuration'
  info(file, reason, table.children[0]?.position, 'inferred-columns')
}

/** Two header cells named as one column: an error at the one not kept, naming both, what settles it, and how the table is read meanwhile. */
function reportClash(clash: Clash, header: ReadonlyArray<HeaderCell>, place: (index: number) => ReturnType<typeof contentPlace>, file: VFile): void {
  const kept = header[clash.kept]
  const other = header[clash.other]
  if (!kept || !other) return
  const at = (index: number) => {
    const start = place(index)?.start
    return start ? ' (' + start.line + ':' + start.column + ')' : ''
  }
  const meanwhile = other.column ? '`' + other.text + '` as the ' + columnLabels[other.column] + ' column, by its content' : '`' + other.text + '` not read'
  const fix = normalizeHeader(kept.text) === normalizeHeader(other.text)
    ? 'rename one of them (the configuration names columns by their header text, so it cannot tell them apart)'
    : 'say which is which with ' + columnsEntry([[other.text, other.column ?? 'ignore']]) + ' in the configuration'
  const reason = 'Unexpected header cells `' + kept.text + '`' + at(clash.kept) + ' and `' + other.text + '`' + at(clash.other) + ' both read as the ' +
    columnLabels[clash.column] + ' column, expected each column once: ' + fix + '; meanwhile the rows are checked with `' + kept.text + '` as the ' +
    columnLabels[clash.column] + ' column and ' + meanwhile
  error(file, reason, place(clash.other), 'duplicate-column')
}

/** A doubt as a message says it: "`ID` and `Número` could each be the code (unique integers)". */
function doubtText(doubt: Doubt, header: ReadonlyArray<HeaderCell>): string {
  return doubt.cells.map((index) => '`' + (header[index]?.text ?? '') + '`').join(' and ') + ' could ' + doubt.could
}

/** A `columns` configuration entry: `"columns": {"Error": "name"}`. */
function columnsEntry(entries: ReadonlyArray<readonly [string, Field]>): string {
  return '"columns": {' + entries.map(([header, field]) => JSON.stringify(header) + ': ' + JSON.stringify(field)).join(', ') + '}'
}
