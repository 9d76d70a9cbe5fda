/** validate: an mdast tree, its VFile and the read options in, the rows of its error tables out; every problem becomes a located message with a rule id. */
import type {Heading, Html, Nodes, Paragraph, Root, Table, TableRow} from 'mdast'
import type {VFile} from 'vfile'
import {cellText} from './cells/text.js'
import {aliasesOf, columnLabels, columnsOf, draftHeader, headerList, isErrorTable} from './header/columns.js'
import {headingText, htmlHeadingText} from './headings.js'
import {contentPlace, error, warning} from '../diagnostics/messages.js'
import {type ReadTable, reportLostRows} from './lost-rows.js'
import {codeLook} from './row-lines.js'
import {looksLikeErrorHeader, reportBrokenTables} from './header/malformed.js'
import {type HeaderReading, headerTexts, noteUnreadTable, readHeader, reportHeaderReading} from './header/read.js'
import type {RowFacts} from './row-facts.js'
import {type ReadContext, type RowsRead, readingKey, readRowOnce, tableReading} from './rows.js'
import {reportInvalidLocales} from '../locales/row-translations.js'
import {normalizeHeader} from '../catalog/names.js'
import type {Column, HeaderCell, ReadDocument, ReadOptions, TableInfo} from '../types.js'

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
  const context: ReadContext = {file, options, aliases: aliasesOf(options), required: requiredColumns, definitions: definitionsOf(tree)}
  const read: Read = {rows: [], codes: [], tables: []}
  const others: Array<{table: Table, header: Array<HeaderCell>}> = []
  const errorTables: Array<ReadTable> = []
  const skipped: Array<Table> = []
  const headings: Array<string> = []
  let heading: string | undefined
  const blocks = blocksOf(tree)
  const codeByContent = !blocks.some((node) => node.type === 'table' && draftHeader(headerTexts(node), context.aliases).some((cell) => cell.field === 'code'))

  for (const node of blocks) {
    if (node.type === 'paragraph') continue
    if (node.type !== 'table') {
      heading = node.type === 'heading' ? headingText(node) : htmlHeadingText(node)
      headings.push(heading ?? '')
      continue
    }
    const reading = readHeader(node, context.aliases, options, codeByContent)
    if (isCandidate(reading) && isWanted(heading, options)) {
      const codes = readTable(node, reading, heading, context, read)
      errorTables.push(readTableOf(node, reading.header, options, codes))
    } else {
      others.push({table: node, header: reading.header})
      if (isWanted(heading, options)) noteUnreadTable(node, reading, context.aliases, file)
      else if (isCandidate(reading)) skipped.push(node)
    }
  }

  const broken = reportBrokenTables(blocks.filter((node) => node.type !== 'html'), file, context.aliases)
  const lost = reportLostRows(tree, file, errorTables, skipped, (line) => looksLikeErrorHeader(line, context.aliases))
  for (const {node} of errorTables) if (node.children.length === 1 && !lost.has(node)) reportEmptyTable(node, file)
  if (errorTables.length === 0 && !broken) reportNoTable(file, others, headings, context)
  return read
}

/**
 * An error table as the check for lost rows sees it: its number of columns, its Code column and how its codes look.
 *
 * @param read the texts of its rows' Code cells, when its rows were read
 */
function readTableOf(table: Table, header: ReadonlyArray<HeaderCell>, options: ReadOptions, read: ReadonlyArray<string> | undefined): ReadTable {
  const code = columnsOf(header).indexOf('code')
  const codes = code < 0 ? [] : (read ?? table.children.slice(1).map((row) => (row.children[code] ? cellText(row.children[code]) : '')))
  return {node: table, shape: {columns: header.length, code: Math.max(code, 0), codes: codeLook(codes, options.codes)}}
}

/** An error table with a header and no row gives no code: an error at its header. */
function reportEmptyTable(table: Table, file: VFile): void {
  const reason = 'Unexpected error table without rows, expected a row below its delimiter row: a table that documents no error is lost'
  error(file, reason, table.children[0]?.position, 'empty-table')
}

/** A run whose documents give no code at all, without another error to say why: an error on each document. */
export function reportNoCodes(files: ReadonlyArray<VFile>): void {
  for (const file of files) {
    error(file, 'Unexpected document without an error code, expected at least one row in an error table', {line: 1, column: 1}, 'no-table')
  }
}

/**
 * The headings, HTML headings, tables and paragraphs of a tree in document order, also those in block quotes, lists
 * and footnotes.
 */
function blocksOf(node: Nodes): Array<Heading | Html | Table | Paragraph> {
  if (node.type === 'heading' || node.type === 'table' || node.type === 'paragraph') return [node]
  if (node.type === 'html') return htmlHeadingText(node) === undefined ? [] : [node]
  return 'children' in node ? node.children.flatMap((child) => blocksOf(child)) : []
}

/** Whether a table is an error table, or would be one but for doubts about its columns (which are then reported). */
function isCandidate(reading: HeaderReading): boolean {
  return isErrorTable(reading.header) || reading.doubts.some((doubt) => doubt.settle.includes('code'))
}

