/** validate: an mdast tree, its VFile and the read options in, the rows of its error tables out; every problem becomes a located message with a rule id. */
import {contentPlace, error, warning} from './diagnostics.js'
import {identifierPattern, normalizeHeader, unusableNames} from './names.js'

/**
 * @import {Heading, Nodes, Paragraph, Root, Table, TableCell, TableRow} from 'mdast'
 * @import {Point, Position} from 'unist'
 * @import {VFile} from 'vfile'
 * @import {CodeCell, Column, Field, ReadDocument, ReadOptions, Row, RowDeprecation, TableInfo} from './types.js'
 */

/** The columns an error table has, in the order messages name them. */
export const tableColumns = /** @type {const} */ (['status', 'code', 'message', 'resolve'])

/** How messages name each column. */
export const columnLabels = /** @type {const} */ ({
  status: 'HTTP',
  code: 'Code',
  message: 'Message',
  resolve: 'Resolve',
  name: 'Name',
  deprecated: 'Deprecated'
})

/** Header texts (lower case, single spaces) and the column each one names; a configuration adds to them. */
const headerAliases = new Map(
  /** @type {Array<[string, Field]>} */ ([
    ['http', 'status'],
    ['status', 'status'],
    ['http status', 'status'],
    ['http status code', 'status'],
    ['status code', 'status'],
    ['http code', 'status'],
    ['code', 'code'],
    ['error code', 'code'],
    ['error', 'code'],
    ['message', 'message'],
    ['error message', 'message'],
    ['resolve', 'resolve'],
    ['resolution', 'resolve'],
    ['how to resolve', 'resolve'],
    ['description', 'resolve'],
    ['name', 'name'],
    ['identifier', 'name'],
    ['deprecated', 'deprecated'],
    ['deprecation', 'deprecated']
  ])
)

