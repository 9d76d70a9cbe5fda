/** targets/typescript/responses: a catalog in, the module's statements about responses out — the codes and bodies of each HTTP status (`ErrorCodesByStatus`, `ErrorCodeOf`, `ErrorBodyOf`), `ErrorResponse` and `errorResponse`, and the `ApiError` class. */
import type {WriterFunction} from 'ts-morph'
import type {Catalog, CatalogEntry} from '../../types.js'
import {isPartial} from '../../emit/body-fields.js'
import {entryOf, exampleArgs} from './body.js'
import {hasParams} from './messages/params.js'
import {textStatement} from './syntax.js'

/**
 * The statements about statuses and responses; none when the codes carry no status.
 *
 * @param byStatus the `ErrorCodesByStatus` statement given as text (`codesByStatusText`), in place of the one written here
 */
export function responseStatements(catalog: Catalog, byStatus?: WriterFunction): Array<WriterFunction> {
  if (!catalog.hasStatus) return []
  return [byStatus ?? textStatement(codesByStatusLines(catalog)), codeOf(catalog), bodyOf(), errorResponseType(catalog), errorResponse(catalog)]
}

/** The text of the `ErrorCodesByStatus` statement, its lines each ended by a line feed: what ts-morph prints of it, without writing its line per code through ts-morph's writer. */
export function codesByStatusText(catalog: Catalog): string {
  return codesByStatusLines(catalog).join('\n') + '\n'
}

/**
 * The type of the status of code `C`: its literal status; when some codes have none (`optionalColumns`), `undefined`
 * for those, so that a server must choose one for them (`DocumentedStatus` says which).
 */
const statusType = 'DocumentedStatus<C>'

/** The lines of the statement listing each status's codes: a type indexed by status costs the compiler nothing per code. */
function codesByStatusLines(catalog: Catalog): Array<string> {
  const byStatus = new Map<number, Array<CatalogEntry>>()
  for (const entry of catalog.entries) {
    if (entry.status === undefined) continue
    const entries = byStatus.get(entry.status) ?? []
    entries.push(entry)
    byStatus.set(entry.status, entries)
  }
  const members = catalog.statuses.flatMap((status) => [
    '  /** The codes sent with ' + status.code + (status.phrase ? ' ' + status.phrase : '') + '. */',
    '  readonly ' + status.code + ':',
    ...(byStatus.get(status.code) ?? []).map((entry, index, all) => '    | ErrorCode.' + entry.name + (index === all.length - 1 ? ';' : ''))
  ])
  return ['/** The documented codes of each HTTP status. */', 'export interface ErrorCodesByStatus {', ...members, '}']
}

function codeOf(catalog: Catalog): WriterFunction {
  const first = catalog.entries.find((entry) => entry.status !== undefined)
  const example = first ? [' *', ' * @example const code: ErrorCodeOf<' + first.status + '> = ErrorCode.' + first.name + ';'] : []
  return textStatement([
    '/**',
    ' * The documented codes sent with the HTTP status `S`.',
    ...example,
    ' */',
    'export type ErrorCodeOf<S extends HttpStatus> = ErrorCodesByStatus[S];'
  ])
}

function bodyOf(): WriterFunction {
  return textStatement([
    '/**',
    ' * The bodies of the errors sent with the HTTP status `S`: what a server may send with it. A body of another status\'s',
    ' * code is a type error.',
    ' */',
    'export type ErrorBodyOf<S extends HttpStatus> = ErrorBody<ErrorCodeOf<S>>;'
  ])
}

function errorResponseType(catalog: Catalog): WriterFunction {
  const without = isPartial(catalog, 'status') ? ' (`undefined` for a code documented without one: choose the status to send)' : ''
  return textStatement([
    '/** An error response: the status of the code (as a literal type)' + without + ' and its body. */',
    'export type ErrorResponse<C extends ErrorCode = ErrorCode> = C extends ErrorCode',
    '  ? { readonly status: ' + statusType + '; readonly body: ErrorBody<C> }',
    '  : never;'
  ])
}

function errorResponse(catalog: Catalog): WriterFunction {
  return textStatement([
    '/**',
    ' * The response of the error with this code: its HTTP status' + (isPartial(catalog, 'status') ? ' (`undefined` for a code documented without one)' : '') + ' and its body.',
    ' *',
    ' * @example const { status, body } = errorResponse(' + exampleArgs(catalog) + ');',
    ' */',
    ...(hasParams(catalog)
      ? ['export function errorResponse<C extends ErrorCode>(code: C, ...params: ParamsArgs<C>): ErrorResponse<C> {', '  const entry = ' + entryOf(catalog, 'code') + ';', '  return { status: entry.status, body: createErrorBody(code, ...params) } as unknown as ErrorResponse<C>;']
      : ['export function errorResponse<C extends ErrorCode>(code: C): ErrorResponse<C> {', '  const entry = ' + entryOf(catalog, 'code') + ';', '  return { status: entry.status, body: createErrorBody(code) } as unknown as ErrorResponse<C>;']),
    '}'
  ])
}

