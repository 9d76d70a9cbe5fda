/** targets/dictionary/emit: a catalog and the emit options in, the lookup dictionary's JSON text out — its notice, then one entry per code in the catalog's order, every key always there (null when the entry has no such value). */
import {problemTypeOrUndefined} from '../../config/settings/problem-template.js'
import type {Catalog, CatalogEntry, EmitOptions} from '../../types.js'
import type {Emitter} from '../target.js'
import {dictionary, noticeKey} from './index.js'

/** The lookup dictionary's emitter. */
export const emitter: Emitter = {emit: emitDictionary}

/** One entry as the dictionary holds it. */
export interface DictionaryEntry {
  readonly code: number | string
  readonly name: string
  readonly status: number | null
  readonly message: string
  readonly resolve: string | null
  readonly heading: string | null
  readonly deprecated: boolean
  readonly replacement: number | string | null
  readonly type: string | null
  /** The message (and resolve text, null for the default locale's) in each other locale; only in a catalog with translations. */
  readonly translations?: Readonly<Record<string, {readonly message: string, readonly resolve: string | null}>>
}

/**
 * The dictionary, written key by key so that the notice comes first and the codes in the catalog's order (a
 * JavaScript object would put integer keys first, in its own order).
 */
export function emitDictionary(catalog: Catalog, options: EmitOptions): string {
  const members = [JSON.stringify(noticeKey) + ': ' + JSON.stringify(dictionary.notice(catalog))]
  for (const entry of catalog.entries) members.push(JSON.stringify(String(entry.code)) + ': ' + JSON.stringify(dictionaryEntry(entry, options, catalog), null, 2).replace(/\n/g, '\n  '))
  return '{\n  ' + members.join(',\n  ') + '\n}\n'
}

/** An entry with every key, in a fixed order. */
export function dictionaryEntry(entry: CatalogEntry, options: Pick<EmitOptions, 'problem'>, catalog?: Catalog): DictionaryEntry {
  return {
    code: entry.code,
    name: entry.name,
    status: entry.status ?? null,
    message: entry.message,
    resolve: entry.resolve ?? null,
    heading: entry.group ?? null,
    deprecated: entry.deprecated !== undefined,
    replacement: entry.deprecated?.replacement ?? null,
    type: problemTypeOrUndefined(options.problem, entry) ?? null,
    ...(catalog?.locales ? {translations: translationsOf(entry)} : {})
  }
}

/** An entry's translations, by locale in the catalog's order: those it has (the default locale's message is used in the others). */
function translationsOf(entry: CatalogEntry): Record<string, {message: string, resolve: string | null}> {
  return Object.fromEntries(Object.entries(entry.translations ?? {}).map(([locale, translation]) => [locale, {message: translation.message, resolve: translation.resolve ?? null}]))
}
