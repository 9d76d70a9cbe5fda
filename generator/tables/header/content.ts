/** content: a table's header cells and the texts of its columns in, the columns read by what their cells hold out — named columns whose cells contradict their name left unread, two cells of one column settled, unnamed columns read as the code, HTTP, name or a description, and the doubts when that can go more than one way. */
import type {DraftCell} from './columns.js'
import {type ColumnShape, holdsNoStatus, holdsPhrases, holdsText, shapeOf} from '../cells/shapes.js'
import type {Column, Field} from '../../types.js'

/** The cells of one column, as their text: all of them, or one by one (to stop at the first that decides). */
export interface ColumnTexts {
  all(): ReadonlyArray<string>
  each(): Iterable<string>
}

/** Two header cells read as one column: the one kept, the other, and what the other is read as meanwhile. */
export interface Clash {
  readonly column: Column
  readonly kept: number
  readonly other: number
}

/** A way a table's unnamed columns can be read more than one way: what each cell could be, and one configuration that settles it. */
export interface Doubt {
  readonly cells: ReadonlyArray<number>
  readonly could: string
  readonly settle: ReadonlyArray<Field>
}

/**
 * Leave unread a named column whose cells are not what its name says, unless the configuration names it: a `Status`
 * (not `HTTP …`) of no status (`NotFinished`), a Code column of phrases (a glossary's `**Rate limit**`), a Name
 * column of text (`Неверный запрос`).
 *
 * @param saysHttp whether a header says `HTTP`
 */
export function checkNamedColumns(cells: ReadonlyArray<DraftCell>, texts: (index: number) => ColumnTexts, saysHttp: (text: string) => boolean): void {
  cells.forEach((cell, index) => {
    if (cell.configured) return
    const why =
      (cell.column === 'status' && !saysHttp(cell.text) && holdsNoStatus(texts(index).each()) && 'its cells are not HTTP statuses') ||
      (cell.column === 'code' && holdsPhrases(texts(index).each()) && 'its cells are phrases, not codes') ||
      (cell.column === 'name' && holdsText(texts(index).each()) && 'its cells are text, not identifiers')
    if (why) Object.assign(cell, {field: 'ignore', column: undefined, content: {why, named: cell.column}})
  })
}

/**
 * Keep one cell of each column that two header cells name (`Error Code` and `Error`): the one whose cells fit the
 * column best (integers, then identifiers, for the code; statuses for HTTP), else the first. The other is left
 * unnamed, to be read by its content.
 */
export function settleClashes(cells: ReadonlyArray<DraftCell>, texts: (index: number) => ColumnTexts): Array<Clash> {
  const clashes: Array<Clash> = []
  const seen = new Map<Column, number>()
  cells.forEach((cell, index) => {
    const column = cell.column
    if (!column) return
    const first = seen.get(column)
    if (first === undefined) {
      seen.set(column, index)
      return
    }
    const keepSecond = fit(column, shapeOf(texts(index).all())) > fit(column, shapeOf(texts(first).all()))
    const [kept, other] = keepSecond ? [index, first] : [first, index]
    seen.set(column, kept)
    Object.assign(cells[other] as DraftCell, {field: undefined, column: undefined, inferred: false})
    clashes.push({column, kept, other})
  })
  return clashes
}

/** How well a column's cells fit a column errgen reads: higher is better. */
function fit(column: Column, shape: ColumnShape): number {
  if (column === 'code') return shape.mostlyIntegers ? 2 : shape.identifiers ? 1 : 0
  if (column === 'status') return shape.statuses ? 1 : 0
  return 0
}

/** What reading the unnamed columns gives: the columns of prose (for the message and resolve text) and the doubts. */
export interface ContentReading {
  readonly prose: Array<DraftCell>
  readonly doubts: Array<Doubt>
}

/**
 * Read the columns no header names by what they hold, for the columns the table lacks: unique integers are the code
 * (when `codeByContent`), statuses HTTP, unique identifiers beside integer codes the name, prose a description.
 */
export function readUnnamed(cells: ReadonlyArray<DraftCell>, texts: (index: number) => ColumnTexts, codeByContent: boolean): ContentReading {
  const unnamed = cells.flatMap((cell, index) => (cell.field === undefined ? [index] : []))
  const has = (column: Column) => cells.some((cell) => cell.column === column)
  const wanted = (!has('code') && codeByContent) || !has('status') || !has('name') || !has('message') || !has('resolve')
  if (unnamed.length === 0 || !wanted) return {prose: [], doubts: []}

  const shapes = new Map(unnamed.map((index) => [index, shapeOf(texts(index).all())]))
  const free = () => unnamed.filter((index) => !(cells[index] as DraftCell).column)
  const where = (test: (shape: ColumnShape) => boolean) => free().filter((index) => test(shapes.get(index) as ColumnShape))
  const read = (index: number, column: Column, why: string) => Object.assign(cells[index] as DraftCell, {column, inferred: true, content: {why}})
  const doubts: Array<Doubt> = []

  if (!has('code') && codeByContent) doubts.push(...readCode(where((shape) => shape.uniqueIntegers), where((shape) => shape.identifiers), shapes, read))
  if (!has('status')) {
    const statuses = where((shape) => shape.statuses)
    if (statuses.length === 1) read(statuses[0] as number, 'status', 'HTTP statuses')
    if (statuses.length > 1) doubts.push(eachCould(statuses, 'the HTTP status (HTTP statuses)', 'status'))
  }
  const code = cells.findIndex((cell) => cell.column === 'code')
  if (!has('name') && code >= 0 && doubts.length === 0 && (shapes.get(code) ?? shapeOf(texts(code).all())).mostlyIntegers) {
    const names = where((shape) => shape.identifiers)
    if (names.length === 1) read(names[0] as number, 'name', 'unique identifiers beside integer codes')
    if (names.length > 1) doubts.push(eachCould(names, 'the name (unique identifiers)', 'name'))
  }
  return {prose: where((shape) => shape.prose).map((index) => cells[index] as DraftCell), doubts}
}

/**
 * The code among columns of unique integers: the one that is not all HTTP statuses, or the only one; a doubt when two
 * could be, or when the only one holds statuses beside a column of identifiers (HTTP and string codes, or integer
 * codes and their names).
 */
function readCode(
  integers: ReadonlyArray<number>,
  identifiers: ReadonlyArray<number>,
  shapes: ReadonlyMap<number, ColumnShape>,
  read: (index: number, column: Column, why: string) => void
): Array<Doubt> {
  const plain = integers.filter((index) => !shapes.get(index)?.statuses)
  const [only] = plain.length > 0 ? plain : integers
  if (plain.length > 1 || (plain.length === 0 && integers.length > 1)) {
    const candidates = [...(plain.length > 1 ? plain : integers)].sort((a, b) => Number(shapes.get(a)?.rowNumbers) - Number(shapes.get(b)?.rowNumbers))
    return [eachCould(candidates, 'the code (unique integers)', 'code')]
  }
  if (only === undefined) return []
  const [named] = identifiers
  if (plain.length === 0 && named !== undefined) {
    return [{cells: [only, named], could: 'be read as HTTP statuses and string codes, or as integer codes and their names', settle: ['status', 'code']}]
  }
  read(only, 'code', 'unique integers')
  return []
}

/** Cells that could each be one column: the first as that column, the others not read, settles it. */
function eachCould(cells: ReadonlyArray<number>, column: string, field: Field): Doubt {
  return {cells, could: 'each be ' + column, settle: cells.map((_, position) => (position === 0 ? field : 'ignore'))}
}
