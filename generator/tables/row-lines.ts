/** row-lines: a source line and an error table's shape in, whether the line reads as a row of that table once its container markers are removed (block quotes, list items, indentation, a heading's `#`, an HTML comment) out — plain text, independent of how GFM groups the blocks. */

/** What a row of one error table looks like: how many cells, which one holds the code, and what its codes look like. */
export interface RowShape {
  /** The header's number of cells. */
  readonly columns: number
  /** The index of the Code column. */
  readonly code: number
  /** The codes' look: integers, or the kinds of characters the table's string codes use (any code when undefined). */
  readonly codes: CodeLook | undefined
}

/** Integer codes, or string codes made of these kinds of characters (`A` upper case, `a` lower case, `9` digits, or the character). */
export type CodeLook = {readonly kind: 'integer'} | {readonly kind: 'string', readonly characters: ReadonlySet<string>}

/** The markers in front of a line's content: white space, `>`, list markers, a heading's `#`s and an opening HTML comment. */
const leadingMarkers = /^(?:[ \t]+|>|[-*+](?=[ \t])|\d{1,9}[.)](?=[ \t]|$)|#{1,6}(?=[ \t]|$)|<!--)*/

/** A closing HTML comment at the end of a line, and the white space around it. */
const trailingComment = /[ \t]*-->[ \t]*$/

/** A pipe that separates cells: not escaped with a backslash. */
const separator = /(?<!\\)\|/

/** The marks around a code in a cell: code spans, emphasis, white space. */
const codeMarks = /^[\s`*_~]+|[\s`*_~]+$/g

/** A line's content once the markers of the blocks that hold it are removed. */
export function lineContent(line: string): string {
  return line.replace(leadingMarkers, '').replace(trailingComment, '')
}

/** Whether a line holds nothing once its block-quote markers and white space are removed. */
export function isBlankLine(line: string): boolean {
  return /^[ \t>]*$/.test(line)
}

/**
 * Whether a line reads as a row of a table of this shape: its content has the table's pipe structure (one cell fewer
 * to two more than the header, outer pipes optional) and a code-like cell in the Code column.
 */
export function isRowLine(line: string, shape: RowShape): boolean {
  if (!line.includes('|')) return false
  const cells = cellsOf(lineContent(line))
  if (cells.length < Math.max(2, shape.columns - 1) || cells.length > shape.columns + 2) return false
  return isCodeLike(cells[shape.code] ?? '', shape.codes)
}

/** The cells of a row's content: split at unescaped pipes, outer pipes dropped. */
function cellsOf(content: string): Array<string> {
  return content.trim().replace(/^\|/, '').replace(/(?<!\\)\|$/, '').split(separator)
}

/** Whether a cell's text, its code spans and emphasis aside, looks like one of the table's codes. */
function isCodeLike(cell: string, look: CodeLook | undefined): boolean {
  const text = cell.replace(codeMarks, '')
  if (text === '' || text.length > 200 || /\s/.test(text)) return false
  if (look?.kind === 'integer' || (look === undefined && /^[+-]?\d+$/.test(text))) return /^[+-]?\d+$/.test(text)
  if (look === undefined) return /^[\p{L}\p{N}_.:/-]+$/u.test(text) && /[\p{L}\p{N}]/u.test(text)
  return [...characterKinds(text)].every((kind) => look.characters.has(kind))
}

/** The look of a table's codes as written: integers when every one is; else the kinds of characters they use; undefined when it has none. */
export function codeLook(codes: ReadonlyArray<string>, setting: 'auto' | 'integer' | 'string'): CodeLook | undefined {
  const written = codes.map((code) => code.replace(codeMarks, '')).filter((code) => code !== '')
  if (setting === 'integer' || (setting === 'auto' && written.length > 0 && written.every((code) => /^[+-]?\d+$/.test(code)))) return {kind: 'integer'}
  if (written.length === 0) return undefined
  const characters = new Set<string>()
  for (const code of written) for (const kind of characterKinds(code)) characters.add(kind)
  return {kind: 'string', characters}
}

/** The kinds of characters of a text: `A` for an upper-case letter, `a` for another letter, `9` for a digit, else the character. */
function characterKinds(text: string): Set<string> {
  const kinds = new Set<string>()
  for (const character of text) {
    if (/\p{Lu}/u.test(character)) kinds.add('A')
    else if (/\p{L}/u.test(character)) kinds.add('a')
    else if (/\p{N}/u.test(character)) kinds.add('9')
    else kinds.add(character)
  }
  return kinds
}
