/** slices: a markdown document in, the plan to parse its largest table in independent slices out; the slices' trees in, the whole document's tree out (or undefined when a slice did not parse as the plan requires). */
import type {Root, RootContent, Table} from 'mdast'
import type {Point, Position} from 'unist'
import {normalizeIdentifier} from 'micromark-util-normalize-identifier'

/** One slice of a document, to parse on its own. */
export interface Slice {
  kind: 'first' | 'middle' | 'last'
  /** The markdown to parse. */
  text: string
  /** Added to the lines of the slice's rows to give their lines in the document. */
  lineShift: number
  /** Added to the offsets of the slice's rows. */
  offsetShift: number
  /** How many body rows the slice must give (at least, for the last). */
  rows: number
  /** The line, in the slice, of its first body row. */
  firstRowLine: number
  /** How many of the document's link reference definitions are copied after the slice's own text: those its text may use (so that `[x]` reads as in the whole). */
  definitions: number
  /** Where the slice's own text ends, before the copied definitions: the end of the document's tree, for the last slice. */
  end: Point
}

/** How a document is cut into slices. */
export interface Plan {
  /** The table's header line in the document (1-based). */
  headerLine: number
  /** The first holds the document up to its cut, the last the rest; all others, and the last, start with the header and delimiter rows. */
  slices: Array<Slice>
  /** The lines (0-based) of the document's link reference definitions, copied into the slices that use their labels. */
  definitions: Array<number>
}

/** A run of table-like lines. */
interface TableRun {
  /** Index of the header line. */
  header: number
  /** Index of the first body line. */
  first: number
  /** Index past the last body line. */
  end: number
}

/** A line that may be a body row: it starts with something other than white space and holds a pipe. */
const rowLike = /^[^ \t\r\n][^\r\n]*\|/

/** A line that may be a delimiter row: cells of dashes with optional colons, separated by pipes. */
const delimiterLike = /^ {0,3}\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/

/**
 * Plan the slices of the longest table of `text`, each with about `rowsPerSlice` body rows; undefined when the
 * document is not worth slicing or not a shape that slices provably parse as the whole. A link reference definition
 * (`[x]: https://…`) can turn `[x]` anywhere into a link, so each slice gets, after its own text, a copy of the
 * definitions whose labels it holds in brackets (only those: a copy of every definition in every slice would cost
 * the definitions times the slices); a document with `]:` elsewhere than in a one-line definition (a footnote
 * definition, a definition over two lines, `]:` in a row) is parsed whole.
 */
export function planSlices(text: string, rowsPerSlice: number): Plan | undefined {
  const starts = lineStarts(text)
  const definitions = definitionLines(text, starts)
  if (!definitions) return undefined
  const run = longestTable(text, starts)
  if (!run || definitions.some((line) => line >= run.header && line < run.end)) return undefined
  const count = Math.floor((run.end - run.first) / rowsPerSlice)
  if (count < 2) return undefined

  const labelled = definitions.map((line) => ({line: lineText(text, starts, line), label: definitionLabel(lineText(text, starts, line))}))
  const slice = (kind: Slice['kind'], own: string, shifts: {lineShift: number, offsetShift: number, rows: number, firstRowLine: number}): Slice => {
    const used = usedDefinitions(own, labelled)
    const copied = used.length === 0 ? '' : '\n\n' + used.join('\n') + '\n'
    return {kind, text: own + copied, ...shifts, definitions: used.length, end: endOf(own)}
  }
  const cuts = Array.from({length: count - 1}, (_, index) => run.first + (index + 1) * rowsPerSlice)
  const head = text.slice(at(starts, run.header), at(starts, run.first))
  const firstCut = cuts[0] ?? 0
  const first = slice('first', text.slice(0, at(starts, firstCut)), {lineShift: 0, offsetShift: 0, rows: firstCut - run.first, firstRowLine: run.first + 1})
  const rest = cuts.map((cut, index) => {
    const next = cuts[index + 1]
    const body = next === undefined ? text.slice(at(starts, cut)) : text.slice(at(starts, cut), at(starts, next))
    const shifts = {lineShift: cut - 2, offsetShift: at(starts, cut) - head.length, rows: next === undefined ? 1 : next - cut, firstRowLine: 3}
    return slice(next === undefined ? 'last' : 'middle', head + body, shifts)
  })
  return {headerLine: run.header + 1, definitions, slices: [first, ...rest]}
}

