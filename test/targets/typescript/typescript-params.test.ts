/** Messages with parameters in the TypeScript module: `formatMessage`, `createErrorBody`, `errorResponse`, `ApiError` and `createProblem` require exactly the parameters of a code, typed (`@ts-expect-error` for a missing or misspelled one, checked by tsc under the strict flags in both styles), and fill them in when run; the parsers read filled-in messages as documented. */
import {beforeAll, describe, expect, test} from 'vitest'
import {evaluate, generateFrom, strictOptions, typeCheck} from '../../support/helpers.js'

const page = `# Limits

| HTTP | Code | Message | Resolve |
| --- | --- | --- | --- |
| 429 | 1000 | Rate limit of {limit} requests exceeded | Wait {retryAfter} seconds. |
| 404 | 1001 | User '{email}' not in tenant '{tenant}' | Check the address. |
| 400 | 1002 | Request is malformed | Read the documentation. |
| 400 | 1003 | Expected at most %d items, got %s | Send fewer. |
`

let sources: Record<'enum' | 'const', string>
beforeAll(async () => {
  const written = {params: ['braces', 'printf'], problem: {type: 'https://docs.example.com/errors#{code}'}} as const
  const [enumStyle, constStyle] = await Promise.all([
    generateFrom({'errors.md': page}, written),
    generateFrom({'errors.md': page}, {...written, typescript: {style: 'const'}})
  ])
  sources = {enum: enumStyle.outputs['errors.ts'] as string, const: constStyle.outputs['errors.ts'] as string}
})

/** A server and a client using the parameters; each line must type-check, each `@ts-expect-error` must be an error. */
const consumer = `
import { ApiError, ErrorCode, createErrorBody, createProblem, errorResponse, formatMessage, isErrorBody, isProblem, parseErrorBody } from "./errors.js";
import type { ErrorBody, ErrorParams } from "./errors.js";

export const message: string = formatMessage(ErrorCode.RateLimitOfRequestsExceeded, { limit: 100, retryAfter: 30 });
export const typed: ErrorParams[ErrorCode.ExpectedAtMostItemsGot] = { arg1: 3, arg2: "5" };
export const body: ErrorBody<ErrorCode.UserNotInTenant> = createErrorBody(ErrorCode.UserNotInTenant, { email: "a@example.com", tenant: "acme" });
export const plain: "Request is malformed" = createErrorBody(ErrorCode.RequestIsMalformed).message;
export const response = errorResponse(ErrorCode.RateLimitOfRequestsExceeded, { limit: "100", retryAfter: 30 });
export const error = new ApiError(ErrorCode.RateLimitOfRequestsExceeded, { limit: 100, retryAfter: 30 }, { cause: new Error("x") });
// @ts-expect-error: the resolve text's parameter is one of the code's too
export const resolveMissing = formatMessage(ErrorCode.RateLimitOfRequestsExceeded, { limit: 100 });
export const plainError = new ApiError(ErrorCode.RequestIsMalformed, { cause: 1 });
export const problem = createProblem(ErrorCode.UserNotInTenant, { email: "a", tenant: "b" }, { instance: "/users/a", traceId: "t" });
export const plainProblem = createProblem(ErrorCode.RequestIsMalformed, { instance: "/x" });
export const checks: boolean = isErrorBody(body) && isProblem(problem) && parseErrorBody(body).kind === "documented";

// @ts-expect-error: a misspelled parameter
export const misspelled = createErrorBody(ErrorCode.RateLimitOfRequestsExceeded, { limt: 100 });
// @ts-expect-error: the parameters are missing
export const missing = createErrorBody(ErrorCode.RateLimitOfRequestsExceeded);
// @ts-expect-error: one of two parameters is missing
export const half = createErrorBody(ErrorCode.UserNotInTenant, { email: "a" });
// @ts-expect-error: %d takes a number
export const wrongType = formatMessage(ErrorCode.ExpectedAtMostItemsGot, { arg1: "3", arg2: "5" });
// @ts-expect-error: a code without parameters takes none
export const extra = createErrorBody(ErrorCode.RequestIsMalformed, { limit: 1 });
// @ts-expect-error: formatMessage with a misspelled parameter
export const format = formatMessage(ErrorCode.RateLimitOfRequestsExceeded, { limits: 100 });
// @ts-expect-error: ApiError without its parameters
export const errorMissing = new ApiError(ErrorCode.RateLimitOfRequestsExceeded);
// @ts-expect-error: ApiError with a misspelled parameter
export const errorMisspelled = new ApiError(ErrorCode.RateLimitOfRequestsExceeded, { limt: 1 });
// @ts-expect-error: errorResponse without its parameters
export const responseMissing = errorResponse(ErrorCode.UserNotInTenant);
// @ts-expect-error: createProblem without its parameters
export const problemMissing = createProblem(ErrorCode.RateLimitOfRequestsExceeded);
`

