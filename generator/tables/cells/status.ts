/** status: an HTTP cell's text and place in, its status out — `403`, `403 Forbidden`, `403 (Forbidden)`, `HTTP 404`, or none (`-`, `N/A`, empty) with a note; a status class (`4xx`) or other text becomes an `invalid-status` error, a reason phrase that is not the status's a `status-phrase` warning. */
import type {Position} from 'unist'
import type {VFile} from 'vfile'
import {error, info, warning} from '../../diagnostics/messages.js'
import {reasonPhrase} from '../../catalog/names.js'

const smallestStatus = 100
const largestStatus = 599
const smallestErrorStatus = 400

/** `404`, `HTTP 404`, `HTTP/1.1 404`, each optionally followed by a reason phrase (`Not Found`, `(Not Found)`, `- Not Found`). */
const statusPattern = /^(?:HTTP(?:\/\d(?:\.\d)?)?[ \t]*)?(\d+)(?:[ \t]*(?:[-–—:][ \t]*)?(?:\(([^()]*)\)|(\p{L}[^()]*)))?$/iu

/** A status class such as `4xx` or `5XX`. */
const statusClassPattern = /^(?:HTTP[ \t]*)?[1-5]xx$/i

/**
 * Phrases that name a status as well as the standard one of the `statuses` package: earlier and later names of
 * RFC 9110 (`Request Entity Too Large`, `Content Too Large`), so that neither is taken for a contradiction.
 */
const otherPhrases: Readonly<Record<number, ReadonlyArray<string>>> = {
  302: ['Moved Temporarily'],
  413: ['Request Entity Too Large', 'Content Too Large'],
  414: ['Request-URI Too Long', 'Request URI Too Long'],
  416: ['Requested Range Not Satisfiable'],
  418: ["I'm a teapot"],
  422: ['Unprocessable Content']
}

/** A status and its reason phrase as a cell writes them; undefined when the cell is not an integer from 100 to 599. */
export function parseStatus(text: string): {status: number, phrase: string | undefined} | undefined {
  const match = statusPattern.exec(text.trim())
  const digits = match?.[1]
  const status = Number(digits)
  if (!match || !digits || !/^[1-9]\d*$/.test(digits) || status < smallestStatus || status > largestStatus) return undefined
  return {status, phrase: (match[2] ?? match[3])?.trim()}
}

/** Whether a cell reads like an HTTP status, valid or not: digits (`404`, `4O4`), `HTTP …`, or a class (`4xx`). */
export function looksLikeStatus(text: string): boolean {
  return /^(?:HTTP\S*\s*)?\d/i.test(text.trim()) || statusClassPattern.test(text.trim())
}

/** An HTTP status cell: an integer from 100 to 599, with an optional reason phrase (an error otherwise); below 400 a warning. */
export function readStatus(text: string, place: Position | undefined, file: VFile, hint: string = ''): number | undefined {
  const parsed = parseStatus(text)
  if (!parsed) {
    error(file, invalidReason(text) + hint, place, 'invalid-status')
    return undefined
  }
  const {status, phrase} = parsed
  if (phrase) checkPhrase(status, phrase, place, file)
  if (status < smallestErrorStatus) {
    const reason = 'Unexpected HTTP status ' + status + ' for an error, expected ' + smallestErrorStatus + ' to ' + largestStatus
    warning(file, reason, place, 'non-error-status')
  }
  return status
}

/** A cell that says an error has no HTTP status: empty, `-`, `–`, `—` or `N/A`. */
export function saysNoStatus(text: string): boolean {
  return /^(?:|-|–|—|n\/a)$/i.test(text.trim())
}

/**
 * An HTTP cell of a table whose rows may leave the status out: null, with a note, when it says none (`-`, `N/A`,
 * empty); else as `readStatus`.
 *
 * @param code the row's code, as written
 */
export function readStatusOrNone(text: string, place: Position | undefined, file: VFile, code: string): number | null | undefined {
  if (!saysNoStatus(text)) return readStatus(text, place, file)
  const cell = text.trim() === '' ? 'empty' : '`' + text.trim() + '`'
  info(file, 'Code ' + code + ' has no HTTP status (its HTTP cell is ' + cell + '): its entry is a code without one', place, 'no-status')
  return null
}

/** Why a cell that says none is an error where the configuration names the HTTP column. */
export const configuredStatusHint = ': the configuration names this column as HTTP, so every row needs a status'

function invalidReason(text: string): string {
  const reason = 'Unexpected HTTP status ' + quote(text) + ', expected an integer from ' + smallestStatus + ' to ' + largestStatus
  if (!statusClassPattern.test(text.trim())) return reason
  return reason + ': `' + text.trim() + '` is a class of statuses, and a response is sent with one of them; write that one (such as `' +
    text.trim().replace(/^\D+/, '').replace(/xx$/i, '00') + '`)'
}

/** Warn when a reason phrase is not its status's: `404 Bad Request` is read as 404, but one of the two is a typo. */
function checkPhrase(status: number, phrase: string, place: Position | undefined, file: VFile): void {
  const standard = reasonPhrase(status)
  if (!standard) return
  const known = [standard, ...(otherPhrases[status] ?? [])]
  if (known.some((name) => comparable(name) === comparable(phrase))) return
  const reason = 'Unexpected reason phrase `' + phrase + '` for HTTP status ' + status + ', expected `' + standard + '`: the status is read as ' + status
  warning(file, reason, place, 'status-phrase')
}

/** A reason phrase as phrases are compared: lower case, letters and digits only (`I'm a Teapot`, `Im a teapot`). */
function comparable(phrase: string): string {
  return phrase.toLowerCase().replace(/[^a-z0-9]/g, '')
}

/** A cell's text for a message: in backticks, or `(empty)`. */
function quote(text: string): string {
  return text === '' ? '(empty)' : '`' + text + '`'
}
