/** join: a plan's slices and their trees in, the tree of the whole document out — the slices' rows appended to the tables cut before them, every position moved to its place (undefined when a slice did not parse as planned); the slices' trees keep their nodes, so that a session can join the same ones again. */
import type {Root, RootContent, Table} from 'mdast'
import type {Position} from 'unist'
import type {Plan, Slice} from './slices.js'

/**
 * A slice's tree as a run holds it: its positions moved by a shift (none when it was just parsed), and whether it was
 * found as a slice of a plan requires (the copied definitions then dropped). A session hands the same one to every
 * run while the slice's text is unchanged: a join never changes it but by moving its positions.
 */
export interface Placed {
  readonly tree: Root
  /** What was added to its lines and offsets. */
  lineShift: number
  offsetShift: number
  /** The slice it was checked against, written out (`sliceKey`); `false` when it did not parse as planned; undefined before. */
  checked: string | false | undefined
}

/** A tree just parsed, for one join. */
export function fresh(tree: Root): Placed {
  return {tree, lineShift: 0, offsetShift: 0, checked: undefined}
}

/**
 * Join the trees of a plan's slices into the tree of the whole document (see `join`).
 *
 * @param trees one per slice, in order, positions as in the slices (they are moved in place)
 */
export function stitch(plan: Plan, trees: Array<Root>): Root | undefined {
  return join(plan, trees.map((tree) => fresh(tree)))
}

/**
 * Join the trees of a plan's slices into the tree of the whole document: the first slice's nodes; then, for each
 * other cut in a table, the body rows of the table it starts with appended to (a copy of) the table cut before it,
 * and its other nodes after (all its nodes, for one cut in a run of definitions); every position moved to its place in the document. The slices' trees keep their nodes: only their
 * positions move, and each table the join adds rows to is a copy. Undefined when a slice did not give its tables where
 * the plan says, with one body row per line.
 *
 * @param placed one per slice, in order
 */
export function join(plan: Plan, placed: ReadonlyArray<Placed>): Root | undefined {
  if (placed.length !== plan.slices.length || !placed.every((tree, index) => checkedAgainst(tree, plan.slices[index]))) return undefined
  const [first, ...others] = placed
  const last = others.at(-1)
  if (!first || !last) return undefined

  others.forEach((tree, index) => place(tree, plan.slices[index + 1]))
  const children = [...first.tree.children]
  let open = children.length - 1
  let copied = false
  for (const [index, {tree}] of others.entries()) {
    let rest: ReadonlyArray<RootContent> = tree.children
    if (plan.slices[index + 1]?.continued) {
      const [continued, ...after] = tree.children as [Table, ...Array<RootContent>]
      if (!copied) children[open] = copyOfTable(children[open] as Table)
      copied = true
      const table = children[open] as Table
      for (const row of continued.children.slice(1)) table.children.push(row)
      setEnd(table.position, continued.position)
      rest = after
    }
    for (const node of rest) children.push(node)
    if (rest.length > 0) {
      open = children.length - 1
      copied = false
    }
  }
  const root: Root = {...first.tree, children, position: first.tree.position && {start: {...first.tree.position.start}, end: {...first.tree.position.start}}}
  setEnd(root.position, last.tree.position)
  return hasDefinitionsAt(root, plan.definitions, plan.labels) ? root : undefined
}

/**
 * Check a slice's tree and move it to its place in the document, as `join` does, ahead of the join: as soon as the
 * slice is parsed, while the other slices are (the join then finds it checked and in place). A tree that did not parse
 * as planned is left where it is, and the join declines it.
 */
export function settle(placed: Placed, plan: Plan, index: number): void {
  const slice = plan.slices[index]
  if (index > 0 && checkedAgainst(placed, slice)) place(placed, slice)
}