describe.each(['enum', 'const'] as const)('the %s style', (style) => {
  test('tsc accepts the consumer under the strict flags, and every @ts-expect-error is an error', () => {
    expect(typeCheck({'errors.ts': sources[style], 'consumer.ts': consumer}, {...strictOptions, erasableSyntaxOnly: style === 'const'})).toEqual([])
  })

  test('a @ts-expect-error that is no error fails: the checks can fail', () => {
    const wrong = consumer + '\n// @ts-expect-error: this call is right\nexport const right = formatMessage(ErrorCode.RateLimitOfRequestsExceeded, { limit: 1, retryAfter: 2 });\n'
    expect(typeCheck({'errors.ts': sources[style], 'consumer.ts': wrong}, strictOptions).join('\n')).toMatch(/Unused '@ts-expect-error' directive/)
  })
})

describe('when run', () => {
  test('the helpers fill the parameters in; the parsers read a filled-in message as documented and another as not', async () => {
    const module = await evaluate(sources.enum)
    expect(module.formatMessage(1000, {limit: 100, retryAfter: 30})).toBe('Rate limit of 100 requests exceeded')
    expect(module.formatMessage(1003, {arg1: 3, arg2: 'five'})).toBe('Expected at most 3 items, got five')
    expect(module.createErrorBody(1000, {limit: 5, retryAfter: 30})).toEqual({code: 1000, message: 'Rate limit of 5 requests exceeded', resolve: 'Wait 30 seconds.'})
    expect(module.createErrorBody(1002)).toEqual({code: 1002, message: 'Request is malformed', resolve: 'Read the documentation.'})
    expect(module.errorResponse(1001, {email: 'a@example.com', tenant: 'acme'})).toEqual({
      status: 404,
      body: {code: 1001, message: "User 'a@example.com' not in tenant 'acme'", resolve: 'Check the address.'}
    })
    const error = new module.ApiError(1000, {limit: 7, retryAfter: 1}, {cause: 'why'})
    expect([error.message, error.cause, error.status, JSON.stringify(error)]).toEqual(['Rate limit of 7 requests exceeded', 'why', 429, JSON.stringify(error.body)])
    const plain = new module.ApiError(1002, {cause: 'why'})
    expect([plain.message, plain.cause]).toEqual(['Request is malformed', 'why'])
    const problem = module.createProblem(1001, {email: 'a', tenant: 'b'}, {instance: '/u/a'})
    expect(problem).toEqual({type: 'https://docs.example.com/errors#1001', title: "User 'a' not in tenant 'b'", status: 404, detail: 'Check the address.', instance: '/u/a', code: 1001})
    expect(module.isProblem(problem)).toBe(true)
    expect(module.isProblem({...problem, title: 'User a not in tenant b'})).toBe(false)
    expect(module.parseErrorBody({code: 1000, message: 'Rate limit of 9 requests exceeded', resolve: 'x'}).kind).toBe('documented')
    expect(module.parseErrorBody({code: 1000, message: 'Rate limit of  requests exceeded!', resolve: 'x'}).kind).toBe('undocumented')
    expect(module.parseErrorBody({code: 1000, message: 'Rate limit of {limit} requests exceeded!', resolve: 'x'}).kind).toBe('undocumented')
  })
})
