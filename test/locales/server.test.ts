/** The localized page of test/fixtures/localized-api used as an API uses it: a `node:http` server sends filled-in bodies in the locale `Accept-Language` asks for, a client (fetch) reads them with the generated parser and guard, Ajv (strict) validates every body against the generated JSON Schema, and tsc accepts a typed consumer under the strict flags (a wrong locale or parameter is an error). */
import {cp, readFile} from 'node:fs/promises'
import {createServer, type Server} from 'node:http'
import type {AddressInfo} from 'node:net'
import path from 'node:path'
import {Ajv2020} from 'ajv/dist/2020.js'
import {afterAll, beforeAll, describe, expect, test} from 'vitest'
import {generate} from '../../generator/index.js'
import {evaluate, root, strictOptions, tempDirectory, typeCheck} from '../support/helpers.js'

const output = path.join(root, 'test', 'fixtures', 'localized-api', 'output')

/** What the generated module gives at run time, as the server and the client use it. */
interface Module {
  negotiateLocale(acceptLanguage: string | undefined): string
  createErrorBody(code: number, ...args: Array<unknown>): {code: number, message: string, resolve: string}
  errorResponse(code: number, ...args: Array<unknown>): {status: number}
  parseErrorBody(value: unknown): {kind: string, body?: {code: number, message: string}}
  isErrorBody(value: unknown): boolean
  formatMessage(code: number, ...args: Array<unknown>): string
}

/** The routes of the server: a path and the error it answers with, its code and parameters. */
const routes: Record<string, {code: number, params?: Record<string, string | number>}> = {
  '/session': {code: 40100},
  '/token': {code: 40101, params: {expiredAt: '2026-01-31T12:00:00Z'}},
  '/tenants/acme': {code: 40300, params: {email: 'ana@example.com', tenant: 'acme'}},
  '/orders/17': {code: 40400, params: {orderId: 17}},
  '/orders/18/cancel': {code: 40900, params: {orderId: 18, state: 'shipped'}},
  '/orders/19/quantity': {code: 42200, params: {min: 1, max: 99}},
  '/orders': {code: 42900, params: {limit: 600, retryAfter: 30}}
}

let module: Module
let server: Server
let base: string
let schema: object

beforeAll(async () => {
  module = (await evaluate(await readFile(path.join(output, 'errors.ts'), 'utf8'))) as unknown as Module
  schema = JSON.parse(await readFile(path.join(output, 'errors.schema.json'), 'utf8')) as object
  server = createServer((request, response) => {
    const route = routes[request.url ?? '']
    if (!route) return void response.writeHead(500).end()
    const locale = module.negotiateLocale(request.headers['accept-language'])
    const args = route.params ? [route.params, locale] : [locale]
    const {status} = module.errorResponse(route.code, ...(route.params ? [route.params] : []))
    response.writeHead(status, {'content-type': 'application/json', 'content-language': locale})
    response.end(JSON.stringify(module.createErrorBody(route.code, ...args)))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = 'http://127.0.0.1:' + (server.address() as AddressInfo).port
})

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve))
})

/** A client's request: the status, the locale the server answered in, and the body as JSON. */
async function request(route: string, acceptLanguage?: string): Promise<{status: number, language: string | null, body: unknown}> {
  const response = await fetch(base + route, acceptLanguage === undefined ? {} : {headers: {'accept-language': acceptLanguage}})
  return {status: response.status, language: response.headers.get('content-language'), body: await response.json()}
}

