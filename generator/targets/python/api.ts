/** targets/python/api: a catalog and the emit options in, the functions and types of the Python module a client or server uses out — `is_error_code`, `get_error_entry`, the `ErrorBody` TypedDict and `create_error_body`, `parse_error_body` (documented, undocumented or invalid) and `ApiError`. */
import {bodyFields, bodyParams, namedExtraFields, partialFields} from '../../emit/body-fields.js'
import type {BodyField, Catalog, EmitOptions} from '../../types.js'
import {localeLines, localeNames} from './locales.js'
import {filledResolve, hasParams, paramLines} from './params.js'
import {docstring, pyString} from './text.js'

/** The names this part of the module exports, for `__all__` (`format_message` when some message has parameters). */
export function apiNames(catalog: Catalog): ReadonlyArray<string> {
  const names = ['ApiError', 'Documented', 'ErrorBody', 'Invalid', 'ParsedErrorBody', 'Undocumented', 'create_error_body', 'get_error_entry', 'is_error_body', 'is_error_code', 'parse_error_body']
  return [...(hasParams(catalog) ? [...names, 'format_message'] : names), ...localeNames(catalog)]
}

/** What the body statements need: the code's type, the body's fields, those only some codes have, the extra fields. */
interface BodyContext {
  readonly catalog: Catalog
  readonly fields: ReadonlyArray<BodyField>
  readonly partial: ReadonlyArray<BodyField>
  readonly extras: ReadonlyArray<string>
  /** `int` or `str`. */
  readonly codeType: string
  /** Whether the body of a code with parameters holds their values (`params`). */
  readonly params: boolean
}

/** Every statement of this part, each a list of lines. */
export function apiLines(catalog: Catalog, options: EmitOptions): Array<Array<string>> {
  const fields = bodyFields(catalog, options.body)
  const context: BodyContext = {catalog, fields, partial: partialFields(catalog, fields), extras: namedExtraFields(options.body), codeType: catalog.codeKind === 'integer' ? 'int' : 'str', params: bodyParams(catalog, options.body)}
  return [isErrorCode(context), getErrorEntry(context), ...paramLines(catalog), ...localeLines(catalog), ...errorBody(context), createErrorBody(context), ...parsed(), parseErrorBody(context), isErrorBody(), apiError(catalog)]
}

function isErrorCode({catalog, codeType}: BodyContext): Array<string> {
  const test = catalog.codeKind === 'integer' ? 'isinstance(value, int) and not isinstance(value, bool)' : 'isinstance(value, str)'
  return [
    '_CODES: Final[Dict[object, ErrorCode]] = {member.value: member for member in ErrorCode}',
    '',
    '',
    'def is_error_code(value: object) -> bool:',
    '    """Whether `value` is a documented error code (an ' + codeType + ', or a member of ErrorCode)."""',
    '    return ' + test + ' and value in _CODES'
  ]
}

function getErrorEntry({codeType}: BodyContext): Array<string> {
  return [
    'def get_error_entry(code: object) -> Optional[ErrorEntry]:',
    '    """The documented error with this code (a member of ErrorCode, or its ' + codeType + ' value), or None."""',
    '    return ERROR_CATALOG[_CODES[code]] if is_error_code(code) else None'
  ]
}

/** The Python type of a body field. */
function fieldType(field: BodyField, codeType: string): string {
  return field === 'code' ? codeType : field === 'status' ? 'int' : 'str'
}

/**
 * `ErrorBody`: a TypedDict of the fields every body has and, in a base of its own (written functionally, so that any
 * extra field's name can be a key), those only some bodies have.
 */
function errorBody({fields, partial, extras, codeType, params}: BodyContext): Array<Array<string>> {
  const required = fields.filter((field) => !partial.includes(field))
  const optional = [...partial.map((field) => [field, fieldType(field, codeType)]), ...(params ? [['params', 'Dict[str, Any]']] : []), ...extras.map((name) => [name, 'Any'])]
  const doc = 'The body of an error response: `{' + fields.join(', ') + '}`, where `message` is the documented message of `code`.'
  const members = required.map((field) => '    ' + field + ': ' + fieldType(field, codeType))
  if (optional.length === 0) return [['class ErrorBody(TypedDict):', ...docstring(doc, '    '), '', ...members]]
  return [
    ['_ErrorBodyOptional = TypedDict("_ErrorBodyOptional", {' + optional.map(([name, type]) => pyString(name as string) + ': ' + type).join(', ') + '}, total=False)'],
    ['class ErrorBody(_ErrorBodyOptional):', ...docstring(doc + ' The fields of `_ErrorBodyOptional` are in some bodies only.', '    '), '', ...members]
  ]
}

function createErrorBody({catalog, fields, partial, params: withParams}: BodyContext): Array<string> {
  const params = hasParams(catalog)
  const documented = (field: BodyField): string => (params && field === 'message' ? 'format_message(code, params)' : params && field === 'resolve' ? filledResolve('code', 'params') : 'entry.' + field)
  const localized = (field: BodyField): string => '_translated(code, ' + (field === 'message' ? 0 : 1) + ', ' + (params ? 'params' : 'None') + ', locale) or ' + documented(field)
  const text = (field: BodyField): string => (catalog.locales && (field === 'message' || field === 'resolve') ? localized(field) : documented(field))
  const value = (field: BodyField): string => (field === 'code' ? 'entry.code.value' : field === 'status' ? 'entry.status.value' : text(field))
  const whole = fields.filter((field) => !partial.includes(field))
  const locale = catalog.locales ? ', locale: Optional[str] = None' : ''
  return [
    params ? 'def create_error_body(code: ErrorCode, params: Optional[Mapping[str, object]] = None' + locale + ') -> ErrorBody:' : 'def create_error_body(code: ErrorCode' + locale + ') -> ErrorBody:',
    '    """The response body of the error with this code, as documented' + (params ? ', its parameters filled in' : '') + (catalog.locales ? ', in a locale (the default locale\'s\n    when the locale has no translation of it)' : '') + '."""',
    '    entry = ERROR_CATALOG[code]',
    '    body: ErrorBody = {' + whole.map((field) => pyString(field) + ': ' + value(field)).join(', ') + '}',
    ...partial.flatMap((field) => ['    if entry.' + field + ' is not None:', '        body[' + pyString(field) + '] = ' + value(field)]),
    ...(withParams ? ['    if params is not None and code in _TEMPLATES:', '        body["params"] = dict(params)'] : []),
    '    return body'
  ]
}

