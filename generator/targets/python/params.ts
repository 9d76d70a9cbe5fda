/** targets/python/params: a catalog in, the Python module's statements about message parameters out — `_TEMPLATES`, `format_message` and the helpers that fill and match them; none when no message has parameters. */
import {templatePattern} from '../../params/fill.js'
import type {Catalog, CatalogEntry, Template} from '../../types.js'
import {docstring, pyString} from './text.js'

/** Whether some message or resolve text of the catalog has parameters. */
export function hasParams(catalog: Catalog): boolean {
  return catalog.entries.some((entry) => entry.params !== undefined)
}

/** The statements about parameters, after the catalog; none when no message has parameters. */
export function paramLines(catalog: Catalog): Array<Array<string>> {
  if (!hasParams(catalog)) return []
  return [templates(catalog), fill(), ...(catalog.hasResolve ? [fillResolve()] : []), formatMessage(catalog), messageMatches()]
}

function tuple(template: Template): string {
  return '(' + template.map((part) => pyString(part)).join(', ') + (template.length === 1 ? ',)' : ')')
}

function templateLine(entry: CatalogEntry): Array<string> {
  const templates = entry.templates
  if (!templates) return []
  const resolve = templates.resolve && templates.resolve.length > 1 ? tuple(templates.resolve) : 'None'
  return ['    ErrorCode.' + entry.name + ': (' + tuple(templates.message) + ', ' + resolve + ', ' + pyString(templatePattern(templates.message)) + '),']
}

function templates(catalog: Catalog): Array<string> {
  return [
    '_TEMPLATES: Final[Mapping[ErrorCode, Tuple[Tuple[str, ...], Optional[Tuple[str, ...]], str]]] = MappingProxyType({',
    ...catalog.entries.flatMap(templateLine),
    '})',
    '"""The message and resolve text of each code with parameters (literal texts and names alternating), and the pattern of its filled-in messages."""'
  ]
}

function fill(): Array<string> {
  return [
    'def _fill(template: Tuple[str, ...], params: Optional[Mapping[str, object]]) -> str:',
    '    values: Mapping[str, object] = params or {}',
    '    return "".join(part if index % 2 == 0 else str(values[part]) for index, part in enumerate(template))'
  ]
}

function formatMessage(catalog: Catalog): Array<string> {
  const example = catalog.entries.find((entry) => entry.params)
  const values = example?.params?.map((param) => pyString(param.name) + ': ' + (param.type === 'integer' ? '1' : pyString(param.name))).join(', ')
  if (catalog.locales) {
    return [
      'def format_message(code: ErrorCode, params: Optional[Mapping[str, object]] = None, locale: Optional[str] = None) -> str:',
      ...docstring('The message of the error with this code in a locale (the default locale\'s when the locale has no translation of it),\nits parameters filled in (a KeyError names a missing one): format_message(ErrorCode.' + (example?.name ?? '') + ', {' + values + '}, ' + pyString(catalog.locales.others[0] ?? '') + ').', '    '),
      '    translated = _translated(code, 0, params, locale)',
      '    if translated is not None:',
      '        return translated',
      '    template = _TEMPLATES.get(code)',
      '    return ERROR_CATALOG[code].message if template is None else _fill(template[0], params)'
    ]
  }
  return [
    'def format_message(code: ErrorCode, params: Optional[Mapping[str, object]] = None) -> str:',
    ...docstring('The message of the error with this code, its parameters filled in (a KeyError names a missing one):\nformat_message(ErrorCode.' + (example?.name ?? '') + ', {' + values + '}).', '    '),
    '    template = _TEMPLATES.get(code)',
    '    return ERROR_CATALOG[code].message if template is None else _fill(template[0], params)'
  ]
}

function messageMatches(): Array<string> {
  return [
    'def _message_matches(entry: ErrorEntry, message: object) -> bool:',
    '    template = _TEMPLATES.get(entry.code)',
    '    if template is None:',
    '        return entry.message == message',
    '    return isinstance(message, str) and re.fullmatch(template[2], message) is not None'
  ]
}

/** A resolve text filled in: `_fill_resolve` of the code's template, when it has one. */
export function filledResolve(code: string, params: string): string {
  return '_fill_resolve(' + code + ', entry.resolve, ' + params + ')'
}

function fillResolve(): Array<string> {
  return [
    'def _fill_resolve(code: ErrorCode, resolve: str, params: Optional[Mapping[str, object]]) -> str:',
    '    template = _TEMPLATES.get(code)',
    '    parts = None if template is None else template[1]',
    '    return resolve if parts is None else _fill(parts, params)'
  ]
}
