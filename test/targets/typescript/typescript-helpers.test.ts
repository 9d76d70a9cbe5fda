/** The TypeScript helpers servers and clients use — errorResponse, ErrorCodeOf/ErrorBodyOf, parseErrorBody/isErrorBody, ApiError — compiled in consumers under the strict flags (both styles) and run; the README's server example type-checked. */
import {readFile} from 'node:fs/promises'
import path from 'node:path'
import ts from 'typescript'
import {beforeAll, describe, expect, test} from 'vitest'
import {evaluate, generateFrom, root, seed as seedPath, strictOptions, typeCheck} from '../../support/helpers.js'

let sources: Record<'enum' | 'const', string>
beforeAll(async () => {
  const markdown = await readFile(seedPath, 'utf8')
  const [enumStyle, constStyle] = await Promise.all([generateFrom({'input/error-codes.md': markdown}), generateFrom({'input/error-codes.md': markdown}, {typescript: {style: 'const'}})])
  sources = {enum: enumStyle.outputs['error-codes.ts'] as string, const: constStyle.outputs['error-codes.ts'] as string}
})

/** A client and a server using every helper; each line must type-check, each `@ts-expect-error` must be an error. */
const consumer = `
import { ApiError, ErrorCode, HttpStatus, createErrorBody, errorResponse, isErrorBody, parseErrorBody } from "./error-codes.js";
import type { ErrorBody, ErrorBodyOf, ErrorCodeOf, ErrorResponse, ParsedErrorBody, UndocumentedErrorBody } from "./error-codes.js";

const response = errorResponse(ErrorCode.AccountLocked);
export const status: HttpStatus.PaymentRequired = response.status;
export const locked: "account locked" = response.body.message;
// @ts-expect-error: AccountLocked is sent with 402
export const wrongStatus: HttpStatus.NotFound = response.status;
export const anyResponse: ErrorResponse = errorResponse(ErrorCode.UserNotFound as ErrorCode);

export const notFound: ErrorCodeOf<404> = ErrorCode.UserNotFound;
// @ts-expect-error: AccountLocked is not a 404 code
export const notNotFound: ErrorCodeOf<HttpStatus.NotFound> = ErrorCode.AccountLocked;
export const notFoundBody: ErrorBodyOf<404> = createErrorBody(ErrorCode.ItemNotFound);
// @ts-expect-error: the body of a 402 code is not a 404 body
export const wrongBody: ErrorBodyOf<404> = createErrorBody(ErrorCode.AccountLocked);

export function read(value: unknown): string {
  const parsed: ParsedErrorBody = parseErrorBody(value);
  switch (parsed.kind) {
    case "documented": {
      if (parsed.body.code === ErrorCode.AccessTokenMissing) {
        const message: "access_token missing" = parsed.body.message;
        return message;
      }
      return parsed.body.resolve;
    }
    case "undocumented": {
      const body: UndocumentedErrorBody = parsed.body;
      const code: number = body.code;
      return code + " " + body.message;
    }
    case "invalid":
      return parsed.reason;
  }
}

export function guard(value: unknown): ErrorBody | undefined {
  return isErrorBody(value) ? value : undefined;
}

export function fail(cause: unknown): never {
  const error = new ApiError(ErrorCode.AccountLocked, { cause });
  const code: ErrorCode.AccountLocked = error.code;
  const sent: HttpStatus.PaymentRequired = error.status;
  const body: ErrorBody<ErrorCode.AccountLocked> = error.toJSON();
  void [code, sent, body];
  throw error;
}

export function caught(error: unknown): ErrorCode | undefined {
  return ApiError.is(error) ? error.code : undefined;
}
`

/**
 * The types the catalog's lookups give, compared exactly (not by assignability): each is the type of the catalog's
 * entry, message or status of the code, and each status's codes are the documented ones, no more.
 */
