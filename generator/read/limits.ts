/** limits: a decoded document in, an error for each line too long or nested too deep to parse in good time out (whether there was one) — markdown parsing slows down quadratically on such lines, so errgen reports them rather than hang. */
import type {VFile} from 'vfile'
import {error} from '../diagnostics/messages.js'

/** The longest line errgen parses. */
const longestLine = 100_000

/** The most emphasis, link and code markers a line may have: this many still parse in well under a second. */
const mostMarkers = 5_000

/** The characters whose runs make inline parsing slow down quadratically. */
const markerPattern = /[*_~[\]`]/g

/** The deepest container prefix errgen parses (indentation, `>` and list markers, in columns). */
const deepestNesting = 256

/** The container prefix of a line: white space, block-quote markers and list markers. */
const prefixPattern = /^(?:[ \t]|>|[-*+](?=[ \t])|\d{1,9}[.)](?=[ \t]))*/

/** Report every line over the limits; whether there was one (the document is then not parsed). */
export function reportOversizedLines(file: VFile): boolean {
  let found = false
  let line = 0
  for (const text of String(file.value).split(/\r\n?|\n/)) {
    line++
    const markers = text.length > mostMarkers ? (text.match(markerPattern)?.length ?? 0) : 0
    if (text.length > longestLine || markers > mostMarkers) {
      const what = text.length > longestLine ? 'line of ' + text.length + ' characters, expected at most ' + longestLine : 'line with ' + markers + ' emphasis, link and code markers, expected at most ' + mostMarkers
      const reason = 'Unexpected ' + what + ': markdown parsing slows down quadratically on such lines, so this document is not read; break the line up'
      error(file, reason, {start: {line, column: 1}, end: {line, column: text.length + 1}}, 'oversized-line')
      found = true
      continue
    }
    const depth = prefixPattern.exec(text)?.[0].length ?? 0
    if (depth > deepestNesting) {
      const reason = 'Unexpected line nested ' + depth + ' columns deep (indentation, `>` and list markers), expected at most ' + deepestNesting + ': markdown parsing slows down quadratically on such nesting, so this document is not read'
      error(file, reason, {start: {line, column: 1}, end: {line, column: depth + 1}}, 'oversized-line')
      found = true
    }
  }
  return found
}
