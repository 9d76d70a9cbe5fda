/** mutations: a seed in, reproducible edits of a markdown document out (block-quote, list and heading markers on a row or a header, blank lines, fences, HTML comments and blocks, indentation, deleted, duplicated and swapped lines, stray pipes, backticks and characters, CRLF mixes) — and an independent, line-based count of a document's rows to hold errgen's catalog against. */

/** A reproducible stream of numbers in [0, 1): mulberry32. */
export function random(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let mixed = Math.imul(state ^ (state >>> 15), 1 | state)
    mixed = (mixed + Math.imul(mixed ^ (mixed >>> 7), 61 | mixed)) ^ mixed
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296
  }
}

/** One edit's kind. */
export type EditKind =
  | 'quote' | 'list' | 'heading' | 'indent' | 'blank' | 'fence' | 'comment-row' | 'comment-open' | 'html-block'
  | 'delete-line' | 'duplicate-line' | 'swap-lines' | 'pipe' | 'backtick' | 'character' | 'crlf'

const kinds: ReadonlyArray<EditKind> = [
  'quote', 'list', 'heading', 'indent', 'blank', 'fence', 'comment-row', 'comment-open', 'html-block',
  'delete-line', 'duplicate-line', 'swap-lines', 'pipe', 'backtick', 'character', 'crlf'
]

/** A document after some edits, and the edits (`quote@20`), to name a case. */
export interface Mutated {
  readonly text: string
  readonly edits: ReadonlyArray<string>
}

/** Apply one to `most` random edits to a document. */
export function mutate(text: string, next: () => number, most: number = 3): Mutated {
  const edits: Array<string> = []
  let lines = text.split('\n')
  const count = 1 + Math.floor(next() * most)
  for (let index = 0; index < count; index++) {
    const kind = pick(kinds, next)
    const {lines: edited, at} = applyEdit(kind, lines, next)
    lines = edited
    edits.push(kind + '@' + (at + 1))
  }
  return {text: lines.join('\n'), edits}
}

function pick<T>(items: ReadonlyArray<T>, next: () => number): T {
  return items[Math.floor(next() * items.length)] as T
}

/** A line with a pipe (a row, a header, a delimiter row) most of the time, any line otherwise. */
function targetLine(lines: ReadonlyArray<string>, next: () => number): number {
  const piped = lines.flatMap((line, index) => (line.includes('|') ? [index] : []))
  if (piped.length > 0 && next() < 0.85) return pick(piped, next)
  return Math.floor(next() * lines.length)
}

/** A new line put before line `at`. */
function insertLine(lines: ReadonlyArray<string>, at: number, line: string): Array<string> {
  return [...lines.slice(0, at), line, ...lines.slice(at)]
}

function edit(lines: ReadonlyArray<string>, at: number, change: (line: string) => string): Array<string> {
  return lines.map((line, index) => (index === at ? change(line) : line))
}

/** Insert text at a random offset of a line. */
function insertInLine(line: string, text: string, next: () => number): string {
  const offset = Math.floor(next() * (line.length + 1))
  return line.slice(0, offset) + text + line.slice(offset)
}

function applyEdit(kind: EditKind, lines: ReadonlyArray<string>, next: () => number): {lines: Array<string>, at: number} {
  const at = targetLine(lines, next)
  switch (kind) {
    case 'quote':
      return {lines: edit(lines, at, (line) => pick(['> ', '>', '>>', '> > '], next) + line), at}
    case 'list':
      return {lines: edit(lines, at, (line) => pick(['- ', '* ', '+ ', '1. ', '2) '], next) + line), at}
    case 'heading':
      return {lines: edit(lines, at, (line) => pick(['# ', '## ', '###### '], next) + line), at}
    case 'indent':
      return {lines: edit(lines, at, (line) => ' '.repeat(1 + Math.floor(next() * 6)) + line), at}
    case 'blank':
      return {lines: insertLine(lines, at, pick(['', ' ', '>'], next)), at}
    case 'fence':
      return {lines: insertLine(lines, at, pick(['```', '~~~', '````markdown'], next)), at}
    case 'comment-row':
      return {lines: edit(lines, at, (line) => '<!-- ' + line + ' -->'), at}
    case 'comment-open':
      return {lines: edit(lines, at, (line) => '<!-- ' + line), at}
    case 'html-block':
      return {lines: insertLine(lines, at, pick(['<div>', '<div>note</div>', '<pre>', '<details>', '<br>'], next)), at}
    case 'delete-line':
      return {lines: lines.filter((_, index) => index !== at), at}
    case 'duplicate-line':
      return {lines: insertLine(lines, at, lines[at] ?? ''), at}
    case 'swap-lines': {
      const other = Math.floor(next() * lines.length)
      const swapped = [...lines]
      swapped[at] = lines[other] ?? ''
      swapped[other] = lines[at] ?? ''
      return {lines: swapped, at}
    }
    case 'pipe':
      return {lines: edit(lines, at, (line) => insertInLine(line, '|', next)), at}
    case 'backtick':
      return {lines: edit(lines, at, (line) => insertInLine(line, pick(['`', '```', '\\'], next), next)), at}
    case 'character':
      return {lines: edit(lines, at, (line) => insertInLine(line, pick(['*', '_', '~', '<', '>', '#', '-', ' ', 'x', '\t', ':'], next), next)), at}
    case 'crlf':
      return {lines: edit(lines, at, (line) => (line.endsWith('\r') ? line.slice(0, -1) : line + '\r')), at}
  }
}

