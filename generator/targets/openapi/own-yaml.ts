/** targets/openapi/own-yaml: the text of a YAML document in, its data out when it is written as errgen's direct writer writes (block maps and sequences indented by two, one scalar a line: plain, single-quoted without quotes inside, double-quoted with JSON's escapes `\"` and `\\`), undefined for any other text — read line by line in linear time, where `yaml` builds a syntax tree of a 28 MB document first. */
import {readsAsPlainString} from './block-yaml.js'

/** A YAML map's data, in the order of its keys. */
type Mapping = {[key: string]: unknown}

/** Thrown inside the reader at the first line it does not read as the writer writes. */
class NotOwnYaml extends Error {}

/**
 * The data of a YAML document that errgen's writer (`blockYaml`) could have written, exactly as `yaml`'s `parse`
 * gives it; undefined for any other text (a comment after the first lines, a blank line, a block scalar, an escape,
 * an anchor, a tag, a flow collection but `[]` and `{}`, a key twice, another indentation…), which the caller
 * parses with `yaml`. Every line is read once.
 */
export function readOwnYaml(text: string): Mapping | undefined {
  // A tab, a carriage return or a byte order mark: not the writer's (each means something else to `yaml` somewhere).
  if (/[\t\r\ufeff]/.test(text)) return undefined
  const lines = text.split('\n')
  // The document's line break at its end, and nothing after it.
  if (lines.pop() !== '') return undefined
  let start = 0
  while (start < lines.length && (lines[start] as string).startsWith('#')) start++
  try {
    const reader = new LineReader(lines, start)
    const data = reader.map(0, undefined)
    return reader.done() ? data : undefined
  } catch (cause) {
    if (cause instanceof NotOwnYaml) return undefined
    throw cause
  }
}

/** The lines of a document, read in order from a cursor. */
class LineReader {
  readonly #lines: ReadonlyArray<string>
  #next: number

  constructor(lines: ReadonlyArray<string>, start: number) {
    this.#lines = lines
    this.#next = start
  }

  /** Whether every line was read. */
  done(): boolean {
    return this.#next === this.#lines.length
  }

  /**
   * A block map whose keys stand at column `indent`, with at least one pair.
   *
   * @param first the first pair's text when it starts on a line already read (after `- ` in a sequence)
   */
  map(indent: number, first: string | undefined): Mapping {
    const map: Mapping = {}
    let content = first ?? this.#take(indent, false)
    if (content === undefined) throw new NotOwnYaml()
    while (content !== undefined) {
      const [key, rest] = pairOf(content)
      if (Object.hasOwn(map, key) || key === '__proto__') throw new NotOwnYaml()
      map[key] = rest === '' ? this.#nested(indent + 2) : rest.startsWith(' ') ? scalarOf(rest.slice(1)) : fail()
      content = this.#take(indent, false)
    }
    return map
  }

  /**
   * A block sequence whose dashes stand at column `indent`, with at least one item.
   *
   * @param first the first item's text when it starts on a line already read (after `- `)
   */
  sequence(indent: number, first: string | undefined): Array<unknown> {
    const sequence: Array<unknown> = []
    let content = first ?? this.#take(indent, true)
    if (content === undefined) throw new NotOwnYaml()
    while (content !== undefined) {
      sequence.push(this.#item(indent + 2, content))
      content = this.#take(indent, true)
    }
    return sequence
  }

  /** A sequence item's value, its text starting at column `indent`: a sequence, a map whose first pair is on the dash's line, or a scalar. */
  #item(indent: number, content: string): unknown {
    if (content.startsWith('- ')) return this.sequence(indent, content.slice(2))
    if (startsPair(content)) return this.map(indent, content)
    return scalarOf(content)
  }

  /** A map's value on the lines after its key: a map or a sequence at column `indent`. */
  #nested(indent: number): unknown {
    const line = this.#lines[this.#next]
    if (line === undefined || indentOf(line) !== indent) throw new NotOwnYaml()
    return line.startsWith('- ', indent) ? this.sequence(indent, undefined) : this.map(indent, undefined)
  }

  /**
   * The next line's text after its indentation (and after its dash, for an item), taking the line, when it stands
   * at column `indent`; undefined when it stands further left, or there is none. A line further right is not the writer's.
   */
  #take(indent: number, item: boolean): string | undefined {
    const line = this.#lines[this.#next]
    if (line === undefined) return undefined
    const column = indentOf(line)
    if (column < indent) return undefined
    if (column > indent || line.startsWith('- ', indent) !== item) {
      // A map's pairs end where a sequence at the same column goes on (in an item of it), and the reverse.
      if (column === indent) return undefined
      throw new NotOwnYaml()
    }
    this.#next++
    return line.slice(indent + (item ? 2 : 0))
  }
}