const exactConsumer = `
import { ApiError, ErrorCode, HttpStatus, errorCatalog, getErrorEntry } from "./error-codes.js";
import type { DocumentedEntry, DocumentedMessage, DocumentedStatus, ErrorBody, ErrorBodyOf, ErrorCodeOf, ErrorCodesByStatus, ErrorResponse } from "./error-codes.js";

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
function exact<T extends true>(): T | undefined {
  return undefined;
}
type Catalog = typeof errorCatalog;
type Locked = ErrorCode.AccountLocked;

exact<Equal<ReturnType<typeof getErrorEntry<Locked>>, Catalog[Locked]>>();
exact<Equal<DocumentedEntry<Locked>, Catalog[Locked]>>();
exact<Equal<DocumentedEntry<ErrorCode>, Catalog[ErrorCode]>>();
exact<Equal<DocumentedMessage<Locked>, "account locked">>();
exact<Equal<DocumentedStatus<Locked>, HttpStatus.PaymentRequired>>();
exact<Equal<ErrorBody<Locked>["message"], "account locked">>();
exact<Equal<ErrorBody["message"], Catalog[ErrorCode]["message"]>>();
exact<Equal<ErrorResponse<Locked>["status"], HttpStatus.PaymentRequired>>();
exact<Equal<ErrorResponse["status"], Catalog[ErrorCode]["status"]>>();
exact<Equal<ApiError<Locked>["status"], HttpStatus.PaymentRequired>>();
exact<Equal<ApiError<Locked>["body"]["message"], "account locked">>();
exact<Equal<ReturnType<ApiError<Locked>["toJSON"]>, ErrorBody<Locked>>>();
type NotFound =
  | ErrorCode.InstitutionNotAvailable
  | ErrorCode.UnableToMapCategory
  | ErrorCode.UnableToFindCategory
  | ErrorCode.ProductNotFound
  | ErrorCode.ProductNotAvailable
  | ErrorCode.UserNotFound
  | ErrorCode.ItemNotFound;
exact<Equal<ErrorCodesByStatus[404], NotFound>>();
exact<Equal<ErrorCodeOf<HttpStatus.NotFound>, NotFound>>();
exact<Equal<ErrorBodyOf<404>["code"], NotFound>>();
exact<Equal<keyof ErrorCodesByStatus, 400 | 401 | 402 | 404 | 501 | 502>>();

export function narrowed(code: ErrorCodesByStatus[404]): "item not found" | undefined {
  if (code === ErrorCode.ItemNotFound) {
    exact<Equal<typeof code, ErrorCode.ItemNotFound>>();
    return getErrorEntry(code).message;
  }
  exact<Equal<typeof code, Exclude<NotFound, ErrorCode.ItemNotFound>>>();
  return undefined;
}

// @ts-expect-error: a 402 code is no 404 code
exact<Equal<ErrorCodesByStatus[404], NotFound | Locked>>();
// @ts-expect-error: the message is its literal, not any string
exact<Equal<DocumentedMessage<Locked>, string>>();
// @ts-expect-error: the status is its literal, not any status
exact<Equal<ApiError<Locked>["status"], HttpStatus>>();
`

/** Whether `previous` is an overload signature of the function `statement` implements. */
function isOverload(previous: ts.Statement | undefined, statement: ts.FunctionDeclaration): boolean {
  return previous !== undefined && ts.isFunctionDeclaration(previous) && previous.body === undefined && previous.name?.text === statement.name?.text
}

/** The fenced block of the README that follows a heading, by the block's first line. */
async function readmeBlock(firstLine: string): Promise<string> {
  const readme = await readFile(path.join(root, 'README.md'), 'utf8')
  const block = readme.split('```ts\n').slice(1).map((part) => part.split('\n```')[0] as string).find((code) => code.startsWith(firstLine))
  if (block === undefined) throw new Error('expected a ts block of the README starting with ' + firstLine)
  return block
}

