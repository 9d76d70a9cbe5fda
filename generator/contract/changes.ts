/** changes: the entries of an old and a new catalog in, which codes were added, removed or changed (and in what) out. */

/**
 * @import {Snapshot} from '../types.js'
 */

/**
 * @typedef Changes
 * @property {Array<number | string>} added
 * @property {Array<number | string>} removed
 * @property {Array<{code: number | string, fields: Array<string>}>} changed
 */

/** The fields compared, in the order messages name them. */
const fields = /** @type {const} */ (['name', 'status', 'message', 'resolve'])

/**
 * Compare by code. A field one side does not record (the JSON Schema has no status) is not compared.
 *
 * @param {ReadonlyArray<Snapshot>} before
 * @param {ReadonlyArray<Snapshot>} after
 * @returns {Changes}
 */
export function compareEntries(before, after) {
  const old = new Map(before.map((entry) => [String(entry.code), entry]))
  const now = new Map(after.map((entry) => [String(entry.code), entry]))
  return {
    added: after.filter((entry) => !old.has(String(entry.code))).map((entry) => entry.code),
    removed: before.filter((entry) => !now.has(String(entry.code))).map((entry) => entry.code),
    changed: after.flatMap((entry) => {
      const previous = old.get(String(entry.code))
      if (!previous) return []
      const differing = fields.filter(
        (field) => previous[field] !== undefined && entry[field] !== undefined && previous[field] !== entry[field]
      )
      return differing.length > 0 ? [{code: entry.code, fields: differing}] : []
    })
  }
}

/**
 * `code 1800 added; codes 1610, 1611 removed; code 1000 changed (message)`, or '' when no code changed.
 *
 * @param {Changes} changes
 * @returns {string}
 */
export function describeChanges(changes) {
  const parts = []
  if (changes.added.length > 0) parts.push(codeList(changes.added) + ' added')
  if (changes.removed.length > 0) parts.push(codeList(changes.removed) + ' removed')
  const [single] = changes.changed
  if (single && changes.changed.length === 1) {
    parts.push('code ' + single.code + ' changed (' + single.fields.join(', ') + ')')
  } else if (changes.changed.length > 1) {
    parts.push('codes ' + shorten(changes.changed.map((change) => change.code + ' (' + change.fields.join(', ') + ')')) + ' changed')
  }
  return parts.join('; ')
}

/**
 * @param {ReadonlyArray<number | string>} codes
 * @returns {string}
 */
function codeList(codes) {
  return (codes.length === 1 ? 'code ' : 'codes ') + shorten(codes.map(String))
}

/**
 * At most eight items, then how many more.
 *
 * @param {ReadonlyArray<string>} items
 * @returns {string}
 */
function shorten(items) {
  const most = 8
  return items.slice(0, most).join(', ') + (items.length > most ? ' and ' + (items.length - most) + ' more' : '')
}
