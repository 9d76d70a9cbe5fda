/** The body schemas in their consumers: Ajv (strict, with and without allErrors), @cfworker/json-schema and @hyperjump/json-schema say what is wrong with a body in a few errors; the body options (fields, extra fields) drive every output; redocly lints the OpenAPI components clean. */
import {execFile} from 'node:child_process'
import {readFile, writeFile} from 'node:fs/promises'
import path from 'node:path'
import {promisify} from 'node:util'
import {Validator} from '@cfworker/json-schema'
import {registerSchema, unregisterSchema, validate as hyperjumpValidate} from '@hyperjump/json-schema/draft-2020-12'
import {Ajv2020} from 'ajv/dist/2020.js'
import {parse} from 'yaml'
import {beforeAll, describe, expect, test} from 'vitest'
import {evaluate, generateFrom, root, seed as seedPath, tempDirectory, typeCheck} from '../support/helpers.js'
import {expectValidOutputs} from '../support/validators.js'

let markdown: string
let schema: Record<string, any>
let openapi: Record<string, any>
beforeAll(async () => {
  markdown = await readFile(seedPath, 'utf8')
  const {outputs} = await generateFrom({'input/error-codes.md': markdown})
  schema = JSON.parse(outputs['error-codes.schema.json'] as string)
  openapi = parse(outputs['error-codes.openapi.yaml'] as string)
})

const body = {code: 1000, message: 'access_token missing', resolve: 'You need to include the access_token that you received from the original submit call.'}
const wrongMessage = {...body, message: 'type missing'}

describe('a body with the wrong message for code 1000', () => {
  test.each([false, true])('gives Ajv (allErrors: %s) at most 3 errors, the first naming the message of code 1000', (allErrors) => {
    const validate = new Ajv2020({strict: true, allErrors}).compile(schema)
    expect(validate(body)).toBe(true)
    expect(validate(wrongMessage)).toBe(false)
    expect(validate.errors?.length).toBeLessThanOrEqual(3)
    expect(validate.errors?.[0]).toMatchObject({instancePath: '/message', keyword: 'const', params: {allowedValue: 'access_token missing'}, schemaPath: '#/$defs/AccessTokenMissing/properties/message/const'})
  })

  test('gives Ajv the same through the OpenAPI components', () => {
    const ajv = new Ajv2020({strict: true}).addVocabulary(['x-enum-varnames', 'x-enum-descriptions', 'x-tags'])
    ajv.addSchema({$id: 'components', $defs: openapi.components.schemas})
    const validate = ajv.compile(JSON.parse(JSON.stringify(openapi.components.schemas.ErrorBody).replaceAll('#/components/schemas/', 'components#/$defs/')))
    expect(validate(body)).toBe(true)
    expect(validate(wrongMessage)).toBe(false)
    expect(validate.errors?.length).toBeLessThanOrEqual(3)
    expect(validate.errors?.[0]).toMatchObject({instancePath: '/message', keyword: 'const', params: {allowedValue: 'access_token missing'}})
  })

  test('gives @cfworker/json-schema a few errors ending at the message of code 1000', () => {
    const validator = new Validator(schema, '2020-12', false)
    for (const entry of Object.values(schema.$defs as Record<string, {examples?: Array<unknown>}>)) for (const example of entry.examples ?? []) expect(validator.validate(example).valid).toBe(true)
    const result = validator.validate(wrongMessage)
    expect(result.valid).toBe(false)
    expect(result.errors.length).toBeLessThanOrEqual(6)
    expect(result.errors.at(-1)).toMatchObject({instanceLocation: '#/message', keyword: 'const', keywordLocation: '#/allOf/0/then/properties/message/$ref/const'})
  })

  test('@hyperjump/json-schema needs an absolute IRI: the relative default is refused, a configured $id or a retrieval URI works', async () => {
    expect(() => registerSchema(structuredClone(schema))).toThrow('Invalid absolute-IRI')
    const retrieval = 'https://api.example.com/retrieved/error-codes.schema.json'
    registerSchema(structuredClone(schema), retrieval)
    expect((await hyperjumpValidate(retrieval, body)).valid).toBe(true)
    expect((await hyperjumpValidate(retrieval, wrongMessage)).valid).toBe(false)
    unregisterSchema(retrieval)

    const id = 'https://api.example.com/schemas/error-codes.schema.json'
    const {outputs} = await generateFrom({'input/error-codes.md': markdown}, {jsonSchema: {id}})
    registerSchema(JSON.parse(outputs['error-codes.schema.json'] as string))
    expect((await hyperjumpValidate(id, body)).valid).toBe(true)
    expect((await hyperjumpValidate(id, {...body, code: 4242})).valid).toBe(false)
    unregisterSchema(id)
  })
})