/** The start of the error class's constructor: with the parameters of its message after the code, when some code has them. */
function constructorStart(catalog: Catalog): Array<string> {
  if (catalog.locales) return localizedConstructorStart(catalog)
  if (!hasParams(catalog)) {
    return [
      '  /**',
      '   * @param code a documented code: the error\'s message is its message',
      '   * @param options `cause`: what led to the error',
      '   */',
      '  constructor(code: C, options?: { readonly cause?: unknown }) {',
      bodyLine('code')
    ]
  }
  return [
    '  /**',
    '   * @param code a documented code: the error\'s message is its message, its parameters filled in',
    '   * @param args the parameters of its message, when it has some; then the options: `cause`, what led to the error',
    '   */',
    '  constructor(code: C, ...args: [...ParamsArgs<C>, options?: { readonly cause?: unknown }]) {',
    '    const params = (templates[code] === undefined ? [] : args.slice(0, 1)) as ParamsArgs<C>;',
    '    const options = args[params.length] as { readonly cause?: unknown } | undefined;',
    bodyLine('code, ...params')
  ]
}

/** The start of the constructor in a catalog with translations: the options also take the locale of the message. */
function localizedConstructorStart(catalog: Catalog): Array<string> {
  const options = '{ readonly cause?: unknown; readonly locale?: Locale }'
  const doc = '`cause`, what led to the error, and `locale`, the locale of its message (the default locale when left out)'
  if (!hasParams(catalog)) {
    return [
      '  /**',
      '   * @param code a documented code: the error\'s message is its message',
      '   * @param options ' + doc,
      '   */',
      '  constructor(code: C, options?: ' + options + ') {',
      bodyLine('code, options?.locale')
    ]
  }
  return [
    '  /**',
    '   * @param code a documented code: the error\'s message is its message, its parameters filled in',
    '   * @param args the parameters of its message, when it has some; then the options: ' + doc,
    '   */',
    '  constructor(code: C, ...args: [...ParamsArgs<C>, options?: ' + options + ']) {',
    '    const params = (templates[code] === undefined ? [] : args.slice(0, 1)) as ParamsArgs<C>;',
    '    const options = args[params.length] as ' + options + ' | undefined;',
    bodyLine('code, ...params, options?.locale')
  ]
}

/**
 * The constructor's body, read through a plain type: reading a `const` or a property of type `ErrorBody<C>` makes
 * the compiler spread `ErrorBody<C>` over every code (to see whether its constraint is a union).
 */
function bodyLine(args: string): string {
  return '    const body = createErrorBody(' + args + ') as unknown as { readonly message: string };'
}

/** The error class: thrown by clients, sent by servers; recognised by its name and code, not by `instanceof`. */
export function errorClass(catalog: Catalog): WriterFunction {
  const status = catalog.hasStatus
    ? ['  /** The HTTP status the error is sent with' + (isPartial(catalog, 'status') ? ' (`undefined` for a code documented without one)' : '') + '. */', '  readonly status: ' + statusType + ';', '']
    : []
  return textStatement([
    '/**',
    ' * A documented error as an exception, with its code' + (catalog.hasStatus ? ', status' : '') + ' and body; `JSON.stringify` writes its body.',
    ' * Needs the ES2022 library (`Error` with a `cause`).',
    ' *',
    ' * @example throw new ApiError(' + exampleArgs(catalog) + ', { cause });',
    ' */',
    'export class ApiError<C extends ErrorCode = ErrorCode> extends Error {',
    '  /** Always `"ApiError"`, in every copy of this module: what {@link ApiError.is} checks. */',
    '  override readonly name = "ApiError";',
    '',
    '  /** The documented error code. */',
    '  readonly code: C;',
    '',
    ...status,
    '  /** The response body. */',
    '  readonly body: ErrorBody<C>;',
    '',
    ...constructorStart(catalog),
    '    super(body.message, options);',
    '    this.code = code;',
    ...(catalog.hasStatus ? ['    this.status = (' + entryOf(catalog, 'code') + ').status as unknown as ' + statusType + ';'] : []),
    '    this.body = body as unknown as ErrorBody<C>;',
    '  }',
    '',
    '  /**',
    '   * Whether `value` is an `ApiError` of a documented code. It checks `name` and `code`, not `instanceof`, which is',
    '   * false for an error made by another copy of this module (two versions of a package, or another realm).',
    '   */',
    '  static is(value: unknown): value is ApiError {',
    '    if (typeof value !== "object" || value === null) return false;',
    '    const error = value as { readonly name?: unknown; readonly code?: unknown };',
    '    return error.name === "ApiError" && isErrorCode(error.code);',
    '  }',
    '',
    '  /** The response body: what `JSON.stringify(error)` writes. */',
    // Read through a plain type, as the constructor's body is.
    '  toJSON(): ErrorBody<C> {',
    '    return (this as { readonly body: unknown }).body as ErrorBody<C>;',
    '  }',
    '}'
  ])
}
