/** values: one body cell's text and place in, its value out (code, message or resolve text, name, deprecation); an invalid cell becomes a located error (or warning) and no value. */
import type {Position} from 'unist'
import type {VFile} from 'vfile'
import {isBlank} from './text.js'
import {columnLabels} from '../header/columns.js'
import {error} from '../../diagnostics/messages.js'
import {identifierPattern, pascalCase, unusableNames} from '../../catalog/names.js'
import type {CodeCell, RowDeprecation} from '../../types.js'

/** A code cell's text; its kind and value are decided by the catalog, which sees every code. */
export function readCode(text: string, place: Position, file: VFile): CodeCell | undefined {
  if (/^\s*$/.test(text)) {
    error(file, 'Unexpected code (empty), expected an integer or a code without spaces', place, 'invalid-code')
    return undefined
  }
  if (/^[\p{P}\p{S}\s]+$/u.test(text)) {
    error(file, 'Unexpected code `' + text + '`, expected an integer or a code: a cell of punctuation only is a placeholder, not a code', place, 'invalid-code')
    return undefined
  }
  return {file, text, place}
}

/** A number written with thousands separators (`1,000`): one code, not two. */
const thousandsPattern = /^\d{1,3}(?:,\d{3})+$/

/**
 * A code cell that lists several codes (`1001<br>1002`, `E1, E2`, `1001 / 1002`): a `several-codes` error and a code
 * cell for each, so that a code listed alone elsewhere too is a duplicate; undefined for a cell of one code. A slash
 * without spaces separates integers only (`auth/user-not-found` is one code).
 */
export function readSeveralCodes(text: string, place: Position, file: VFile): Array<CodeCell> | undefined {
  if (!/[\n,/]/.test(text) || thousandsPattern.test(text.trim())) return undefined
  const parts = text.trim().split(/\s*(?:\n|,)\s*|\s+\/\s+/).flatMap((part) => (/^-?\d+(?:\/-?\d+)+$/.test(part) ? part.split('/') : [part]))
  if (parts.length < 2 || parts.some((part) => part === '' || /\s/.test(part))) return undefined
  const codes = parts.map((part) => '`' + part + '`').join(', ')
  error(file, 'Unexpected ' + parts.length + ' codes in one cell (' + codes + '), expected one code per row: give each code a row of its own', place, 'several-codes')
  return parts.map((part) => ({file, text: part, place}))
}

/** A Message or Resolve cell: its text, or an error when it is blank. */
export function readText(
  text: string,
  place: Position | undefined,
  column: 'message' | 'resolve',
  code: string,
  file: VFile
): string | undefined {
  if (isBlank(text)) {
    const reason =
      'Unexpected empty ' + columnLabels[column] + ' cell for code ' + code + ', expected text'
    error(file, reason, place, column === 'message' ? 'empty-message' : 'empty-resolve')
    return undefined
  }
  return text
}

/**
 * The Name cell: undefined when empty (the name is derived), null when invalid.
 *
 * @param byContent whether the column is read as the Name column by its content: a dotted, slashed or dashed
 *   identifier (`auth.token_expired`) then gives its PascalCase (`AuthTokenExpired`)
 */
export function readName(text: string, place: Position | undefined, file: VFile, byContent: boolean = false): string | null | undefined {
  if (text === '') return undefined
  if (byContent && !identifierPattern.test(text) && /^[A-Za-z_][\w./-]*$/.test(text)) return pascalCase(text)
  if (!identifierPattern.test(text)) {
    const reason =
      'Unexpected name ' + quote(text) + ', expected an identifier: an ASCII letter or `_`, then letters, digits or `_`'
    error(file, reason, place, 'invalid-name')
    return null
  }
  if (unusableNames.has(text)) {
    const reason = 'Unexpected name ' + quote(text) + ', expected another: a JavaScript enum cannot have a member of that name'
    error(file, reason, place, 'invalid-name')
    return null
  }
  return text
}

/**
 * A Deprecated cell: undefined when it says no (empty, `no`, `false`, `-`), null when it cannot be read, else the
 * deprecation and the replacement it names (`yes`, `true`, `deprecated`, `x`, `✓`; or `use 1234`, `1234`).
 */
export function readDeprecatedCell(text: string, place: Position | undefined, file: VFile): RowDeprecation | null | undefined {
  const value = text.trim().toLowerCase()
  if (/^(|no|false|-|–|—)$/.test(value)) return undefined
  if (/^(yes|true|deprecated|x|✓|✔)$/.test(value)) return {replacement: undefined, explicit: true}
  const replacement = /^(?:(?:use|see|replaced by)\s+)?(?:code\s+)?`?([^\s`]+)`?$/i.exec(text.trim())?.[1]
  if (replacement) return {replacement, explicit: true}
  const reason = 'Unexpected Deprecated cell ' + quote(text) + ', expected yes, no, or the code that replaces it (`use 1234`)'
  error(file, reason, place, 'invalid-deprecated')
  return null
}

/** A cell's text for a message: in backticks, or `empty`. */
function quote(text: string): string {
  return text === '' ? '(empty)' : '`' + text + '`'
}
