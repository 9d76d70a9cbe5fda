/** codes: every code cell of a catalog and the configured kind in, the catalog's code kind and each cell's value out; a code not of that kind becomes an `invalid-code` error. */
import {error} from '../diagnostics/messages.js'
import type {CodeCell, CodeKind} from '../types.js'

/** The codes' kind and the value of each code cell that is of that kind. */
interface ReadCodes {
  kind: CodeKind
  values: Map<CodeCell, number | string>
}

/** Decide the codes' kind (the configured one, or the kind of most codes) and read every cell as that kind. */
export function readCodes(cells: ReadonlyArray<CodeCell>, setting: 'auto' | CodeKind): ReadCodes {
  const kind = setting === 'auto' ? detectKind(cells) : setting
  const values = new Map<CodeCell, number | string>()
  for (const cell of cells) {
    const value = kind === 'integer' ? readInteger(cell) : readString(cell)
    if (value !== undefined) values.set(cell, value)
  }
  return {kind, values}
}

/** Integers, unless most codes do not look like integers (`INVALID_CREDENTIALS`, `AADSTS50020`). */
function detectKind(cells: ReadonlyArray<CodeCell>): CodeKind {
  const integers = cells.filter((cell) => looksInteger(cell.text)).length
  return integers * 2 >= cells.length ? 'integer' : 'string'
}

function looksInteger(text: string): boolean {
  return /^[+-]?\d+$/.test(text)
}

function readInteger(cell: CodeCell): number | undefined {
  const problem = integerProblem(cell.text)
  if (problem === undefined) return Number(cell.text)
  error(cell.file, 'Unexpected code `' + cell.text + '`, expected an integer' + problem, cell.place, 'invalid-code')
  return undefined
}

/**
 * Why `text` is not a safe integer, as a clause for the message; undefined when it is one. Zero and negative codes
 * are codes (gRPC's `0`, JSON-RPC's `-32700`); leading zeros and `-0` are not, as no client can tell them apart.
 */
function integerProblem(text: string): string | undefined {
  if (/^-?\d+[ \t]*(?:to|through|–|—|-|\.\.)[ \t]*-?\d+$/.test(text)) return ': a range is not a code; write a row for each code'
  if (!/^-?\d+$/.test(text)) return ''
  if (/^-?0\d/.test(text)) return ' without leading zeros'
  if (text === '-0') return ' (`-0` is `0`)'
  // Fifteen digits or fewer are within the safe integers (±9007199254740991, sixteen digits): no BigInt to build.
  if (text.length - (text.startsWith('-') ? 1 : 0) <= 15) return undefined
  const value = BigInt(text)
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) return ' up to ' + Number.MAX_SAFE_INTEGER
  if (value < BigInt(Number.MIN_SAFE_INTEGER)) return ' from ' + Number.MIN_SAFE_INTEGER
  return undefined
}

/** A string code: any text without white space, control characters or invisible ones (a zero-width space). */
function readString(cell: CodeCell): string | undefined {
  const invisible = /[\p{Cf}\u115F\u1160\u3164\uFFA0]/u.exec(cell.text)
  if (invisible) {
    const point = 'U+' + (invisible[0].codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')
    const reason = 'Unexpected invisible character ' + point + ' in code `' + cell.text + '`, expected a code without invisible characters'
    error(cell.file, reason, cell.place, 'invalid-code')
    return undefined
  }
  if (/^[^\s\p{Cc}]+$/u.test(cell.text)) return cell.text
  error(cell.file, 'Unexpected code `' + cell.text + '`, expected a code without spaces', cell.place, 'invalid-code')
  return undefined
}

/** Order codes: integers by value, strings by code unit (the same on every machine, unlike a locale's order). */
export function compareCodes(a: number | string, b: number | string): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b
  const left = String(a)
  const right = String(b)
  return left < right ? -1 : left > right ? 1 : 0
}
