/** names: text in, identifiers out — the PascalCase names of error codes and HTTP statuses. */
import {STATUS_CODES} from 'node:http'

/** An identifier errgen accepts: ASCII, so that it is also a valid OpenAPI component key and enum var name everywhere. */
export const identifierPattern = /^[A-Za-z_][A-Za-z0-9_]*$/

/** Names a JavaScript object cannot have as its own: an enum member named so would not exist when the code runs. */
export const unusableNames = new Set(['__proto__'])

/** Names the generated files use for their own types: an entry named like one would collide in the schemas. */
export const reservedNames = new Set(['ErrorCode', 'ErrorBody'])

/**
 * The PascalCase identifier of a text: `access_token missing` → `AccessTokenMissing`.
 * Accents are dropped, other characters separate words, a leading digit gets a `_`; '' when no letter or digit is left.
 *
 * @param {string} text
 * @returns {string}
 */
export function pascalCase(text) {
  const words = text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/['\u2019]/g, '')
    .split(/[^A-Za-z0-9]+/)
  const name = words.map((word) => capitalize(word)).join('')
  return /^\d/.test(name) ? '_' + name : name
}

/**
 * @param {string} word
 * @returns {string}
 */
function capitalize(word) {
  return word.charAt(0).toUpperCase() + word.slice(1)
}

/**
 * The standard reason phrase of an HTTP status (`Bad Request`), or undefined.
 *
 * @param {number} status
 * @returns {string | undefined}
 */
export function reasonPhrase(status) {
  return STATUS_CODES[status]
}

/**
 * The identifier of an HTTP status: its reason phrase in PascalCase (`BadRequest`), or `Status499` without one.
 *
 * @param {number} status
 * @returns {string}
 */
export function statusName(status) {
  const phrase = reasonPhrase(status)
  return (phrase && pascalCase(phrase)) || 'Status' + status
}
