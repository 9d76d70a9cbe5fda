/** Tables that differ in an optional column (`optionalColumns`), generated in one run: every output in its real consumer in both styles (the document, and random catalogs), each code's body with only its own fields, the status of a code without one, the problem form, and the read-back of the OpenAPI document. */
import {writeFile} from 'node:fs/promises'
import path from 'node:path'
import {Ajv2020} from 'ajv/dist/2020.js'
import addFormats from 'ajv-formats'
import fc from 'fast-check'
import {describe, expect, test} from 'vitest'
import {parse} from 'yaml'
import {reasonPhrase, statusName} from '../../generator/catalog/names.js'
import {readBack} from '../../generator/contract/read-back.js'
import {emit} from '../../generator/emit/index.js'
import type {BodyField, Catalog, ConfigFile} from '../../generator/types.js'
import {configFor, evaluate, generateFrom, runInProcess, strictOptions, tempDirectory, typeCheck} from '../support/helpers.js'
import {expectValidOutputs, LaterTypeChecks} from '../support/validators.js'

/** A table with HTTP and Resolve columns, one without HTTP, one without Resolve, one with neither. */
const document =
  '## Cards\n\n| HTTP | Code | Message | Resolve |\n| --- | --- | --- | --- |\n| 402 | 2001 | *card declined* | Call the bank. |\n\n' +
  '## Webhooks\n\n| Code | Message | Resolve |\n| --- | --- | --- |\n| 4001 | *delivery failed* | Answer with 2xx. |\n\n' +
  '## Limits\n\n| HTTP | Code | Message |\n| --- | --- | --- |\n| 429 | 5001 | *too many requests* |\n\n' +
  '## Jobs\n\n| Code | Message |\n| --- | --- |\n| 6001 | *job failed* |\n'

const settings: ConfigFile = {optionalColumns: ['status', 'resolve'], problem: {type: 'https://docs.example.com/errors#{code}'}}

/** Uses every helper on codes with and without a status and a resolve text; each `@ts-expect-error` must be an error. */
const consumer = `
import { ApiError, ErrorCode, createErrorBody, createProblem, errorCatalog, errorResponse, parseErrorBody } from "./errors.js";
import type { ErrorBody, ErrorEntry, ErrorResponse, ProblemDocument } from "./errors.js";

export const withResolve: string = createErrorBody(ErrorCode.CardDeclined).resolve;
// @ts-expect-error: a code whose table has no Resolve column has no resolve text in its body
export const withoutResolve = createErrorBody(ErrorCode.TooManyRequests).resolve;
export const declined: 402 = errorResponse(ErrorCode.CardDeclined).status;
export const delivery: undefined = errorResponse(ErrorCode.DeliveryFailed).status;
// @ts-expect-error: a code whose table has no HTTP column has no status to send
export const noStatus: number = errorResponse(ErrorCode.JobFailed).status;
export const anyStatus: number | undefined = (errorResponse(ErrorCode.JobFailed as ErrorCode) as ErrorResponse).status;
export const entry: ErrorEntry = errorCatalog[ErrorCode.JobFailed];
export const maybe: string | undefined = entry.resolve;
export const thrown: undefined = new ApiError(ErrorCode.DeliveryFailed).status;
export const problem: ProblemDocument<ErrorCode.DeliveryFailed> = { ...createProblem(ErrorCode.DeliveryFailed), status: 503 };
export const problemStatus: 402 = createProblem(ErrorCode.CardDeclined).status;
export function read(value: unknown): string | undefined {
  const parsed = parseErrorBody(value);
  if (parsed.kind !== "documented") return undefined;
  const body: ErrorBody = parsed.body;
  return body.code === ErrorCode.CardDeclined || body.code === ErrorCode.DeliveryFailed ? body.resolve : body.message;
}
`