/** A one-line link reference definition at the top level: `[x]: https://…`, `[x]: <url> "title"`. */
const definitionPattern = /^ {0,3}\[(?!\^)(?:[^\]\\]|\\.)+\]:[ \t]*\S[^\r\n]*$/

/** A definition line's label as micromark matches it (`[ Foo  Bar]: …` → `FOO BAR`). */
function definitionLabel(line: string): string {
  const label = /\[((?:[^\]\\]|\\.)+)\]:/.exec(line)?.[1] ?? ''
  return normalizeIdentifier(label)
}

/**
 * A reference's label has no unescaped brackets, so any reference to a definition stands in the text as a pair of
 * brackets around text without brackets (`[x]`, `[t][x]`, `![x]`, over lines too); the pairs that are not references
 * only copy a definition that changes nothing.
 */
const bracketed = /\[((?:[^[\]\\]|\\.)+)\]/g

/** The definition lines, in document order, whose labels the text holds in brackets. */
function usedDefinitions(text: string, definitions: ReadonlyArray<{readonly line: string, readonly label: string}>): Array<string> {
  if (definitions.length === 0) return []
  const labels = new Set<string>()
  for (const match of text.matchAll(bracketed)) labels.add(normalizeIdentifier(match[1] ?? ''))
  return definitions.filter((definition) => labels.has(definition.label)).map((definition) => definition.line)
}

/** The lines (0-based) of the document's one-line link reference definitions; undefined when `]:` stands elsewhere too. */
function definitionLines(text: string, starts: ReadonlyArray<number>): Array<number> | undefined {
  if (!text.includes(']:')) return []
  const lines: Array<number> = []
  for (let line = 0; line < starts.length; line++) {
    const content = lineText(text, starts, line)
    if (!content.includes(']:')) continue
    if (!definitionPattern.test(content)) return undefined
    lines.push(line)
  }
  return lines
}

/** A line's text without its line ending. */
function lineText(text: string, starts: ReadonlyArray<number>, line: number): string {
  const end = line + 1 < starts.length ? at(starts, line + 1) : text.length
  return text.slice(at(starts, line), end).replace(/\r?\n$|\r$/, '')
}

/** The point just past a text, as micromark gives the end of its tree. */
function endOf(text: string): Point {
  const starts = lineStarts(text)
  const last = starts[starts.length - 1] ?? 0
  return {line: starts.length, column: text.length - last + 1, offset: text.length}
}

/** The offset of every line's start; micromark's line endings are `\r\n`, `\r` and `\n`. */
function lineStarts(text: string): Array<number> {
  const starts = [0]
  for (const match of text.matchAll(/\r\n?|\n/g)) starts.push(match.index + match[0].length)
  return starts
}

function at(starts: ReadonlyArray<number>, line: number): number {
  return starts[line] ?? 0
}

/** The header, first body line and end of the table-like run of lines with the most body rows. */
function longestTable(text: string, starts: ReadonlyArray<number>): TableRun | undefined {
  const line = (index: number) => text.slice(at(starts, index), index + 1 < starts.length ? at(starts, index + 1) : text.length)
  let best: TableRun | undefined
  let index = 1
  while (index < starts.length) {
    if (!delimiterLike.test(line(index).replace(/\r?\n?$/, '')) || !rowLike.test(line(index - 1))) {
      index++
      continue
    }
    let end = index + 1
    while (end < starts.length && rowLike.test(line(end))) end++
    if (!best || end - index - 1 > best.end - best.first) best = {header: index - 1, first: index + 1, end}
    index = end
  }
  return best
}

