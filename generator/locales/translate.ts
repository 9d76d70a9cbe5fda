/** locales/translate: the catalog's entries with their rows, and the rows of each locale's documents in, the entries with their translations and the catalog's locales out; a translation with other parameters, missing translations and codes of one locale only become located messages. */
import type {Position} from 'unist'
import type {VFile} from 'vfile'
import {error, firstOccurrence, placeOf, warning} from '../diagnostics/messages.js'
import type {CatalogEntry, CatalogLocales, ReadDocument, Row, RowTranslation, Template, Translation} from '../types.js'
import {templateParams} from '../params/fill.js'
import {defaultLocaleTag} from './tags.js'

/** The documents of one locale's translations (`locales: {"fr": "docs/errors.fr.md"}`), as validate read them. */
export interface LocaleDocuments {
  readonly locale: string
  readonly documents: ReadonlyArray<ReadDocument>
}

/** A translation as found: in a tagged column of the entry's row, or in a row of a locale's document. */
interface Found {
  readonly translation: RowTranslation
  readonly file: VFile
}

/** Each locale's translations by code, in the order locales are first found. */
type FoundByLocale = Map<string, Map<number | string, Found>>

/**
 * The entries with their translations, and the catalog's locales; the entries as they are, and no locales, when the
 * page translates into none.
 *
 * @param rowOf the row of each entry
 * @param defaultLocale the untagged messages' locale (`en` when undefined)
 */
export function translateEntries(
  entries: ReadonlyArray<CatalogEntry>,
  rowOf: (entry: CatalogEntry) => Row | undefined,
  localeDocuments: ReadonlyArray<LocaleDocuments>,
  defaultLocale: string | undefined
): {entries: ReadonlyArray<CatalogEntry>, locales?: CatalogLocales} {
  const found: FoundByLocale = new Map()
  collectColumnTranslations(entries, rowOf, found)
  const first = collectDocumentTranslations(localeDocuments, entries, found)
  if (found.size === 0) return {entries}
  const tag = defaultLocale ?? defaultLocaleTag
  const others = [...found.keys()].sort()
  const translated = entries.map((entry) => withTranslations(entry, others, found))
  for (const locale of others) reportMissing(entries, locale, found.get(locale) as Map<number | string, Found>, tag, first.get(locale), rowOf)
  return {entries: translated, locales: {default: tag, others}}
}

/** The translations of the tagged columns of the entries' rows. */
function collectColumnTranslations(entries: ReadonlyArray<CatalogEntry>, rowOf: (entry: CatalogEntry) => Row | undefined, found: FoundByLocale): void {
  for (const entry of entries) {
    const row = rowOf(entry)
    for (const translation of row?.translations ?? []) if (row) foundIn(found, translation.locale).set(entry.code, {translation, file: row.file})
  }
}

/**
 * The translations of each locale's documents (a locale with no document row is still a locale, all of its
 * translations missing); where each locale's first table is, for the warning about its missing translations.
 */
function collectDocumentTranslations(
  localeDocuments: ReadonlyArray<LocaleDocuments>,
  entries: ReadonlyArray<CatalogEntry>,
  found: FoundByLocale
): Map<string, {file: VFile, place: Position | undefined}> {
  const codes = new Map(entries.map((entry) => [String(entry.code), entry.code]))
  const first = new Map<string, {file: VFile, place: Position | undefined}>()
  for (const {locale, documents} of localeDocuments) {
    const byCode = foundIn(found, locale)
    const seen = new Map<number | string, Row>()
    for (const document of documents) {
      const [row] = document.rows
      if (!first.has(locale) && row) first.set(locale, {file: row.file, place: document.tables[0]?.place})
      for (const each of document.rows) readDocumentRow(each, locale, codes, byCode, seen)
    }
  }
  return first
}

/** The translations of one locale, by code. */
function foundIn(found: FoundByLocale, locale: string): Map<number | string, Found> {
  let byCode = found.get(locale)
  if (!byCode) found.set(locale, (byCode = new Map()))
  return byCode
}

/**
 * A row of a locale's document: the translation of its code (over a tagged column's), or an error when the default
 * locale has no such code, or when the locale's documents translate the code twice.
 *
 * @param seen the rows of the locale's documents read so far, by code
 */
function readDocumentRow(row: Row, locale: string, codes: ReadonlyMap<string, number | string>, found: Map<number | string, Found>, seen: Map<number | string, Row>): void {
  const code = codes.get(row.code.text.trim())
  if (code === undefined) {
    const reason = 'Unexpected code ' + row.code.text + ' in the ' + locale + ' translations, expected a code of the default locale\'s documents: it documents no error there'
    error(row.file, reason, row.code.place, 'translation-only-code')
    return
  }
  const earlier = seen.get(code)
  if (earlier) {
    const reason = 'Duplicate code ' + code + ' in the ' + locale + ' translations, first defined at ' + placeOf(row.file, earlier.file, earlier.code.place)
    error(row.file, reason, row.code.place, 'duplicate-code', firstOccurrence(earlier.file, earlier.code.place, 'duplicate-code'))
    return
  }
  seen.set(code, row)
  const translation: RowTranslation = {locale, message: row.message, resolve: row.resolve, ...(row.params ? {params: row.params} : {}), place: row.places.message}
  found.set(code, {translation, file: row.file})
}