/** The spaces a line starts with; a line of only spaces, or empty, is not the writer's. */
function indentOf(line: string): number {
  let column = 0
  while (line.charCodeAt(column) === 0x20) column++
  if (column === line.length) throw new NotOwnYaml()
  return column
}

/** Whether a sequence item's text starts with a key and its colon: a quoted key, or a plain one (a plain scalar holds no `: ` and does not end with `:`). */
function startsPair(content: string): boolean {
  const first = content.charAt(0)
  if (first === '"' || first === "'") return quotedEnd(content) < content.length - 1 && content.charAt(quotedEnd(content) + 1) === ':'
  return /:(?: |$)/.test(content)
}

/** A pair's key and the text after its colon (empty, or a space and the value). */
function pairOf(content: string): [string, string] {
  const first = content.charAt(0)
  if (first === '"' || first === "'") {
    const end = quotedEnd(content)
    if (content.charAt(end + 1) !== ':') throw new NotOwnYaml()
    return [quotedString(content.slice(0, end + 1)), content.slice(end + 2)]
  }
  const colon = content.search(/:(?: |$)/)
  if (colon < 0) throw new NotOwnYaml()
  const key = content.slice(0, colon)
  if (!isPlainString(key)) throw new NotOwnYaml()
  return [key, content.slice(colon + 1)]
}

/** The index of the quote that closes the quoted text at the start of `content`; `NotOwnYaml` when none does. */
function quotedEnd(content: string): number {
  const quote = content.charAt(0)
  for (let index = 1; index < content.length; index++) {
    const character = content.charAt(index)
    if (character === quote) return index
    if (character === '\\' && quote === '"') index++
  }
  throw new NotOwnYaml()
}

/**
 * A double-quoted string with no escape but `\"` and `\\` (JSON's and YAML's alike) and no control character, or a
 * single-quoted one with no quote inside: what the writer quotes.
 */
function quotedString(text: string): string {
  const inner = text.slice(1, -1)
  if (/[\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff]/.test(inner)) throw new NotOwnYaml()
  if (text.startsWith("'")) {
    if (!text.endsWith("'") || inner.includes("'")) throw new NotOwnYaml()
    return inner
  }
  if (!text.endsWith('"') || /\\[^"\\]/.test(inner.replace(/\\\\/g, ''))) throw new NotOwnYaml()
  return JSON.parse(text) as string
}

/** A scalar that fills the rest of a line: `[]`, `{}`, a quoted string, a safe integer, `true`, `false`, or a plain string that `yaml` reads as itself. */
function scalarOf(text: string): unknown {
  if (text === '[]') return []
  if (text === '{}') return {}
  const first = text.charAt(0)
  if (first === '"' || first === "'") {
    if (quotedEnd(text) !== text.length - 1) throw new NotOwnYaml()
    return quotedString(text)
  }
  if (/^-?(?:0|[1-9][0-9]*)$/.test(text)) {
    const number = Number(text)
    if (!Number.isSafeInteger(number) || text === '-0') throw new NotOwnYaml()
    return number
  }
  if (text === 'true' || text === 'false') return text === 'true'
  if (!isPlainString(text)) throw new NotOwnYaml()
  return text
}

/** Plain texts found to read as strings: a document repeats a few keys and values (`type`, `object`, `$ref`) a great many times. */
const plainStrings = new Set<string>()

/** Whether a plain text reads as the same string (`readsAsPlainString`), remembered for the most repeated ones. */
function isPlainString(text: string): boolean {
  if (plainStrings.has(text)) return true
  if (!readsAsPlainString(text)) return false
  if (plainStrings.size < 4096 && text.length < 64) plainStrings.add(text)
  return true
}

function fail(): never {
  throw new NotOwnYaml()
}
