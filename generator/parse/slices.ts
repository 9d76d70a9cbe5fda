/** slices: a markdown document in, the plan to parse its tables (and its long runs of link reference definitions) in independent slices out (`join` puts their trees together again). */
import type {Point} from 'unist'
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
  /** How many body rows of cut tables the slice holds (at least): what a progress report counts. */
  rows: number
  /** A slice cut in a table: the table cut before it, which it starts with (after a copy of its header and delimiter rows), and the body rows it must give from line 3: exactly so many when the slice ends in the same table, else at least one. Undefined for the first, and for a slice cut in a run of definitions. */
  continued: {rows: number, exact: boolean} | undefined
  /** A slice followed by a cut in a table: that table, its last node: its header line in the slice and its body rows, one a line. */
  open: {headerLine: number, rows: number} | undefined
  /** How many of the document's link reference definitions are copied after the slice's own text: those its text may use (so that `[x]` reads as in the whole); none when they are given as `defined`. */
  definitions: number
  /** Planned with `labels`: the labels of those definitions, normalized as micromark matches them, for its parse to take as defined (`parse`); else none. */
  defined: Array<string>
  /** Where the slice's own text ends, before the copied definitions: the end of the document's tree, for the last slice. */
  end: Point
  /**
   * The part of its text that can hold the costly GFM constructs (and GFM tables), which `parse` scans: its own text
   * but for its lines of definitions (a definition's label, destination and title hold none, and the join checks that
   * each such line is a definition, and each copy too); the slice's text itself when it has none.
   */
  scanned: string
}

/** How a document is cut into slices. */
export interface Plan {
  /** The first holds the document up to its first cut, the last the rest; those cut in a table start with a copy of its header and delimiter rows, those cut in a run of definitions with the line at the cut. */
  slices: Array<Slice>
  /** The lines (0-based) of the document's link reference definitions, copied into the slices that use their labels (or given to their parse as defined). */
  definitions: Array<number>
  /** The label of each of those definitions, normalized as micromark matches them (`[ Foo  Bar]: …` → `FOO BAR`): the join checks each line's definition has it. */
  labels: Array<string>
}

/**
 * How a slice's parse learns the definitions its text uses that stand in other slices: `copies` of their lines after
 * the slice's own text, for any parser (the remark plugin's: a processor's own); or their `labels`, for `parse` to take
 * as defined (micromark's list of defined labels, which alone decides whether `[x]` is a reference): no definition is
 * parsed twice, and the slice's text is its own.
 */
export type DefinitionsAs = 'copies' | 'labels'

/** A run of table-like lines. */
interface TableRun {
  /** Index of the header line. */
  header: number
  /** Index of the first body line. */
  first: number
  /** Index past the last body line. */
  end: number
}

/** A place where the document is cut: a line of a table's body, and the table; or a line of a run of definitions, and no table. */
interface Cut {
  line: number
  run: TableRun | undefined
}

/** A line that may be a body row: it starts with something other than white space and holds a pipe. */
const rowLike = /^[^ \t\r\n][^\r\n]*\|/

/** A line that may be a delimiter row: cells of dashes with optional colons, separated by pipes. */
const delimiterLike = /^ {0,3}\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/

/**
 * Plan the slices of every table of `text` long enough to cut, each slice with about `rowsPerSlice` body rows (so a
 * document of many tables costs each parse no more than one of a single table); undefined when the document is not
 * worth slicing or not a shape that slices provably parse as the whole. A link reference definition
 * (`[x]: https://…`) can turn `[x]` anywhere into a link, so each slice gets the definitions whose labels it holds in
 * brackets and whose lines it does not hold (only those: every definition in every slice would cost the definitions
 * times the slices), as `definitionsAs` says: copied after its own text, or as labels for its parse; a long run of
 * one-line definitions is cut too, so that no slice holds thousands of them. A document with `]:` elsewhere than in a one-line definition (a
 * footnote definition, a definition over two lines, `]:` in a row) is parsed whole.
 */
