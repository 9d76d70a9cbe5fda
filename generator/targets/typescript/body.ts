/** targets/typescript/body: a catalog and the body's fields in, the module's statements about error bodies out — the lookups by code (`DocumentedEntry`, `DocumentedMessage`, `DocumentedStatus`), `ErrorBody`, `createErrorBody`, `UndocumentedErrorBody`, `ParsedErrorBody`, `parseErrorBody` and `isErrorBody`. */
import type {WriterFunction} from 'ts-morph'
import type {BodyField, BodyOptions, Catalog} from '../../types.js'
import {bodyFields, bodyParams, isPartial, namedExtraFields, partialFields} from '../../emit/body-fields.js'
import {exampleParams, hasParams} from './messages/params.js'
import {docLines, textStatement} from './syntax.js'

/** What the statements need: the catalog's code type and the body's fields. */
export interface BodyContext {
  readonly catalog: Catalog
  readonly fields: ReadonlyArray<BodyField>
  /** The fields only some codes' bodies have (their entries' tables lack the column). */
  readonly partial: ReadonlyArray<BodyField>
  /** Extra fields a body may hold, by name. */
  readonly extras: ReadonlyArray<string>
  /** Whether the body of a code with parameters holds their values (`params`). */
  readonly params: boolean
}

/** The context of the body statements. */
export function bodyContext(catalog: Catalog, body: BodyOptions): BodyContext {
  const fields = bodyFields(catalog, body)
  return {catalog, fields, partial: partialFields(catalog, fields), extras: namedExtraFields(body), params: bodyParams(catalog, body)}
}

/** Every statement about bodies, in the order of the module. */
export function bodyStatements(context: BodyContext): Array<WriterFunction> {
  return [errorBodyType(context), createErrorBody(context), undocumentedBody(context), parsedBody(), parseErrorBody(context), isErrorBody()]
}

const fieldDocs: Readonly<Record<BodyField, string>> = {
  code: 'The error code.',
  status: 'The HTTP status the error is sent with.',
  message: 'The documented message of the code.',
  resolve: 'How to resolve the error.'
}

/**
 * The body type: one object type per code, so that `switch (body.code)` narrows `message`. A field only some codes
 * have is a member of the bodies of those codes only: its entry in the catalog says whether it has it.
 */
function errorBodyType(context: BodyContext): WriterFunction {
  const {fields, partial, extras} = context
  const types: Record<BodyField, string> = {
    code: 'C',
    status: 'DocumentedStatus<C>',
    message: messageType(context.catalog),
    resolve: 'string'
  }
  const whole = fields.filter((field) => !partial.includes(field))
  const conditions: Record<BodyField, string> = {code: '', message: '', status: '{ readonly status: infer S }', resolve: '{ readonly resolve: string }'}
  const partialTypes: Record<BodyField, string> = {...types, status: 'S'}
  const partialMembers = partial.flatMap((field) => [
    '    & (DocumentedEntry<C> extends ' + conditions[field],
    '      ? {',
    ...docLines(fieldDocs[field], '          '),
    '          readonly ' + field + ': ' + partialTypes[field] + ';',
    '        }',
    '      : unknown)'
  ])
  return textStatement([
    '/**',
    ' * The body of an error response: `{ ' + fields.join(', ') + ' }`, where `message` is the documented message of `code`.',
    ...partial.map((field) => ' * `' + field + '` is there only for the codes that have one.'),
    ' * Without a type argument, the union of every code\'s body: `switch (body.code)` narrows it. (`C` is not',
    ' * constrained: a constraint would make the compiler check `ErrorBodyOf` against every code, slow on large catalogs;',
    ' * `ErrorBody<X>` is `never` for an `X` that is no code.)',
    ' */',
    'export type ErrorBody<C = ErrorCode> = C extends ErrorCode',
    '  ? {',
    ...whole.flatMap((field) => [...docLines(fieldDocs[field], '      '), '      readonly ' + field + ': ' + types[field] + ';']),
    ...extras.flatMap((name) => [...docLines('A field the error table does not describe.', '      '), '      readonly ' + JSON.stringify(name) + '?: unknown;']),
    '    }',
    ...partialMembers,
    ...(context.params ? paramsMember : []),
    '  : never;'
  ])
}

/** The type of a code's message in its body: its literal text; any string for a code with parameters, and in a catalog with translations. */
export function messageType(catalog: Catalog): string {
  if (catalog.locales) return 'string'
  const documented = 'DocumentedMessage<C>'
  return hasParams(catalog) ? 'C extends keyof ErrorParams ? string : ' + documented : documented
}

/** The `params` member of the bodies of the codes with parameters. */
const paramsMember = [
  '    & (C extends keyof ErrorParams',
  '      ? {',
  '          /** The values of the parameters of its message (and resolve text), by name. */',
  '          readonly params: ErrorParams[C];',
  '        }',
  '      : unknown)'
]

function createErrorBody(context: BodyContext): WriterFunction {
  return context.catalog.locales ? localizedCreateErrorBody(context) : plainCreateErrorBody(context)
}

