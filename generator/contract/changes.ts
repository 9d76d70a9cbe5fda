/** changes: the entries of an old and a new catalog in, which codes were added, removed or changed (and in what) out. */
import type {Snapshot} from '../types.js'

/** The codes added, removed and changed between two catalogs. */
export interface Changes {
  added: Array<number | string>
  removed: Array<number | string>
  /** Each changed code with the fields that differ. */
  changed: Array<{code: number | string, fields: Array<string>}>
}

/** The fields compared, in the order messages name them. */
const fields = ['name', 'status', 'message', 'resolve'] as const

/** Compare by code. A field one side does not record (the JSON Schema has no status) is not compared. */
export function compareEntries(before: ReadonlyArray<Snapshot>, after: ReadonlyArray<Snapshot>): Changes {
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

/** `code 1800 added; codes 1610, 1611 removed; code 1000 changed (message)`, or '' when no code changed. */
export function describeChanges(changes: Changes): string {
  const parts: Array<string> = []
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

/** `code 1800`, `codes 1610, 1611` */
function codeList(codes: ReadonlyArray<number | string>): string {
  return (codes.length === 1 ? 'code ' : 'codes ') + shorten(codes.map(String))
}

/** At most eight items, then how many more. */
function shorten(items: ReadonlyArray<string>): string {
  const most = 8
  return items.slice(0, most).join(', ') + (items.length > most ? ' and ' + (items.length - most) + ' more' : '')
}
