/** Problem details (RFC 9457) of a page with parameters and translations: createProblem fills in `title` and the default `detail` in the locale asked for, isProblem knows every locale's title, and the JSON Schema (Ajv, strict) accepts exactly those documents; a consumer passing a locale type-checks. */
import {readFile} from 'node:fs/promises'
import path from 'node:path'
import {Ajv2020} from 'ajv/dist/2020.js'
import addFormats from 'ajv-formats'
import {beforeAll, describe, expect, test} from 'vitest'
import {evaluate, root, strictOptions, typeCheck} from '../support/helpers.js'

/** The committed outputs of a fixture. */
async function outputsOf(fixture: string): Promise<{source: string, schema: Record<string, unknown>}> {
  const out = path.join(root, 'test', 'fixtures', fixture, 'output')
  return {source: await readFile(path.join(out, 'input.ts'), 'utf8'), schema: JSON.parse(await readFile(path.join(out, 'input.schema.json'), 'utf8')) as Record<string, unknown>}
}

/** A validator of one code's problem document, from the generated schema's `$defs`. */
function problemValidator(schema: Record<string, unknown>, name: string): (value: unknown) => boolean {
  const ajv = new Ajv2020({strict: true, allErrors: true})
  addFormats.default(ajv)
  ajv.addSchema(schema, 'errors')
  const validate = ajv.compile({$ref: 'errors#/$defs/' + name})
  return (value) => validate(value) === true
}

describe('problem details with parameters and translations', () => {
  let localized: {source: string, schema: Record<string, unknown>}
  beforeAll(async () => {
    localized = await outputsOf('localized-problem')
  })

  test('createProblem fills in title and detail in the locale asked for, the default locale without one or without a translation', async () => {
    const module = await evaluate(localized.source)
    const code = module.ErrorCode.UserNotFound
    expect(module.createProblem(code, {email: 'ada@example.com'}, {locale: 'fr', instance: '/users/7'})).toEqual({
      type: 'https://docs.example.com/errors/1000',
      title: "Utilisateur 'ada@example.com' introuvable",
      status: 404,
      detail: "Vérifiez l'adresse.",
      instance: '/users/7',
      code: 1000
    })
    expect(module.createProblem(code, {email: 'ada@example.com'})).toMatchObject({title: "User 'ada@example.com' not found", detail: 'Check the address.'})
    // de-DE translates the message but not the resolve text: the detail falls back to the default locale's.
    expect(module.createProblem(code, {email: 'a@b.c'}, {locale: 'de-DE'})).toMatchObject({title: "Benutzer 'a@b.c' nicht gefunden", detail: 'Check the address.'})
    // 1002 has no fr translation; `locale` is not an extension member.
    const untranslated = module.createProblem(module.ErrorCode.RequestIsMalformed, {locale: 'fr'})
    expect(untranslated).toEqual({type: 'https://docs.example.com/errors/1002', title: 'Request is malformed', status: 400, detail: 'Read the documentation.', code: 1002})
  })

  test('isProblem and the JSON Schema accept every locale\'s filled-in title, and refuse another code\'s or the bare template', async () => {
    const module = await evaluate(localized.source)
    const valid = problemValidator(localized.schema, 'Problem.RateLimitOfRequestsExceeded')
    for (const locale of ['en', 'fr', 'de-DE']) {
      const problem = module.createProblem(module.ErrorCode.RateLimitOfRequestsExceeded, {limit: 100, retryAfter: 30}, {locale})
      expect(module.isProblem(problem), locale).toBe(true)
      expect(valid(JSON.parse(JSON.stringify(problem))), locale).toBe(true)
    }
    const french = module.createProblem(module.ErrorCode.RateLimitOfRequestsExceeded, {limit: 100, retryAfter: 30}, {locale: 'fr'})
    for (const title of ["Utilisateur 'x' introuvable", 'Limite de  requêtes dépassée', 'Rate limit exceeded']) {
      expect(module.isProblem({...french, title}), title).toBe(false)
      expect(valid({...french, title}), title).toBe(false)
    }
  })

  test('a page with parameters and no translations: the schema accepts the filled-in title createProblem gives, and no other message', async () => {
    const {source, schema} = await outputsOf('params-problem')
    const module = await evaluate(source)
    const valid = problemValidator(schema, 'Problem.RateLimitOfRequestsExceeded')
    const problem = module.createProblem(module.ErrorCode.RateLimitOfRequestsExceeded, {limit: 100, retryAfter: 30})
    expect(problem).toMatchObject({title: 'Rate limit of 100 requests exceeded', detail: 'Wait 30 seconds before the next request.'})
    expect(module.isProblem(problem)).toBe(true)
    expect(valid(JSON.parse(JSON.stringify(problem)))).toBe(true)
    expect(valid({...problem, title: 'Rate limit exceeded'})).toBe(false)
    expect(module.isProblem({...problem, title: 'Rate limit exceeded'})).toBe(false)
  })

  test('a consumer passes a locale and only a locale of the page', () => {
    const consumer = [
      'import { ErrorCode, createProblem, negotiateLocale } from "./errors.js";',
      'const locale = negotiateLocale("fr-CH, en;q=0.5");',
      'export const problem = createProblem(ErrorCode.UserNotFound, { email: "a@b.c" }, { locale, instance: "/users/7" });',
      'export const title: string = problem.title;',
      '// @ts-expect-error: not a locale of the page',
      'createProblem(ErrorCode.UserNotFound, { email: "a@b.c" }, { locale: "it" });'
    ].join('\n')
    expect(typeCheck({'errors.ts': localized.source, 'consumer.ts': consumer}, strictOptions)).toEqual([])
    expect(typeCheck({'errors.ts': localized.source, 'consumer.ts': consumer.replace(/^\/\/ @ts-expect-error.*\n/m, '')}, strictOptions)).toHaveLength(1)
  })
})