/** One warning per locale with codes that have no message in it: at the first such row, or the locale's document. */
function reportMissing(
  entries: ReadonlyArray<CatalogEntry>,
  locale: string,
  found: ReadonlyMap<number | string, Found>,
  defaultLocale: string,
  document: {file: VFile, place: Position | undefined} | undefined,
  rowOf: (entry: CatalogEntry) => Row | undefined
): void {
  const missing = entries.filter((entry) => found.get(entry.code)?.translation.message === undefined)
  const [firstMissing] = missing
  if (!firstMissing) return
  const shown = missing.slice(0, 5).map((entry) => String(entry.code)).join(', ') + (missing.length > 5 ? ', …' : '')
  const reason = 'Missing ' + locale + ' translation of ' + missing.length + ' code' + (missing.length === 1 ? '' : 's') + ' (' + shown +
    '), expected a message in every locale: the ' + defaultLocale + ' message is used for ' + (missing.length === 1 ? 'it' : 'them')
  const inRow = found.get(firstMissing.code)
  const row = rowOf(firstMissing)
  const at = inRow ? {file: inRow.file, place: inRow.translation.place} : document ?? (row ? {file: row.file, place: row.places.row} : undefined)
  if (at) warning(at.file, reason, at.place, 'missing-translation')
}

/** An entry with its translations, each checked to use exactly the entry's parameters. */
function withTranslations(entry: CatalogEntry, locales: ReadonlyArray<string>, found: FoundByLocale): CatalogEntry {
  const translations: Record<string, Translation> = {}
  for (const locale of locales) {
    const item = found.get(locale)?.get(entry.code)
    if (!item || item.translation.message === undefined || !sameParams(entry, item, locale)) continue
    translations[locale] = translationOf(item.translation, item.translation.message)
  }
  return Object.keys(translations).length === 0 ? entry : {...entry, translations}
}

/** A translation as the catalog holds it: templates when it has parameters, its texts as sent otherwise. */
function translationOf(row: RowTranslation, message: string): Translation {
  const templates = row.params?.templates
  const resolve = templates?.resolve && templates.resolve.length === 1 ? templates.resolve[0] : row.resolve
  if (!row.params || row.params.params.length === 0) {
    return {message: templates?.message[0] ?? message, ...(resolve === undefined ? {} : {resolve})}
  }
  return {message, ...(resolve === undefined ? {} : {resolve}), templates: {message: row.params.templates.message, resolve: templates?.resolve && templates.resolve.length > 1 ? templates.resolve : undefined}}
}

/** Whether a translation's message and resolve text use exactly the parameters of the entry's; an error at the translation for each that does not. */
function sameParams(entry: CatalogEntry, item: Found, locale: string): boolean {
  const translated = item.translation.params?.templates
  const message = checkParams(templateNames(entry.templates?.message), templateNames(translated?.message), 'message', entry, item, locale)
  if (item.translation.resolve === undefined) return message
  return checkParams(templateNames(entry.templates?.resolve), templateNames(translated?.resolve), 'resolve text', entry, item, locale) && message
}

/** The parameters of a template; none for a text without parameters. */
function templateNames(template: Template | undefined): Array<string> {
  return template ? templateParams(template) : []
}

/** Whether a translated text has exactly these parameters: an error naming those added (or else those left out) when not. */
function checkParams(expected: ReadonlyArray<string>, actual: ReadonlyArray<string>, text: 'message' | 'resolve text', entry: CatalogEntry, item: Found, locale: string): boolean {
  const added = actual.filter((name) => !expected.includes(name))
  const left = expected.filter((name) => !actual.includes(name))
  if (added.length === 0 && left.length === 0) return true
  const list = (names: ReadonlyArray<string>) => 'parameter' + (names.length === 1 ? ' ' : 's ') + names.map((name) => '`{' + name + '}`').join(', ')
  const where = ' in the ' + locale + ' translation of the ' + text + ' of code ' + entry.code + ', expected '
  const reason = added.length > 0
    ? 'Unexpected ' + list(added) + where + (expected.length === 0 ? 'none, as the ' + text + ' has none' : 'exactly those of the ' + text + ': ' + list(expected))
    : 'Missing ' + list(left) + where + 'each of those of the ' + text + ', so that no value is lost'
  error(item.file, reason, item.translation.place, 'translation-params')
  return false
}
