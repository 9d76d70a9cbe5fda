/** confusable: the code cells of a string catalog and their values in, a warning for each code that differs from an earlier one only in case out. */
import {firstOccurrence, placeOf, warning} from '../diagnostics/messages.js'
import type {CodeCell} from '../types.js'

/**
 * Report string codes that differ only in case (`AUTH_FAILED`, `auth_failed`): readers and clients that ignore case
 * cannot tell them apart. Each warning points at the first of them; a code in another Unicode normalization of an
 * earlier one is a duplicate, reported as such.
 */
export function reportConfusableCodes(cells: ReadonlyArray<CodeCell>, values: ReadonlyMap<CodeCell, number | string>): void {
  const byCase = new Map<string, {cell: CodeCell, normal: string}>()
  for (const cell of cells) {
    const value = values.get(cell)
    if (typeof value !== 'string') continue
    const normal = value.normalize('NFC')
    const other = byCase.get(normal.toLowerCase())
    if (!other) {
      byCase.set(normal.toLowerCase(), {cell, normal})
    } else if (other.normal !== normal) {
      const reason = 'Code `' + value + '` differs from code `' + values.get(other.cell) + '` at ' + placeOf(cell.file, other.cell.file, other.cell.place) + ' only in case: readers and clients that ignore case cannot tell them apart'
      warning(cell.file, reason, cell.place, 'confusable-code', firstOccurrence(other.cell.file, other.cell.place, 'confusable-code'))
    }
  }
}