/** A GFM delimiter row: cells of dashes with optional alignment colons, between optional outer pipes. */
const delimiterRowPattern = /^[ \t]*\|?[ \t]*:?-+:?[ \t]*(\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/

const smallestStatus = 100
const largestStatus = 599
const smallestErrorStatus = 400

/** The options of a plain run: the built-in column names, every column required, codes of either kind. */
export const defaultReadOptions = {columns: {}, optionalColumns: [], codes: 'auto', headings: []}

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

  const broken = reportBrokenTables(blocksOf(tree), context)
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
 * Report paragraphs and setext headings with a line like an error-table header that is not one (GFM reads a header
 * without a matching delimiter row as text, or as a heading when the row is `---`, and the rows below it would be
 * lost); whether there was one.
 *
 * @param {ReadonlyArray<Heading | Table | Paragraph>} blocks
 * @param {Context} context
 * @returns {boolean}
 */
function reportBrokenTables(blocks, context) {
  let found = false
  for (const block of blocks) {
    if (block.type === 'table' || (block.type === 'heading' && isAtxHeading(block, context.file))) continue
    const lines = sourceLines(block, context.file)
    const index = lines.findIndex(({text}) => looksLikeErrorHeader(text, context.aliases))
    const header = lines[index]
    const start = block.position?.start
    if (!header || !start) continue
    const headerStart = index === 0 ? start : {line: start.line + index, column: header.column}
    const place = {start: headerStart, end: block.position?.end || headerStart}
    error(context.file, brokenTableReason(header.text, lines[index + 1]?.text || ''), place, 'malformed-table')
    found = true
  }
  return found
}

/**
 * Whether a heading is written with `#` (a setext heading is text underlined with `---` or `===`).
 *
 * @param {Heading} heading
 * @param {VFile} file
 * @returns {boolean}
 */
function isAtxHeading(heading, file) {
  return String(file.value).charAt(heading.position?.start.offset ?? 0) === '#'
}

/**
 * @param {string} line
 * @param {ReadonlyMap<string, Field>} aliases
 * @returns {boolean}
 */
function looksLikeErrorHeader(line, aliases) {
  if (!line.includes('|')) return false
  return isErrorTable(splitRow(line).map((cell) => {
    const field = aliases.get(normalizeHeader(cell))
    return field === 'ignore' ? undefined : field
  }))
}

/**
 * @param {string} header the header-like line
 * @param {string} delimiter the line below it
 * @returns {string}
 */
function brokenTableReason(header, delimiter) {
  const columns = splitRow(header).length
  if (delimiterRowPattern.test(delimiter)) {
    const cells = splitRow(delimiter).length
    return 'Unexpected delimiter row with ' + cells + ' cell' + (cells === 1 ? '' : 's') + ' below a header of ' + columns +
      ', expected one per column: GFM reads this as text, not as a table'
  }
  const example = Array.from({length: columns}, () => '---').join(' | ')
  return 'Unexpected error-table header without a delimiter row below it, expected a line such as `' + example +
    '`: GFM reads this as text, not as a table'
}

/**
 * The source lines of a block, without the indentation and block-quote markers in front of them, each with the
 * column it starts at.
 *
 * @param {Paragraph | Heading} block
 * @param {VFile} file
 * @returns {Array<{text: string, column: number}>}
 */
function sourceLines(block, file) {
  const {start, end} = block.position || {}
  const source = String(file.value).slice(start?.offset, end?.offset)
  return source.split(/\r\n?|\n/).map((line) => {
    const text = line.replace(/^[ \t]*(>[ \t]*)*/, '')
    return {text, column: line.length - text.length + 1}
  })
}

/**
 * The cells of a table-like line: split at pipes, outer pipes dropped.
 *
 * @param {string} line
 * @returns {Array<string>}
 */
function splitRow(line) {
  return line.trim().replace(/^\|/, '').replace(/\|$/, '').split('|')
}

/**
 * @typedef Context
 * @property {VFile} file
 * @property {ReadOptions} options
 * @property {ReadonlyMap<string, Field>} aliases
 * @property {ReadonlyArray<Column>} required
 */

/**
 * The built-in header names with the configured ones over them.
 *
 * @param {ReadOptions} options
 * @returns {Map<string, Field>}
 */
function aliasesOf(options) {
  return new Map([...headerAliases, ...Object.entries(options.columns)])
}

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
 * Whether a header names an error table: a Code column and at least one other column errgen reads, or three of them
 * (a Code header with a typo must not hide a table).
 *
 * @param {ReadonlyArray<Column | undefined>} columns
 * @returns {boolean}
 */
function isErrorTable(columns) {
  const known = tableColumns.filter((column) => columns.includes(column))
  return (known.includes('code') && known.length >= 2) || known.length >= 3
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
 * How a Message cell differs from one emphasis span of plain text, as a phrase; undefined when it is one (also when it
 * is struck through, as a deprecated message is).
 *
 * @param {TableCell} cell
 * @returns {string | undefined}
 */
function messageMarkup(cell) {
  const [first, ...others] = cell.children
  const inner = first?.type === 'delete' && others.length === 0 && first.children.length === 1 ? first.children[0] : first
  if (inner && others.length === 0) {
    if (inner.type === 'emphasis') {
      return inner.children.every((child) => child.type === 'text') ? undefined : 'with markup inside its emphasis'
    }
    if (inner.type === 'strong') return 'in strong emphasis'
    if (inner.type === 'inlineCode') return 'in a code span'
  }
  if (cell.children.some((child) => child.type === 'emphasis')) return 'with text outside its emphasis'
  if (cell.children.every((child) => child.type === 'text')) return 'in plain text'
  return 'with other markup'
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
 * Whether a cell's text is all struck through (`~~*message*~~`).
 *
 * @param {TableCell} cell
 * @returns {boolean}
 */
function isStruckThrough(cell) {
  const content = cell.children.filter((child) => !(child.type === 'text' && child.value.trim() === ''))
  return content.length > 0 && content.every((child) => child.type === 'delete')
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
 * Whether a cell's text is empty or white space only.
 *
 * @param {string} text
 * @returns {boolean}
 */
function isBlank(text) {
  return /^\s*$/.test(text)
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
 * A cell's text as CommonMark renders it: code spans and emphasis give their text, `<br>` a line break, other HTML tags nothing.
 *
 * @param {Nodes} node
 * @returns {string}
 */
export function cellText(node) {
  return trimSpaces(inlineText(node))
}

/**
 * @param {Nodes} node
 * @returns {string}
 */
function inlineText(node) {
  switch (node.type) {
    case 'text':
    case 'inlineCode':
      return node.value
    case 'break':
      return '\n'
    case 'html':
      return /^<br\s*\/?>$/i.test(node.value) ? '\n' : ''
    case 'image':
    case 'imageReference':
      return node.alt || ''
    default:
      return 'children' in node ? node.children.map((child) => inlineText(child)).join('') : ''
  }
}

/**
 * Strip the spaces, tabs and line breaks around a cell's text (but not other white space, which is content).
 *
 * @param {string} text
 * @returns {string}
 */
function trimSpaces(text) {
  return text.replace(/^[ \t\n]+|[ \t\n]+$/g, '')
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
