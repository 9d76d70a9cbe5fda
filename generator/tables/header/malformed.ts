/** malformed: the blocks of a document in, an error for each line that looks like an error-table header but that GFM does not read as a table (its rows would be lost) out. */
import type {Heading, Paragraph, Table} from 'mdast'
import type {VFile} from 'vfile'
import {isErrorTable, mapHeader} from './columns.js'
import {error} from '../../diagnostics/messages.js'
import type {Field} from '../../types.js'

/** A GFM delimiter row: cells of dashes with optional alignment colons, between optional outer pipes. */
const delimiterRowPattern = /^[ \t]*\|?[ \t]*:?-+:?[ \t]*(\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/

/** A source line of a block, and the column its text starts at. */
interface SourceLine {
  text: string
  column: number
}

/**
 * Report paragraphs and setext headings with a line like an error-table header that is not one (GFM reads a header
 * without a matching delimiter row as text, or as a heading when the row is `---`, and the rows below it would be
 * lost); whether there was one.
 *
 * @param aliases the header texts and the columns they name
 */
export function reportBrokenTables(
  blocks: ReadonlyArray<Heading | Table | Paragraph>,
  file: VFile,
  aliases: ReadonlyMap<string, Field>
): boolean {
  let found = false
  for (const block of blocks) {
    if (block.type === 'table' || (block.type === 'heading' && isAtxHeading(block, file))) continue
    const lines = sourceLines(block, file)
    const index = lines.findIndex(({text}) => looksLikeErrorHeader(text, aliases))
    const header = lines[index]
    const start = block.position?.start
    if (!header || !start) continue
    const headerStart = index === 0 ? start : {line: start.line + index, column: header.column}
    const place = {start: headerStart, end: block.position?.end || headerStart}
    error(file, brokenTableReason(header.text, lines[index + 1]?.text || ''), place, 'malformed-table')
    found = true
  }
  return found
}

/** Whether a heading is written with `#` (a setext heading is text underlined with `---` or `===`). */
function isAtxHeading(heading: Heading, file: VFile): boolean {
  return String(file.value).charAt(heading.position?.start.offset ?? 0) === '#'
}

/** Whether a line is like an error table's header: cells that name the columns of one. */
export function looksLikeErrorHeader(line: string, aliases: ReadonlyMap<string, Field>): boolean {
  if (!line.includes('|')) return false
  return isErrorTable(mapHeader(splitRow(line), aliases))
}

/**
 * @param header the header-like line
 * @param delimiter the line below it
 */
function brokenTableReason(header: string, delimiter: string): string {
  const columns = splitRow(header).length
  if (delimiterRowPattern.test(delimiter)) {
    const cells = splitRow(delimiter).length
    return 'Unexpected delimiter row with ' + cells + ' cell' + (cells === 1 ? '' : 's') + ' below a header of ' + columns +
      ', expected one per column: GFM reads this as text, not as a table'
  }
  const example = Array.from({length: columns}, () => '---').join(' | ')
  return 'Unexpected error-table header without a delimiter row below it, expected a line such as `' + example +
    '`: GFM reads this as text, not as a table'
}

/**
 * The source lines of a block, without the indentation and block-quote markers in front of them, each with the
 * column it starts at.
 */
function sourceLines(block: Paragraph | Heading, file: VFile): Array<SourceLine> {
  const {start, end} = block.position || {}
  const source = String(file.value).slice(start?.offset, end?.offset)
  return source.split(/\r\n?|\n/).map((line) => {
    const text = line.replace(/^[ \t]*(>[ \t]*)*/, '')
    return {text, column: line.length - text.length + 1}
  })
}

/** The cells of a table-like line: split at pipes, outer pipes dropped. */
function splitRow(line: string): Array<string> {
  return line.trim().replace(/^\|/, '').replace(/\|$/, '').split('|')
}
