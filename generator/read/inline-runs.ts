/** inline-runs: a document's lines in, the runs of lines whose inline text micromark may parse as one (a paragraph's lines; a table row alone) out, each with its emphasis, link and code markers counted — an over-count, never an under-count, as they are found without parsing. */

/** The characters whose runs make inline parsing slow down quadratically: `*`, `_`, `~`, `[`, `]` and a backtick, by their code. */
const markerCodes = new Set([0x2a, 0x5f, 0x7e, 0x5b, 0x5d, 0x60])

/** Block quote markers, then up to three spaces: what may stand before a table row or a fence of a quoted block. */
const quotePattern = /^(?: {0,3}> ?)*(?: {0,3}(?=\S))?/

/** A delimiter row (after its quote markers): cells of dashes with optional colons, separated by pipes. */
const delimiterPattern = /^\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/

/** What, after its quote markers, starts another block and so ends a table: the line may start a paragraph. */
const blockStartPattern = /^(?:[\t ]|[>#<]|[-*+](?:[ \t]|$)|\d{1,9}[.)](?:[ \t]|$)|`{3,}(?!.*`)|~{3,}|(?:[-*_][ \t]*){3,}$|=+[ \t]*$)/

/** A fence's opening line (after its quote markers): three backticks or tildes; an info string after backticks has none. */
const fencePattern = /^(`{3,})(?!.*`)|^(~{3,})/

/**
 * A link reference definition on one line (after its quote markers), as micromark reads one: its label, destination
 * and title are not inline text. A line like one that micromark does not read as one is counted.
 */
const definitionPattern = /^ {0,3}\[(?!\^)((?:[^[\]\\]|\\.){1,999})\]:[ \t]*(?:<[^<>\n\\]*>|[^\s<()]+)(?:[ \t]+(?:"[^"\\]*"|'[^'\\]*'|\([^()\\]*\)))?[ \t]*$/

/** A run of lines parsed as one inline text, or a line of a table, with its markers. */
export interface InlineRun {
  /** A table's row (or header) alone, or the lines of text around it. */
  readonly kind: 'row' | 'text'
  /** 0-based, inclusive. */
  readonly first: number
  readonly last: number
  readonly markers: number
}

/** What the scan is in: text (a paragraph, or lines it cannot tell from one), a table, or a fenced code block. */
type State = {readonly kind: 'text'} | {readonly kind: 'table', readonly quote: string} | {readonly kind: 'fence', readonly quote: string, readonly fence: string}

/** The markers of one line. */
export function markersOf(line: string): number {
  // Counted character by character: a match of them all would make an array of every marker of every line.
  let markers = 0
  for (let index = 0; index < line.length; index++) if (markerCodes.has(line.charCodeAt(index))) markers++
  return markers
}

/**
 * The runs of lines whose markers one inline parse may see together: the lines of a paragraph (lines between blank
 * lines, but for those of a table and of a fenced code block), and each line of a table by itself. A line the scan
 * cannot place is counted with the lines around it, so that a run holds at least the markers micromark parses as one.
 */
export function inlineRuns(lines: ReadonlyArray<string>): Array<InlineRun> {
  const runs: Array<InlineRun> = []
  let state: State = {kind: 'text'}
  /** The run of text lines being counted; `definitions` while it holds only link reference definitions. */
  let open: {first: number, last: number, markers: number, definitions: boolean} | undefined
  const close = () => {
    if (open) runs.push({kind: 'text', first: open.first, last: open.last, markers: open.markers})
    open = undefined
  }
  lines.forEach((line, index) => {
    const quote = quoteOf(line)
    const rest = quote === '' ? line : line.slice(quote.length)
    if (state.kind === 'fence') {
      if (line.startsWith(state.quote) && !quotePattern.exec(line.slice(state.quote.length))?.[0].includes('>')) {
        if (closesFence(line.slice(state.quote.length), state.fence)) state = {kind: 'text'}
        return
      }
      state = {kind: 'text'}
    }
    if (state.kind === 'table') {
      if (rest.trim() !== '' && quote === state.quote && !blockStartPattern.test(rest)) {
        runs.push({kind: 'row', first: index, last: index, markers: markersOf(line)})
        return
      }
      state = {kind: 'text'}
    }
    if (rest.trim() === '') {
      close()
      return
    }
    const fence = fencePattern.exec(rest)
    if (fence) {
      close()
      state = {kind: 'fence', quote, fence: fence[1] ?? fence[2] ?? ''}
      return
    }
    const previous = lines[index - 1]
    if (open && previous !== undefined && startsTable(previous, line)) {
      // The header's markers stay counted with the text before it, and it is counted alone too: an over-count.
      close()
      runs.push({kind: 'row', first: index - 1, last: index - 1, markers: markersOf(previous)})
      state = {kind: 'table', quote}
      return
    }
    // Definitions start a paragraph's text, and cannot interrupt a paragraph (the line is then its text).
    const definition = (!open || open.definitions) && isDefinition(rest)
    open ??= {first: index, last: index, markers: 0, definitions: true}
    open.last = index
    open.definitions = definition
    if (!definition) open.markers += markersOf(line)
  })
  close()
  return runs
}

/** A line's quote markers and the spaces after them (`quotePattern`): none, without a match, when it starts with neither. */
function quoteOf(line: string): string {
  const first = line.charCodeAt(0)
  return first === 0x20 || first === 0x3e ? (quotePattern.exec(line)?.[0] ?? '') : ''
}

/** Whether a line (after its quote markers) is a one-line link reference definition: a label that is not blank. */
function isDefinition(rest: string): boolean {
  const label = definitionPattern.exec(rest)?.[1]
  return label !== undefined && label.trim() !== ''
}

/** Whether the line closes a fence opened with `fence`: as many of its characters or more, then only white space. */
function closesFence(rest: string, fence: string): boolean {
  const trimmed = rest.replace(/^ {0,3}/, '')
  const run = /^(`+|~+)[ \t]*$/.exec(trimmed)?.[1]
  return run !== undefined && run[0] === fence[0] && run.length >= fence.length
}

/** Whether a header line and a delimiter line (with a pipe: `---` alone underlines a heading) with the same quote markers and as many cells start a table. */
function startsTable(header: string, delimiter: string): boolean {
  const quote = quotePattern.exec(delimiter)?.[0] ?? ''
  if ((quotePattern.exec(header)?.[0] ?? '') !== quote) return false
  const rest = delimiter.slice(quote.length)
  return delimiterPattern.test(rest) && rest.includes('|') && cellCount(header.slice(quote.length)) === cellCount(rest)
}

/** The cells of a row: its unescaped pipes, less a leading and a trailing one. */
function cellCount(row: string): number {
  const trimmed = row.trim()
  const pipes = trimmed.match(/(?<!\\)\|/g)?.length ?? 0
  return pipes + 1 - (trimmed.startsWith('|') ? 1 : 0) - (trimmed.endsWith('|') && trimmed.length > 1 && !trimmed.endsWith('\\|') ? 1 : 0)
}
