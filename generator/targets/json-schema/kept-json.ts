/** targets/json-schema/kept-json: data whose maps may hold `Kept` values (a session's texts of the entries' parts, or parts made as they are written) in, exactly the text `JSON.stringify(data, null, 2)` gives the data they stand for out — each kept member's text taken as it was written, the rest written by `JSON.stringify` — whole, or piece by piece into a sink. */
import {Kept} from '../../emit/cache.js'
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

/** An object at this indentation: its members one a line, each kept one's text as kept, each other written whole by `JSON.stringify` (or member by member when it holds kept values). */
function writeObject(object: Readonly<Record<string, unknown>>, indent: string, out: TextSink): void {
  const inner = indent + step
  let separator = '{\n'
  for (const key of Object.keys(object)) {
    const value = object[key]
    if (value === undefined || typeof value === 'function') continue
    out.push(separator)
    separator = ',\n'
    if (value instanceof Kept) out.push(value.text(inner, (made) => memberText(key, made, inner)))
    else if (holdsKept(value)) {
      out.push(inner + JSON.stringify(key) + ': ')
      writeObject(value as Record<string, unknown>, inner, out)
    } else out.push(memberText(key, value, inner))
  }
  out.push(separator === '{\n' ? '{}' : '\n' + indent + '}')
}

/** A member as `JSON.stringify` writes it at this indentation. */
function memberText(key: string, value: unknown, indent: string): string {
  return indent + JSON.stringify(key) + ': ' + JSON.stringify(value, null, 2).replace(/\n/g, '\n' + indent)
}

/** Whether a value is an object (not an array) with a kept member. */
function holdsKept(value: unknown): boolean {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false
  for (const key in value) if ((value as Record<string, unknown>)[key] instanceof Kept) return true
  return false
}
