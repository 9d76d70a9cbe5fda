/** targets/openapi/block-yaml: plain data (objects, arrays, strings, safe integers, booleans) in, the exact text `yaml`'s stringify gives it with `yamlOptions` out, written directly (about 10 times faster, in a fraction of the memory) or, for what only `yaml` can write (a line break or control character in a string, a key it would not write plain), by `yaml` with every string a YAML 1.1 reader would misread double-quoted and escaped. */
import {Kept, Later} from '../../emit/cache.js'
import {TextChunks, type TextSink} from '../../emit/encoded.js'
import {nonStringTags, yamlLibrary} from './yaml-library.js'

/** How errgen has `yaml` write its documents: no folding, no aliases, and strings that YAML 1.1 readers would take for booleans or numbers (`yes`, `1:20`) quoted. */
export const yamlOptions = {lineWidth: 0, aliasDuplicateObjects: false, compat: 'yaml-1.1'} as const

/** A YAML map's data: its keys and their values. */
type Mapping = {readonly [key: string]: unknown}

/** One level of indentation, as `yaml` writes it. */
const step = '  '

/**
 * The first characters of the strings a non-string tag matches: each tag's test is anchored and starts with one of
 * these (`~`, null; `y`, `n`, `t`, `f`, `o`, the booleans; `e`, a float like `e5`; `<`, merge; signs, dots and
 * digits, the numbers and timestamps). A string that starts otherwise is tested against no tag; a test compares the
 * tags' patterns with the ones these were read from, so that another `yaml` cannot change them unseen.
 */
export const tagStarts = /^[~NnYyTtFfOoEe<+\-.0-9]/