function plainCreateErrorBody({catalog, fields, partial, params: withParams}: BodyContext): WriterFunction {
  const params = hasParams(catalog)
  const valueOf = (field: BodyField): string => (params && (field === 'message' || field === 'resolve') ? 'filled(code, "' + field + '", valuesOf(params))' : 'entry.' + field)
  const value = (field: BodyField): string => bodyMember(field, partial, valueOf)
  const values = [...fields.map(value), ...(withParams ? ['...(templates[code] === undefined ? {} : { params: valuesOf(params) })'] : [])]
  return textStatement([
    '/**',
    ' * The response body of the error with this code, as documented' + (params ? ' (its parameters, when it has some, filled in).' : '.'),
    ' *',
    ' * @example createErrorBody(' + exampleArgs(catalog) + ')',
    ' */',
    'export function createErrorBody<C extends ErrorCode>(code: C' + (params ? ', ...params: ParamsArgs<C>' : '') + '): ErrorBody<C> {',
    '  const entry = ' + entryOf(catalog, 'code') + ';',
    '  return { ' + values.join(', ') + ' } as unknown as ErrorBody<C>;',
    '}'
  ])
}

/** A field's member in the body object literal: `code`, `message: <value>`, or, for a field only some codes have, spread only when the entry has it. */
function bodyMember(field: BodyField, partial: ReadonlyArray<BodyField>, valueOf: (field: BodyField) => string): string {
  if (field === 'code') return 'code'
  if (partial.includes(field)) return '...(entry.' + field + ' === undefined ? {} : { ' + field + ': ' + valueOf(field) + ' })'
  return field + ': ' + valueOf(field)
}

/**
 * The entry of `code` (a `C`) read from the view `entries`, through the plain key type: indexed by `C`, the compiler
 * would spread the view over every code to check the assertion.
 */
export function entryOf(catalog: Catalog, code: string): string {
  return 'entries[' + code + ' as ' + keyType(catalog) + '] as ErrorEntry'
}

/** The plain type of the codes: `number`, or `string` for string codes. */
export function keyType(catalog: Catalog): string {
  return catalog.codeKind === 'integer' ? 'number' : 'string'
}

/**
 * The lookups by code of the catalog's literal types, declared once for every type below that needs them. The catalog
 * is indexed with an index signature beside it, so that the compiler checks a code against `number` (or `string`),
 * not against each documented code, and the parameter is unconstrained, so that a conditional type's branch can pass
 * its code without the compiler spreading it over every code; the fields are read with `infer`, not by a key.
 */
export function documentedTypes(catalog: Catalog): Array<WriterFunction> {
  const key = keyType(catalog)
  const partial = isPartial(catalog, 'status')
  const status = textStatement([
    '/** The documented HTTP status of the code `C`' + (partial ? ' (`undefined` for a code documented without one)' : '') + ', as its literal type. */',
    'export type DocumentedStatus<C> = DocumentedEntry<C> extends { readonly status: infer S } ? S : ' + (partial ? 'undefined' : 'never') + ';'
  ])
  return [
    textStatement([
      '/** The documented error of the code `C` as `errorCatalog` holds it, with its literal message' + (catalog.hasStatus ? ' and status' : '') + '. */',
      'export type DocumentedEntry<C> = (typeof errorCatalog & { readonly [code: ' + key + ']: unknown })[C & ' + key + '];'
    ]),
    textStatement([
      '/** The documented message of the code `C`, as its literal type. */',
      'export type DocumentedMessage<C> = DocumentedEntry<C> extends { readonly message: infer M } ? M : never;'
    ]),
    ...(catalog.hasStatus ? [status] : [])
  ]
}

/** `createErrorBody` of a catalog with translations: the message and resolve text in the locale after the parameters, the default locale's when it has none. */
function localizedCreateErrorBody({catalog, fields, partial, params: withParams}: BodyContext): WriterFunction {
  const params = hasParams(catalog)
  const valueOf = (field: BodyField): string => {
    if (field !== 'message' && field !== 'resolve') return 'entry.' + field
    return 'translated(code, "' + field + '", params, locale) ?? ' + (params ? 'filled(code, "' + field + '", params)' : 'entry.' + field)
  }
  const value = (field: BodyField): string => bodyMember(field, partial, valueOf)
  const values = [...fields.map(value), ...(withParams ? ['...(templates[code] === undefined ? {} : { params })'] : [])]
  return textStatement([
    '/**',
    ' * The response body of the error with this code, as documented' + (params ? ' (its parameters, when it has some, filled in)' : '') + ', in a locale:',
    ' * the default locale when it is left out or has no translation of the code.',
    ' *',
    ' * @example createErrorBody(' + exampleArgs(catalog) + ')',
    ' */',
    'export function createErrorBody<C extends ErrorCode>(code: C, ...args: LocaleArgs<C>): ErrorBody<C> {',
    '  const entry = ' + entryOf(catalog, 'code') + ';',
    '  const { params, locale } = localeArgs(code, args);',
    '  return { ' + values.join(', ') + ' } as unknown as ErrorBody<C>;',
    '}'
  ])
}

