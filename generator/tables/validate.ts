/** validate: an mdast tree, its VFile and the read options in, the rows of its error tables out; every problem becomes a located message with a rule id. */
import type {Heading, Nodes, Paragraph, Root, Table, TableRow} from 'mdast'
import type {VFile} from 'vfile'
import {cellText, isBlank, messageMarkup} from './cells/text.js'
import {aliasesOf, columnLabels, isErrorTable, tableColumns} from './header/columns.js'
import {contentPlace, error, warning} from '../diagnostics/messages.js'
import {reportInterruptedTables} from './interrupted.js'
import {looksLikeErrorHeader, reportBrokenTables} from './header/malformed.js'
import {type ReadContext, type RowsRead, readRow} from './rows.js'
import {normalizeHeader} from '../catalog/names.js'
import type {Column, Field, ReadDocument, ReadOptions, TableInfo} from '../types.js'

/** The options of a plain run: the built-in column names, every column required, codes of either kind. */
const defaultReadOptions: ReadOptions = {columns: {}, optionalColumns: [], codes: 'auto', headings: []}

/** What a document gives while its tables are read. */
interface Read extends RowsRead {
  readonly tables: Array<TableInfo>
}

/**
 * Read every error table of a document (or those under the configured headings).
 *
 * @param file receives the messages
 */
export function validate(tree: Root, file: VFile, options: ReadOptions = defaultReadOptions): ReadDocument {
  const context: ReadContext = {file, options, aliases: aliasesOf(options), required: requiredOf(options)}
  const read: Read = {rows: [], codes: [], tables: []}
  const others: Array<Table> = []
  const errorTables: Array<Table> = []
  let heading: string | undefined

  for (const node of blocksOf(tree)) {
    if (node.type === 'heading') heading = cellText(node)
    if (node.type !== 'table') continue
    const columns = headerColumns(node, context.aliases)
    if (isErrorTable(columns) && isWanted(heading, options)) {
      errorTables.push(node)
      readTable(node, columns, heading, context, read)
    } else {
      others.push(node)
    }
  }

  const broken = reportBrokenTables(blocksOf(tree), file, context.aliases)
  reportInterruptedTables(tree, errorTables, file, (line) => looksLikeErrorHeader(line, context.aliases))
  if (errorTables.length === 0 && !broken) reportNoTable(file, others, context)
  return read
}

/** The headings, tables and paragraphs of a tree in document order, also those in block quotes, lists and footnotes. */
function blocksOf(node: Nodes): Array<Heading | Table | Paragraph> {
  if (node.type === 'heading' || node.type === 'table' || node.type === 'paragraph') return [node]
  return 'children' in node ? node.children.flatMap((child) => blocksOf(child)) : []
}

/** The columns a table must have. */
function requiredOf(options: ReadOptions): Array<Column> {
  return tableColumns.filter((column) => !(options.optionalColumns as ReadonlyArray<string>).includes(column))
}

/** Whether the table under `heading` is to be read: always, unless the options name headings. */
function isWanted(heading: string | undefined, options: ReadOptions): boolean {
  if (options.headings.length === 0) return true
  return heading !== undefined && options.headings.some((wanted) => normalizeHeader(wanted) === normalizeHeader(heading))
}

/** @param tables the tables that were not read */
function reportNoTable(file: VFile, tables: ReadonlyArray<Table>, context: ReadContext): void {
  const {headings} = context.options
  const under = headings.length > 0 ? ' under the heading ' + headings.map((heading) => '`' + heading + '`').join(' or ') : ''
  const expected = context.required.map((column) => columnLabels[column]).join(', ') + under
  const found = tables.map(
    (table) => 'a table at line ' + table.position?.start.line + ' with ' + headerTexts(table).join(', ')
  )
  const reason =
    'Unexpected document without an error table, expected a table with the columns ' +
    expected +
    (found.length > 0 ? '; found ' + found.join('; ') : '')
  error(file, reason, {line: 1, column: 1}, 'no-table')
}

/** @param read receives the rows, code cells and tables */
function readTable(
  table: Table,
  columns: ReadonlyArray<Column | undefined>,
  heading: string | undefined,
  context: ReadContext,
  read: Read
): void {
  const [header, ...body] = table.children
  if (!header || !table.position || !checkHeader(header, columns, context)) return

  read.tables.push({file: context.file, place: table.position, columns: new Set(columns.flatMap((column) => (column ? [column] : [])))})
  for (const row of body) readRow(row, columns, heading, context, read)
  warnMessageMarkup(body, columns.indexOf('message'), context.file)
}

/**
 * In a table where some Message cell is one emphasis span (`*message*`, as the seed writes them), warn about each
 * Message cell that is not; a table of plain messages gets no warning.
 *
 * @param index the Message column
 */
function warnMessageMarkup(rows: ReadonlyArray<TableRow>, index: number, file: VFile): void {
  const cells = rows.flatMap((row) => {
    const cell = row.children[index]
    return cell && !isBlank(cellText(cell)) ? [cell] : []
  })
  const markups = cells.map((cell) => messageMarkup(cell))
  if (!markups.includes(undefined)) return
  cells.forEach((cell, position) => {
    const markup = markups[position]
    if (markup === undefined) return
    const reason = 'Unexpected message ' + markup + ', expected one emphasis span (`*…*`) like the other messages of this table'
    warning(file, reason, contentPlace(cell), 'message-markup')
  })
}

/** The column each header cell names, or undefined for columns errgen does not read. */
function headerColumns(table: Table, aliases: ReadonlyMap<string, Field>): Array<Column | undefined> {
  return headerTexts(table).map((text) => {
    const field = aliases.get(normalizeHeader(text))
    return field === 'ignore' ? undefined : field
  })
}

function headerTexts(table: Table): Array<string> {
  return (table.children[0]?.children || []).map((cell) => cellText(cell))
}

/** Report missing and repeated columns; false when the table cannot be read. */
function checkHeader(header: TableRow, columns: ReadonlyArray<Column | undefined>, context: ReadContext): boolean {
  let readable = true
  columns.forEach((column, index) => {
    if (column && columns.indexOf(column) !== index) {
      const cell = header.children[index]
      error(context.file, 'Unexpected second ' + columnLabels[column] + ' column, expected each column once', cell && contentPlace(cell), 'duplicate-column')
      readable = false
    }
  })

  const missing = context.required.filter((column) => !columns.includes(column))
  if (missing.length > 0) {
    const found = header.children.map((cell) => cellText(cell)).join(', ')
    const reason =
      'Missing ' + labelList(missing) + ' column' + (missing.length > 1 ? 's' : '') + ' in error table, found columns ' + found
    error(context.file, reason, header.position, 'missing-column')
    readable = false
  }
  return readable
}

function labelList(columns: ReadonlyArray<Column>): string {
  return columns.map((column) => columnLabels[column]).join(', ')
}