export function planSlices(text: string, rowsPerSlice: number, definitionsAs: DefinitionsAs = 'copies'): Plan | undefined {
  const starts = lineStarts(text)
  const definitions = definitionLines(text, starts)
  if (!definitions) return undefined
  const runs = tableRuns(text, starts).filter((run) => Math.floor((run.end - run.first) / rowsPerSlice) >= 2)
  if (runs.length === 0 || definitions.some((line) => runs.some((run) => line >= run.header && line < run.end))) return undefined
  const tableCuts = runs.flatMap((run) => Array.from({length: Math.floor((run.end - run.first) / rowsPerSlice) - 1}, (_, index): Cut => ({line: run.first + (index + 1) * rowsPerSlice, run})))
  const cuts = [...tableCuts, ...definitionCuts(text, starts, definitions, definitionsPerSlice * rowsPerSlice)].sort((one, other) => one.line - other.line)

  const lines = definitions.map((line): DefinitionLine => {
    const content = lineText(text, starts, line)
    return {line, text: content, label: definitionLabel(content)}
  })
  const byLabel = byLabelOf(lines)
  const slices = [undefined, ...cuts].map((cut, index): Slice => {
    const next = cuts[index]
    const {own, ...rest} = sliceBetween(text, starts, cut, next)
    const [from, to] = [cut?.line ?? 0, next?.line ?? starts.length]
    const used = usedDefinitions(own, byLabel, from, to)
    const scanned = withoutDefinitions(text, starts, own, cut, definitions, from, to)
    if (definitionsAs === 'labels') return {...rest, text: own, definitions: 0, defined: [...new Set(used.map((definition) => definition.label))], end: endOf(own), scanned}
    const copies = used.length === 0 ? '' : '\n\n' + used.map((definition) => definition.text).join('\n') + '\n'
    return {...rest, text: own + copies, definitions: used.length, defined: [], end: endOf(own), scanned}
  })
  return {definitions, labels: lines.map((line) => line.label), slices}
}

/**
 * Definition lines per slice, for each body row a slice of a table has: a one-line definition costs the parse a
 * fraction of a row, so a run of thousands of them (below a table whose rows link to them) is parsed in slices of
 * this many times the rows, in parallel, rather than in one slice at the end that one worker parses alone.
 */
const definitionsPerSlice = 2

/**
 * Cuts in runs of one-line definitions, every `perSlice` lines of a run: before a line of a run that follows a line of
 * the run. Both start with `[` (no indent: neither is a list item's or a block quote's continuation), so when the
 * line before the cut is a definition at the top level (which the join checks), nothing is open there and the line
 * at the cut starts a block of its own, as it does at the start of its slice.
 */
function definitionCuts(text: string, starts: ReadonlyArray<number>, definitions: ReadonlyArray<number>, perSlice: number): Array<Cut> {
  const cuts: Array<Cut> = []
  let runStart = -1
  let previous = -2
  for (const line of definitions) {
    const unindented = text.charCodeAt(at(starts, line)) === 0x5b
    if (!unindented) {
      previous = -2
      continue
    }
    if (line !== previous + 1) runStart = line
    else if ((line - runStart) % perSlice === 0) cuts.push({line, run: undefined})
    previous = line
  }
  return cuts
}

/**
 * The slice from a cut (the document's start when none) to the next cut (its end when none): its own text, after a
 * copy of the cut table's header and delimiter rows, and what its tree must hold there.
 */
function sliceBetween(text: string, starts: ReadonlyArray<number>, cut: Cut | undefined, next: Cut | undefined): Omit<Slice, 'text' | 'definitions' | 'defined' | 'end' | 'scanned'> & {own: string} {
  const from = cut ? at(starts, cut.line) : 0
  const body = next === undefined ? text.slice(from) : text.slice(from, at(starts, next.line))
  const head = cut?.run ? text.slice(at(starts, cut.run.header), at(starts, cut.run.first)) : ''
  const lineShift = !cut ? 0 : cut.run ? cut.line - 2 : cut.line
  const kind = !cut ? 'first' : next ? 'middle' : 'last'
  if (cut?.run && next?.run === cut.run) {
    // Within one table: the rows between the cuts, from line 3 to the end.
    const rows = next.line - cut.line
    return {kind, own: head + body, lineShift, offsetShift: from - head.length, rows, continued: {rows, exact: true}, open: {headerLine: 1, rows}}
  }
  const continued = cut?.run && {rows: cut.run.end - cut.line, exact: false}
  const open = next?.run && {headerLine: next.run.header + 1 - lineShift, rows: next.line - next.run.first}
  return {kind, own: head + body, lineShift, offsetShift: from - head.length, rows: (continued?.rows ?? 0) + (open?.rows ?? 0), continued, open}
}