describe.each(['enum', 'const'] as const)('the helpers in the %s style', (style) => {
  const options = {...strictOptions, erasableSyntaxOnly: style === 'const', noImplicitOverride: true}

  test('compile in a client and a server under the strict flags, with the wrong uses rejected', () => {
    expect(typeCheck({'error-codes.ts': sources[style], 'consumer.ts': consumer}, options)).toEqual([])
    const unmarked = consumer.replaceAll(/\/\/ @ts-expect-error.*\n/g, '')
    const errors = typeCheck({'error-codes.ts': sources[style], 'consumer.ts': unmarked}, options)
    expect(errors).toHaveLength(3)
    expect(errors.join('\n')).toMatch(/Type 'HttpStatus.PaymentRequired' is not assignable to type 'HttpStatus.NotFound'|Type '402' is not assignable to type '404'/)
  })

  test('the lookups by code give exact types: the entry, message and status of a code, the codes of a status', () => {
    expect(typeCheck({'error-codes.ts': sources[style], 'consumer.ts': exactConsumer}, options)).toEqual([])
    const errors = typeCheck({'error-codes.ts': sources[style], 'consumer.ts': exactConsumer.replaceAll(/\/\/ @ts-expect-error.*\n/g, '')}, options)
    expect(errors).toHaveLength(3)
    expect(errors.every((error) => error.includes("Type 'false' does not satisfy the constraint 'true'"))).toBe(true)
  })

  test('run as documented', async () => {
    const module = await evaluate(sources[style])
    expect(module.errorResponse(1205)).toEqual({status: 402, body: {code: 1205, message: 'account locked', resolve: module.errorCatalog[1205].resolve}})

    expect(module.getErrorEntry(1205)).toBe(module.errorCatalog[1205])
    for (const code of [1999, '1205', 1205.5, -0, Number.NaN]) expect(module.getErrorEntry(code)).toBeUndefined()
    const body = module.createErrorBody(1000)
    expect(module.parseErrorBody(body)).toEqual({kind: 'documented', body})
    expect(module.isErrorBody(body)).toBe(true)
    expect(module.isErrorBody({...body, requestId: 'r-1'})).toBe(true)
    const newer = {code: 1999, message: 'a code of a newer server', resolve: 'Retry.'}
    expect(module.parseErrorBody(newer)).toEqual({kind: 'undocumented', body: newer})
    expect(module.parseErrorBody({...body, message: 'an edited message'})).toMatchObject({kind: 'undocumented'})
    expect(module.isErrorBody(newer)).toBe(false)
    const invalid: Array<[unknown, string]> = [
      [null, 'the body is not an object'],
      [[body], 'the body is not an object'],
      [{...body, code: '1000'}, '`code` is not an integer'],
      [{code: 1000}, '`message` is not a string'],
      [{code: 1000, message: 'access_token missing'}, '`resolve` is not a string']
    ]
    for (const [value, reason] of invalid) expect(module.parseErrorBody(value)).toEqual({kind: 'invalid', reason})

    const cause = new Error('upstream')
    const error = new module.ApiError(1205, {cause})
    expect(error).toBeInstanceOf(Error)
    expect(error).toMatchObject({name: 'ApiError', code: 1205, status: 402, message: 'account locked', cause})
    expect(JSON.parse(JSON.stringify(error))).toEqual(module.createErrorBody(1205))
    expect('cause' in new module.ApiError(1205)).toBe(false)
    const copy = await evaluate(sources[style] + '\n// another copy of the module\n')
    expect(module.ApiError.is(new copy.ApiError(1000))).toBe(true)
    expect(new copy.ApiError(1000) instanceof module.ApiError).toBe(false)
    expect(module.ApiError.is(Object.assign(new Error('x'), {name: 'ApiError', code: 1999}))).toBe(false)
    expect(module.ApiError.is(new Error('account locked'))).toBe(false)
  })

  test('every exported declaration has JSDoc', () => {
    const file = ts.createSourceFile('error-codes.ts', sources[style], ts.ScriptTarget.ES2022, true)
    const exported = file.statements.filter((statement) => ts.canHaveModifiers(statement) && ts.getModifiers(statement)?.some((modifier) => modifier.kind === ts.SyntaxKind.ExportKeyword))
    expect(exported.length).toBeGreaterThanOrEqual(20)
    const implementations = exported.filter((statement, index) => ts.isFunctionDeclaration(statement) && statement.body !== undefined && isOverload(exported[index - 1], statement))
    const undocumented = exported.filter((statement) => !implementations.includes(statement) && ts.getJSDocCommentsAndTags(statement).length === 0).map((statement) => statement.getText().split('\n')[0])
    expect(undocumented).toEqual([])
  })
})

describe('the README server example', () => {
  test('type-checks against the seed\'s module, and the wrong status is caught', async () => {
    const example = (await readmeBlock('import Fastify from "fastify";')).replaceAll('./output/error-codes.js', './error-codes.js')
    const files = (code: string): Record<string, string> => ({'error-codes.ts': sources.enum, 'server.ts': code})
    const options = {...strictOptions, types: ['node']}
    expect(typeCheck(files(example), options)).toEqual([])
    const unmarked = example.replace(/\/\/ @ts-expect-error.*\n/, '')
    expect(unmarked).not.toBe(example)
    const errors = typeCheck(files(unmarked), options)
    expect(errors).toHaveLength(1)
    expect(errors[0]).toMatch(/^server\.ts\(\d+,\d+\): .*ErrorCode\.AccountLocked/s)
  })
})