/** The arguments of the examples: the first code's member, and the values of its parameters when it has some. */
export function exampleArgs(catalog: Catalog): string {
  const [first] = catalog.entries
  return 'ErrorCode.' + exampleName(catalog) + (first?.params ? ', ' + exampleParams(first.params) : '')
}

/** The member the examples name: the first code's. */
export function exampleName(catalog: Catalog): string {
  return catalog.entries[0]?.name ?? 'X'
}

/** The plain types of the fields, for a body whose code the catalog does not document. */
function undocumentedBody({catalog, fields, partial}: BodyContext): WriterFunction {
  const types: Record<BodyField, string> = {code: catalog.codeKind === 'integer' ? 'number' : 'string', status: 'number', message: 'string', resolve: 'string'}
  const member = (field: BodyField): string => '  readonly ' + field + (partial.includes(field) ? '?: ' : ': ') + types[field] + ';'
  return textStatement([
    '/** An error body this module does not document: a code it lacks, or a code with another message, as a newer server may send. */',
    'export interface UndocumentedErrorBody {',
    ...fields.flatMap((field) => [...docLines(fieldDocs[field].replace('The documented message of the code.', 'The message sent.'), '  '), member(field)]),
    '}'
  ])
}

function parsedBody(): WriterFunction {
  return textStatement([
    '/**',
    ' * What `parseErrorBody` makes of a value: a `documented` body (typed by its code), an `undocumented` one (well formed,',
    ' * but a code or message this module does not know: SDKs keep working when the catalog grows), or an `invalid` one.',
    ' */',
    'export type ParsedErrorBody =',
    '  | { readonly kind: "documented"; readonly body: ErrorBody }',
    '  | { readonly kind: "undocumented"; readonly body: UndocumentedErrorBody }',
    '  | { readonly kind: "invalid"; readonly reason: string };'
  ])
}

/**
 * The parser: each field's type, then whether the code and its message (and status) are the documented ones, and
 * whether it has the fields only some codes have exactly when its code has them.
 */
function parseErrorBody({catalog, fields, partial}: BodyContext): WriterFunction {
  const codeCheck = catalog.codeKind === 'integer' ? '!Number.isInteger(fields["code"])' : 'typeof fields["code"] !== "string"'
  const checks = fields.map((field) => {
    const type = field === 'code' ? codeCheck : field === 'status' ? '!Number.isInteger(fields["status"])' : 'typeof fields["' + field + '"] !== "string"'
    const test = partial.includes(field) ? 'fields["' + field + '"] !== undefined && ' + type : type
    const kind = field === 'code' ? (catalog.codeKind === 'integer' ? 'an integer' : 'a string') : field === 'status' ? 'an integer' : 'a string'
    return '  if (' + test + ') return { kind: "invalid", reason: "`' + field + '` is not ' + kind + '" };'
  })
  const differs = fields.flatMap((field) => {
    if (field === 'message' && catalog.locales) return ['!(' + (hasParams(catalog) ? 'messageMatches(code, body.message)' : 'entry.message === body.message') + ' || isTranslation(code, body.message))']
    if (field === 'message' && hasParams(catalog)) return ['!messageMatches(code, body.message)']
    if (field === 'message' || field === 'status') return ['entry.' + field + ' !== body.' + field]
    return partial.includes(field) ? ['(entry.' + field + ' === undefined) !== (body.' + field + ' === undefined)'] : []
  })
  return textStatement([
    '/**',
    ' * Read a response body: never throws. A body whose code is documented, with that code\'s message, is `documented`;',
    ' * a well-formed body with another code or message is `undocumented`; anything else is `invalid`, with the reason.',
    ' */',
    'export function parseErrorBody(value: unknown): ParsedErrorBody {',
    '  if (typeof value !== "object" || value === null || Array.isArray(value)) return { kind: "invalid", reason: "the body is not an object" };',
    '  const fields = value as { readonly [field: string]: unknown };',
    ...checks,
    '  const body = value as UndocumentedErrorBody;',
    // Not `isErrorCode`: narrowing `body.code` to `ErrorCode` costs the compiler a pass over every code.
    '  if (!Object.prototype.hasOwnProperty.call(entries, body.code)) return { kind: "undocumented", body };',
    '  const entry = entries[body.code] as ErrorEntry;',
    ...(catalog.locales || hasParams(catalog) ? ['  const code = body.code as ErrorCode;'] : []),
    ...(differs.length > 0 ? ['  if (' + differs.join(' || ') + ') return { kind: "undocumented", body };'] : []),
    '  return { kind: "documented", body: value as ErrorBody };',
    '}'
  ])
}

function isErrorBody(): WriterFunction {
  return textStatement([
    '/** Whether `value` is a documented error body: a documented code with its own message (fields the table does not describe are not checked). */',
    'export function isErrorBody(value: unknown): value is ErrorBody {',
    '  return parseErrorBody(value).kind === "documented";',
    '}'
  ])
}
