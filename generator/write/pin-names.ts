/** pin-names: a document's text, its error tables and the names to keep in, the text with those names in a Name column out (only the tables' lines edited, every other byte kept), or why a name cannot be written. */
import type {Position} from 'unist'
import {normalizeHeader} from '../catalog/names.js'
import {aliasesOf} from '../tables/header/columns.js'
import type {ReadOptions, TableInfo} from '../types.js'

/** A name to keep: the code's row, and its Name cell when its table has a Name column. */
export interface Pin {
  readonly code: number | string
  readonly name: string
  readonly row: Position
  /** The row's (empty) Name cell; undefined when the table has no Name column. */
  readonly cell: Position | undefined
}

/** A name that cannot be written, and where. */
export interface PinProblem {
  readonly pin: Pin
  readonly reason: string
}

/** The edited text, or the problems that keep it from being written. */
export type Pinned = {readonly text: string} | {readonly problems: ReadonlyArray<PinProblem>}

/** One line of a document: its content and its own line ending ('' for the last line). */
interface Line {
  content: string
  readonly ending: string
}

/**
 * Write each pin's name into its row: into its empty Name cell, or, for a table without a Name column, into a new
 * last column (header, delimiter row and every body row get a cell). Nothing outside those cells changes.
 *
 * @param tables the document's error tables
 */
export function pinNames(text: string, tables: ReadonlyArray<TableInfo>, pins: ReadonlyArray<Pin>, options: ReadOptions): Pinned {
  const lines = splitLines(text)
  const problems: Array<PinProblem> = []
  const header = nameHeader(options)
  for (const table of tables) {
    const inTable = pins.filter((pin) => within(pin.row, table.place))
    if (inTable.length === 0) continue
    if (table.columns.has('name')) {
      for (const pin of inTable) fillCell(lines, pin, problems)
    } else if (header === undefined) {
      for (const pin of inTable) problems.push({pin, reason: 'no header names the Name column with the configured `columns`; add a Name column by hand'})
    } else {
      addColumn(lines, table.place, inTable, header)
    }
  }
  for (const pin of pins) {
    if (!tables.some((table) => within(pin.row, table.place))) problems.push({pin, reason: 'its row is in no error table errgen read'})
  }
  return problems.length > 0 ? {problems} : {text: lines.map((line) => line.content + line.ending).join('')}
}

/** Split a text into lines, each with its own ending (`\r\n`, `\n` or `\r`), so that joining them gives the text back. */
function splitLines(text: string): Array<Line> {
  const lines: Array<Line> = []
  const pattern = /([^\r\n]*)(\r\n|\r|\n|$)/gy
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    lines.push({content: match[1] ?? '', ending: match[2] ?? ''})
    if (match[2] === '') break
  }
  return lines
}

/** The header text of a new Name column: `Name`, or `Identifier`, or a configured header, whichever names it. */
function nameHeader(options: ReadOptions): string | undefined {
  const aliases = aliasesOf(options)
  return ['Name', 'Identifier', ...Object.keys(options.columns)].find((text) => aliases.get(normalizeHeader(text)) === 'name')
}

function within(row: Position, table: Position | undefined): boolean {
  return table !== undefined && row.start.line >= table.start.line && row.end.line <= table.end.line
}

/** Write the name into the row's empty Name cell, keeping its pipes and, when there is room, its width. */
function fillCell(lines: Array<Line>, pin: Pin, problems: Array<PinProblem>): void {
  const place = pin.cell
  const line = place && lines[place.start.line - 1]
  if (!place || !line || place.end.line !== place.start.line) {
    problems.push({pin, reason: 'its Name cell could not be found'})
    return
  }
  const start = place.start.column - 1
  const end = place.end.column - 1
  const cell = /^(\|?)([ \t]*)(\|?)$/.exec(line.content.slice(start, end))
  if (!cell) {
    problems.push({pin, reason: 'its Name cell holds `' + line.content.slice(start, end).replace(/^\||\|$/g, '').trim() + '`, which errgen would lose; write the name there by hand'})
    return
  }
  const [, open = '', space = '', close = ''] = cell
  const filled = ' ' + pin.name + ' '
  line.content = line.content.slice(0, start) + open + filled.padEnd(space.length) + close + line.content.slice(end)
}

/**
 * Add a Name column after the last column of a table: the header's cell, a delimiter, and a cell in every body row,
 * with the pinned names. In an aligned table (its lines as long, with closing pipes, the edited rows aside) the new
 * cells are padded to one width.
 */
function addColumn(lines: Array<Line>, place: Position | undefined, pins: ReadonlyArray<Pin>, title: string): void {
  if (!place) return
  const first = place.start.line - 1
  const rows = lines.slice(first, place.end.line)
  const nameOf = new Map(pins.map((pin) => [pin.row.start.line - 1, pin.name]))
  const unpinned = rows.filter((_, index) => !nameOf.has(first + index)).map((line) => line.content.replace(/[ \t]+$/, ''))
  const aligned = unpinned.every((content) => content.length === unpinned[0]?.length && hasClosingPipe(content))
  const width = aligned ? Math.max(3, title.length, ...pins.map((pin) => pin.name.length)) : 0
  rows.forEach((line, index) => {
    const cell = index === 0 ? title : index === 1 ? '-'.repeat(Math.max(3, width)) : (nameOf.get(first + index) ?? '')
    line.content = appendCell(line.content, cell.padEnd(width, index === 1 ? '-' : ' '))
  })
}

/** A row with one more last cell: after its closing pipe (then closed again), or after a `|` when it has none. */
function appendCell(content: string, cell: string): string {
  const body = content.replace(/[ \t]+$/, '')
  const trailing = content.slice(body.length)
  if (hasClosingPipe(body)) return body + ' ' + cell + (cell === '' ? '|' : ' |') + trailing
  return body + ' | ' + (cell.trim() === '' ? cell + '|' : cell) + trailing
}

/** Whether a row's last character is a pipe that ends it (not an escaped `\|`, which is text). */
function hasClosingPipe(content: string): boolean {
  if (!content.endsWith('|')) return false
  const backslashes = /\\*$/.exec(content.slice(0, -1))?.[0].length ?? 0
  return backslashes % 2 === 0
}
