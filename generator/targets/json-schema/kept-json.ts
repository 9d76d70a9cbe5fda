/** targets/json-schema/kept-json: data whose maps may hold `Kept` values (a session's texts of the entries' parts, or parts made as they are written) in, exactly the text `JSON.stringify(data, null, 2)` gives the data they stand for out — each kept member's text taken as it was written, the rest written by `JSON.stringify` — whole, or piece by piece into a sink. */
import {Kept, Later} from '../../emit/cache.js'
import {TextChunks, type TextSink} from '../../emit/encoded.js'

/** One level of indentation, as `JSON.stringify(…, null, 2)` writes it. */
const step = '  '

/** `JSON.stringify(data, null, 2)` of an object whose members, or their members, may be `Kept` values. */
export function writeKeptJson(data: Readonly<Record<string, unknown>>): string {
  const out = new TextChunks()
  writeObject(data, '', out)
  return out.toString()
}

/** Write `JSON.stringify(data, null, 2)` of such an object into `out`, member by member. */
export function writeKeptJsonInto(data: Readonly<Record<string, unknown>>, out: TextSink): void {
  writeObject(data, '', out)
}

/** How many members made as they are written are written by one call of `JSON.stringify`. */
const batchSize = 128

/**
 * An object at this indentation: its members one a line, each kept one's text as kept, each other written by
 * `JSON.stringify` (or member by member when it holds kept values), a batch of consecutive members in one call.
 */
function writeObject(object: Readonly<Record<string, unknown>>, indent: string, out: TextSink): void {
  const inner = indent + step
  let separator = '{\n'
  let batch: Array<[string, unknown]> = []
  const flush = (): void => {
    if (batch.length === 0) return
    out.push(separator + membersText(batch, inner))
    separator = ',\n'
    batch = []
  }
  for (const key of Object.keys(object)) {
    const value = object[key]
    if (value === undefined || typeof value === 'function') continue
    if (value instanceof Later || !(value instanceof Kept || holdsKept(value))) {
      batch.push([key, value instanceof Later ? value.make() : value])
      if (batch.length >= batchSize) flush()
      continue
    }
    flush()
    out.push(separator)
    separator = ',\n'
    if (value instanceof Kept) out.push(value.text(inner, (made) => membersText([[key, made]], inner)))
    else {
      out.push(inner + JSON.stringify(key) + ': ')
      writeObject(value as Record<string, unknown>, inner, out)
    }
  }
  flush()
  out.push(separator === '{\n' ? '{}' : '\n' + indent + '}')
}

/**
 * Members as `JSON.stringify` writes them at this indentation, one a line: written by one call of `JSON.stringify`
 * inside as many objects as the indentation has levels, and cut out (no pass over the text to indent its lines).
 * The members are consecutive in their object, in its order, so that an object of them alone keeps it.
 */
function membersText(members: ReadonlyArray<[string, unknown]>, indent: string): string {
  let wrapped: unknown = Object.fromEntries(members)
  let prefix = '{\n'
  let suffix = '\n}'
  for (let level = step; level.length < indent.length; level += step) {
    wrapped = {'': wrapped}
    prefix += level + '"": {\n'
    suffix = '\n' + level + '}' + suffix
  }
  const text = JSON.stringify(wrapped, null, 2)
  return text.slice(prefix.length, text.length - suffix.length)
}

/** Whether a value is an object (not an array) with a kept member. */
function holdsKept(value: unknown): boolean {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false
  for (const key in value) if ((value as Record<string, unknown>)[key] instanceof Kept) return true
  return false
}
