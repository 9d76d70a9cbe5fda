/** limits: a decoded document in, an error for each line too long or nested too deep, and each paragraph or table row with too many markers, to parse in good time out (whether there was one) — markdown parsing slows down quadratically on such text, so errgen reports it rather than hang. */
import type {VFile} from 'vfile'
import {error} from '../diagnostics/messages.js'
import {type InlineRun, inlineRuns} from './inline-runs.js'

/** The documents' length in characters: what a run's size thresholds (parsed here, workers started early, outputs emitted in parallel) are measured in. */
export function charactersIn(documents: ReadonlyArray<VFile>): number {
  return documents.reduce((sum, file) => sum + String(file.value).length, 0)
}

/** The longest line errgen parses. */
const longestLine = 100_000

/**
 * The most emphasis, link and code markers one inline text may have (a paragraph, or a table row): the cost of its
 * parse grows with their square, so 1 MB of text at this limit parses in a few seconds (measured with `*a_`, the
 * costliest: 1 MB in paragraphs of 1,000 markers takes about 8 times as long as 1 MB of plain text, of 5,000 markers
 * 28 times). A table of 39 rows that a stray line turned into one paragraph stays within it, and is reported as such.
 */
export const mostMarkers = 1000

/**
 * The most markers a document may have outside its tables' rows: each costs the parse about as much as a hundred
 * characters of plain text, so that 1 MB of text within both limits parses in a few seconds (a table's rows, the
 * document's purpose, are parsed in slices on every core).
 */
export const mostTextMarkers = 100_000

/** The deepest container prefix errgen parses (indentation, `>` and list markers, in columns). */
const deepestNesting = 256

/** The container prefix of a line: white space, block-quote markers and list markers. */
const prefixPattern = /^(?:[ \t]|>|[-*+](?=[ \t])|\d{1,9}[.)](?=[ \t]))*/

/** Report every line, paragraph and table row over the limits; whether there was one (the document is then not parsed). */
export function reportOversizedLines(file: VFile): boolean {
  const lines = String(file.value).split(/\r\n?|\n/)
  const tooLong = new Set<number>()
  let found = false
  lines.forEach((text, index) => {
    const line = index + 1
    if (text.length > longestLine) {
      const reason = 'Unexpected line of ' + text.length + ' characters, expected at most ' + longestLine + ': ' + slowLines
      error(file, reason, {start: {line, column: 1}, end: {line, column: text.length + 1}}, 'oversized-line')
      tooLong.add(index)
      found = true
      return
    }
    const depth = prefixPattern.exec(text)?.[0].length ?? 0
    if (depth > deepestNesting) {
      const reason = 'Unexpected line nested ' + depth + ' columns deep (indentation, `>` and list markers), expected at most ' + deepestNesting + ': markdown parsing slows down quadratically on such nesting, so this document is not read'
      error(file, reason, {start: {line, column: 1}, end: {line, column: depth + 1}}, 'oversized-line')
      found = true
    }
  })
  let textMarkers = 0
  for (const run of inlineRuns(lines)) {
    if (run.kind === 'text' && textMarkers <= mostTextMarkers && textMarkers + run.markers > mostTextMarkers) {
      const reason = 'Unexpected paragraph past ' + mostTextMarkers + ' emphasis, link and code markers outside the tables\' rows, expected at most ' + mostTextMarkers + ' in a document: ' + slowText
      error(file, reason, {start: {line: run.first + 1, column: 1}, end: {line: run.last + 1, column: (lines[run.last] ?? '').length + 1}}, 'oversized-line')
      found = true
    }
    if (run.kind === 'text') textMarkers += run.markers
    if (run.markers <= mostMarkers || (run.first === run.last && tooLong.has(run.first))) continue
    reportMarkers(file, run, lines)
    found = true
  }
  return found
}

const slowLines = 'markdown parsing slows down quadratically on such lines, so this document is not read; break the line up'

const slowText = 'markdown parsing of so many slows the run down, so this document is not read; split it into documents'

/** The error for a line, or a paragraph of several lines, with too many markers. */
function reportMarkers(file: VFile, run: InlineRun, lines: ReadonlyArray<string>): void {
  const place = {start: {line: run.first + 1, column: 1}, end: {line: run.last + 1, column: (lines[run.last] ?? '').length + 1}}
  const counted = ' with ' + run.markers + ' emphasis, link and code markers, expected at most ' + mostMarkers + ': '
  const reason = run.first === run.last
    ? 'Unexpected line' + counted + slowLines
    : 'Unexpected paragraph of ' + (run.last - run.first + 1) + ' lines' + counted +
      'markdown parsing slows down quadratically on such text, so this document is not read; break it up with blank lines'
  error(file, reason, place, 'oversized-line')
}
