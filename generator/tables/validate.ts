/** validate: an mdast tree, its VFile and the read options in, the rows of its error tables out; every problem becomes a located message with a rule id. */
import {cellText, isBlank, isStruckThrough, messageMarkup} from './cells.js'
import {aliasesOf, columnLabels, isErrorTable, tableColumns} from './columns.js'
import {contentPlace, error, warning} from '../diagnostics/messages.js'
import {reportBrokenTables} from './malformed.js'
import {identifierPattern, normalizeHeader, unusableNames} from '../catalog/names.js'

/**
 * @import {Heading, Nodes, Paragraph, Root, Table, TableCell, TableRow} from 'mdast'
 * @import {Point, Position} from 'unist'
 * @import {VFile} from 'vfile'
 * @import {CodeCell, Column, Field, ReadDocument, ReadOptions, Row, RowDeprecation, TableInfo} from '../types.js'
 */

const smallestStatus = 100
const largestStatus = 599
const smallestErrorStatus = 400

/** The options of a plain run: the built-in column names, every column required, codes of either kind. */
const defaultReadOptions = {columns: {}, optionalColumns: [], codes: 'auto', headings: []}

/**
 * Read every error table of a document (or those under the configured headings).
 *
 * @param {Root} tree
 * @param {VFile} file receives the messages
 * @param {ReadOptions} [options]
 * @returns {ReadDocument}
 */
export function validate(tree, file, options = /** @type {ReadOptions} */ (defaultReadOptions)) {
  const context = {file, options, aliases: aliasesOf(options), required: requiredOf(options)}
  /** @type {{rows: Array<Row>, codes: Array<CodeCell>, tables: Array<TableInfo>}} */
  const read = {rows: [], codes: [], tables: []}
  /** @type {Array<Table>} */
  const others = []
  let heading = /** @type {string | undefined} */ (undefined)

  let found = 0
  for (const node of blocksOf(tree)) {
    if (node.type === 'heading') heading = cellText(node)
    if (node.type !== 'table') continue
    const columns = headerColumns(node, context.aliases)
    if (isErrorTable(columns) && isWanted(heading, options)) {
      found++
      readTable(node, columns, heading, context, read)
    } else {
      others.push(node)
    }
  }

  const broken = reportBrokenTables(blocksOf(tree), file, context.aliases)
  if (found === 0 && !broken) reportNoTable(file, others, context)
  return read
}

/**
 * The headings, tables and paragraphs of a tree in document order, also those in block quotes, lists and footnotes.
 *
 * @param {Nodes} node
 * @returns {Array<Heading | Table | Paragraph>}
 */
function blocksOf(node) {
  if (node.type === 'heading' || node.type === 'table' || node.type === 'paragraph') return [node]
  return 'children' in node ? node.children.flatMap((child) => blocksOf(child)) : []
}

/**
 * @typedef Context
 * @property {VFile} file
 * @property {ReadOptions} options
 * @property {ReadonlyMap<string, Field>} aliases
 * @property {ReadonlyArray<Column>} required
 */

/**
 * The columns a table must have.
 *
 * @param {ReadOptions} options
 * @returns {Array<Column>}
 */
function requiredOf(options) {
  return tableColumns.filter((column) => !(/** @type {ReadonlyArray<string>} */ (options.optionalColumns)).includes(column))
}

/**
 * Whether the table under `heading` is to be read: always, unless the options name headings.
 *
 * @param {string | undefined} heading
 * @param {ReadOptions} options
 * @returns {boolean}
 */
function isWanted(heading, options) {
  if (options.headings.length === 0) return true
  return heading !== undefined && options.headings.some((wanted) => normalizeHeader(wanted) === normalizeHeader(heading))
}

/**
 * @param {VFile} file
 * @param {ReadonlyArray<Table>} tables the tables that were not read
 * @param {Context} context
 */
