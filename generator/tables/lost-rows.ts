/** lost-rows: a document's tree and the error tables errgen read in, an error for every run of lines that read as rows of one of them but that GFM reads as something else — a block quote, a list item, text after the table ended, a code or HTML block, a heading, a table without its header — out: those rows would be lost. */
import type {Nodes, Root, RootContent, Table} from 'mdast'
import type {Position} from 'unist'
import type {VFile} from 'vfile'
import {error} from '../diagnostics/messages.js'
import {isBlankLine, isRowLine, lineContent, type RowShape} from './row-lines.js'

/** An error table errgen read, and what its rows look like. */
export interface ReadTable {
  readonly node: Table
  readonly shape: RowShape
}

/** A block of the document and the block that holds it. */
type Block = RootContent

/** The blocks that hold other blocks, by how messages name them. */
const containerNames: Partial<Record<Block['type'], string>> = {blockquote: 'block quote', listItem: 'list item', footnoteDefinition: 'footnote definition'}

/** What the document's lines are: each line's innermost block, and each block's parent. */
interface LineMap {
  readonly lines: ReadonlyArray<string>
  /** By line (0-based); undefined for a line no block holds (a blank line between blocks). */
  readonly owners: ReadonlyArray<Block | undefined>
  readonly parents: ReadonlyMap<Block, Block>
}

/** Consecutive lines that read as rows of one table and that GFM does not read as rows of it. */
interface Run {
  readonly table: ReadTable
  /** The first line (1-based), and how many lines. */
  readonly first: number
  readonly rows: number
}

/**
 * Report every run of lost rows: lines, outside the error tables errgen read (and those it leaves out on purpose),
 * that read as a row of the nearest error table. A code block, a `<pre>` or an HTML comment is a sample, not a loss, when it is closed and
 * the nearest line above it that is not blank is not a row; the lines from a line like an error-table header to the
 * next blank line are a broken table, which malformed-table reports.
 *
 * @param skipped the tables left out on purpose (error tables under other headings, tables whose header is no error table's nor a row)
 * @param isHeader whether a line is like an error table's header
 * @returns the tables some of whose rows are lost
 */
export function reportLostRows(tree: Root, file: VFile, tables: ReadonlyArray<ReadTable>, skipped: ReadonlyArray<Table>, isHeader: (line: string) => boolean): Set<Table> {
  const lost = new Set<Table>()
  if (tables.length === 0) return lost
  const map = lineMap(tree, String(file.value))
  const accounted = new Set<Block>([...tables.map((table) => table.node), ...skipped])
  for (const run of lostRuns(map, tables, accounted, isHeader)) {
    lost.add(run.table.node)
    const {reason, place} = describeRun(run, map)
    error(file, reason, place, 'interrupted-table')
  }
  return lost
}

/** Each line's innermost block (tables, paragraphs, headings, code and HTML are not looked into), and each block's parent. */
function lineMap(tree: Root, text: string): LineMap {
  const lines = text.split(/\r\n?|\n/)
  const owners: Array<Block | undefined> = new Array(lines.length).fill(undefined)
  const parents = new Map<Block, Block>()
  const visit = (node: Block, parent: Block | undefined): void => {
    if (parent) parents.set(node, parent)
    const start = node.position?.start.line
    const end = node.position?.end.line
    if (start === undefined || end === undefined) return
    for (let line = start; line <= end; line++) owners[line - 1] = node
    if (isContainer(node)) for (const child of node.children) visit(child as Block, node)
  }
  for (const child of tree.children) visit(child, undefined)
  return {lines, owners, parents}
}

function isContainer(node: Nodes): node is Extract<Block, {type: 'blockquote' | 'list' | 'listItem' | 'footnoteDefinition'}> {
  return node.type === 'blockquote' || node.type === 'list' || node.type === 'listItem' || node.type === 'footnoteDefinition'
}

/** The runs of lost rows, in document order. */
function lostRuns(map: LineMap, tables: ReadonlyArray<ReadTable>, accounted: ReadonlySet<Block>, isHeader: (line: string) => boolean): Array<Run> {
  const ordered = [...tables].sort((a, b) => startLine(a.node) - startLine(b.node))
  const runs: Array<Run> = []
  let current: {table: ReadTable, first: number, rows: number, last: number, owner: Block | undefined} | undefined
  let next = 0
  let broken = false
  for (let index = 0; index < map.lines.length; index++) {
    const line = index + 1
    const text = map.lines[index] as string
    while (next < ordered.length && startLine((ordered[next] as ReadTable).node) <= line) next++
    const rowOfLine = (candidate: string) => rowOf(candidate, ordered[next - 1], ordered[next])
    const owner = map.owners[index]
    const read = owner !== undefined && isAccounted(owner, accounted, map)
    broken = !read && isBrokenTable(index, map, isHeader, broken)
    const table = !read && !broken && text.includes('|') ? rowOfLine(text) : undefined
    const lost = table !== undefined && isLost(owner, map, rowOfLine)
    if (current && current.table === (lost ? table : current.table) && current.last === line - 1 && (lost || map.owners[index] === current.owner)) {
      // A line of the block that holds the rows (a delimiter row, a line of prose) does not end the run.
      current.last = line
      if (lost) current.rows++
      continue
    }
    if (current) runs.push(current)
    current = lost ? {table, first: line, rows: 1, last: line, owner: map.owners[index]} : undefined
  }
  if (current) runs.push(current)
  return runs
}

