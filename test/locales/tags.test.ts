/** Locale tags and the headers that carry them: BCP 47's shape in canonical case, and a header read as a column of translations only when its name is a Message or Resolve header and its tag looks like a locale (`Message (optional)` stays an unknown header). */
import {describe, expect, test} from 'vitest'
import {checkLocaleTag, splitLocaleHeader} from '../../generator/locales/tags.js'
import {aliasesOf, mapHeader} from '../../generator/tables/header/columns.js'

const tags: Array<[string, {given: string, want: {tag: string, invalid?: boolean}}]> = [
  ['a language', {given: 'fr', want: {tag: 'fr'}}],
  ['a language and region, in canonical case', {given: 'DE-de', want: {tag: 'de-DE'}}],
  ['a script and region', {given: 'zh-hant-tw', want: {tag: 'zh-Hant-TW'}}],
  ['a numeric region', {given: 'es-419', want: {tag: 'es-419'}}],
  ['an underscore', {given: 'de_DE', want: {tag: 'de_DE', invalid: true}}],
  ['a word', {given: 'english', want: {tag: 'english', invalid: true}}],
  ['a one-letter region', {given: 'en-x', want: {tag: 'en-x', invalid: true}}]
]

const options = {columns: {}, optionalColumns: [], codes: 'auto', headings: []} as const

const headers: Array<[string, {given: string, want: {column: string | undefined, locale?: {column: string, tag: string}}}]> = [
  ['parentheses', {given: 'Message (fr)', want: {column: undefined, locale: {column: 'message', tag: 'fr'}}}],
  ['brackets', {given: 'Message [de-DE]', want: {column: undefined, locale: {column: 'message', tag: 'de-DE'}}}],
  ['another language\'s name', {given: 'Сообщение (ru)', want: {column: undefined, locale: {column: 'message', tag: 'ru'}}}],
  ['a resolve column', {given: 'Resolution (es)', want: {column: undefined, locale: {column: 'resolve', tag: 'es'}}}],
  ['the default locale', {given: 'Message (EN)', want: {column: 'message'}}],
  ['no locale in parentheses', {given: 'Message (optional)', want: {column: undefined}}],
  ['a column that is not translated', {given: 'Code (fr)', want: {column: undefined}}]
]

describe('checkLocaleTag', () => {
  test.each(tags)('%s', (_, {given, want}) => {
    const checked = checkLocaleTag(given)
    expect({tag: checked.tag, ...(checked.invalid === undefined ? {} : {invalid: true})}).toEqual(want)
  })
})

describe('a header with a locale tag', () => {
  test.each(headers)('%s', (_, {given, want}) => {
    const [cell] = mapHeader([given], aliasesOf(options))
    expect({column: cell?.column, ...(cell?.locale ? {locale: {column: cell.locale.column, tag: cell.locale.tag}} : {})}).toEqual(want)
  })

  test('splits a name from its tag only when the tag looks like one', () => {
    expect(splitLocaleHeader(' Message  ( fr-CA ) ')).toEqual({name: 'Message', tag: 'fr-CA'})
    expect(splitLocaleHeader('Message (in English)')).toBeUndefined()
    expect(splitLocaleHeader('(fr)')).toBeUndefined()
  })
})