function reportNoTable(file, tables, context) {
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

/**
 * @param {Table} table
 * @param {ReadonlyArray<Column | undefined>} columns
 * @param {string | undefined} heading
 * @param {Context} context
 * @param {{rows: Array<Row>, codes: Array<CodeCell>, tables: Array<TableInfo>}} read receives the rows, code cells and tables
 */
function readTable(table, columns, heading, context, read) {
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
 * @param {ReadonlyArray<TableRow>} rows
 * @param {number} index the Message column
 * @param {VFile} file
 */
function warnMessageMarkup(rows, index, file) {
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

/**
 * The column each header cell names, or undefined for columns errgen does not read.
 *
 * @param {Table} table
 * @param {ReadonlyMap<string, Field>} aliases
 * @returns {Array<Column | undefined>}
 */
function headerColumns(table, aliases) {
  return headerTexts(table).map((text) => {
    const field = aliases.get(normalizeHeader(text))
    return field === 'ignore' ? undefined : field
  })
}

/**
 * @param {Table} table
 * @returns {Array<string>}
 */
function headerTexts(table) {
  return (table.children[0]?.children || []).map((cell) => cellText(cell))
}

/**
 * Report missing and repeated columns; false when the table cannot be read.
 *
 * @param {TableRow} header
 * @param {ReadonlyArray<Column | undefined>} columns
 * @param {Context} context
 * @returns {boolean}
 */
function checkHeader(header, columns, context) {
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

/**
 * Check one body row: its code cell when it has one, the row when every cell is valid.
 *
 * @param {TableRow} row
 * @param {ReadonlyArray<Column | undefined>} columns
 * @param {string | undefined} heading
 * @param {Context} context
 * @param {{rows: Array<Row>, codes: Array<CodeCell>}} read
 */
function readRow(row, columns, heading, context, read) {
  const {file} = context
  let valid = checkCellCount(row, columns, context)

  /** @type {Partial<Record<Column, {text: string, place: Position | undefined}>>} */
  const cells = {}
  columns.forEach((column, index) => {
    const cell = row.children[index]
    if (column && cell) cells[column] = {text: cellText(cell), place: contentPlace(cell) || row.position}
  })
  if (!row.position) return
  const rowPlace = row.position

  const {status: statusCell, code: codeCell, message: messageCell, resolve: resolveCell, name: nameCell, deprecated: deprecatedCell} = cells
  const code = codeCell && readCode(codeCell.text, placeOr(codeCell.place, rowPlace), file)
  if (code) read.codes.push(code)
  const hasColumn = (/** @type {Column} */ column) => columns.includes(column)
  if (!code || !messageCell || (hasColumn('status') && !statusCell) || (hasColumn('resolve') && !resolveCell)) return

  const status = statusCell && readStatus(statusCell.text, statusCell.place, file)
  const message = readText(messageCell.text, messageCell.place, 'message', code.text, file)
  const resolve = resolveCell && readText(resolveCell.text, resolveCell.place, 'resolve', code.text, file)
  const name = nameCell ? readName(nameCell.text, nameCell.place, file) : undefined
  const column = deprecatedCell ? readDeprecatedCell(deprecatedCell.text, deprecatedCell.place, file) : undefined
  if ((statusCell && status === undefined) || message === undefined || (resolveCell && resolve === undefined) || name === null || column === null) {
    valid = false
  }
  if (!valid || message === undefined) return
  const messageNode = row.children[columns.indexOf('message')]
  const deprecated = deprecationOf(column || undefined, Boolean(messageNode && isStruckThrough(messageNode)), resolve)

  read.rows.push({
    file,
    code,
    status,
    message,
    resolve,
    name: name || undefined,
    group: heading,
    deprecated,
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
}

/**
 * A Deprecated cell: undefined when it says no (empty, `no`, `false`, `-`), null when it cannot be read, else the
 * deprecation and the replacement it names (`yes`, `true`, `deprecated`, `x`, `✓`; or `use 1234`, `1234`).
 *
 * @param {string} text
 * @param {Position | undefined} place
 * @param {VFile} file
 * @returns {RowDeprecation | null | undefined}
 */
function readDeprecatedCell(text, place, file) {
  const value = text.trim().toLowerCase()
  if (/^(|no|false|-|–|—)$/.test(value)) return undefined
  if (/^(yes|true|deprecated|x|✓|✔)$/.test(value)) return {replacement: undefined, explicit: true}
  const replacement = /^(?:(?:use|see|replaced by)\s+)?(?:code\s+)?`?([^\s`]+)`?$/i.exec(text.trim())?.[1]
  if (replacement) return {replacement, explicit: true}
  const reason = 'Unexpected Deprecated cell ' + quote(text) + ', expected yes, no, or the code that replaces it (`use 1234`)'
  error(file, reason, place, 'invalid-deprecated')
  return null
}

/**
 * Whether the entry is deprecated (by its Deprecated cell, or a struck-through message) and what replaces it: the
 * Deprecated cell's code, or a code the Resolve text names as `use 1234`.
 *
 * @param {RowDeprecation | undefined} column
 * @param {boolean} struck
 * @param {string | undefined} resolve
 * @returns {RowDeprecation | undefined}
 */
function deprecationOf(column, struck, resolve) {
  if (column?.replacement) return column
  if (!column && !struck) return undefined
  const named = resolve && /\buse\s+(?:code\s+)?`?([A-Za-z0-9_][\w./:-]*)`?/i.exec(resolve)?.[1]
  return {replacement: named || undefined, explicit: false}
}

/**
 * @param {Position | undefined} place
 * @param {Position} fallback
 * @returns {Position}
 */
function placeOr(place, fallback) {
  return place || fallback
}

/**
 * Report a row with more or fewer cells than its header (GFM itself pads or ignores them silently).
 *
 * @param {TableRow} row
 * @param {ReadonlyArray<Column | undefined>} columns
 * @param {Context} context
 * @returns {boolean} whether the count is right
 */
function checkCellCount(row, columns, context) {
  const {file} = context
  const expected = columns.length
  const actual = row.children.length
  if (actual === expected) return true

  const headline = 'Unexpected row with ' + actual + ' cell' + (actual === 1 ? '' : 's') + ', expected ' + expected
  if (actual < expected) {
    const missing = columns.slice(actual).map((column, index) => (column ? columnLabels[column] : 'column ' + (actual + index + 1)))
    const optionalOnly = columns.slice(actual).every((column) => !column || !context.required.includes(column))
    const hint = optionalOnly ? ' (an empty last cell is written `| |`: a lone trailing `|` ends the row)' : ''
    error(file, headline + ': missing ' + missing.join(', ') + hint, rowEnd(row), 'cell-count')
  } else {
    const extra = row.children.slice(expected)
    const place = spanOf(extra) || row.position
    error(file, headline + '; an unescaped `|` splits a cell: write `\\|` for a literal pipe', place, 'cell-count')
  }
  return false
}

/**
 * The point just past a row's last cell.
 *
 * @param {TableRow} row
 * @returns {Point | undefined}
 */
function rowEnd(row) {
  return row.position?.end
}

/**
 * @param {ReadonlyArray<TableCell>} cells
 * @returns {Position | undefined}
 */
function spanOf(cells) {
  const first = cells[0] && contentPlace(cells[0])
  const last = cells[cells.length - 1]
  const lastPlace = last && contentPlace(last)
  return first && lastPlace && {start: first.start, end: lastPlace.end}
}

/**
 * A code cell's text; its kind and value are decided by the catalog, which sees every code.
 *
 * @param {string} text
 * @param {Position} place
 * @param {VFile} file
 * @returns {CodeCell | undefined}
 */
function readCode(text, place, file) {
  if (/^\s*$/.test(text)) {
    error(file, 'Unexpected code (empty), expected a positive integer or a code without spaces', place, 'invalid-code')
    return undefined
  }
  return {file, text, place}
}

/**
 * @param {string} text
 * @param {Position | undefined} place
 * @param {VFile} file
 * @returns {number | undefined}
 */
function readStatus(text, place, file) {
  if (!/^\d+$/.test(text) || Number(text) < smallestStatus || Number(text) > largestStatus) {
    const reason = 'Unexpected HTTP status ' + quote(text) + ', expected an integer from ' + smallestStatus + ' to ' + largestStatus
    error(file, reason, place, 'invalid-status')
    return undefined
  }
  const status = Number(text)
  if (status < smallestErrorStatus) {
    const reason = 'Unexpected HTTP status ' + status + ' for an error, expected ' + smallestErrorStatus + ' to ' + largestStatus
    warning(file, reason, place, 'non-error-status')
  }
  return status
}

/**
 * @param {string} text
 * @param {Position | undefined} place
 * @param {'message' | 'resolve'} column
 * @param {string} code
 * @param {VFile} file
 * @returns {string | undefined}
 */
function readText(text, place, column, code, file) {
  if (isBlank(text)) {
    const reason =
      'Unexpected empty ' + columnLabels[column] + ' cell for code ' + code + ', expected text'
    error(file, reason, place, column === 'message' ? 'empty-message' : 'empty-resolve')
    return undefined
  }
  return text
}

/**
 * The Name cell: undefined when empty (the name is derived), null when invalid.
 *
 * @param {string} text
 * @param {Position | undefined} place
 * @param {VFile} file
 * @returns {string | null | undefined}
 */
function readName(text, place, file) {
  if (text === '') return undefined
  if (!identifierPattern.test(text)) {
    const reason =
      'Unexpected name ' + quote(text) + ', expected an identifier: an ASCII letter or `_`, then letters, digits or `_`'
    error(file, reason, place, 'invalid-name')
    return null
  }
  if (unusableNames.has(text)) {
    const reason = 'Unexpected name ' + quote(text) + ', expected another: a JavaScript enum cannot have a member of that name'
    error(file, reason, place, 'invalid-name')
    return null
  }
  return text
}

/**
 * @param {ReadonlyArray<Column>} columns
 * @returns {string}
 */
function labelList(columns) {
  return columns.map((column) => columnLabels[column]).join(', ')
}

/**
 * A cell's text for a message: in backticks, or `empty`.
 *
 * @param {string} text
 * @returns {string}
 */
function quote(text) {
  return text === '' ? '(empty)' : '`' + text + '`'
}