/** The columns every error table must have: a table without an HTTP or a Resolve column is read without it. */
const requiredColumns: ReadonlyArray<Column> = ['code', 'message']

/** Whether the table under `heading` is to be read: always, unless the options name headings. */
function isWanted(heading: string | undefined, options: ReadOptions): boolean {
  if (options.headings.length === 0) return true
  return heading !== undefined && options.headings.some((wanted) => normalizeHeader(wanted) === normalizeHeader(heading))
}

/**
 * @param tables the tables that were not read, with their headers
 * @param headings the document's headings, in order
 */
function reportNoTable(file: VFile, tables: ReadonlyArray<{table: Table, header: ReadonlyArray<HeaderCell>}>, headings: ReadonlyArray<string>, context: ReadContext): void {
  const wanted = context.options.headings
  const under = wanted.length > 0 ? ' under the heading ' + wanted.map((heading) => '`' + heading + '`').join(' or ') : ''
  const found = tables.map(({table, header}) => 'a table at line ' + table.position?.start.line + ' with ' + headerList(header))
  const candidate = tables.reduce<{table: Table, read: number} | undefined>((best, {table, header}) => {
    const read = header.filter((cell) => cell.column).length
    return best && best.read >= read ? best : {table, read}
  }, undefined)
  const named = headings.filter((heading) => heading !== '')
  const headingList = named.length === 0 ? '; the document has no heading' : '; the document\'s headings are ' + named.map((heading) => '`' + heading + '`').join(', ')
  const reason =
    'Unexpected document without an error table, expected a table with a Code column and a Message column (or Description, Meaning, Text)' +
    under +
    (found.length > 0 ? '; found ' + found.join('; ') + '; say which column is which with `columns` in the configuration' : '') +
    (wanted.length > 0 ? headingList : '')
  error(file, reason, candidate?.table.children[0]?.position ?? {line: 1, column: 1}, 'no-table')
}

/**
 * @param read receives the rows, code cells and tables
 * @returns the texts of the rows' Code cells; undefined when the rows were not read
 */
function readTable(table: Table, reading: HeaderReading, heading: string | undefined, context: ReadContext, read: Read): Array<string> | undefined {
  const [headerRow, ...body] = table.children
  const {header} = reading
  const columns = columnsOf(header)
  if (!headerRow || !table.position || !reportHeaderReading(reading, headerRow, context.file) || !checkHeader(headerRow, header, context)) return undefined

  reportInvalidLocales(headerRow, header, context.file)
  const present = new Set(columns.flatMap((column) => (column ? [column] : [])))
  read.tables.push({file: context.file, place: table.position, heading, header, columns: present})
  const rowReading = tableReading(header)
  const key = readingKey(rowReading, heading, context)
  const facts = body.map((row) => readRowOnce(row, rowReading, key, heading, context, read))
  warnMessageMarkup(facts, context.file)
  return facts.map((fact) => fact.code)
}

/**
 * In a table where some Message cell is one emphasis span (`*message*`, as the seed writes them), warn about each
 * Message cell that is not; a table of plain messages gets no warning.
 *
 * @param rows what was read of each row: its Message cell, when not blank, and how it is marked up
 */
function warnMessageMarkup(rows: ReadonlyArray<RowFacts>, file: VFile): void {
  if (!rows.some((row) => row.message !== undefined && row.markup === undefined)) return
  for (const {message, markup} of rows) {
    if (message === undefined || markup === undefined) continue
    const reason = 'Unexpected message ' + markup + ', expected one emphasis span (`*…*`) like the other messages of this table'
    warning(file, reason, contentPlace(message), 'message-markup')
  }
}

/** Report missing columns; false when the table cannot be read. */
function checkHeader(headerRow: TableRow, header: ReadonlyArray<HeaderCell>, context: ReadContext): boolean {
  const columns = columnsOf(header)
  const missing = context.required.filter((column) => !columns.includes(column))
  if (missing.length === 0) return true
  const labels = missing.map((column) => columnLabels[column]).join(', ')
  const reason = 'Missing ' + labels + ' column' + (missing.length > 1 ? 's' : '') + ' in error table, found ' + headerList(header)
  error(context.file, reason, headerRow.position, 'missing-column')
  return false
}

/** The nodes whose content is inline (a table's cells, a paragraph, a heading): no definition stands in them. */
const inlineOnly: ReadonlySet<string> = new Set(['table', 'tableRow', 'tableCell', 'paragraph', 'heading'])

/** The URL of each link reference definition, by its identifier; the first of one identifier counts, as in CommonMark. */
function definitionsOf(tree: Root): Map<string, string> {
  const urls = new Map<string, string>()
  const visit = (node: Nodes): void => {
    if (node.type === 'definition' && !urls.has(node.identifier)) urls.set(node.identifier, node.url)
    if ('children' in node && !inlineOnly.has(node.type)) for (const child of node.children) visit(child)
  }
  visit(tree)
  return urls
}
