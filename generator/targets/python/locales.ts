/** targets/python/locales: a catalog with translations in, the Python module's statements about locales out — `LOCALES`, `DEFAULT_LOCALE`, the translations and the helpers that fill and recognize them (and `format_message` when no message has parameters); none without translations, so that such a module is as before. */
import type {Catalog, CatalogEntry, Template} from '../../types.js'
import {hasParams} from './params.js'
import {docstring, pyString} from './text.js'

/** The names the locales add to `__all__`. */
export function localeNames(catalog: Catalog): Array<string> {
  if (!catalog.locales) return []
  return ['DEFAULT_LOCALE', 'LOCALES', ...(hasParams(catalog) ? [] : ['format_message'])]
}

/** The statements about locales, after the parameters'; none without translations. */
export function localeLines(catalog: Catalog): Array<Array<string>> {
  if (!catalog.locales) return []
  return [localesConstants(catalog), translationsConstant(catalog), translated(), isTranslation(), ...(hasParams(catalog) ? [] : [formatMessage()])]
}

function localesConstants(catalog: Catalog): Array<string> {
  const locales = catalog.locales ? [catalog.locales.default, ...catalog.locales.others] : []
  return [
    'LOCALES: Final[Tuple[str, ...]] = (' + locales.map((locale) => pyString(locale)).join(', ') + ')',
    '"""The locales of the messages, the default locale first."""',
    '',
    'DEFAULT_LOCALE: Final[str] = ' + pyString(catalog.locales?.default ?? ''),
    '"""The locale of the documented messages: a code without a translation in a locale is sent in this one."""'
  ]
}

function tuple(template: Template | undefined, text: string): string {
  const parts = template ?? [text]
  return '(' + parts.map((part) => pyString(part)).join(', ') + (parts.length === 1 ? ',)' : ')')
}

function translationLine(entry: CatalogEntry, locale: string): Array<string> {
  const translation = entry.translations?.[locale]
  if (!translation) return []
  const resolve = translation.resolve === undefined ? 'None' : tuple(translation.templates?.resolve, translation.resolve)
  return ['        ErrorCode.' + entry.name + ': (' + tuple(translation.templates?.message, translation.message) + ', ' + resolve + '),']
}

function translationsConstant(catalog: Catalog): Array<string> {
  return [
    '_TRANSLATIONS: Final[Mapping[str, Mapping[ErrorCode, Tuple[Tuple[str, ...], Optional[Tuple[str, ...]]]]]] = MappingProxyType({',
    ...(catalog.locales?.others ?? []).flatMap((locale) => ['    ' + pyString(locale) + ': MappingProxyType({', ...catalog.entries.flatMap((entry) => translationLine(entry, locale)), '    }),']),
    '})',
    '"""Each locale\'s translations: the message and resolve text of each code (literal texts and parameter names alternating)."""'
  ]
}

function translated(): Array<string> {
  return [
    'def _translated(code: ErrorCode, field: int, params: Optional[Mapping[str, object]], locale: Optional[str]) -> Optional[str]:',
    ...docstring('A code\'s message (field 0) or resolve text (field 1) in a locale, its parameters filled in; None without a translation.', '    '),
    '    by_code = None if locale is None else _TRANSLATIONS.get(locale)',
    '    translation = None if by_code is None else by_code.get(code)',
    '    parts = None if translation is None else translation[field]',
    '    if parts is None:',
    '        return None',
    '    values: Mapping[str, object] = params or {}',
    '    return "".join(part if index % 2 == 0 else str(values[part]) for index, part in enumerate(parts))'
  ]
}

function isTranslation(): Array<string> {
  return [
    'def _is_translation(code: ErrorCode, message: object) -> bool:',
    '    if not isinstance(message, str):',
    '        return False',
    '    for by_code in _TRANSLATIONS.values():',
    '        translation = by_code.get(code)',
    '        if translation is None:',
    '            continue',
    '        pattern = "".join(re.escape(part) if index % 2 == 0 else "[\\\\s\\\\S]+" for index, part in enumerate(translation[0]))',
    '        if re.fullmatch(pattern, message) is not None:',
    '            return True',
    '    return False'
  ]
}

function formatMessage(): Array<string> {
  return [
    'def format_message(code: ErrorCode, locale: Optional[str] = None) -> str:',
    ...docstring('The message of the error with this code in a locale; the default locale\'s when the locale has no translation of it.', '    '),
    '    translated = _translated(code, 0, None, locale)',
    '    return ERROR_CATALOG[code].message if translated is None else translated'
  ]
}