describe('a server answering in the client\'s language', () => {
  test.each([
    ['fr-CH, fr;q=0.9, en;q=0.5', 'fr', 'La commande 18 est déjà shipped', 'Rechargez la commande avant de la modifier.'],
    ['es-MX', 'es', 'El pedido 18 ya está shipped', 'Recargue el pedido antes de cambiarlo.'],
    ['de-DE, es;q=0.3, fr;q=0.2', 'es', 'El pedido 18 ya está shipped', 'Recargue el pedido antes de cambiarlo.'],
    ['de-DE', 'en', 'Order 18 is already shipped', 'Reload the order before changing it.'],
    [undefined, 'en', 'Order 18 is already shipped', 'Reload the order before changing it.']
  ])('Accept-Language %s: answered in %s', async (acceptLanguage, locale, message, resolve) => {
    const answer = await request('/orders/18/cancel', acceptLanguage)
    expect(answer).toEqual({status: 409, language: locale, body: {code: 40900, message, resolve}})
    expect(module.parseErrorBody(answer.body)).toEqual({kind: 'documented', body: answer.body})
    expect(module.isErrorBody(answer.body)).toBe(true)
  })

  test('every route in every locale: filled in, documented for the client, valid for Ajv (strict)', async () => {
    const validate = new Ajv2020({strict: true}).compile(schema)
    const messages = new Set<string>()
    for (const route of Object.keys(routes)) {
      for (const acceptLanguage of ['en', 'fr', 'es']) {
        const {body, language} = await request(route, acceptLanguage)
        expect(language).toBe(acceptLanguage)
        expect(validate(body), route + ' ' + acceptLanguage + ' ' + JSON.stringify(validate.errors)).toBe(true)
        expect(module.parseErrorBody(body).kind, route + ' ' + acceptLanguage).toBe('documented')
        const {message} = body as {message: string}
        expect(message).not.toMatch(/[{}]/)
        messages.add(message)
      }
    }
    expect(messages.size).toBe(Object.keys(routes).length * 3)
    expect(messages).toContain('Jeton d\'accès expiré le 2026-01-31T12:00:00Z')
    expect(messages).toContain('El usuario \'ana@example.com\' no puede acceder al inquilino \'acme\'')
    expect(messages).toContain('Rate limit of 600 requests exceeded')
  })

  test('a body with another code\'s message, in any locale, is refused by the schema and undocumented for the client', async () => {
    const validate = new Ajv2020({strict: true}).compile(schema)
    const french = (await request('/orders/17', 'fr')).body as {code: number, message: string, resolve: string}
    const wrong = {...french, code: 40100}
    expect(validate(wrong)).toBe(false)
    expect(validate.errors?.length).toBeLessThanOrEqual(3)
    expect(module.parseErrorBody(wrong).kind).toBe('undocumented')
    expect(validate({...french, message: 'Commande introuvable'})).toBe(false)
  })

  test('ApiError takes the locale of its message in its options', () => {
    const ApiError = (module as unknown as {ApiError: new (...args: Array<unknown>) => Error & {body: unknown}}).ApiError
    const error = new ApiError(40400, {orderId: 5}, {locale: 'es', cause: 'x'})
    expect([error.message, error.cause, error.body]).toEqual(['Pedido 5 no encontrado', 'x', {code: 40400, message: 'Pedido 5 no encontrado', resolve: 'Compruebe el identificador del pedido.'}])
    expect(new ApiError(40100).message).toBe('Missing access token')
  })

  test('formatMessage falls back to the default locale for a locale the page lacks', () => {
    expect(module.formatMessage(40400, {orderId: 3}, 'fr')).toBe('Commande 3 introuvable')
    expect(module.formatMessage(40400, {orderId: 3}, 'de' as never)).toBe('Order 3 not found')
    expect(module.formatMessage(40100)).toBe('Missing access token')
    expect(module.formatMessage(40100, 'es')).toBe('Falta el token de acceso')
  })
})

/** What a typed server and client write with the module; each line must type-check, each `@ts-expect-error` must be an error. */
const consumer = `
import { ApiError, ErrorCode, createErrorBody, formatMessage, locales, messages, negotiateLocale, parseErrorBody } from "./errors.js";
import type { ErrorBody, Locale } from "./errors.js";

export const locale: Locale = negotiateLocale("fr-CH, fr;q=0.9");
export const body: ErrorBody<ErrorCode.OrderNotFound> = createErrorBody(ErrorCode.OrderNotFound, { orderId: 17 }, locale);
export const plain: ErrorBody<ErrorCode.MissingAccessToken> = createErrorBody(ErrorCode.MissingAccessToken, "es");
export const english: string = formatMessage(ErrorCode.OrderIsAlready, { orderId: 1, state: "shipped" });
export const all: ReadonlyArray<Locale> = locales;
export const spanish: string | undefined = messages.es[ErrorCode.OrderNotFound];
export const parsed = parseErrorBody(body);
export const code: ErrorCode | undefined = parsed.kind === "documented" ? parsed.body.code : undefined;
export const error = new ApiError(ErrorCode.OrderNotFound, { orderId: 17 }, { cause: new Error("x"), locale: "fr" });
export const plainError = new ApiError(ErrorCode.MissingAccessToken, { locale: "es" });

// @ts-expect-error: a locale the page does not have
export const german = formatMessage(ErrorCode.MissingAccessToken, "de");
// @ts-expect-error: the parameters come before the locale
export const swapped = createErrorBody(ErrorCode.OrderNotFound, "fr", { orderId: 17 });
// @ts-expect-error: a misspelled parameter in a localized call
export const misspelled = formatMessage(ErrorCode.OrderNotFound, { order: 17 }, "fr");
// @ts-expect-error: ApiError's locale is one of the page's
export const wrongLocale = new ApiError(ErrorCode.MissingAccessToken, { locale: "de" });
// @ts-expect-error: a code without parameters takes the locale alone
export const extra = createErrorBody(ErrorCode.MissingAccessToken, { orderId: 1 }, "fr");
`

describe('the generated TypeScript', () => {
  test('tsc accepts a typed consumer under the strict flags, and every @ts-expect-error is an error', async () => {
    const source = await readFile(path.join(output, 'errors.ts'), 'utf8')
    expect(typeCheck({'errors.ts': source, 'consumer.ts': consumer}, strictOptions)).toEqual([])
    const wrong = consumer + '\n// @ts-expect-error: this call is right\nexport const right = formatMessage(ErrorCode.OrderNotFound, { orderId: 1 }, "es");\n'
    expect(typeCheck({'errors.ts': source, 'consumer.ts': wrong}, strictOptions).join('\n')).toMatch(/Unused '@ts-expect-error' directive/)
  })

  test('in the const style too, under erasableSyntaxOnly', async () => {
    const directory = await tempDirectory()
    await cp(path.join(root, 'test', 'fixtures', 'localized-api'), directory, {recursive: true})
    const result = await generate({cwd: directory, against: false, style: 'const'})
    const source = result.files.find((file) => file.kind === 'typescript')?.text ?? ''
    expect(source).toContain('export const ErrorCode = Object.freeze({')
    expect(typeCheck({'errors.ts': source, 'consumer.ts': consumer}, {...strictOptions, erasableSyntaxOnly: true})).toEqual([])
  })
})
