/** targets/go/api: a catalog and the emit options in, the Go declarations a client or server uses out — the catalog map, `Lookup`, `Entries`, `Code.String`, the `Body` struct (JSON tags as the JSON Schema names the fields), `NewBody`, `ParseBody` (documented or not, or an error) and the `Error` type that `errors.As` finds. */
import {bodyFields, bodyParams, namedExtraFields, partialFields} from '../../emit/body-fields.js'
import type {BodyField, Catalog, EmitOptions} from '../../types.js'
import {localeDeclarations} from './locales.js'
import {hasParams, paramDeclarations} from './params.js'
import {exported, goString} from './text.js'

/** Every declaration of this part, each a list of lines. */
export function apiDeclarations(catalog: Catalog, options: EmitOptions): Array<Array<string>> {
  const fields = bodyFields(catalog, options.body)
  const partial = partialFields(catalog, fields)
  return [...lookup(catalog), ...paramDeclarations(catalog), ...localeDeclarations(catalog, fields.includes('resolve')), body(fields, partial, namedExtraFields(options.body), bodyParams(catalog, options.body)), newBody(catalog, fields, bodyParams(catalog, options.body)), parseBody(catalog, fields, partial), ...errorType(catalog)]
}

function lookup(catalog: Catalog): Array<Array<string>> {
  const unknown = catalog.codeKind === 'integer' ? 'fmt.Sprint(int64(c))' : 'string(c)'
  return [
    [
      '// catalog is every documented error, keyed by code.',
      'var catalog = func() map[Code]Entry {',
      '\tm := make(map[Code]Entry, len(entries))',
      '\tfor _, entry := range entries {',
      '\t\tm[entry.Code] = entry',
      '\t}',
      '\treturn m',
      '}()'
    ],
    ['// Lookup is the documented error with this code, and whether the code is documented.', 'func Lookup(code Code) (Entry, bool) {', '\tentry, ok := catalog[code]', '\treturn entry, ok', '}'],
    ['// Entries is every documented error, sorted by code: a copy, which the caller may change.', 'func Entries() []Entry {', '\treturn append([]Entry(nil), entries...)', '}'],
    [
      '// String is the code\'s name; the code itself when it is not documented.',
      'func (c Code) String() string {',
      '\tif entry, ok := catalog[c]; ok {',
      '\t\treturn entry.Name',
      '\t}',
      '\treturn ' + unknown,
      '}'
    ]
  ]
}

/** The Go field of a body field, its type, and its JSON name. */
const bodyField: Readonly<Record<BodyField, [string, string, string]>> = {
  code: ['Code', 'Code', 'Code is the error code.'],
  status: ['Status', 'Status', 'Status is the HTTP status the error is sent with.'],
  message: ['Message', 'string', 'Message is the documented message of Code.'],
  resolve: ['Resolve', 'string', 'Resolve says how to resolve the error.']
}

/**
 * The names of the extra fields a body may hold that Go's JSON tags can carry (letters, digits and `!#$%&()*+-./:;<=>?@[]^_{|}~`; `go vet` refuses a space),
 * each with a Go field name of its own.
 */
function extraFields(extras: ReadonlyArray<string>): Array<[string, string]> {
  const taken = new Set(Object.values(bodyField).map(([name]) => name))
  return extras.filter((name) => /^[A-Za-z0-9!#$%&()*+\-./:;<=>?@[\]^_{|}~]+$/.test(name)).map((name, index) => {
    const base = exported(name.replace(/[^A-Za-z0-9]+/g, '_'))
    const field = /^[A-Z]/.test(base) && !taken.has(base) ? base : 'Extra' + (index + 1) + base
    taken.add(field)
    return [field, name]
  })
}

function body(fields: ReadonlyArray<BodyField>, partial: ReadonlyArray<BodyField>, extras: ReadonlyArray<string>, params: boolean): Array<string> {
  const members = fields.flatMap((field) => {
    const [name, type, doc] = bodyField[field]
    return ['\t// ' + doc + (partial.includes(field) ? ' Only the codes that have one have it.' : ''), '\t' + name + ' ' + type + ' `json:"' + field + (partial.includes(field) ? ',omitempty' : '') + '"`']
  })
  const extraMembers = extraFields(extras).flatMap(([name, json]) => ['\t// ' + name + ' is the field ' + goString(json) + ', which the error table does not describe.', '\t' + name + ' json.RawMessage `json:"' + json + ',omitempty"`'])
  return [
    '// Body is the body of an error response, as the JSON Schema describes it: ' + fields.join(', ') + '.',
    'type Body struct {',
    ...members,
    ...(params ? ['\t// Params are the values of the parameters of its message, for a code whose message has some.', '\tParams Params `json:"params,omitempty"`'] : []),
    ...extraMembers,
    '}'
  ]
}