/** The three results of `parse_error_body`, and their union. */
function parsed(): Array<Array<string>> {
  const result = (name: string, doc: string, members: ReadonlyArray<string>): Array<string> => [
    '@dataclass(frozen=True)',
    'class ' + name + ':',
    ...docstring(doc, '    '),
    '',
    ...members.map((member) => '    ' + member),
    '    kind: Literal[' + pyString(name.toLowerCase()) + '] = ' + pyString(name.toLowerCase())
  ]
  return [
    result('Documented', 'A body whose code is documented, with that code\'s message: its entry says the rest.', ['body: ErrorBody', 'entry: ErrorEntry']),
    result('Undocumented', 'A well-formed body with a code or message this module does not know, as a newer server may send.', ['body: ErrorBody']),
    result('Invalid', 'A value that is not an error body, and why.', ['reason: str']),
    ['ParsedErrorBody = Union[Documented, Undocumented, Invalid]', '"""What `parse_error_body` makes of a value."""']
  ]
}

/** The parser: each field's type, then whether the code, its message and status are the documented ones. */
function parseErrorBody({catalog, fields, partial}: BodyContext): Array<string> {
  const checks = fields.flatMap((field) => {
    const integer = field === 'status' || (field === 'code' && catalog.codeKind === 'integer')
    const test = integer ? 'not _is_integer(fields.get(' + pyString(field) + '))' : 'not isinstance(fields.get(' + pyString(field) + '), str)'
    const guarded = partial.includes(field) ? pyString(field) + ' in fields and ' + test : test
    return ['    if ' + guarded + ':', '        return Invalid(' + pyString('`' + field + '` is not ' + (integer ? 'an integer' : 'a string')) + ')']
  })
  const differs = fields.flatMap((field) => {
    const message = hasParams(catalog) ? 'not _message_matches(entry, fields["message"])' : 'entry.message != fields["message"]'
    if (field === 'message') return [catalog.locales ? '(' + message + ' and not _is_translation(entry.code, fields["message"]))' : message]
    if (field === 'status') return [partial.includes(field) ? '(None if entry.status is None else entry.status.value) != fields.get("status")' : 'entry.status.value != fields["status"]']
    return partial.includes(field) ? ['(entry.' + field + ' is None) != (' + pyString(field) + ' not in fields)'] : []
  })
  return [
    'def _is_integer(value: object) -> bool:',
    '    return (isinstance(value, int) and not isinstance(value, bool)) or (isinstance(value, float) and value.is_integer())',
    '',
    '',
    'def parse_error_body(value: object) -> ParsedErrorBody:',
    ...docstring(
      'Read a response body, as json.loads gives it; never raises. A body whose code is documented, with that code\'s\nmessage, is Documented; a well-formed body with another code or message is Undocumented; anything else is\nInvalid, with the reason.',
      '    '
    ),
    '    if not isinstance(value, dict):',
    '        return Invalid("the body is not an object")',
    '    fields: Dict[str, Any] = value',
    ...checks,
    '    body = cast(ErrorBody, fields)',
    '    code = fields["code"]',
    '    entry = get_error_entry(int(code) if isinstance(code, float) else code)',
    '    if entry is None:',
    '        return Undocumented(body)',
    ...(differs.length > 0 ? ['    if ' + differs.join(' or ') + ':', '        return Undocumented(body)'] : []),
    '    return Documented(body, entry)'
  ]
}

function isErrorBody(): Array<string> {
  return [
    'def is_error_body(value: object) -> bool:',
    '    """Whether `value` is a documented error body: a documented code with its own message."""',
    '    return isinstance(parse_error_body(value), Documented)'
  ]
}

function apiError(catalog: Catalog): Array<string> {
  const status = catalog.hasStatus ? (catalog.entries.some((entry) => entry.status === undefined) ? 'Optional[HttpStatus]' : 'HttpStatus') : undefined
  return [
    'class ApiError(Exception):',
    ...docstring('An error of the API: its documented code, HTTP status and response body; raise it `from` its cause.', '    '),
    '',
    '    code: ErrorCode',
    ...(status ? ['    status: ' + status] : []),
    '    body: ErrorBody',
    '',
    ...(hasParams(catalog)
      ? ['    def __init__(self, code: ErrorCode, params: Optional[Mapping[str, object]] = None) -> None:', '        entry = ERROR_CATALOG[code]', '        super().__init__(format_message(code, params))']
      : ['    def __init__(self, code: ErrorCode) -> None:', '        entry = ERROR_CATALOG[code]', '        super().__init__(entry.message)']),
    '        self.code = code',
    ...(status ? ['        self.status = entry.status'] : []),
    hasParams(catalog) ? '        self.body = create_error_body(code, params)' : '        self.body = create_error_body(code)'
  ]
}
