/** interrupted: a document's tree and its error tables in, an error for each table that a block cuts short while rows like its own follow (GFM ends the table there, and reads those rows as text: they would be lost) out. */
import type {Root, RootContent, Table} from 'mdast'
import type {Point} from 'unist'
import type {VFile} from 'vfile'
import {error} from '../diagnostics/messages.js'

/** A top-level block of the document, by the lines it spans. */
interface Block {
  readonly node: RootContent
  readonly start: number
  readonly end: number
}

/**
 * Report every error table (at the top level of the document) that ends at a blank line or another block, when the
 * lines after that block are rows with as many cells as the table's header.
 *
 * @param isHeader whether a line is like an error table's header (a broken table, which malformed-table reports)
 */
export function reportInterruptedTables(tree: Root, tables: ReadonlyArray<Table>, file: VFile, isHeader: (line: string) => boolean): void {
  const lines = String(file.value).split(/\r\n?|\n/)
  const blocks = tree.children.flatMap((node) => (node.position ? [{node, start: node.position.start.line, end: node.position.end.line}] : []))
  for (const table of tables) {
    const end = table.position?.end.line
    const columns = table.children[0]?.children.length ?? 0
    if (end === undefined || !blocks.some((block) => block.node === table)) continue
    const lost = lostRows(lines, blocks, end, columns, isHeader)
    if (lost) error(file, interruptionReason(lost, lines, blocks, table), lost.gap, 'interrupted-table')
  }
}

/** What cut a table short, and the rows after it. */
interface Lost {
  /** From the first line after the table to the end of the block that interrupts it. */
  readonly gap: {readonly start: Point, readonly end: Point}
  /** The first line (1-based) of rows like the table's, and how many there are in a row. */
  readonly firstRow: number
  readonly rows: number
}

/**
 * The rows lost after a table that ends at line `end`: the first row-like line after at most one interrupting block
 * (and blank lines), unless a table, code or an HTML comment holds it; undefined when there is none, or when a line
 * like a table header comes first (a broken table, which malformed-table reports with its rows).
 */
function lostRows(
  lines: ReadonlyArray<string>,
  blocks: ReadonlyArray<Block>,
  end: number,
  columns: number,
  isHeader: (line: string) => boolean
): Lost | undefined {
  const interrupting = new Set<Block>()
  for (let line = end + 1; line <= lines.length; line++) {
    const text = lines[line - 1] ?? ''
    const block = blocks.find((candidate) => candidate.start <= line && line <= candidate.end)
    if (block?.node.type === 'table') return undefined
    if (isHeader(text)) return undefined
    if (!(block && isHeld(block.node)) && isRowLike(text, columns)) {
      if (line === end + 1) return undefined
      return {gap: gapOf(lines, end + 1, line - 1), firstRow: line, rows: rowsFrom(lines, line, columns)}
    }
    if (block && text.trim() !== '' && !interrupting.has(block)) interrupting.add(block)
    if (interrupting.size > 1) return undefined
  }
  return undefined
}

/** Whether rows inside a block were put there on purpose: in code, or in an HTML comment (rows commented out). */
function isHeld(node: RootContent): boolean {
  return node.type === 'code' || (node.type === 'html' && node.value.startsWith('<!--'))
}

/** The place of the lines between a table and the rows after it. */
function gapOf(lines: ReadonlyArray<string>, first: number, last: number): {start: Point, end: Point} {
  return {start: {line: first, column: 1}, end: {line: last, column: (lines[last - 1] ?? '').length + 1}}
}

/** How many lines from `line` on are rows like the table's. */
function rowsFrom(lines: ReadonlyArray<string>, line: number, columns: number): number {
  let count = 0
  while (isRowLike(lines[line - 1 + count] ?? '', columns)) count++
  return count
}

/** Whether a line is a row with the table's number of cells (outer pipes optional, `\|` not a separator). */
function isRowLike(line: string, columns: number): boolean {
  const text = line.trim()
  if (!text.includes('|')) return false
  const cells = text.replace(/^\|/, '').replace(/(?<!\\)\|$/, '').split(/(?<!\\)\|/)
  return cells.length === columns
}

/** `Unexpected HTML comment between the rows of the table at 3:1, …` */
function interruptionReason(lost: Lost, lines: ReadonlyArray<string>, blocks: ReadonlyArray<Block>, table: Table): string {
  const start = table.position?.start
  const firstLine = lost.gap.start.line
  const blank = (lines[firstLine - 1] ?? '').trim() === ''
  const block = blocks.find((candidate) => candidate.start <= lost.gap.end.line && lost.gap.end.line <= candidate.end)
  const what = blank || !block ? 'blank line' : blockName(block.node)
  const rows = lost.rows === 1 ? 'the row' : 'the ' + lost.rows + ' rows'
  const hint = what === 'HTML comment' ? '; a row cannot be commented out: delete it, or deprecate it by striking its message through' : ''
  return (
    'Unexpected ' + what + ' between the rows of the table at ' + start?.line + ':' + start?.column +
    ', expected table rows: GFM ends the table there, and ' + rows + ' from line ' + lost.firstRow + ' would be lost' + hint
  )
}

/** How a message names the block that interrupts a table. */
function blockName(node: RootContent): string {
  switch (node.type) {
    case 'html':
      return node.value.startsWith('<!--') ? 'HTML comment' : 'HTML block'
    case 'heading':
      return 'heading'
    case 'list':
      return 'list'
    case 'blockquote':
      return 'block quote'
    case 'thematicBreak':
      return 'thematic break'
    case 'code':
      return 'code block'
    default:
      return 'text'
  }
}
