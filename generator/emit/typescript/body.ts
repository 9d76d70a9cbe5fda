/** emit/typescript/body: a catalog and the body's fields in, the module's statements about error bodies out — `ErrorBody`, `createErrorBody`, `UndocumentedErrorBody`, `ParsedErrorBody`, `parseErrorBody` and `isErrorBody`. */
import type {WriterFunction} from 'ts-morph'
import type {BodyField, BodyOptions, Catalog} from '../../types.js'
import {bodyFields, namedExtraFields} from '../body-fields.js'
import {docLines, textStatement} from './text.js'

/** What the statements need: the catalog's code type and the body's fields. */
export interface BodyContext {
  readonly catalog: Catalog
  readonly fields: ReadonlyArray<BodyField>
  /** Extra fields a body may hold, by name. */
  readonly extras: ReadonlyArray<string>
}

/** The context of the body statements. */
export function bodyContext(catalog: Catalog, body: BodyOptions): BodyContext {
  return {catalog, fields: bodyFields(catalog, body), extras: namedExtraFields(body)}
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

/** The body type: one object type per code, so that `switch (body.code)` narrows `message`. */
function errorBodyType({fields, extras}: BodyContext): WriterFunction {
  const types: Record<BodyField, string> = {
    code: 'C',
    status: '(typeof errorCatalog)[C]["status"]',
    message: '(typeof errorCatalog)[C]["message"]',
    resolve: 'string'
  }
  return textStatement([
    '/**',
    ' * The body of an error response: `{ ' + fields.join(', ') + ' }`, where `message` is the documented message of `code`.',
    ' * Without a type argument, the union of every code\'s body: `switch (body.code)` narrows it. (`C` is not',
    ' * constrained: a constraint would make the compiler check `ErrorBodyOf` against every code, slow on large catalogs;',
    ' * `ErrorBody<X>` is `never` for an `X` that is no code.)',
    ' */',
    'export type ErrorBody<C = ErrorCode> = C extends ErrorCode',
    '  ? {',
    ...fields.flatMap((field) => [...docLines(fieldDocs[field], '      '), '      readonly ' + field + ': ' + types[field] + ';']),
    ...extras.flatMap((name) => [...docLines('A field the error table does not describe.', '      '), '      readonly ' + JSON.stringify(name) + '?: unknown;']),
    '    }',
    '  : never;'
  ])
}

function createErrorBody({catalog, fields}: BodyContext): WriterFunction {
  const values = fields.map((field) => (field === 'code' ? 'code' : field + ': entry.' + field))
  return textStatement([
    '/**',
    ' * The response body of the error with this code, as documented.',
    ' *',
    ' * @example createErrorBody(ErrorCode.' + exampleName(catalog) + ')',
    ' */',
    'export function createErrorBody<C extends ErrorCode>(code: C): ErrorBody<C> {',
    '  const entry = entries[code] as ErrorEntry;',
    '  return { ' + values.join(', ') + ' } as unknown as ErrorBody<C>;',
    '}'
  ])
}

/** The member the examples name: the first code's. */
export function exampleName(catalog: Catalog): string {
  return catalog.entries[0]?.name ?? 'X'
}

/** The plain types of the fields, for a body whose code the catalog does not document. */
function undocumentedBody({catalog, fields}: BodyContext): WriterFunction {
  const types: Record<BodyField, string> = {code: catalog.codeKind === 'integer' ? 'number' : 'string', status: 'number', message: 'string', resolve: 'string'}
  return textStatement([
    '/** An error body this module does not document: a code it lacks, or a code with another message, as a newer server may send. */',
    'export interface UndocumentedErrorBody {',
    ...fields.flatMap((field) => [...docLines(fieldDocs[field].replace('The documented message of the code.', 'The message sent.'), '  '), '  readonly ' + field + ': ' + types[field] + ';']),
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

/** The parser: each field's type, then whether the code and its message (and status) are the documented ones. */
function parseErrorBody({catalog, fields}: BodyContext): WriterFunction {
  const codeCheck = catalog.codeKind === 'integer' ? '!Number.isInteger(fields["code"])' : 'typeof fields["code"] !== "string"'
  const checks = fields.map((field) => {
    const test = field === 'code' ? codeCheck : field === 'status' ? '!Number.isInteger(fields["status"])' : 'typeof fields["' + field + '"] !== "string"'
    const kind = field === 'code' ? (catalog.codeKind === 'integer' ? 'an integer' : 'a string') : field === 'status' ? 'an integer' : 'a string'
    return '  if (' + test + ') return { kind: "invalid", reason: "`' + field + '` is not ' + kind + '" };'
  })
  const differs = fields.filter((field) => field === 'message' || field === 'status').map((field) => 'entry.' + field + ' !== body.' + field)
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
    '  if (!isErrorCode(body.code)) return { kind: "undocumented", body };',
    '  const entry = entries[body.code] as ErrorEntry;',
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
