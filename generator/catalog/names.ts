/** names: text in, identifiers out — the PascalCase names of error codes and HTTP statuses. */
import statuses from 'statuses'
import {frozenStatusNames} from './status-names.js'

/** An identifier errgen accepts: ASCII, so that it is also a valid OpenAPI component key and enum var name everywhere. */
export const identifierPattern = /^[A-Za-z_][A-Za-z0-9_]*$/

/** Names a JavaScript object cannot have as its own: an enum member named so would not exist when the code runs. */
export const unusableNames: ReadonlySet<string> = new Set(['__proto__'])

/**
 * The PascalCase identifier of a text: `access_token missing` → `AccessTokenMissing`.
 * Accents are dropped (and `ł`, `ß`, `ø` written `l`, `ss`, `o`), a plural in parentheses joins its word (`recipient(s)` → `Recipients`), other characters
 * separate words, a leading digit gets a `_`; '' when no letter or digit is left.
 */
export function pascalCase(text: string): string {
  const name = nameWords(text).map((word) => capitalize(word)).join('')
  return /^\d/.test(name) ? '_' + name : name
}

/** The ASCII words a name is made of: `invalid recipient(s)` → `invalid`, `recipients`. */
export function nameWords(text: string): Array<string> {
  return wordsOf(withoutAccents(text))
}

/** The words of a text whose accents are dropped. */
function wordsOf(plain: string): Array<string> {
  return plain
    .replace(/['\u2019]/g, '')
    .replace(/([A-Za-z])\(([A-Za-z]{1,3})\)(?![A-Za-z0-9])/g, '$1$2')
    .split(/[^A-Za-z0-9]+/)
    .filter((word) => word !== '')
}

/** What a message gives the name derived from it: the name (`pascalCase`), its count of words, and how much of it is written in letters with no ASCII form. */
export interface MessageNaming {
  readonly name: string
  readonly words: number
  /** `mostly` as `isMostlyNonAscii` says, else `some` as `hasNonAsciiLetters` says, else `none`. */
  readonly nonAscii: 'none' | 'some' | 'mostly'
}

/**
 * The naming of each message text met lately, so that a `--watch` session derives again only the names of the
 * messages a save changed (and a run derives a repeated message's name once). Cleared when it holds `namingsKept`
 * texts, so that it never holds more than a few thousand rows' worth.
 */
const namings = new Map<string, MessageNaming>()
const namingsKept = 20_000

/** A message text's naming, its accents dropped once for all of it (the same as `pascalCase`, `nameWords`, `isMostlyNonAscii` and `hasNonAsciiLetters` give). */
export function messageNaming(text: string): MessageNaming {
  let naming = namings.get(text)
  if (naming === undefined) {
    naming = namingOf(text)
    if (namings.size >= namingsKept) namings.clear()
    namings.set(text, naming)
  }
  return naming
}

function namingOf(text: string): MessageNaming {
  const plain = withoutAccents(text)
  const words = wordsOf(plain)
  const joined = words.map((word) => capitalize(word)).join('')
  const letters = plain.replace(/[^\p{L}]/gu, '')
  const ascii = letters.replace(/[^A-Za-z]/g, '').length
  const nonAscii = letters.length - ascii >= ascii ? 'mostly' : /[^\p{ASCII}]/u.test(letters) ? 'some' : 'none'
  return {name: /^\d/.test(joined) ? '_' + joined : joined, words: words.length, nonAscii}
}

/** Latin letters that no accent mark makes (`ł`, `đ`, `ß`) and the ASCII letters they are written as where they cannot be. */
const latinLetters: Readonly<Record<string, string>> = {
  ł: 'l', Ł: 'L', đ: 'd', Đ: 'D', ð: 'd', Ð: 'D', ø: 'o', Ø: 'O', ı: 'i', ß: 'ss', æ: 'ae', Æ: 'Ae', œ: 'oe', Œ: 'Oe', þ: 'th', Þ: 'Th'
}

const nonAscii = /[^\x00-\x7F]/

/** A text with its accents dropped (`é` → `e`) and its other Latin letters in ASCII (`ł` → `l`, `ß` → `ss`). */
function withoutAccents(text: string): string {
  // ASCII has no accent and no other Latin letter: the text as it is (most messages; the normalization costs a copy).
  if (!nonAscii.test(text)) return text
  return text.normalize('NFKD').replace(/\p{M}/gu, '').replace(/[łŁđĐðÐøØıßæÆœŒþÞ]/g, (letter) => latinLetters[letter] ?? letter)
}

/**
 * Whether a text has letters with no ASCII form once accents are dropped (Chinese, Cyrillic, Greek): a name derived
 * from its ASCII letters alone would say something else, or nothing.
 */
export function hasNonAsciiLetters(text: string): boolean {
  return /[^\p{ASCII}]/u.test(withoutAccents(text).replace(/[^\p{L}]/gu, ''))
}

/**
 * Whether a text is written mostly in letters with no ASCII form once accents are dropped (`Ошибка API`,
 * `CDN 节点错误`): as many of them as ASCII letters, or more. Its few ASCII words would not name it.
 */
export function isMostlyNonAscii(text: string): boolean {
  const letters = withoutAccents(text).replace(/[^\p{L}]/gu, '')
  const ascii = letters.replace(/[^A-Za-z]/g, '').length
  return letters.length - ascii >= ascii
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

/** Letters of scripts written without spaces between words (Chinese, Japanese) and Korean's: spaces beside them are not compared. */
const spacelessScripts = '\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}\\p{Script=Hangul}'
const spaceBesideSpaceless = new RegExp('\\s+(?=[' + spacelessScripts + '])|(?<=[' + spacelessScripts + '])\\s+', 'gu')

/**
 * A header or heading text as errgen compares them: in NFKC (full-width `ＨＴＴＰ` as `HTTP`), without emphasis and
 * code marks, case-folded (Turkish dotted and dotless i alike), `_` and `-` as spaces, single spaces and none beside
 * Chinese, Japanese or Korean letters, typographic apostrophes as `'`, without trailing punctuation
 * (`**HTTP_code**` → `http code`, `Código:` → `código`, `HTTP 状态码` → `http状态码`).
 */
export function normalizeHeader(text: string): string {
  const folded = text.normalize('NFKC').replace(/[*`~]+/g, '').toLowerCase().replace(/\u0307/g, '').replace(/ı/g, 'i')
  const spaced = folded.replace(/[\u2018\u2019\u02bc]/g, "'").replace(/[\s_-]+/g, ' ').replace(spaceBesideSpaceless, '').trim()
  const bare = spaced.replace(/[\s:;,.!?。、，：；！？]+$/u, '')
  return bare === '' ? spaced : bare
}
