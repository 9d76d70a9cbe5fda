/** same-content: two catalog entries in, whether their content (every field but where each is written) is the same all the way down — what writing each out with `JSON.stringify` would say, found without writing either. */
import type {CatalogEntry} from '../types.js'

/**
 * Whether two entries have the same content (every field but `source`): the same fields in the same order, each
 * the same value all the way down — so that their content is written out the same (`JSON.stringify`) — found
 * without writing either out. False when in doubt (a value `JSON.stringify` would write the same but is not equal).
 */
export function sameContent(a: CatalogEntry, b: CatalogEntry): boolean {
  if (a === b) return true
  const keys = Object.keys(a)
  const others = Object.keys(b)
  if (keys.length !== others.length) return false
  for (let index = 0; index < keys.length; index++) {
    const key = keys[index] as keyof CatalogEntry
    if (key !== others[index]) return false
    if (key !== 'source' && !sameValue(a[key], b[key])) return false
  }
  return true
}

/** Whether two values are the same all the way down: primitives equal, arrays and plain objects of the same members in the same order. */
function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false
  if (Array.isArray(a) !== Array.isArray(b) || Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false
  if (Object.getPrototypeOf(a) !== Object.prototype && !Array.isArray(a)) return false
  const keys = Object.keys(a)
  const others = Object.keys(b)
  if (keys.length !== others.length) return false
  for (let index = 0; index < keys.length; index++) {
    const key = keys[index] as string
    if (key !== others[index] || !sameValue((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key])) return false
  }
  return true
}
