/** targets/typescript/messages/locales: a catalog with translations in, the module's statements about locales out — `locales`, `Locale`, `defaultLocale`, `messages` per locale, `negotiateLocale`, the translations and `formatMessage` with a locale falling back to the default one; none for a catalog without translations, so that such a module is as before. */
import type {WriterFunction} from 'ts-morph'
import type {Catalog, CatalogEntry, Template} from '../../../types.js'
import {stringLiteral, textStatement} from '../syntax.js'
import {exampleParams, hasParams} from './params.js'

/** Whether the catalog has messages in more than one locale. */
export function hasLocales(catalog: Catalog): boolean {
  return catalog.locales !== undefined
}

/** The statements about locales, after the parameters' (they replace its `formatMessage`); none without translations. */
export function localeStatements(catalog: Catalog): Array<WriterFunction> {
  if (!catalog.locales) return []
  return [localesConstant(catalog), messagesConstant(catalog), translationsConstant(catalog), localeArgsType(catalog), localeArgsFunction(catalog), translatedFunction(), negotiateLocaleFunction(), formatMessageFunction(catalog)]
}

/** The index type of a catalog's codes. */
function codeKey(catalog: Catalog): string {
  return catalog.codeKind === 'integer' ? 'number' : 'string'
}

/** Every locale, the default one first. */
function allLocales(catalog: Catalog): Array<string> {
  return catalog.locales ? [catalog.locales.default, ...catalog.locales.others] : []
}

function localesConstant(catalog: Catalog): WriterFunction {
  return textStatement([
    '/** The locales of the messages, the default locale first. */',
    'export const locales = [' + allLocales(catalog).map((locale) => stringLiteral(locale)).join(', ') + '] as const;',
    '',
    '/** A locale of the messages. */',
    'export type Locale = (typeof locales)[number];',
    '',
    '/** The locale of the documented messages: a code without a translation in a locale is sent in this one. */',
    'export const defaultLocale: Locale = ' + stringLiteral(catalog.locales?.default ?? '') + ';'
  ])
}

/** The message of an entry in a locale as written (placeholders and all); undefined when it has no translation there. */
function messageIn(entry: CatalogEntry, locale: string, catalog: Catalog): string | undefined {
  return locale === catalog.locales?.default ? entry.message : entry.translations?.[locale]?.message
}

function messagesConstant(catalog: Catalog): WriterFunction {
  const lines = allLocales(catalog).flatMap((locale) => [
    '  ' + stringLiteral(locale) + ': {',
    ...catalog.entries.flatMap((entry) => {
      const message = messageIn(entry, locale, catalog)
      return message === undefined ? [] : ['    [ErrorCode.' + entry.name + ']: ' + stringLiteral(message) + ',']
    }),
    '  },'
  ])
  return textStatement([
    '/** Each code\'s message in each locale, as documented (with its placeholders); a code without a translation has none in that locale. */',
    'export const messages: { readonly [L in Locale]: { readonly [code: ' + codeKey(catalog) + ']: string | undefined } } = {',
    ...lines,
    '};'
  ])
}

/** A template as a list literal; a text without parameters as a template of one literal. */
function templateList(template: Template | undefined, text: string): string {
  return '[' + (template ?? [text]).map((part) => stringLiteral(part)).join(', ') + ']'
}

function translationsConstant(catalog: Catalog): WriterFunction {
  const lines = (catalog.locales?.others ?? []).flatMap((locale) => [
    '  ' + stringLiteral(locale) + ': {',
    ...catalog.entries.flatMap((entry) => {
      const translation = entry.translations?.[locale]
      if (!translation) return []
      const resolve = translation.resolve === undefined ? '' : ', resolve: ' + templateList(translation.templates?.resolve, translation.resolve)
      return ['    [ErrorCode.' + entry.name + ']: { message: ' + templateList(translation.templates?.message, translation.message) + resolve + ' },']
    }),
    '  },'
  ])
  const key = codeKey(catalog)
  return textStatement([
    '/** The translations: each one\'s message (and resolve text) as literal texts and parameter names alternating. */',
    'const translations: {',
    '  readonly [L in Locale]?: { readonly [code: ' + key + ']: { readonly message: readonly string[]; readonly resolve?: readonly string[] } | undefined };',
    '} = {',
    ...lines,
    '};'
  ])
}

/** The type of the arguments after a code, of the functions that take a locale: its parameters (when it has some), then the locale. */
function localeArgsType(catalog: Catalog): WriterFunction {
  return textStatement([
    '/** The arguments after a code: ' + (hasParams(catalog) ? 'the parameters of its message (when it has some), then ' : '') + 'the locale (the default locale when left out). */',
    'export type LocaleArgs<C extends ErrorCode> = ' + (hasParams(catalog) ? '[...ParamsArgs<C>, locale?: Locale | undefined]' : '[locale?: Locale | undefined]') + ';'
  ])
}