/** The table a line is a row of: the nearest error table above it, else the one below; undefined when it is no row of either. */
function rowOf(line: string, above: ReadTable | undefined, below: ReadTable | undefined): ReadTable | undefined {
  if (above && isRowLine(line, above.shape)) return above
  if (below && isRowLine(line, below.shape)) return below
  return undefined
}

/**
 * Whether a line that reads as a row, outside the tables errgen read, is not held on purpose: in a sample, or in a
 * table of its own whose header is no row.
 *
 * @param rowOfLine the table a line reads as a row of
 */
function isLost(owner: Block | undefined, map: LineMap, rowOfLine: (line: string) => ReadTable | undefined): boolean {
  if (!owner) return true
  if (owner.type === 'table') return rowOfLine(linesOf(owner, map)[0] ?? '') !== undefined
  if (owner.type === 'code' || owner.type === 'html') return !isSample(owner, map)
  return true
}

/**
 * Whether a line outside the tables read is part of a broken table: a line like an error table's header, and the
 * lines after it up to a blank line (malformed-table reports it, with its rows).
 *
 * @param before whether the line above is
 */
function isBrokenTable(index: number, map: LineMap, isHeader: (line: string) => boolean, before: boolean): boolean {
  const text = map.lines[index] as string
  if (isBlankLine(text)) return false
  if (before) return true
  const owner = map.owners[index]
  if (!owner || !text.includes('|') || !isHeader(lineContent(text))) return false
  // The blocks malformed-table reports: paragraphs, and headings underlined with `---` (not `#` headings).
  return owner.type === 'paragraph' || (owner.type === 'heading' && !/^(?:[ \t>]|[-*+](?=[ \t])|\d{1,9}[.)](?=[ \t]))*#/.test(text))
}

function isAccounted(block: Block, accounted: ReadonlySet<Block>, map: LineMap): boolean {
  return accounted.has(block) || isInside(block, accounted, map)
}

function isInside(block: Block, blocks: ReadonlySet<Block>, map: LineMap): boolean {
  for (let parent = map.parents.get(block); parent; parent = map.parents.get(parent)) if (blocks.has(parent)) return true
  return false
}

/**
 * A code block, a `<pre>` or an HTML comment is a sample (a table shown as markdown, rows commented out on purpose)
 * when it is closed and separated from the rows above it: the nearest line above it that is not blank is no row (or is
 * in a sample itself).
 */
function isSample(block: Extract<Block, {type: 'code' | 'html'}>, map: LineMap): boolean {
  const start = block.position?.start.line
  if (start === undefined || !isClosed(block, map)) return false
  // An indented sample follows a blank line (an indented line right below a heading is a row pushed aside).
  if (block.type === 'code' && !fenceOf(block, map) && !isBlankLine(map.lines[start - 2] ?? '')) return false
  for (let index = start - 2; index >= 0; index--) {
    const line = map.lines[index] as string
    if (isBlankLine(line)) continue
    const owner = map.owners[index]
    // A sample above sets this one apart too; any other line with pipes is a row, or a table.
    if (owner && (owner.type === 'code' || owner.type === 'html') && owner !== block) return isSample(owner, map)
    return !(owner?.type === 'table' || line.includes('|'))
  }
  return true
}

/** Whether a block can be a sample, closed: a fence with its closing fence, an HTML comment with its `-->`, a `<pre>` with its end tag. */
function isClosed(block: Extract<Block, {type: 'code' | 'html'}>, map: LineMap): boolean {
  if (block.type === 'code') {
    const fence = fenceOf(block, map)
    if (!fence) return true
    const lines = linesOf(block, map)
    const closing = lines.length > 1 ? lineContent(lines[lines.length - 1] ?? '').trim() : ''
    return closing.startsWith(fence) && new RegExp('^\\' + fence[0] + '+$').test(closing)
  }
  if (block.value.startsWith('<!--')) return block.value.includes('-->')
  // Other HTML (a `<div>`, `<details>` right above a table) shows the rows as raw text: never a sample.
  return /^<pre[\s>]/i.test(block.value) && /<\/pre>/i.test(block.value)
}