describe('beyond 100 codes, grouped', () => {
  /** A table of `count` codes: integers from 5000, or string codes with characters a regular expression would read. */
  function table(count: number, kind: 'integer' | 'string'): string {
    const code = (index: number): string => (kind === 'integer' ? String(5000 + index) : 'auth/E.' + String(index).padStart(3, '0') + '+(x)')
    const rows = Array.from({length: count}, (_, index) => '400 | `' + code(index) + '` | *problem ' + index + '* | Fix ' + index + '. |')
    return 'HTTP | Code | Message | Resolve\n--- | --- | --- | ---\n' + rows.join('\n') + '\n'
  }

  test.each(['integer', 'string'] as const)('%s codes: each group a schema of its own; a wrong message gives at most 3 errors, in Ajv, @cfworker and @hyperjump alike', async (kind) => {
    const {catalog, outputs} = await generateFrom({'many.md': table(150, kind)})
    const grouped = JSON.parse(outputs['many.schema.json'] as string)
    expect(Object.keys(grouped.$defs).filter((name) => name.startsWith('ErrorBody.'))).toHaveLength(Math.ceil(150 / 13))
    await expectValidOutputs(outputs)
    const last = catalog.entries.at(-1)
    if (!last) throw new Error('expected entries')
    const good = {code: last.code, message: last.message, resolve: 'any text'}
    const wrong = {...good, message: 'problem 0'}
    for (const allErrors of [false, true]) {
      const validate = new Ajv2020({strict: true, allErrors}).compile(grouped)
      expect(validate(good)).toBe(true)
      expect(validate(wrong)).toBe(false)
      expect(validate.errors?.length).toBeLessThanOrEqual(3)
      expect(validate.errors?.[0]).toMatchObject({instancePath: '/message', params: {allowedValue: last.message}})
      expect(validate({...good, code: kind === 'integer' ? 4999 : 'auth/E.999+(x)'})).toBe(false)
    }
    const cfworker = new Validator(grouped, '2020-12', false)
    expect([cfworker.validate(good).valid, cfworker.validate(wrong).valid]).toEqual([true, false])
    const id = 'https://api.example.com/many-' + kind + '.schema.json'
    registerSchema(grouped, id)
    expect([(await hyperjumpValidate(id, good)).valid, (await hyperjumpValidate(id, wrong)).valid]).toEqual([true, false])
    unregisterSchema(id)
  })
})

describe('each per-code schema', () => {
  test('has an example its schema accepts, the body createErrorBody gives', async () => {
    const {outputs} = await generateFrom({'input/error-codes.md': markdown})
    const module = await evaluate(outputs['error-codes.ts'] as string)
    const ajv = new Ajv2020({strict: true})
    for (const [name, entry] of Object.entries(schema.$defs as Record<string, {examples?: Array<{code: number}>}>)) {
      if (name === 'ErrorCode') continue
      expect(entry.examples).toHaveLength(1)
      const example = entry.examples?.[0] as {code: number}
      expect(ajv.validate(entry as Record<string, unknown>, example)).toBe(true)
      expect(example).toEqual(module.createErrorBody(example.code))
    }
  })
})

