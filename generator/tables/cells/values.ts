/** values: one body cell's text and place in, its value out (code, message or resolve text, name, deprecation); an invalid cell becomes a located error (or warning) and no value. */
import type {Position} from 'unist'
import type {VFile} from 'vfile'
import {isBlank} from './text.js'
import {columnLabels} from '../header/columns.js'
import {error} from '../../diagnostics/messages.js'
import {identifierPattern, unusableNames} from '../../catalog/names.js'
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

/** The Name cell: undefined when empty (the name is derived), null when invalid. */
export function readName(text: string, place: Position | undefined, file: VFile): string | null | undefined {
  if (text === '') return undefined
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
