/** targets/dictionary: nothing in, the lookup dictionary target out — `<base>.errors.json`, one plain JSON object keyed by code that a support portal, a docs site or a lookup service loads without a schema library; its emitter and reader, and the one code it cannot hold (`$comment`, its notice's key). */
import {notice} from '../generated.js'
import type {Emitter, Target} from '../target.js'

/** The key of the dictionary's notice, which no code can be. */
export const noticeKey = '$comment'

export const dictionary = {
  key: 'dictionary',
  title: 'the lookup dictionary',
  summary: 'a lookup dictionary: one JSON object keyed by code (name, status, message, resolve text, heading, deprecation, problem type)',
  enabledByDefault: false,
  defaultName: (base: string) => base + '.errors.json',
  matchesName: (name: string) => name.endsWith('.json'),
  load: async (): Promise<Emitter> => (await import('./emit.js')).emitter,
  readBack: {load: async () => (await import('./read-back.js')).readDictionary, knowsColumns: true, linkedTexts: false, cost: 1, statusNames: undefined},
  names: {
    reserved: () => undefined,
    reservedCode: (code: string) => (code === noticeKey ? 'is the key of the lookup dictionary\'s notice' : undefined)
  },
  notice: (catalog) => notice(catalog)
} satisfies Target<'dictionary'>
