/** shapes: a column's cell texts in, what they hold out — unique integers, HTTP statuses, identifiers, prose or labels — what a column is read by when no header names it, or when its header's name does not fit it. */
import {looksLikeStatus, parseStatus, saysNoStatus} from './status.js'

/** What the cells of a column hold. */
export interface ColumnShape {
  /** Every cell is an integer (`1001`, `-32700`, `"1001"`), and no two are equal. */
  readonly uniqueIntegers: boolean
  /** The cells are 1, 2, 3… in order: row numbers rather than codes, when another column could be the code. */
  readonly rowNumbers: boolean
  /** Most non-empty cells are integers. */
  readonly mostlyIntegers: boolean
  /** Every cell is an HTTP status from 100 to 599 (with or without its phrase) or says none (`-`), and one at least is a status. */
  readonly statuses: boolean
  /** Every non-empty cell is an identifier (`USER_CANCEL`, `userCancel`, `UserCancel`, `auth.token_expired`, `auth/user-not-found`), no two are equal, and half of them at least are made of several words. */
  readonly identifiers: boolean
  /** Every non-empty cell has letters, half of them at least are prose (words with spaces, or Chinese and Japanese text), and more than a quarter differ (a category repeats). */
  readonly prose: boolean
}

/** An integer as a cell writes a code: optionally signed, optionally in quotes. */
const integerPattern = /^["'“]?[-−]?\d+["'”]?$/

/** An identifier: one word of ASCII letters, digits and `_`, or words joined by `.`, `/` or `-`. */
const identifierPattern = /^[A-Za-z_][A-Za-z0-9_]*(?:[./-][A-Za-z_][A-Za-z0-9_]*)*$/

/** An identifier of several words: joined by `_`, `.`, `/` or `-`, or a capital after a small letter or digit. */
const compoundPattern = /[a-z0-9][_./-]?[A-Z]|[A-Za-z0-9][_./-][A-Za-z0-9]/

/** Letters of scripts written without spaces between words. */
const spacelessLetter = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}]/u

/** Whether a cell holds no text. */
function isEmpty(text: string): boolean {
  return text.trim() === ''
}

/** What the cells of a column hold (the cells as their text). */
export function shapeOf(texts: ReadonlyArray<string>): ColumnShape {
  const filled = texts.map((text) => text.trim()).filter((text) => text !== '')
  const distinct = new Set(filled).size
  const integers = filled.filter((text) => integerPattern.test(text)).length
  return {
    uniqueIntegers: filled.length > 0 && filled.length === texts.length && integers === filled.length && distinct === filled.length,
    rowNumbers: texts.every((text, index) => text.trim() === String(index + 1)),
    mostlyIntegers: integers * 2 > filled.length,
    statuses: texts.every((text) => saysNoStatus(text) || parseStatus(text) !== undefined) && texts.some((text) => parseStatus(text) !== undefined),
    identifiers: filled.length > 0 && distinct === filled.length && filled.every((text) => identifierPattern.test(text)) &&
      filled.filter((text) => compoundPattern.test(text)).length * 2 >= filled.length,
    prose: filled.length > 0 && filled.every((text) => /\p{L}/u.test(text)) && filled.filter((text) => isProse(text)).length * 2 >= filled.length &&
      distinct * 4 > filled.length
  }
}

/** Whether a cell is prose: words with spaces between them, or text of a script written without spaces. */
export function isProse(text: string): boolean {
  if (identifierPattern.test(text)) return false
  return /\p{L}[^\s]*\s+[^\s]*\p{L}/u.test(text) || spacelessLetter.test(text)
}

/** Whether no cell of a column of HTTP statuses looks like one (`NotFinished`, `Authorized`): it is not HTTP. */
export function holdsNoStatus(texts: Iterable<string>): boolean {
  let filled = false
  for (const text of texts) {
    if (saysNoStatus(text)) continue
    if (looksLikeStatus(text)) return false
    filled = true
  }
  return filled
}

/** How many non-empty cells of a column tell whether it holds phrases: a glossary shows it in its first terms. */
const phraseSample = 25

/**
 * Whether most of the first non-empty cells of a Code column are phrases (`**Rate limit**`), as a glossary's terms
 * are: it is not a column of codes (no code has a space).
 */
export function holdsPhrases(texts: Iterable<string>): boolean {
  let phrases = 0
  let others = 0
  for (const text of texts) {
    if (isEmpty(text)) continue
    if (isPhrase(text)) phrases++
    else others++
    if (phrases + others === phraseSample) break
  }
  return phrases > others
}

/** Whether a cell is a phrase: words of letters, some of them small (`Rate limit`; not `E1, E2`, `AUTH_FAILED, AUTH_EXPIRED`). */
function isPhrase(text: string): boolean {
  const words = text.trim().split(/\s+/)
  return words.length > 1 && words.every((word) => /^[\p{L}\p{M}'’-]+[.,;:!?]?$/u.test(word)) && /[\p{Ll}\p{Lo}]/u.test(text)
}

/** Whether every non-empty cell of a Name column is text rather than an identifier (`Неверный запрос`, `Token revoked`). */
export function holdsText(texts: Iterable<string>): boolean {
  return everyFilled(texts, (text) => /\s/.test(text.trim()) || /[^\p{ASCII}]/u.test(text))
}

/** Whether some cell is not empty and every non-empty one fits: stops at the first that does not. */
function everyFilled(texts: Iterable<string>, fits: (text: string) => boolean): boolean {
  let filled = false
  for (const text of texts) {
    if (isEmpty(text)) continue
    if (!fits(text)) return false
    filled = true
  }
  return filled
}