/**
 * How many rows a document has, counted line by line without a markdown parser: the lines whose cell in the Code
 * column is an integer, once the markers in front of them (`>`, list markers, `#`, indentation, `<!--`) are removed —
 * except the lines of a sample: a closed fence, a closed HTML comment or `<pre>`, or an indented block, whose nearest
 * line above that is not blank has no pipe (what errgen's README calls a sample).
 *
 * @param codeColumn the index of the Code column
 */
export function countRows(text: string, codeColumn: number): number {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/)
  const samples = sampleLines(lines)
  return lines.filter((line, index) => !samples.has(index) && isRow(line, codeColumn)).length
}

function isRow(line: string, codeColumn: number): boolean {
  const content = line.replace(/^(?:[ \t]|>|[-*+](?=[ \t])|\d+[.)](?=[ \t])|#+(?=[ \t])|<!--)*/, '').replace(/[ \t]*-->[ \t]*$/, '').trim()
  const cells = content.replace(/^\|/, '').split(/(?<!\\)\|/)
  const code = (cells[codeColumn] ?? '').replace(/\\(?=[!-/:-@[-`{-~])/g, '').replace(/[`*_~\s]/g, '')
  return cells.length >= 2 && /^-?\d+$/.test(code)
}

/** The lines (0-based) inside samples. */
function sampleLines(lines: ReadonlyArray<string>): Set<number> {
  const samples = new Set<number>()
  const unquoted = lines.map((line) => line.replace(/^(?:[ \t]{0,3}>)*/, ''))
  for (let index = 0; index < lines.length; index++) {
    const end = blockEnd(unquoted, index)
    if (end === undefined) continue
    // A block never closed runs to the end: its lines are no sample, and nothing after it starts another block.
    if (end < 0) break
    if (!pipeAbove(lines, index, samples)) for (let inside = index; inside <= end; inside++) samples.add(inside)
    index = end
  }
  return samples
}

/**
 * The last line of a fence, an HTML comment, a `<pre>` or an indented block that starts at `index`; -1 when it is never
 * closed (it runs to the end); undefined when no such block starts there.
 */
function blockEnd(lines: ReadonlyArray<string>, index: number): number | undefined {
  const line = lines[index] as string
  const fence = /^ {0,3}(`{3,}|~{3,})/.exec(line)?.[1]
  if (fence) return closing(lines, index + 1, (candidate) => new RegExp('^ {0,3}\\' + fence[0] + '{' + fence.length + ',}[ \\t]*$').test(candidate))
  if (/^ {0,3}<!--/.test(line)) return line.includes('-->') ? index : closing(lines, index + 1, (candidate) => candidate.includes('-->'))
  if (/^ {0,3}<pre[\s>]/i.test(line)) return /<\/pre>/i.test(line) ? index : closing(lines, index + 1, (candidate) => /<\/pre>/i.test(candidate))
  if (/^( {4}|\t)/.test(line) && index > 0 && (lines[index - 1] as string).trim() === '') {
    let end = index
    while (end + 1 < lines.length && /^( {4}|\t)/.test(lines[end + 1] as string)) end++
    return end
  }
  return undefined
}

function closing(lines: ReadonlyArray<string>, from: number, closes: (line: string) => boolean): number {
  for (let index = from; index < lines.length; index++) if (closes(lines[index] as string)) return index
  return -1
}

/** Whether the nearest line above `index` that is not blank has a pipe and is in no sample (a row: the block is not set apart from the table). */
function pipeAbove(lines: ReadonlyArray<string>, index: number, samples: ReadonlySet<number>): boolean {
  for (let above = index - 1; above >= 0; above--) {
    const line = lines[above] as string
    if (/^[ \t>]*$/.test(line)) continue
    return line.includes('|') && !samples.has(above)
  }
  return false
}