/**
 * Join the trees of a plan's slices into the tree of the whole document: the first slice's tree, with the body rows
 * of the others appended to its last table, then the nodes after the table in the last slice; every position moved
 * to its place in the document. Undefined when a slice did not give its table where the plan says, with one body
 * row per line.
 *
 * @param trees one per slice, in order, positions as in the slices (they are moved in place)
 */
export function stitch(plan: Plan, trees: Array<Root>): Root | undefined {
  if (trees.length !== plan.slices.length || !trees.every((tree, index) => dropCopiedDefinitions(tree, plan.slices[index]))) return undefined
  const [firstTree, ...others] = trees
  const last = others.at(-1)
  const table = firstTree?.children.at(-1)
  if (!firstTree || !last || table?.type !== 'table' || table.position?.start.line !== plan.headerLine) return undefined
  if (!trees.every((tree, index) => slicedTable(tree, plan.slices[index]))) return undefined

  others.forEach((tree, index) => shiftTree(tree, plan.slices[index + 1]))
  const lastTable = last.children[0] as Table
  for (const tree of others) table.children.push(...(tree.children[0] as Table).children.slice(1))
  setEnd(table.position, lastTable.position)
  firstTree.children.push(...last.children.slice(1))
  setEnd(firstTree.position, last.position)
  return hasDefinitionsAt(firstTree, plan.definitions) ? firstTree : undefined
}

/**
 * Remove the copies of the document's definitions from the end of a slice's tree, and set the tree's end to the end
 * of the slice's own text; false when they did not parse as that many definitions after the slice's own text.
 */
function dropCopiedDefinitions(tree: Root, slice: Slice | undefined): boolean {
  if (!slice) return false
  if (slice.definitions === 0) return true
  const copies = tree.children.slice(-slice.definitions)
  const own = (node: RootContent) => (node.position?.start.line ?? 0) <= slice.end.line
  if (copies.length !== slice.definitions || copies.some((node) => node.type !== 'definition' || own(node))) return false
  tree.children.length -= slice.definitions
  if (tree.children.some((node) => !own(node)) || !tree.position) return false
  tree.position.end = {...slice.end}
  return true
}

/** Whether the document's tree has a definition at the top level at each line where the plan found one (0-based). */
function hasDefinitionsAt(tree: Root, lines: ReadonlyArray<number>): boolean {
  const starts = new Set(tree.children.flatMap((node) => (node.type === 'definition' && node.position ? [node.position.start.line - 1] : [])))
  return lines.every((line) => starts.has(line))
}

/**
 * Whether a slice's tree has its table where the plan says: the first slice's as its last node, another's as its
 * first (and, but for the last slice, only) node; with the planned body rows, one per line from the first row line.
 */
function slicedTable(tree: Root, slice: Slice | undefined): boolean {
  if (!slice) return false
  const table = slice.kind === 'first' ? tree.children.at(-1) : tree.children[0]
  if (table?.type !== 'table') return false
  if (slice.kind !== 'first' && table.position?.start.line !== 1) return false
  if (slice.kind === 'middle' && tree.children.length !== 1) return false
  const body = table.children.slice(1)
  if (slice.kind === 'last' ? body.length < 1 : body.length !== slice.rows) return false
  const checked = slice.kind === 'last' ? body.slice(0, 1) : body
  return checked.every((row, index) => row.position?.start.line === slice.firstRowLine + index && row.position.end.line === slice.firstRowLine + index)
}

/** Move every position in the slice's tree to its place in the document (columns stay: slices start at line starts). */
function shiftTree(tree: Root, slice: Slice | undefined): void {
  if (!slice) return
  const stack: Array<Root | RootContent> = [tree]
  let node
  while ((node = stack.pop())) {
    const place = node.position
    if (place) {
      place.start.line += slice.lineShift
      place.end.line += slice.lineShift
      if (place.start.offset !== undefined) place.start.offset += slice.offsetShift
      if (place.end.offset !== undefined) place.end.offset += slice.offsetShift
    }
    if ('children' in node) stack.push(...node.children)
  }
}

function setEnd(place: Position | undefined, from: Position | undefined): void {
  if (place && from) place.end = {...from.end}
}