describe.each(['enum', 'const'] as const)('%s style', (style) => {
  test('every output passes its consumers: tsc strict, Ajv strict, the OpenAPI 3.1 schema, openapi-typescript', async () => {
    const {outputs} = await generateFrom({'errors.md': document}, {...settings, typescript: {style}})
    await expectValidOutputs(outputs)
    expect(typeCheck({'errors.ts': outputs['errors.ts'] as string, 'consumer.ts': consumer}, {...strictOptions, erasableSyntaxOnly: style === 'const'})).toEqual([])
  })

  test('a code has the fields of its own table, at run time too', async () => {
    const {outputs} = await generateFrom({'errors.md': document}, {...settings, typescript: {style}})
    const module = await evaluate(outputs['errors.ts'] as string)
    expect([2001, 4001, 5001, 6001].map((code) => module.createErrorBody(code))).toEqual([
      {code: 2001, message: 'card declined', resolve: 'Call the bank.'},
      {code: 4001, message: 'delivery failed', resolve: 'Answer with 2xx.'},
      {code: 5001, message: 'too many requests'},
      {code: 6001, message: 'job failed'}
    ])
    expect(Object.keys(module.createErrorBody(5001))).toEqual(['code', 'message'])
    expect(module.errorResponse(4001)).toEqual({status: undefined, body: {code: 4001, message: 'delivery failed', resolve: 'Answer with 2xx.'}})
    expect(module.errorResponse(5001).status).toBe(429)
    expect(new module.ApiError(6001).status).toBeUndefined()
    expect(module.parseErrorBody({code: 5001, message: 'too many requests'}).kind).toBe('documented')
    expect(module.parseErrorBody({code: 5001, message: 'too many requests', resolve: 'Wait.'}).kind).toBe('undocumented')
    expect(module.parseErrorBody({code: 2001, message: 'card declined'}).kind).toBe('undocumented')
    expect(module.parseErrorBody({code: 2001, message: 'card declined', resolve: 7})).toEqual({kind: 'invalid', reason: '`resolve` is not a string'})
    expect(module.createProblem(4001)).toEqual({type: 'https://docs.example.com/errors#4001', title: 'delivery failed', detail: 'Answer with 2xx.', code: 4001})
    expect(Object.keys(module.createProblem(6001))).toEqual(['type', 'title', 'code'])
    expect(module.isProblem({...module.createProblem(6001), status: 503})).toBe(true)
    expect(module.isProblem({...module.createProblem(6001), status: 'bad'})).toBe(false)
    expect(module.isProblem({...module.createProblem(5001), status: 503})).toBe(false)
  })
})

describe('the schemas', () => {
  test('each code\'s body has only its own fields: the generic schema requires them of the codes that have them and refuses them for the others', async () => {
    const {outputs} = await generateFrom({'errors.md': document}, {...settings, body: {fields: ['code', 'status', 'message', 'resolve']}})
    await expectValidOutputs(outputs)
    const schema = JSON.parse(outputs['errors.schema.json'] as string)
    expect(schema.required).toEqual(['code', 'message'])
    expect(schema.$defs.TooManyRequests.required).toEqual(['code', 'status', 'message'])
    expect(Object.keys(schema.$defs.DeliveryFailed.properties)).toEqual(['code', 'message', 'resolve'])
    const ajv = new Ajv2020({strict: true})
    addFormats.default(ajv)
    const validate = ajv.compile(schema)
    expect(validate({code: 2001, status: 402, message: 'card declined', resolve: 'Any text.'})).toBe(true)
    expect(validate({code: 4001, message: 'delivery failed', resolve: 'Any text.'})).toBe(true)
    expect(validate({code: 5001, status: 429, message: 'too many requests'})).toBe(true)
    expect(validate({code: 6001, message: 'job failed'})).toBe(true)
    expect(validate({code: 2001, status: 402, message: 'card declined'}), 'missing resolve').toBe(false)
    expect(validate({code: 5001, status: 429, message: 'too many requests', resolve: 'x'}), 'a resolve text code 5001 has not').toBe(false)
    expect(validate({code: 4001, status: 500, message: 'delivery failed', resolve: 'x'}), 'a status code 4001 has not').toBe(false)
    expect(validate({code: 5001, message: 'too many requests'}), 'missing status').toBe(false)
    const problem = ajv.compile({$id: 'problem', $defs: schema.$defs, $ref: '#/$defs/Problem.ErrorBody'})
    expect(problem({type: 'https://docs.example.com/errors#6001', title: 'job failed', code: 6001})).toBe(true)
    expect(problem({type: 'https://docs.example.com/errors#6001', title: 'job failed', status: 503, code: 6001})).toBe(true)
    expect(problem({type: 'https://docs.example.com/errors#5001', title: 'too many requests', code: 5001}), 'missing status').toBe(false)
  })

  test('with `body.fields` without resolve, no body, type or schema holds one, while the catalog keeps the texts', async () => {
    const {outputs} = await generateFrom({'errors.md': document}, {...settings, body: {fields: ['code', 'message']}})
    await expectValidOutputs(outputs)
    const schema = JSON.parse(outputs['errors.schema.json'] as string)
    const definitions = Object.entries(schema.$defs).filter(([name]) => !name.startsWith('Problem.') && name !== 'ErrorCode') as Array<[string, {required: Array<string>, properties: object}]>
    expect(definitions.map(([name, definition]) => [name, definition.required, Object.keys(definition.properties)])).toEqual(
      ['CardDeclined', 'DeliveryFailed', 'TooManyRequests', 'JobFailed'].map((name) => [name, ['code', 'message'], ['code', 'message']])
    )
    expect(JSON.stringify(schema.allOf)).not.toContain('resolve')
    const module = await evaluate(outputs['errors.ts'] as string)
    expect(module.createErrorBody(2001)).toEqual({code: 2001, message: 'card declined'})
    expect(module.errorCatalog[2001].resolve).toBe('Call the bank.')
    expect(module.parseErrorBody({code: 2001, message: 'card declined'}).kind).toBe('documented')
  })

  test('the OpenAPI document lists the codes without a status in its Error response, and reads back with each code\'s status', async () => {
    const {outputs} = await generateFrom({'errors.md': document}, settings)
    const text = outputs['errors.openapi.yaml'] as string
    const responses = parse(text).components.responses
    expect(Object.keys(responses)).toEqual(['PaymentRequired', 'TooManyRequests', 'Error'])
    expect(responses.Error.description).toBe('An error without a documented HTTP status (a `default` response): error codes 4001, 6001')
    expect(Object.keys(responses.Error.content)).toEqual(['application/json', 'application/problem+json'])
    const entries = await readBack('openapi', text)
    expect(entries.map(({code, status, resolve}) => ({code, status, resolve}))).toEqual([
      {code: 2001, status: 402, resolve: 'Call the bank.'},
      {code: 4001, status: undefined, resolve: 'Answer with 2xx.'},
      {code: 5001, status: 429, resolve: undefined},
      {code: 6001, status: undefined, resolve: undefined}
    ])
  })
})