function localeArgsFunction(catalog: Catalog): WriterFunction {
  const count = hasParams(catalog) ? 'templates[code] === undefined ? 0 : 1' : '0'
  return textStatement([
    '/** The parameter values and the locale among the arguments after a code. */',
    'function localeArgs(code: ErrorCode, args: readonly unknown[]): { readonly params: { readonly [name: string]: unknown } | undefined; readonly locale: Locale | undefined } {',
    '  const count = ' + count + ';',
    '  return { params: (count === 0 ? undefined : args[0]) as { readonly [name: string]: unknown } | undefined, locale: args[count] as Locale | undefined };',
    '}'
  ])
}

function translatedFunction(): WriterFunction {
  return textStatement([
    '/** A code\'s message (or resolve text) in a locale, its parameters filled in; undefined when the locale has no translation of it. */',
    'function translated(code: ErrorCode, field: "message" | "resolve", params: { readonly [name: string]: unknown } | undefined, locale: Locale | undefined): string | undefined {',
    '  const template = locale === undefined ? undefined : translations[locale]?.[code]?.[field];',
    '  return template?.map((part, index) => (index % 2 === 0 ? part : String(params?.[part]))).join("");',
    '}',
    '',
    '/** Whether a message is a translation of a code\'s message, its parameters filled in. */',
    'function isTranslation(code: ErrorCode, message: string): boolean {',
    '  return locales.some((locale) => {',
    '    const template = translations[locale]?.[code]?.message;',
    '    return template !== undefined && templatePattern(template).test(message);',
    '  });',
    '}',
    '',
    '/** The pattern of a template\'s filled-in texts: each parameter a non-empty run of text, the rest as written. */',
    'function templatePattern(template: readonly string[]): RegExp {',
    '  const parts = template.map((part, index) => (index % 2 === 0 ? part.replace(/[\\\\^$.*+?()[\\]{}|]/g, "\\\\$&") : "[\\\\s\\\\S]+"));',
    '  return new RegExp("^" + parts.join("") + "$", "u");',
    '}'
  ])
}

function negotiateLocaleFunction(): WriterFunction {
  return textStatement([
    '/**',
    ' * The locale to answer in for an `Accept-Language` header (RFC 9110): the range of highest weight that names a locale',
    ' * (`fr-CH` is `fr` when there is no `fr-CH`, `de` is `de-DE`); the default locale when none does.',
    ' *',
    ' * @example negotiateLocale(request.headers["accept-language"])',
    ' */',
    'export function negotiateLocale(acceptLanguage: string | undefined): Locale {',
    '  const ranges = (acceptLanguage ?? "").split(",").flatMap((item, index) => {',
    '    const [range = "", ...parameters] = item.trim().split(";");',
    '    const weight = parameters.map((parameter) => /^\\s*q\\s*=\\s*([0-9.]+)\\s*$/i.exec(parameter)?.[1]).find((value) => value !== undefined);',
    '    const q = weight === undefined ? 1 : Number(weight);',
    '    return range === "" || !(q > 0) ? [] : [{ range: range.trim().toLowerCase(), q, index }];',
    '  });',
    '  ranges.sort((a, b) => b.q - a.q || a.index - b.index);',
    '  for (const { range } of ranges) {',
    '    const language = range.split("-")[0];',
    '    const found = locales.find((locale) => locale.toLowerCase() === range) ??',
    '      locales.find((locale) => locale.toLowerCase().split("-")[0] === language);',
    '    if (found !== undefined) return found;',
    '  }',
    '  return defaultLocale;',
    '}'
  ])
}

function formatMessageFunction(catalog: Catalog): WriterFunction {
  const example = catalog.entries.find((entry) => entry.params)
  const other = catalog.locales?.others[0] ?? ''
  const params = hasParams(catalog)
  return textStatement([
    '/**',
    ' * The message of the error with this code in a locale, ' + (params ? 'its parameters filled in (a code without parameters takes none), ' : '') + 'in the',
    ' * default locale when the locale is left out or has no translation of it.',
    ...(example?.params ? [' *', ' * @example formatMessage(ErrorCode.' + example.name + ', ' + exampleParams(example.params) + ', ' + stringLiteral(other) + ')'] : []),
    ' */',
    'export function formatMessage<C extends ErrorCode>(code: C, ...args: LocaleArgs<C>): string {',
    '  const { params, locale } = localeArgs(code, args);',
    '  return translated(code, "message", params, locale) ?? ' + (params ? '(filled(code, "message", params) as string)' : '(entries[code] as ErrorEntry).message') + ';',
    '}'
  ])
}