function newBody(catalog: Catalog, fields: ReadonlyArray<BodyField>, withParams: boolean): Array<string> {
  const params = hasParams(catalog)
  const valueOf = (field: BodyField): string => {
    if (field === 'code') return 'code'
    if (params && field === 'message') return 'FormatMessage(code, values)'
    return params && field === 'resolve' ? 'filledResolve(code, values)' : 'entry.' + bodyField[field][0]
  }
  const values = fields.map((field) => bodyField[field][0] + ': ' + valueOf(field))
  const [first] = catalog.entries
  if (params) {
    return [
      '// NewBody is the response body of the error with this code, as documented, with the parameters of its message',
      '// filled in when it has some' + (first ? ': NewBody(Code' + exported(first.name) + (first.params ? ', Params{...}' : '') + ')' : '') + '.',
      'func NewBody(code Code, params ...Params) Body {',
      ...(values.some((value) => value.includes('entry.')) ? ['\tentry := catalog[code]'] : []),
      '\tvar values Params',
      '\tif len(params) > 0 {',
      '\t\tvalues = params[0]',
      '\t}',
      ...(withParams
        ? ['\tbody := Body{' + values.join(', ') + '}', '\tif _, ok := templates[code]; ok {', '\t\tbody.Params = values', '\t}', '\treturn body']
        : ['\treturn Body{' + values.join(', ') + '}']),
      '}'
    ]
  }
  return [
    '// NewBody is the response body of the error with this code, as documented' + (first ? ': NewBody(Code' + exported(first.name) + ')' : '') + '.',
    'func NewBody(code Code) Body {',
    '\tentry := catalog[code]',
    '\treturn Body{' + values.join(', ') + '}',
    '}'
  ]
}

/** The decoder: the fields every body has, present and not null; each field's type; then whether the code, its message and status are the documented ones. */
function parseBody(catalog: Catalog, fields: ReadonlyArray<BodyField>, partial: ReadonlyArray<BodyField>): Array<string> {
  const required = fields.filter((field) => !partial.includes(field))
  const same = fields.flatMap((field) => {
    const name = bodyField[field][0]
    const message = hasParams(catalog) ? 'messageMatches(body.Code, body.Message)' : 'body.Message == entry.Message'
    if (field === 'message') return [catalog.locales ? '(' + message + ' || isTranslation(body.Code, body.Message))' : message]
    if (field === 'status' && !partial.includes(field)) return ['body.' + name + ' == entry.' + name]
    if (field === 'code' || !partial.includes(field)) return []
    return ['(entry.' + name + ' == ' + (field === 'status' ? '0' : '""') + ') == !has' + name]
  })
  return [
    '// ParseBody reads a response body. It is an error when the data is no error body: not a JSON object, or a field',
    '// missing, null or of another type. documented is true when the code is documented and the body holds its',
    '// message' + (fields.includes('status') ? ' and status' : '') + ' (a newer server may send codes or messages this file does not know).',
    'func ParseBody(data []byte) (body Body, documented bool, err error) {',
    '\tvar fields map[string]json.RawMessage',
    '\tif err := json.Unmarshal(data, &fields); err != nil || fields == nil {',
    '\t\treturn Body{}, false, fmt.Errorf("the body is not a JSON object")',
    '\t}',
    '\tfor _, name := range []string{' + required.map((field) => goString(field)).join(', ') + '} {',
    '\t\tif _, ok := fields[name]; !ok {',
    '\t\t\treturn Body{}, false, fmt.Errorf("the body has no %q", name)',
    '\t\t}',
    '\t}',
    '\tfor _, name := range []string{' + fields.map((field) => goString(field)).join(', ') + '} {',
    '\t\tif value, ok := fields[name]; ok && string(value) == "null" {',
    '\t\t\treturn Body{}, false, fmt.Errorf("the body\'s %q is null", name)',
    '\t\t}',
    '\t}',
    '\tif err := json.Unmarshal(data, &body); err != nil {',
    '\t\treturn Body{}, false, fmt.Errorf("the body is not an error body: %w", err)',
    '\t}',
    ...partial.map((field) => '\t_, has' + bodyField[field][0] + ' := fields[' + goString(field) + ']'),
    '\t' + (same.some((test) => test.includes('entry.')) ? 'entry' : '_') + ', ok := catalog[body.Code]',
    '\treturn body, ok' + same.map((test) => ' && ' + test).join('') + ', nil',
    '}'
  ]
}

function errorType(catalog: Catalog): Array<Array<string>> {
  return [
    [
      '// Error is an error of the API: its documented code' + (catalog.hasStatus ? ', HTTP status' : '') + ' and response body. It implements error;',
      '// errors.As finds it in a chain of wrapped errors, and Unwrap gives what led to it.',
      'type Error struct {',
      '\t// Code is the documented error code.',
      '\tCode Code',
      ...(catalog.hasStatus ? ['\t// Status is the HTTP status the error is sent with.', '\tStatus Status'] : []),
      '\t// Body is the response body.',
      '\tBody Body',
      '\t// Cause is what led to the error; nil for nothing.',
      '\tCause error',
      '}'
    ],
    [
      ...(hasParams(catalog)
        ? ['// NewError is the error of a documented code, with what led to it (nil for nothing) and the parameters of its message.', 'func NewError(code Code, cause error, params ...Params) *Error {']
        : ['// NewError is the error of a documented code, with what led to it (nil for nothing).', 'func NewError(code Code, cause error) *Error {']),
      '\treturn &Error{Code: code, ' + (catalog.hasStatus ? 'Status: catalog[code].Status, ' : '') + 'Body: NewBody(code' + (hasParams(catalog) ? ', params...' : '') + '), Cause: cause}',
      '}'
    ],
    hasParams(catalog)
      ? ['// Error is the message of the code, its parameters filled in.', 'func (e *Error) Error() string {', '\treturn e.Body.Message', '}']
      : ['// Error is the documented message of the code.', 'func (e *Error) Error() string {', '\treturn catalog[e.Code].Message', '}'],
    ['// Unwrap is what led to the error.', 'func (e *Error) Unwrap() error {', '\treturn e.Cause', '}']
  ]
}