/** What `yaml` never writes as a plain scalar (its own test in stringifyString.js). */
const notPlain = /^[\n\t ,[\]{}#&*!|>'"%@`]|^[?-]$|^[?-][ \t]|[\n:][ \t]|[ \t]\n|[\n\t ]#|[\n\t :]$/

/** What makes `yaml` write a string as a block scalar or with escapes: left to `yaml`. */
const onlyYaml = /[\n\x00-\x08\x0b-\x1f\x7f-\x9f\u{D800}-\u{DFFF}]/u

/** A line that starts like a document marker (`yaml`'s own test, where U+2028 and U+2029 also start lines): `yaml` writes it depending on its indentation. */
const documentMarker = /^(%|---|\.\.\.)/m

/** `yaml` writes a key longer than this as an explicit `? key`. */
const longestImplicitKey = 1024

/** Thrown inside the writer when a value needs `yaml` itself. */
class NeedsYaml extends Error {}

/**
 * The YAML document of data that may hold `Kept` values (in maps), exactly as `writeYaml` writes the data they stand
 * for; undefined when any part needs `yaml` itself or double quotes (the caller writes the whole data then).
 */
export function writeKeptYaml(data: Mapping): string | undefined {
  const out = new TextChunks()
  return blockYamlInto(data, out, true) ? out.toString() : undefined
}

/**
 * Write the YAML document of data that may hold `Kept` values into `out`, as `writeKeptYaml` writes it; false when
 * any part needs `yaml` itself or double quotes, and what was written then is to be dropped.
 */
export function writeKeptYamlInto(data: Mapping, out: TextSink): boolean {
  return blockYamlInto(data, out, true)
}

/** A kept value's lines at this indentation: the text kept, or written now and kept; `NeedsYaml` when the plain writer cannot write them. */
function keptText(key: string, value: Kept, start: string, indent: string): string {
  if (start !== indent) throw new Error('expected a kept value in a map, not as the first pair of a sequence item')
  return value.text(indent, (made) => {
    const out = new TextChunks()
    writeMap({[key]: made}, indent, indent, out, true)
    return out.toString()
  })
}

/** The YAML document of `data`, as `stringify(data, yamlOptions)` writes it; undefined when only `yaml` can write it. */
export function blockYaml(data: Mapping): string | undefined {
  const out = new TextChunks()
  return blockYamlInto(data, out, false) ? out.toString() : undefined
}

/**
 * Write the YAML document of `data` into `out`; false when only `yaml` can write it.
 *
 * @param strict false too when a string (a key, a kept value's made value or a value made now too) needs double
 *   quotes (`needsDoubleQuotes`): each is written by `stringText`, which is told so
 */
function blockYamlInto(data: Mapping, out: TextSink, strict: boolean): boolean {
  if (isEmpty(data)) return false
  try {
    writeMap(data, '', '', out, strict)
  } catch (cause) {
    if (cause instanceof NeedsYaml) return false
    throw cause
  }
  return true
}

/**
 * The pairs of a non-empty map at `indent`, each on its own line.
 *
 * @param first what starts the first line: the indentation, or `- ` after it in a sequence
 */
function writeMap(map: Mapping, first: string, indent: string, out: TextSink, strict: boolean): void {
  let start = first
  for (const key of Object.keys(map)) {
    const value = map[key]
    if (value instanceof Later) {
      out.push(start + keyText(key, strict) + ':')
      writeNested(value.make(), indent + step, out, strict)
    } else if (value instanceof Kept) {
      out.push(keptText(key, value, start, indent))
    } else {
      out.push(start + keyText(key, strict) + ':')
      writeNested(value, indent + step, out, strict)
    }
    start = indent
  }
}

/**
 * The items of a non-empty sequence at `indent`: `- ` then the item; a collection's first line stays on the dash's line.
 *
 * @param first what starts the first line
 */
function writeSequence(sequence: readonly unknown[], first: string, indent: string, out: TextSink, strict: boolean): void {
  let start = first + '- '
  const dash = indent + '- '
  for (const item of sequence) {
    if (Array.isArray(item) && item.length > 0) writeSequence(item, start, indent + step, out, strict)
    else if (isCollection(item) && !isEmpty(item)) writeMap(item as Mapping, start, indent + step, out, strict)
    else out.push(start + flowText(item, strict) + '\n')
    start = dash
  }
}

/**
 * A map's value after its `key:`: a scalar or an empty collection on the same line, a collection on the next lines.
 *
 * @param indent the indentation of the value's own lines
 */
function writeNested(value: unknown, indent: string, out: TextSink, strict: boolean): void {
  if (!isCollection(value) || isEmpty(value)) {
    out.push(' ' + flowText(value, strict) + '\n')
  } else if (Array.isArray(value)) {
    out.push('\n')
    writeSequence(value, indent, indent, out, strict)
  } else {
    out.push('\n')
    writeMap(value as Mapping, indent, indent, out, strict)
  }
}

/** A scalar, or an empty collection in flow style. */
function flowText(value: unknown, strict: boolean): string {
  if (typeof value === 'string') return stringText(value, strict)
  if (typeof value === 'number' && Number.isSafeInteger(value) && !Object.is(value, -0)) return String(value)
  if (typeof value === 'boolean') return String(value)
  if (Array.isArray(value) && value.length === 0) return '[]'
  if (isCollection(value) && isEmpty(value)) return '{}'
  throw new NeedsYaml()
}

/**
 * The text of keys already written: a document repeats a few keys (`properties`, `const`, `$ref`) a great many times.
 * Only keys without a `special` character, which no writer refuses, are kept.
 */
const keyTexts = new Map<string, string>()

/** A key: plain when it reads back as the same string, else quoted. */
function keyText(key: string, strict: boolean): string {
  const known = keyTexts.get(key)
  if (known !== undefined) return known
  const text = stringText(key, strict)
  if (text.length > longestImplicitKey) throw new NeedsYaml()
  if (keyTexts.size < 4096 && !special.test(key)) keyTexts.set(key, text)
  return text
}

/**
 * A single-line string: plain when `yaml` would write it plain, else quoted as `yaml` quotes it; `NeedsYaml` when
 * only `yaml` can write it, or when it needs double quotes and the writer is `strict`.
 */
function stringText(value: string, strict: boolean): string {
  if (special.test(value)) return specialText(value, strict)
  if (startsLikeMarker(value)) throw new NeedsYaml()
  if (notPlainText(value) || readsAsOtherTag(value)) return quoted(value)
  return value
}

/**
 * A control character, a character a YAML 1.1 reader misreads, a line break (U+2028 and U+2029 too) or a surrogate:
 * a string without any is checked by the quick tests below, which give what the patterns give for such a string.
 */
const special = /[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufffe\uffff]/

/** `stringText` of a string with a `special` character: by the patterns themselves. */
function specialText(value: string, strict: boolean): string {
  if ((strict && needsDoubleQuotes(value)) || onlyYaml.test(value) || documentMarker.test(value)) throw new NeedsYaml()
  if (notPlain.test(value) || readsAsOtherTag(value)) return quoted(value)
  return value
}

/** `documentMarker`'s test of a string without line breaks: only its start can start a line. */
function startsLikeMarker(value: string): boolean {
  const first = value.charCodeAt(0)
  return first === 0x25 || (first === 0x2d && value.startsWith('---')) || (first === 0x2e && value.startsWith('...'))
}

/** The characters `notPlain` refuses at a string's start. */
const notPlainStarts: ReadonlySet<number> = new Set([...' ,[]{}#&*!|>\'"%@`'].map((character) => character.charCodeAt(0)))

/** `notPlain`'s test of a string without tabs and line breaks (`special`): its first and last characters, `: ` and ` #`. */
function notPlainText(value: string): boolean {
  if (value === '') return false
  const first = value.charCodeAt(0)
  if (notPlainStarts.has(first)) return true
  if ((first === 0x3f || first === 0x2d) && (value.length === 1 || value.charCodeAt(1) === 0x20)) return true
  const last = value.charCodeAt(value.length - 1)
  return last === 0x20 || last === 0x3a || value.includes(': ') || value.includes(' #')
}

/**
 * `yaml`'s quoting of a single-line string without control characters: single quotes when it holds a `"` and no `'`,
 * else JSON's double quotes (which `yaml` keeps as they are when nothing needs a `\u` escape).
 */
function quoted(value: string): string {
  if (value.includes('"') && !value.includes("'")) return "'" + value + "'"
  return JSON.stringify(value)
}

/**
 * Whether `yaml` reads the text, as a plain scalar on one line, as this same string: what the writer writes plain (a
 * text it would quote, escape or write otherwise, or that a tag other than strings matches, is not).
 */
export function readsAsPlainString(text: string): boolean {
  return !onlyYaml.test(text) && !documentMarker.test(text) && !notPlain.test(text) && !readsAsOtherTag(text)
}

/** Whether a tag other than strings matches the string, written plain: it would not read back as a string. */
function readsAsOtherTag(value: string): boolean {
  return mayBeTagged(value) && nonStringTags.some((test) => test.test(value))
}

/** Whether a non-string tag could match the string: it is empty or starts like one (`tagStarts`). */
function mayBeTagged(value: string): boolean {
  return value === '' || tagStarts.test(value)
}

/** The patterns of the tags other than strings, as `nonStringTags` tests them. */
export function nonStringTagPatterns(): Array<string> {
  return nonStringTags.map((test) => test.source)
}

function isCollection(value: unknown): value is object {
  return typeof value === 'object' && value !== null
}

function isEmpty(value: object): boolean {
  return Array.isArray(value) ? value.length === 0 : Object.keys(value).length === 0
}

/** Characters a YAML 1.1 reader rejects (not printable) or takes for a line break, raw in a string. */
const yaml11Unsafe = /[\t\x7f-\x9f\u2028\u2029\ufffe\uffff]/

/**
 * Whether a string must be double-quoted: it holds a character a YAML 1.1 reader would misread, or it is only spaces
 * and line breaks with a space before a break, which `yaml` writes as a block scalar without an indentation indicator
 * (`|+` then a line of spaces) that every reader, `yaml` too, reads back without those spaces.
 */
function needsDoubleQuotes(value: string): boolean {
  return yaml11Unsafe.test(value) || (/^[ \n]*$/.test(value) && / \n/.test(value))
}

/** The escape of each such character inside a double-quoted YAML scalar. */
function escapeOf(character: string): string {
  if (character === '\t') return '\\t'
  if (character === '\x85') return '\\N'
  if (character === '\u2028') return '\\L'
  if (character === '\u2029') return '\\P'
  const code = character.charCodeAt(0)
  return code <= 0xff ? '\\x' + code.toString(16).toUpperCase().padStart(2, '0') : '\\u' + code.toString(16).toUpperCase()
}

/** The YAML text of `data` for every reader: written directly when it holds no string a reader would misread, else by `stringifyForYaml11`. */
export function writeYaml(data: Mapping): string {
  return writeKeptYaml(data) ?? stringifyForYaml11(data)
}

/**
 * `stringify(data, yamlOptions)`, with every string that `needsDoubleQuotes` (key or value) double-quoted and its
 * unsafe characters escaped. Only those double-quoted strings can hold such characters, so escaping them in the written text is exact.
 */
export function stringifyForYaml11(data: unknown): string {
  const {Document, isScalar, visit} = yamlLibrary()
  const document = new Document(data, yamlOptions)
  visit(document, {
    Scalar(_, node) {
      if (isScalar(node) && typeof node.value === 'string' && needsDoubleQuotes(node.value)) node.type = 'QUOTE_DOUBLE'
    }
  })
  return document.toString(yamlOptions).replace(new RegExp(yaml11Unsafe.source, 'g'), (character) => escapeOf(character))
}
