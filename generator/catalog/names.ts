/** names: text in, identifiers out — the PascalCase names of error codes and HTTP statuses. */
import statuses from 'statuses'
import {frozenStatusNames} from './status-names.js'

/** An identifier errgen accepts: ASCII, so that it is also a valid OpenAPI component key and enum var name everywhere. */
export const identifierPattern = /^[A-Za-z_][A-Za-z0-9_]*$/

/** Names a JavaScript object cannot have as its own: an enum member named so would not exist when the code runs. */
export const unusableNames: ReadonlySet<string> = new Set(['__proto__'])

/**
 * The PascalCase identifier of a text: `access_token missing` → `AccessTokenMissing`.
 * Accents are dropped, a plural in parentheses joins its word (`recipient(s)` → `Recipients`), other characters
 * separate words, a leading digit gets a `_`; '' when no letter or digit is left.
 */
export function pascalCase(text: string): string {
  const name = nameWords(text).map((word) => capitalize(word)).join('')
  return /^\d/.test(name) ? '_' + name : name
}

/** The ASCII words a name is made of: `invalid recipient(s)` → `invalid`, `recipients`. */
export function nameWords(text: string): Array<string> {
  return withoutAccents(text)
    .replace(/['\u2019]/g, '')
    .replace(/([A-Za-z])\(([A-Za-z]{1,3})\)(?![A-Za-z0-9])/g, '$1$2')
    .split(/[^A-Za-z0-9]+/)
    .filter((word) => word !== '')
}

function withoutAccents(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '')
}

/**
 * Whether a text has letters with no ASCII form once accents are dropped (Chinese, Cyrillic, Greek): a name derived
 * from its ASCII letters alone would say something else, or nothing.
 */
export function hasNonAsciiLetters(text: string): boolean {
  return /[^\p{ASCII}]/u.test(withoutAccents(text).replace(/[^\p{L}]/gu, ''))
}

/** A code as a word of a name: `-32700` → `Minus32700`, `auth/user-not-found` → `AuthUserNotFound`. */
export function codeWord(code: number | string): string {
  const text = String(code)
  const sign = /^-\d/.test(text) ? 'Minus' : ''
  return sign + nameWords(sign ? text.slice(1) : text).map((word) => capitalize(word)).join('')
}

function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1)
}

/**
 * The standard reason phrase of an HTTP status (`Bad Request`), or undefined. The phrases come from the `statuses`
 * package, pinned by the lockfile, not from the running Node.js, whose table changes between versions (413 is
 * `Payload Too Large` in Node.js 20 and `Content Too Large` later): the output must not depend on the machine.
 */
export function reasonPhrase(status: number): string | undefined {
  return statuses.message[status]
}

/**
 * The identifier of an HTTP status: the frozen one errgen gave it (`BadRequest`, `PayloadTooLarge`), else its reason
 * phrase in PascalCase, or `Status499` without one.
 */
export function statusName(status: number): string {
  const phrase = reasonPhrase(status)
  return frozenStatusNames.get(status) ?? ((phrase && pascalCase(phrase)) || 'Status' + status)
}

/**
 * A header or heading text as errgen compares them: without emphasis and code marks, lower case, `_` and `-` as
 * spaces, single spaces (`**HTTP_code**` → `http code`).
 */
export function normalizeHeader(text: string): string {
  return text.replace(/[*`~]+/g, '').toLowerCase().replace(/[\s_-]+/g, ' ').trim()
}
