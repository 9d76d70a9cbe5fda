/** targets/json-schema/kept-json: data whose maps may hold `Kept` values (a session's texts of the entries' parts) in, exactly the text `JSON.stringify(data, null, 2)` gives the data they stand for out — each kept member's text taken as it was written, the rest written by `JSON.stringify`. */
import {Kept} from '../../emit/cache.js'

/** One level of indentation, as `JSON.stringify(…, null, 2)` writes it. */
const step = '  '

/** `JSON.stringify(data, null, 2)` of an object whose members, or their members, may be `Kept` values. */
export function writeKeptJson(data: Readonly<Record<string, unknown>>): string {
  return objectText(data, '')
}

/** An object at this indentation: its members one a line, each kept one's text as kept, each other written whole by `JSON.stringify` (or member by member when it holds kept values). */
function objectText(object: Readonly<Record<string, unknown>>, indent: string): string {
  const inner = indent + step
  const members: Array<string> = []
  for (const key of Object.keys(object)) {
    const value = object[key]
    if (value instanceof Kept) members.push(value.text(inner, (made) => memberText(key, made, inner)))
    else if (holdsKept(value)) members.push(inner + JSON.stringify(key) + ': ' + objectText(value as Record<string, unknown>, inner))
    else if (value !== undefined && typeof value !== 'function') members.push(memberText(key, value, inner))
  }
  return members.length === 0 ? '{}' : '{\n' + members.join(',\n') + '\n' + indent + '}'
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