/**
 * A slice's own text but for the document's definition lines (`definitions`, in document order) among its lines
 * (`from` to `to`, 0-based, the end excluded); the text itself when it holds none.
 */
function withoutDefinitions(text: string, starts: ReadonlyArray<number>, own: string, cut: Cut | undefined, definitions: ReadonlyArray<number>, from: number, to: number): string {
  let index = firstAtOrAfter(definitions, from)
  if ((definitions[index] ?? to) >= to) return own
  // The copy of a cut table's header and delimiter rows, then the text between the definition lines.
  let kept = cut?.run ? text.slice(at(starts, cut.run.header), at(starts, cut.run.first)) : ''
  let start = at(starts, from)
  for (; index < definitions.length && (definitions[index] ?? to) < to; index++) {
    const line = definitions[index] ?? to
    kept += text.slice(start, at(starts, line))
    start = line + 1 < starts.length ? at(starts, line + 1) : text.length
  }
  return kept + text.slice(start, to < starts.length ? at(starts, to) : text.length)
}

/** The index of the first number at least `value` in an ascending list (its length when none). */
function firstAtOrAfter(sorted: ReadonlyArray<number>, value: number): number {
  let [low, high] = [0, sorted.length]
  while (low < high) {
    const middle = (low + high) >> 1
    if ((sorted[middle] ?? value) < value) low = middle + 1
    else high = middle
  }
  return low
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

/** A one-line definition of the document: its line (0-based), text and label (normalized as micromark matches labels). */
interface DefinitionLine {
  line: number
  text: string
  label: string
}

/** The document's definition lines by label, in document order. */
function byLabelOf(lines: ReadonlyArray<DefinitionLine>): Map<string, Array<DefinitionLine>> {
  const byLabel = new Map<string, Array<DefinitionLine>>()
  for (const line of lines) {
    const same = byLabel.get(line.label)
    if (same) same.push(line)
    else byLabel.set(line.label, [line])
  }
  return byLabel
}

/**
 * The definition lines, in document order, whose labels the text holds in brackets, but for those in the slice's own
 * lines (`from` to `to`, 0-based, the end excluded): the text has them already.
 */
function usedDefinitions(text: string, byLabel: ReadonlyMap<string, ReadonlyArray<DefinitionLine>>, from: number, to: number): Array<DefinitionLine> {
  if (byLabel.size === 0) return []
  const used = new Set<DefinitionLine>()
  for (const match of text.matchAll(bracketed)) {
    for (const definition of byLabel.get(normalizeIdentifier(match[1] ?? '')) ?? []) if (definition.line < from || definition.line >= to) used.add(definition)
  }
  return [...used].sort((one, other) => one.line - other.line)
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
  // Found character by character, not by a match of each line ending (an object each).
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index)
    if (code === 0x0d && text.charCodeAt(index + 1) === 0x0a) index++
    if (code === 0x0a || code === 0x0d) starts.push(index + 1)
  }
  return starts
}

function at(starts: ReadonlyArray<number>, line: number): number {
  return starts[line] ?? 0
}

/** The header, first body line and end of every table-like run of lines, in document order. */
function tableRuns(text: string, starts: ReadonlyArray<number>): Array<TableRun> {
  const line = (index: number) => text.slice(at(starts, index), index + 1 < starts.length ? at(starts, index + 1) : text.length)
  const runs: Array<TableRun> = []
  let index = 1
  while (index < starts.length) {
    if (!delimiterLike.test(line(index).replace(/\r?\n?$/, '')) || !rowLike.test(line(index - 1))) {
      index++
      continue
    }
    let end = index + 1
    while (end < starts.length && rowLike.test(line(end))) end++
    runs.push({header: index - 1, first: index + 1, end})
    index = end
  }
  return runs
}