test('--against a directory of outputs with linked OpenAPI descriptions finds no edited resolve text', async () => {
  const directory = await tempDirectory()
  const linked = document.replace('Call the bank.', 'Call the [bank](https://bank.example.com).')
  await writeFile(path.join(directory, 'errors.md'), linked)
  await writeFile(path.join(directory, 'errgen.config.json'), JSON.stringify({input: 'errors.md', optionalColumns: ['status', 'resolve'], outputs: {typescript: false, jsonSchema: false}}))
  expect((await runInProcess(['--out', 'old'], directory)).code).toBe(0)
  const result = await runInProcess(['--out', 'new', '--against', 'old'], directory)
  expect(result.stderr).not.toMatch(/edited-resolve|removed-column|changed-status/)
  expect(result.code).toBe(0)
  await writeFile(path.join(directory, 'errors.md'), linked.replace('Answer with 2xx.', 'Answer with 204.'))
  const edited = await runInProcess(['--out', 'new', '--against', 'old'], directory)
  expect(edited.stderr).toContain('Resolve text of code 4001 edited since old  edited-resolve')
  expect(edited.stderr.match(/edited-resolve/g)).toHaveLength(1)
})

const place = {start: {line: 1, column: 1}, end: {line: 1, column: 2}}
const places = {row: place, status: place, code: place, message: place, resolve: place, name: place, deprecated: place}

/** A random catalog whose entries have a status and a resolve text or not, each on its own (as tables that differ give). */
const partialCatalog: fc.Arbitrary<Catalog> = fc
  .uniqueArray(
    fc.record({
      code: fc.integer({min: 1, max: 1e6}),
      status: fc.option(fc.constantFrom(400, 404, 500), {nil: undefined}),
      resolve: fc.option(fc.constantFrom('Retry.', 'Call us.'), {nil: undefined}),
      deprecated: fc.option(fc.constant({replacement: undefined}), {nil: undefined})
    }),
    {selector: (entry) => entry.code, minLength: 1, maxLength: 8}
  )
  .map((rows) => {
    const entries = rows
      .sort((a, b) => a.code - b.code)
      .map((row) => ({...row, name: 'Code' + row.code, message: 'error ' + row.code, group: undefined, source: {file: 'x.md', places}}))
    const statuses = [...new Set(entries.flatMap((entry) => (entry.status === undefined ? [] : [entry.status])))].sort((a, b) => a - b)
    return {
      sources: ['x.md'],
      codeKind: 'integer' as const,
      hasStatus: statuses.length > 0,
      hasResolve: entries.some((entry) => entry.resolve !== undefined),
      entries,
      statuses: statuses.map((code) => ({code, name: statusName(code), phrase: reasonPhrase(code)})),
      groups: []
    }
  })

test('any catalog whose entries differ in status and resolve text passes every consumer, in both styles, with or without the problem form', async () => {
  // The type checks after the runs, in one program per set of flags.
  const later = new LaterTypeChecks()
  await fc.assert(
    fc.asyncProperty(partialCatalog, fc.constantFrom('enum' as const, 'const' as const), fc.boolean(), fc.boolean(), async (catalog, style, problem, withStatus) => {
      const fields: Array<BodyField> = ['code', ...(withStatus && catalog.hasStatus ? ['status' as const] : []), 'message', ...(catalog.hasResolve ? ['resolve' as const] : [])]
      const config = configFor(['x.md'], {typescript: {style}, body: {fields}, ...(problem ? {problem: {type: 'https://docs.example.com/errors#{code}'}} : {})})
      const files = await emit(catalog, config)
      await expectValidOutputs(Object.fromEntries(files.map((file) => [file.name, file.text])), later)
    }),
    {numRuns: 30}
  )
  later.expectClean()
}, 120_000)