/** The opening fence of a fenced code block (`` ``` ``, `~~~~`); undefined for an indented one. */
function fenceOf(block: Extract<Block, {type: 'code'}>, map: LineMap): string | undefined {
  const start = block.position?.start
  const text = start ? (map.lines[start.line - 1] ?? '').slice(start.column - 1) : ''
  return /^(`{3,}|~{3,})/.exec(text)?.[1]
}

/** The source lines of a block. */
function linesOf(block: Block, map: LineMap): ReadonlyArray<string> {
  const {start, end} = block.position ?? {start: {line: 1}, end: {line: 0}}
  return map.lines.slice(start.line - 1, end.line)
}

function startLine(node: Table): number {
  return node.position?.start.line ?? 0
}

/** The blocks that hold a block, outermost first. */
function containersOf(block: Block | undefined, map: LineMap): Array<Block> {
  const chain: Array<Block> = []
  for (let node = block; node; node = map.parents.get(node)) if (containerNames[node.type]) chain.unshift(node)
  return chain
}

/** Why a run of rows is lost, and where to say it. */
function describeRun(run: Run, map: LineMap): {reason: string, place: Position} {
  const table = run.table.node
  const owner = map.owners[run.first - 1]
  const lineContainers = containersOf(owner, map)
  const tableContainers = containersOf(table, map)
  const added = lineContainers.find((container) => !tableContainers.includes(container))
  const left = tableContainers.find((container) => !lineContainers.includes(container))
  const gap = gapAfter(table, run.first, map)
  const atLine = linePlace(run.first, map)
  const between = gap !== undefined
  if (added) return reasonOf(run, containerNames[added.type] as string, between, atLine)
  if (owner && owner.type !== 'paragraph') return reasonOf(run, blockName(owner, map), between, atLine)
  if (left && between) {
    const hint = left.type === 'blockquote' ? '; write `>` before every row of a quoted table' : '; indent every row as far as the table\'s header'
    return reasonOf(run, 'end of the ' + containerNames[left.type], true, atLine, hint)
  }
  if (gap?.place) return reasonOf(run, gap.name, true, gap.place)
  return reasonOf(run, 'text', false, atLine)
}

/**
 * What stands between a table and a run of rows right after it: blank lines, and at most one block (with its place,
 * undefined when the run follows the table at once). Undefined when the run is not right after the table (more than
 * one block between, or the run is above it).
 */
function gapAfter(table: Table, first: number, map: LineMap): {name: string, place: Position | undefined} | undefined {
  const end = table.position?.end.line
  if (end === undefined || first <= end) return undefined
  let block: Block | undefined
  for (let index = end; index < first - 1; index++) {
    if (isBlankLine(map.lines[index] as string)) continue
    const owner = map.owners[index]
    if (block && owner !== block) return undefined
    block = owner
  }
  if (first === end + 1) return {name: 'text', place: undefined}
  const place = {start: {line: end + 1, column: 1}, end: {line: first - 1, column: (map.lines[first - 2] ?? '').length + 1}}
  return {name: block ? blockName(block, map) : 'blank line', place}
}

/** How a message names a block. */
function blockName(block: Block, map: LineMap): string {
  if (block.type === 'html') return block.value.startsWith('<!--') ? 'HTML comment' : 'HTML block'
  if (block.type === 'code') return fenceOf(block, map) ? 'fenced code block' : 'indented code block'
  return containerNames[block.type] ?? blockNames[block.type] ?? 'text'
}

/** How messages name the other blocks. */
const blockNames: Partial<Record<Block['type'], string>> = {table: 'table whose header is a row', list: 'list', thematicBreak: 'thematic break', heading: 'heading'}

/** A whole line's place. */
function linePlace(line: number, map: LineMap): Position {
  return {start: {line, column: 1}, end: {line, column: (map.lines[line - 1] ?? '').length + 1}}
}

/**
 * `Unexpected block quote between the rows of the table at 5:1, expected table rows: GFM ends the table there, and the
 * 26 rows from line 20 would be lost`
 *
 * @param between whether the run is right after the table
 */
function reasonOf(run: Run, what: string, between: boolean, place: Position, hint: string = ''): {reason: string, place: Position} {
  const start = run.table.node.position?.start
  const table = 'the table at ' + start?.line + ':' + start?.column
  const one = run.rows === 1
  const rows = one ? 'the row' : 'the ' + run.rows + ' rows'
  const comment = what === 'HTML comment' ? '; a row cannot be commented out: delete it, or deprecate it by striking its message through' : ''
  const reason = between
    ? 'Unexpected ' + what + ' between the rows of ' + table + ', expected table rows: GFM ends the table there, and ' + rows + ' from line ' + run.first + ' would be lost'
    : 'Unexpected ' + what + ' holding ' + (one ? 'a row' : run.rows + ' rows') + ' like those of ' + table + ', expected ' + (one ? 'it' : 'them') +
      ' in the table: GFM reads ' + rows + ' from line ' + run.first + ' as ' + withArticle(what) + ', so ' + (one ? 'it' : 'they') + ' would be lost'
  return {reason: reason + (hint || comment), place}
}

/** `a block quote`, `an HTML comment`, `text` */
function withArticle(what: string): string {
  if (what === 'text') return what
  return (/^(?:[aeiou]|HTML)/.test(what) ? 'an ' : 'a ') + what
}
