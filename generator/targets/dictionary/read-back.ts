/** targets/dictionary/read-back: the text of a lookup dictionary errgen generated in, the entries it holds out, sorted by code (a JavaScript object puts integer keys first); anything else throws. */
import {compareCodes} from '../../catalog/codes.js'
import type {Snapshot} from '../../types.js'
import type {DictionaryEntry} from './emit.js'
import {noticeKey} from './index.js'

/** The entries of a lookup dictionary; throws when the text is not errgen's output. */
export function readDictionary(text: string): Array<Snapshot> {
  const value: unknown = JSON.parse(text)
  if (value === null || typeof value !== 'object' || Array.isArray(value) || typeof (value as Record<string, unknown>)[noticeKey] !== 'string') throw new Error('not a lookup dictionary')
  return Object.entries(value as Record<string, DictionaryEntry>)
    .filter(([key]) => key !== noticeKey)
    .map(([key, entry]) => {
      if (String(entry.code) !== key || typeof entry.name !== 'string' || typeof entry.message !== 'string') throw new Error('unexpected entry ' + key)
      return {
        code: entry.code,
        name: entry.name,
        status: entry.status ?? undefined,
        message: entry.message,
        resolve: entry.resolve ?? undefined,
        deprecated: entry.deprecated === true,
        type: entry.type ?? undefined
      }
    })
    .sort((a, b) => compareCodes(a.code, b.code))
}
