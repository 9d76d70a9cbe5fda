/** targets/go/locales: a catalog with translations in, the Go declarations about locales out — `Locales`, `DefaultLocale`, the translations, `FormatMessageIn`, `NewBodyIn` and the helper that recognizes a translated message; none without translations, so that such a file is as before. */
import type {Catalog, CatalogEntry, Template} from '../../types.js'
import {codeConstant} from './emit.js'
import {hasParams} from './params.js'
import {goString} from './text.js'

/**
 * The declarations about locales; none without translations.
 *
 * @param withResolve whether the body has a resolve text
 */
export function localeDeclarations(catalog: Catalog, withResolve: boolean): Array<Array<string>> {
  if (!catalog.locales) return []
  const locales = [catalog.locales.default, ...catalog.locales.others]
  return [
    ['// Locales are the locales of the messages, the default locale first.', 'var Locales = []string{' + locales.map((locale) => goString(locale)).join(', ') + '}'],
    ['// DefaultLocale is the locale of the documented messages: a code without a translation in a locale is sent in this one.', 'const DefaultLocale = ' + goString(catalog.locales.default)],
    ['// translation is a code\'s message and resolve text in one locale: literal texts and parameter names alternating.', 'type translation struct {', '\tmessage []string', '\tresolve []string', '}'],
    ['// translations are each locale\'s translations, by code.', 'var translations = map[string]map[Code]translation{', ...catalog.locales.others.flatMap((locale) => localeLines(catalog, locale)), '}'],
    translate(),
    formatMessageIn(catalog),
    newBodyIn(catalog, withResolve),
    isTranslation()
  ]
}

function list(template: Template | undefined, text: string | undefined): string {
  if (text === undefined) return 'nil'
  return '[]string{' + (template ?? [text]).map((part) => goString(part)).join(', ') + '}'
}

function localeLines(catalog: Catalog, locale: string): Array<string> {
  const line = (entry: CatalogEntry): Array<string> => {
    const translation = entry.translations?.[locale]
    if (!translation) return []
    return [
      '\t\t' + codeConstant(entry) + ': {',
      '\t\t\tmessage: ' + list(translation.templates?.message, translation.message) + ',',
      '\t\t\tresolve: ' + list(translation.templates?.resolve, translation.resolve) + ',',
      '\t\t},'
    ]
  }
  return ['\t' + goString(locale) + ': {', ...catalog.entries.flatMap(line), '\t},']
}

function translate(): Array<string> {
  return [
    '// translate is a translated text with its parameters filled in.',
    'func translate(parts []string, params map[string]any) string {',
    '\ttext := ""',
    '\tfor index, part := range parts {',
    '\t\tif index%2 == 0 {',
    '\t\t\ttext += part',
    '\t\t} else {',
    '\t\t\ttext += fmt.Sprint(params[part])',
    '\t\t}',
    '\t}',
    '\treturn text',
    '}'
  ]
}

function formatMessageIn(catalog: Catalog): Array<string> {
  const params = hasParams(catalog)
  return [
    '// FormatMessageIn is the message of the error with this code in a locale, its parameters filled in (nil for a code',
    '// without parameters); the default locale\'s when the locale has no translation of it.',
    'func FormatMessageIn(code Code, locale string, params map[string]any) string {',
    '\tif t, ok := translations[locale][code]; ok {',
    '\t\treturn translate(t.message, params)',
    '\t}',
    params ? '\treturn FormatMessage(code, params)' : '\treturn catalog[code].Message',
    '}'
  ]
}

function newBodyIn(catalog: Catalog, withResolve: boolean): Array<string> {
  const params = hasParams(catalog)
  return [
    '// NewBodyIn is the response body of the error with this code in a locale: NewBody\'s, with the message' + (withResolve ? ' and resolve' : ''),
    '// text' + (withResolve ? 's' : '') + ' of that locale when it has a translation of the code.',
    params ? 'func NewBodyIn(code Code, locale string, params ...Params) Body {' : 'func NewBodyIn(code Code, locale string) Body {',
    params ? '\tbody := NewBody(code, params...)' : '\tbody := NewBody(code)',
    '\tt, ok := translations[locale][code]',
    '\tif !ok {',
    '\t\treturn body',
    '\t}',
    '\tvar values map[string]any',
    ...(params ? ['\tif len(params) > 0 {', '\t\tvalues = params[0]', '\t}'] : []),
    '\tbody.Message = translate(t.message, values)',
    ...(withResolve ? ['\tif t.resolve != nil {', '\t\tbody.Resolve = translate(t.resolve, values)', '\t}'] : []),
    '\treturn body',
    '}'
  ]
}

function isTranslation(): Array<string> {
  return [
    '// isTranslation is whether a message is a translation of the code\'s, its parameters filled in.',
    'func isTranslation(code Code, message string) bool {',
    '\tfor _, byCode := range translations {',
    '\t\tt, ok := byCode[code]',
    '\t\tif !ok {',
    '\t\t\tcontinue',
    '\t\t}',
    '\t\tpattern := "^"',
    '\t\tfor index, part := range t.message {',
    '\t\t\tif index%2 == 0 {',
    '\t\t\t\tpattern += regexp.QuoteMeta(part)',
    '\t\t\t} else {',
    '\t\t\t\tpattern += `[\\s\\S]+`',
    '\t\t\t}',
    '\t\t}',
    '\t\tif regexp.MustCompile(pattern + "$").MatchString(message) {',
    '\t\t\treturn true',
    '\t\t}',
    '\t}',
    '\treturn false',
    '}'
  ]
}
