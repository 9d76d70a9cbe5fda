/** row-facts: a body row of an error table, its columns and the cells read of it in, what the checks of the whole table read of the row out (its Code cell's text, its Message cell's markup). */
import type {TableCell, TableRow} from 'mdast'
import {cellText, isBlank, messageMarkup} from './cells/text.js'
import type {Column} from '../types.js'

/**
 * What the checks of a whole table read of one of its rows: the text of its Code cell (for the check for lost rows)
 * and how its Message cell is marked up (for the check that the messages are alike), found while the row is read.
 */
export interface RowFacts {
  /** The Code cell's text; empty when the row has none. */
  readonly code: string
  /** The Message cell, when the row has one whose text is not blank. */
  readonly message: TableCell | undefined
  /** How that cell differs from one emphasis span (`messageMarkup`); undefined when it is one, or there is none. */
  readonly markup: string | undefined
}

/**
 * The facts of a row, from its cells as read (a cell read under another column is read again).
 *
 * @param cells each column's cell as read: its node and its text
 */
export function factsOf(row: TableRow, columns: ReadonlyArray<Column | undefined>, cells: Partial<Record<Column, {node: TableCell, text: string}>>): RowFacts {
  const textOf = (column: Column): string | undefined => {
    const node = row.children[columns.indexOf(column)]
    if (!node) return undefined
    const read = cells[column]
    return read?.node === node ? read.text : cellText(node)
  }
  const message = row.children[columns.indexOf('message')]
  const messageText = textOf('message')
  const shown = message && messageText !== undefined && !isBlank(messageText) ? message : undefined
  return {code: textOf('code') ?? '', message: shown, markup: shown && messageMarkup(shown)}
}