/** Whether a slice's tree is one the slice gives, checked (and its copied definitions dropped) the first time. */
function checkedAgainst(placed: Placed, slice: Slice | undefined): boolean {
  if (!slice) return false
  const key = sliceKey(slice)
  if (placed.checked === undefined) {
    placed.checked = placed.lineShift === 0 && placed.offsetShift === 0 && dropCopiedDefinitions(placed.tree, slice) && slicedAsPlanned(placed.tree, slice) ? key : false
  }
  return placed.checked === key
}

/** What a slice's tree is checked against: the slice's plan but for where it stands in the document. */
function sliceKey(slice: Slice): string {
  return JSON.stringify([slice.kind, slice.continued ?? null, slice.open ?? null, slice.definitions, slice.end])
}

/** Move a slice's tree to its place in the document: by the difference between its shift and the one it has. */
function place(placed: Placed, slice: Slice | undefined): void {
  if (!slice) return
  shiftTree(placed.tree, slice.lineShift - placed.lineShift, slice.offsetShift - placed.offsetShift)
  placed.lineShift = slice.lineShift
  placed.offsetShift = slice.offsetShift
}

/** A table whose rows and end a join may change, its rows and start those of the table. */
function copyOfTable(table: Table): Table {
  return {...table, children: [...table.children], position: table.position && {start: table.position.start, end: {...table.position.end}}}
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

/**
 * Whether the document's tree has a definition at the top level at each line where the plan found one (0-based), with
 * the label the plan found there (the one the slices that use it were given, copied or as defined).
 */
function hasDefinitionsAt(tree: Root, lines: ReadonlyArray<number>, labels: ReadonlyArray<string>): boolean {
  const identifiers = new Map(tree.children.flatMap((node) => (node.type === 'definition' && node.position ? [[node.position.start.line - 1, node.identifier] as const] : [])))
  return lines.every((line, index) => identifiers.get(line) === labels[index]?.toLowerCase())
}

/**
 * Whether a slice's tree has its tables where the plan says: the table it continues as its first node, from line 1,
 * its first body row (every one, when their number is known) on line 3 and on; the table cut at its end as its last
 * node, at the planned line, with the planned body rows, one a line.
 */
function slicedAsPlanned(tree: Root, slice: Slice | undefined): boolean {
  if (!slice) return false
  const {continued, open} = slice
  if (continued) {
    const table = tree.children[0]
    if (table?.type !== 'table' || table.position?.start.line !== 1) return false
    const body = table.children.slice(1)
    if (continued.exact ? body.length !== continued.rows : body.length < 1) return false
    if (!rowsOneALine(continued.exact ? body : body.slice(0, 1), 3)) return false
  }
  if (open) {
    const table = tree.children.at(-1)
    if (table?.type !== 'table' || table.position?.start.line !== open.headerLine) return false
    const body = table.children.slice(1)
    if (body.length !== open.rows || !rowsOneALine(body, open.headerLine + 2)) return false
  }
  return true
}

/** Whether rows stand one a line from `line` on. */
function rowsOneALine(rows: ReadonlyArray<RootContent>, line: number): boolean {
  return rows.every((row, index) => row.position?.start.line === line + index && row.position.end.line === line + index)
}

/** Move every position in a slice's tree by lines and offsets (columns stay: slices start at line starts). */
function shiftTree(tree: Root, lines: number, offsets: number): void {
  if (lines !== 0 || offsets !== 0) shiftNode(tree, lines, offsets)
}

/** Move a node's position and its descendants' by lines and offsets: a recursive walk, with no stack of spread children. */
function shiftNode(node: Root | RootContent, lines: number, offsets: number): void {
  const place = node.position
  if (place) {
    place.start.line += lines
    place.end.line += lines
    if (place.start.offset !== undefined) place.start.offset += offsets
    if (place.end.offset !== undefined) place.end.offset += offsets
  }
  if (!('children' in node)) return
  const children: ReadonlyArray<RootContent> = node.children
  for (let index = 0; index < children.length; index++) shiftNode(children[index] as RootContent, lines, offsets)
}

function setEnd(place: Position | undefined, from: Position | undefined): void {
  if (place && from) place.end = {...from.end}
}
