/** codes: every code cell of a catalog and the configured kind in, the catalog's code kind and each cell's value out; a code not of that kind becomes an `invalid-code` error. */
import {error} from '../diagnostics/messages.js'

/**
 * @import {CodeCell, CodeKind} from '../types.js'
 */

/**
 * Decide the codes' kind (the configured one, or the kind of most codes) and read every cell as that kind.
 *
 * @param {ReadonlyArray<CodeCell>} cells
 * @param {'auto' | CodeKind} setting
 * @returns {{kind: CodeKind, values: Map<CodeCell, number | string>}}
 */
export function readCodes(cells, setting) {
  const kind = setting === 'auto' ? detectKind(cells) : setting
  /** @type {Map<CodeCell, number | string>} */
  const values = new Map()
  for (const cell of cells) {
    const value = kind === 'integer' ? readInteger(cell) : readString(cell)
    if (value !== undefined) values.set(cell, value)
  }
  return {kind, values}
}

/**
 * Integers, unless most codes do not look like integers (`INVALID_CREDENTIALS`, `AADSTS50020`).
 *
 * @param {ReadonlyArray<CodeCell>} cells
 * @returns {CodeKind}
 */
function detectKind(cells) {
  const integers = cells.filter((cell) => looksInteger(cell.text)).length
  return integers * 2 >= cells.length ? 'integer' : 'string'
}

/**
 * @param {string} text
 * @returns {boolean}
 */
function looksInteger(text) {
  return /^[+-]?\d+$/.test(text)
}

/**
 * @param {CodeCell} cell
 * @returns {number | undefined}
 */
function readInteger(cell) {
  const problem = integerProblem(cell.text)
  if (problem === undefined) return Number(cell.text)
  error(cell.file, 'Unexpected code `' + cell.text + '`, expected a positive integer' + problem, cell.place, 'invalid-code')
  return undefined
}

/**
 * Why `text` is not a positive safe integer, as a clause for the message; undefined when it is one.
 *
 * @param {string} text
 * @returns {string | undefined}
 */
function integerProblem(text) {
  if (!/^-?\d+$/.test(text)) return ''
  if (/^-?0\d/.test(text)) return ' without leading zeros'
  const value = BigInt(text)
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) return ' up to ' + Number.MAX_SAFE_INTEGER
  if (value < 1n) return ''
  return undefined
}

/**
 * A string code: any text without white space or control characters.
 *
 * @param {CodeCell} cell
 * @returns {string | undefined}
 */
function readString(cell) {
  if (/^[^\s\p{Cc}]+$/u.test(cell.text)) return cell.text
  error(cell.file, 'Unexpected code `' + cell.text + '`, expected a code without spaces', cell.place, 'invalid-code')
  return undefined
}

/**
 * Order codes: integers by value, strings by code unit (the same on every machine, unlike a locale's order).
 *
 * @param {number | string} a
 * @param {number | string} b
 * @returns {number}
 */
export function compareCodes(a, b) {
  if (typeof a === 'number' && typeof b === 'number') return a - b
  const left = String(a)
  const right = String(b)
  return left < right ? -1 : left > right ? 1 : 0
}