describe('the body options', () => {
  test('`fields` leaves the resolve text out of every output, and can add the status', async () => {
    const {outputs} = await generateFrom({'input/error-codes.md': markdown}, {body: {fields: ['code', 'status', 'message']}})
    await expectValidOutputs(outputs)
    const module = await evaluate(outputs['error-codes.ts'] as string)
    expect(module.createErrorBody(1205)).toEqual({code: 1205, status: 402, message: 'account locked'})
    const validate = new Ajv2020({strict: true}).compile(JSON.parse(outputs['error-codes.schema.json'] as string))
    expect(validate({code: 1205, status: 402, message: 'account locked'})).toBe(true)
    expect(validate({code: 1205, status: 404, message: 'account locked'})).toBe(false)
    expect(validate.errors?.[0]).toMatchObject({instancePath: '/status', params: {allowedValue: 402}})
    expect(validate({...body})).toBe(false)
    const consumer = 'import { ErrorCode, createErrorBody } from "./error-codes.js";\nconst body = createErrorBody(ErrorCode.AccountLocked);\nexport const status: 402 = body.status;\n// @ts-expect-error: no resolve text in this body\nexport const resolve = body.resolve;\n'
    expect(typeCheck({'error-codes.ts': outputs['error-codes.ts'] as string, 'consumer.ts': consumer})).toEqual([])
    expect(parse(outputs['error-codes.openapi.yaml'] as string).components.responses.PaymentRequired.content['application/json'].examples.AccountLocked.value).toEqual({code: 1205, status: 402, message: 'account locked'})
  })

  test('`extraFields` allows named fields (typed unknown), or any field', async () => {
    const named = await generateFrom({'input/error-codes.md': markdown}, {body: {extraFields: ['requestId', 'details']}})
    await expectValidOutputs(named.outputs)
    const validate = new Ajv2020({strict: true}).compile(JSON.parse(named.outputs['error-codes.schema.json'] as string))
    expect(validate({...body, requestId: 'r-1', details: {field: 'x'}})).toBe(true)
    expect(validate({...body, requestID: 'r-1'})).toBe(false)
    const consumer = 'import type { ErrorBody } from "./error-codes.js";\nexport const id = (body: ErrorBody): unknown => body.requestId;\n'
    expect(typeCheck({'error-codes.ts': named.outputs['error-codes.ts'] as string, 'consumer.ts': consumer})).toEqual([])

    const any = await generateFrom({'input/error-codes.md': markdown}, {body: {extraFields: true}})
    await expectValidOutputs(any.outputs)
    const validateAny = new Ajv2020({strict: true}).compile(JSON.parse(any.outputs['error-codes.schema.json'] as string))
    expect(validateAny({...body, anything: [1, 2]})).toBe(true)
    expect(validateAny(wrongMessage)).toBe(false)
  })
})

describe('redocly lint', () => {
  /** The recommended rules, but those that cannot apply to a file of components only (the README lists them). */
  const configuration = 'extends:\n  - recommended\nrules:\n  no-empty-servers: off\n  no-unused-components: off\n  info-license: off\n'
  const files = ['output/error-codes.openapi.yaml', 'test/fixtures/grouped-tables/output/errors.openapi.yaml', 'test/fixtures/string-codes/output/input.openapi.yaml', 'test/fixtures/optional-status-differ/output/errors.openapi.yaml', 'test/fixtures/optional-columns-both/output/errors.openapi.yaml']

  /** redocly's report on each file, from one run over all of them: it prints one JSON object a file, in their order. */
  let reports: Array<{totals: {errors: number, warnings: number}, problems: Array<unknown>}> = []
  beforeAll(async () => {
    const directory = await tempDirectory()
    await writeFile(path.join(directory, 'redocly.yaml'), configuration)
    const redocly = path.join(root, 'node_modules', '.bin', 'redocly')
    const paths = files.map((file) => path.join(root, file))
    const {stdout} = await promisify(execFile)(redocly, ['lint', ...paths, '--format', 'json', '--config', path.join(directory, 'redocly.yaml')], {cwd: directory, env: {...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true'}})
    // Each object is printed with two-space indentation: only its own closing brace starts a line.
    reports = stdout.slice(stdout.indexOf('{')).split(/(?<=^\})/m).filter((text) => text.trim() !== '').map((text) => JSON.parse(text))
    expect(reports).toHaveLength(files.length)
  }, 60_000)

  test.each(files.map((file, index) => [file, index] as const))('passes with the recommended rules: %s', (_, index) => {
    const report = reports[index]
    expect(report?.problems).toEqual([])
    expect(report?.totals).toMatchObject({errors: 0, warnings: 0})
  })
})
