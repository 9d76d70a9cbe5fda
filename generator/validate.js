/** validate: an mdast tree and its VFile in, the rows of its error tables out; every problem becomes a located message with a rule id. */
import {contentPlace, error, warning} from './diagnostics.js'
import {identifierPattern, unusableNames} from './names.js'

/**
 * @import {Heading, Nodes, Paragraph, Root, Table, TableCell, TableRow} from 'mdast'
 * @import {Point, Position} from 'unist'
 * @import {VFile} from 'vfile'
 * @import {CodeCell, Column, ReadDocument, Row} from './types.js'
 */

/** The columns every error table must have, in the order messages name them. */
export const requiredColumns = /** @type {const} */ (['status', 'code', 'message', 'resolve'])

/** @type {ReadonlySet<Column | undefined>} */
const required = new Set(requiredColumns)

/** How messages name each column. */
export const columnLabels = /** @type {const} */ ({
  status: 'HTTP',
  code: 'Code',
  message: 'Message',
  resolve: 'Resolve',
  name: 'Name'
})

/** Header texts (lower case, single spaces) and the column each one names. */
const headerAliases = new Map(
  /** @type {Array<[string, Column]>} */ ([
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
    ['identifier', 'name']
  ])
)

/** A GFM delimiter row: cells of dashes with optional alignment colons, between optional outer pipes. */
const delimiterRowPattern = /^[ \t]*\|?[ \t]*:?-+:?[ \t]*(\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/

const smallestStatus = 100
const largestStatus = 599
const smallestErrorStatus = 400

/**
 * Read every error table of a document.
 *
 * @param {Root} tree
 * @param {VFile} file receives the messages
 * @returns {ReadDocument}
 */
export function validate(tree, file) {
  const tables = nodesOf(tree, 'table')
  const errorTables = tables.filter((table) => isErrorTable(headerColumns(table)))
  /** @type {{rows: Array<Row>, codes: Array<CodeCell>}} */
  const read = {rows: [], codes: []}

  const setextHeadings = nodesOf(tree, 'heading').filter((heading) => !isAtxHeading(heading, file))
  const broken = reportBrokenTables([...nodesOf(tree, 'paragraph'), ...setextHeadings], file)
  if (errorTables.length === 0 && !broken) reportNoTable(file, tables)
  for (const table of errorTables) readTable(table, file, read)
  return read
}

/**
 * Every node of a type in a tree, in document order: also those in block quotes, lists and footnotes.
 *
 * @template {'table' | 'paragraph' | 'heading'} Type
 * @param {Nodes} node
 * @param {Type} type
 * @returns {Array<Extract<Nodes, {type: Type}>>}
 */
function nodesOf(node, type) {
  if (node.type === type) return [/** @type {Extract<Nodes, {type: Type}>} */ (node)]
  if (node.type === 'table' || node.type === 'paragraph' || node.type === 'heading' || !('children' in node)) return []
  return node.children.flatMap((child) => nodesOf(child, type))
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
 * Whether a header names an error table: a Code column and at least one other required column, or three required
 * columns (a Code header with a typo must not hide a table).
 *
 * @param {ReadonlyArray<Column | undefined>} columns
 * @returns {boolean}
 */
function isErrorTable(columns) {
  const known = requiredColumns.filter((column) => columns.includes(column))
  return (known.includes('code') && known.length >= 2) || known.length >= 3
}

/**
 * Report paragraphs and setext headings with a line like an error-table header that is not one (GFM reads a header
 * without a matching delimiter row as text, or as a heading when the row is `---`, and the rows below it would be
 * lost); whether there was one.
 *
 * @param {ReadonlyArray<Paragraph | Heading>} blocks
 * @param {VFile} file
 * @returns {boolean}
 */
function reportBrokenTables(blocks, file) {
  let found = false
  for (const block of blocks) {
    const lines = sourceLines(block, file)
    const index = lines.findIndex(({text}) => looksLikeErrorHeader(text))
    const header = lines[index]
    const start = block.position?.start
    if (!header || !start) continue
    const headerStart = index === 0 ? start : {line: start.line + index, column: header.column}
    const place = {start: headerStart, end: block.position?.end || headerStart}
    error(file, brokenTableReason(header.text, lines[index + 1]?.text || ''), place, 'malformed-table')
    found = true
  }
  return found
}

/**
 * @param {string} line
 * @returns {boolean}
 */
function looksLikeErrorHeader(line) {
  return line.includes('|') && isErrorTable(splitRow(line).map((cell) => headerAliases.get(normalizeHeader(cell))))
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
 * @param {VFile} file
 * @param {ReadonlyArray<Table>} tables the tables that are not error tables
 */
function reportNoTable(file, tables) {
  const expected = requiredColumns.map((column) => columnLabels[column]).join(', ')
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
 * @param {VFile} file
 * @param {{rows: Array<Row>, codes: Array<CodeCell>}} read receives the rows and code cells
 */
function readTable(table, file, read) {
  const [header, ...body] = table.children
  const columns = headerColumns(table)
  if (!header || !checkHeader(header, columns, file)) return

  for (const row of body) readRow(row, columns, file, read)
  warnMessageMarkup(body, columns.indexOf('message'), file)
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
 * How a Message cell differs from one emphasis span of plain text, as a phrase; undefined when it is one.
 *
 * @param {TableCell} cell
 * @returns {string | undefined}
 */
function messageMarkup(cell) {
  const [first, ...others] = cell.children
  if (first && others.length === 0) {
    if (first.type === 'emphasis') {
      return first.children.every((child) => child.type === 'text') ? undefined : 'with markup inside its emphasis'
    }
    if (first.type === 'strong') return 'in strong emphasis'
    if (first.type === 'inlineCode') return 'in a code span'
  }
  if (cell.children.some((child) => child.type === 'emphasis')) return 'with text outside its emphasis'
  if (cell.children.every((child) => child.type === 'text')) return 'in plain text'
  return 'with other markup'
}

/**
 * The column each header cell names, or undefined for columns errgen does not read.
 *
 * @param {Table} table
 * @returns {Array<Column | undefined>}
 */
function headerColumns(table) {
  return headerTexts(table).map((text) => headerAliases.get(normalizeHeader(text)))
}

/**
 * @param {Table} table
 * @returns {Array<string>}
 */
function headerTexts(table) {
  return (table.children[0]?.children || []).map((cell) => cellText(cell))
}

/**
 * @param {string} text
 * @returns {string}
 */
function normalizeHeader(text) {
  return text.toLowerCase().replace(/[\s_-]+/g, ' ').trim()
}

/**
 * Report missing and repeated columns; false when the table cannot be read.
 *
 * @param {TableRow} header
 * @param {ReadonlyArray<Column | undefined>} columns
 * @param {VFile} file
 * @returns {boolean}
 */
function checkHeader(header, columns, file) {
  let readable = true
  columns.forEach((column, index) => {
    if (column && columns.indexOf(column) !== index) {
      const cell = header.children[index]
      error(file, 'Unexpected second ' + columnLabels[column] + ' column, expected each column once', cell && contentPlace(cell), 'duplicate-column')
      readable = false
    }
  })

  const missing = requiredColumns.filter((column) => !columns.includes(column))
  if (missing.length > 0) {
    const found = header.children.map((cell) => cellText(cell)).join(', ')
    const reason =
      'Missing ' + labelList(missing) + ' column' + (missing.length > 1 ? 's' : '') + ' in error table, found columns ' + found
    error(file, reason, header.position, 'missing-column')
    readable = false
  }
  return readable
}

/**
 * Check one body row: its code cell when it reads as a code, the row when every cell is valid.
 *
 * @param {TableRow} row
 * @param {ReadonlyArray<Column | undefined>} columns
 * @param {VFile} file
 * @param {{rows: Array<Row>, codes: Array<CodeCell>}} read
 */
function readRow(row, columns, file, read) {
  let valid = checkCellCount(row, columns, file)

  /** @type {Partial<Record<Column, {text: string, place: Position | undefined}>>} */
  const cells = {}
  columns.forEach((column, index) => {
    const cell = row.children[index]
    if (column && cell) cells[column] = {text: cellText(cell), place: contentPlace(cell) || row.position}
  })

  const {status: statusCell, code: codeCell, message: messageCell, resolve: resolveCell, name: nameCell} = cells
  const code = codeCell && readCode(codeCell.text, codeCell.place, file)
  if (codeCell?.place && code !== undefined) read.codes.push({file, code, place: codeCell.place})
  if (!statusCell || !codeCell || !messageCell || !resolveCell || !row.position) return

  const status = readStatus(statusCell.text, statusCell.place, file)
  const message = readText(messageCell.text, messageCell.place, 'message', code, file)
  const resolve = readText(resolveCell.text, resolveCell.place, 'resolve', code, file)
  const name = nameCell ? readName(nameCell.text, nameCell.place, file) : undefined
  if (code === undefined || status === undefined || message === undefined || resolve === undefined || name === null) {
    valid = false
  }
  if (!valid) return

  read.rows.push({
    file,
    status: /** @type {number} */ (status),
    code: /** @type {number} */ (code),
    message: /** @type {string} */ (message),
    resolve: /** @type {string} */ (resolve),
    name: name || undefined,
    places: {
      row: row.position,
      status: placeOr(statusCell.place, row.position),
      code: placeOr(codeCell.place, row.position),
      message: placeOr(messageCell.place, row.position),
      resolve: placeOr(resolveCell.place, row.position),
      name: placeOr(nameCell?.place, row.position)
    }
  })
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
 * @param {VFile} file
 * @returns {boolean} whether the count is right
 */
function checkCellCount(row, columns, file) {
  const expected = columns.length
  const actual = row.children.length
  if (actual === expected) return true

  const headline = 'Unexpected row with ' + actual + ' cell' + (actual === 1 ? '' : 's') + ', expected ' + expected
  if (actual < expected) {
    const missing = columns.slice(actual).map((column, index) => (column ? columnLabels[column] : 'column ' + (actual + index + 1)))
    const optionalOnly = columns.slice(actual).every((column) => !required.has(column))
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
 * @param {string} text
 * @param {Position | undefined} place
 * @param {VFile} file
 * @returns {number | undefined}
 */
function readCode(text, place, file) {
  const problem = integerProblem(text, 1, Number.MAX_SAFE_INTEGER)
  if (problem !== undefined) {
    error(file, 'Unexpected code ' + quote(text) + ', expected a positive integer' + problem, place, 'invalid-code')
    return undefined
  }
  return Number(text)
}

/**
 * @param {string} text
 * @param {Position | undefined} place
 * @param {VFile} file
 * @returns {number | undefined}
 */
function readStatus(text, place, file) {
  if (integerProblem(text, smallestStatus, largestStatus) !== undefined) {
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
 * Why `text` is not a decimal integer from `min` to `max`, as a clause for the message; undefined when it is one.
 *
 * @param {string} text
 * @param {number} min
 * @param {number} max
 * @returns {string | undefined}
 */
function integerProblem(text, min, max) {
  if (!/^-?\d+$/.test(text)) return ''
  if (/^-?0\d/.test(text)) return ' without leading zeros'
  const value = BigInt(text)
  if (value > BigInt(max)) return ' up to ' + max
  if (value < BigInt(min)) return ''
  return undefined
}

/**
 * @param {string} text
 * @param {Position | undefined} place
 * @param {'message' | 'resolve'} column
 * @param {number | undefined} code
 * @param {VFile} file
 * @returns {string | undefined}
 */
function readText(text, place, column, code, file) {
  if (isBlank(text)) {
    const reason =
      'Unexpected empty ' + columnLabels[column] + ' cell' + (code === undefined ? '' : ' for code ' + code) + ', expected text'
    error(file, reason, place, 'empty-' + column)
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
