/** The problem details form of the JSON Schema and the OpenAPI document on the seed: every example checked against the RFC 9457 Appendix A schema (transcribed in test/support) and errgen's own per-code schema in Ajv's strict mode, errors keyed on `type`, and the outputs unchanged when the form is off. */
import {readFile} from 'node:fs/promises'
import path from 'node:path'
import type {ValidateFunction} from 'ajv'
import {Ajv2020} from 'ajv/dist/2020.js'
import addFormats from 'ajv-formats'
import {beforeAll, describe, expect, test} from 'vitest'
import {parse} from 'yaml'
import {committedOutput, generateFrom, root, seed} from '../support/helpers.js'
import {expectValidOutputs} from '../support/validators.js'

const problem = {type: 'https://docs.example.com/errors#{code}'}

/** A problem document as the examples hold it. */
type Problem = {type: string, title: string, status?: number, detail?: string, code: number | string, [member: string]: unknown}

/** An OpenAPI response of the generated document, as far as these checks read it. */
interface Response {
  description: string
  content: Record<string, {schema: {oneOf: Array<{$ref: string}>}, examples: Record<string, {value: Problem}>}>
}

/** Ajv in strict mode, with every error, knowing the formats the schemas use. */
function strictAjv(): Ajv2020 {
  const ajv = new Ajv2020({strict: true, allErrors: true})
  addFormats.default(ajv)
  return ajv
}

let outputs: Record<string, string>
let plain: Record<string, string>
let schema: Record<string, any>
let responses: Record<string, Response>
let examples: Array<Problem>
let rfc: ValidateFunction
let anyProblem: ValidateFunction
let ajv: Ajv2020
beforeAll(async () => {
  const markdown = await readFile(seed, 'utf8')
  outputs = (await generateFrom({'input/error-codes.md': markdown}, {problem})).outputs
  plain = (await generateFrom({'input/error-codes.md': markdown})).outputs
  schema = JSON.parse(outputs['error-codes.schema.json'] as string)
  responses = parse(outputs['error-codes.openapi.yaml'] as string).components.responses
  examples = Object.values(responses).flatMap((response) => Object.values(response.content['application/problem+json']?.examples ?? {}).map((example) => example.value))
  const appendix = JSON.parse(await readFile(path.join(root, 'test', 'support', 'rfc9457-appendix-a.json'), 'utf8'))
  ajv = strictAjv()
  rfc = ajv.compile(appendix.schema)
  ajv.addSchema(schema)
  anyProblem = ajv.getSchema('error-codes.schema.json#/$defs/Problem.ErrorBody') as ValidateFunction
})

describe('the problem form', () => {
  test('the outputs pass the real tools (tsc, Ajv strict, the OpenAPI 3.1 schema, openapi-typescript) with it', async () => {
    await expectValidOutputs(outputs)
  })

  test('the JSON Schema has a problem schema per code: type, title, status and code exactly, detail defaulting to the resolve text', () => {
    expect(schema.$defs['Problem.AccessTokenMissing']).toEqual({
      title: 'AccessTokenMissing',
      description: 'You need to include the access_token that you received from the original submit call.',
      type: 'object',
      required: ['type', 'title', 'status', 'code'],
      properties: {
        type: {const: 'https://docs.example.com/errors#1000'},
        title: {const: 'access_token missing'},
        status: {const: 400},
        detail: {type: 'string', default: 'You need to include the access_token that you received from the original submit call.'},
        instance: {type: 'string', format: 'uri-reference'},
        code: {const: 1000}
      }
    })
    const perCode = Object.keys(schema.$defs).filter((name) => name.startsWith('Problem.') && name !== 'Problem.ErrorBody')
    expect(perCode).toHaveLength(39)
  })

  test('every status response offers application/problem+json, one example per code, as many as plain bodies', () => {
    const plainExamples = Object.values(responses).flatMap((response) => Object.keys(response.content['application/json']?.examples ?? {}))
    expect(examples).toHaveLength(39)
    expect(examples).toHaveLength(plainExamples.length)
    for (const response of Object.values(responses)) {
      const media = response.content['application/problem+json']
      expect(media, response.description).toBeDefined()
      expect(Object.keys(media?.examples ?? {})).toEqual(Object.keys(response.content['application/json']?.examples ?? {}))
      const status = Number(response.description.slice(0, 3))
      for (const example of Object.values(media?.examples ?? {})) expect(example.value.status).toBe(status)
    }
    expect(responses['Unauthorized']?.content['application/problem+json']?.examples['BadAccessToken_1105']?.value).toEqual({
      type: 'https://docs.example.com/errors#1105',
      title: 'bad access_token',
      status: 401,
      detail: 'This access_token appears to be corrupted.',
      code: 1105
    })
  })

  test('every example is a problem object by the RFC 9457 Appendix A schema, and by errgen\'s own schemas', () => {
    for (const example of examples) {
      expect(rfc(example), JSON.stringify(rfc.errors)).toBe(true)
      expect(anyProblem(example), JSON.stringify(anyProblem.errors)).toBe(true)
      const name = Object.entries(schema.$defs).find(([key, definition]: [string, any]) => key.startsWith('Problem.') && definition.properties.code?.const === example.code)?.[0]
      const own = ajv.getSchema('error-codes.schema.json#/$defs/' + name) as ValidateFunction
      expect(own(example), JSON.stringify(own.errors)).toBe(true)
    }
  })

  test('the RFC schema is not vacuous: it rejects what the RFC forbids', () => {
    expect(rfc({type: 'https://docs.example.com/errors#1000', status: 99})).toBe(false)
    expect(rfc({type: 'not a uri reference'})).toBe(false)
    expect(rfc({title: 7})).toBe(false)
  })

  test('a wrong title for one type gives at most 3 errors, the first naming that type\'s title', () => {
    const [first, second] = examples as [Problem, Problem]
    expect(anyProblem({...first, title: second.title})).toBe(false)
    const errors = anyProblem.errors ?? []
    expect(errors.length).toBeGreaterThan(0)
    expect(errors.length).toBeLessThanOrEqual(3)
    expect(errors[0]).toMatchObject({instancePath: '/title', keyword: 'const', params: {allowedValue: first.title}})
    expect(errors[0]?.schemaPath).toBe('#/$defs/Problem.AccessTokenMissing/properties/title/const')
  })

  test('other mistakes: an undocumented type, another code, a wrong status, a detail that is not a string', () => {
    const [first, second] = examples as [Problem, Problem]
    expect(anyProblem({...first, type: 'https://docs.example.com/errors#999'})).toBe(false)
    expect(anyProblem.errors?.[0]).toMatchObject({instancePath: '/type', keyword: 'enum'})
    expect(anyProblem({...first, code: second.code})).toBe(false)
    expect(anyProblem.errors?.[0]).toMatchObject({instancePath: '/code', keyword: 'const'})
    expect(anyProblem({...first, status: 500})).toBe(false)
    expect(anyProblem({...first, detail: 42})).toBe(false)
    expect(anyProblem({...first, instance: 'not a uri reference'})).toBe(false)
    const {title: _, ...untitled} = first
    expect(anyProblem(untitled)).toBe(false)
  })

  test('extension members and an instance are allowed, as RFC 9457 allows them', () => {
    const [first] = examples as [Problem]
    expect(anyProblem({...first, instance: '/orders/7#attempt-2', requestId: 'abc', balance: 30})).toBe(true)
  })

  test('the plain body is still there, unchanged: the root schema and application/json', () => {
    const plainSchema = JSON.parse(plain['error-codes.schema.json'] as string)
    const {$defs, ...root} = schema
    const {$defs: plainDefs, ...plainRoot} = plainSchema
    expect(root).toEqual(plainRoot)
    for (const [name, definition] of Object.entries(plainDefs)) expect($defs[name]).toEqual(definition)
    const plainResponses = parse(plain['error-codes.openapi.yaml'] as string).components.responses
    for (const [name, response] of Object.entries(responses)) expect(response.content['application/json']).toEqual(plainResponses[name].content['application/json'])
  })
})

describe('with problem unset', () => {
  test('the outputs are byte for byte the committed ones, which hold no trace of the problem form', async () => {
    for (const [name, text] of Object.entries(plain)) {
      expect(text, name).toBe(await readFile(path.join(committedOutput, name), 'utf8'))
      expect(text, name).not.toMatch(/problem/i)
    }
  })

  test('an output differs from the problem form\'s only by the additions', () => {
    for (const [name, text] of Object.entries(plain)) expect(outputs[name], name).not.toBe(text)
    const plainTypeScript = plain['error-codes.ts'] as string
    expect((outputs['error-codes.ts'] as string).startsWith(plainTypeScript.trimEnd())).toBe(true)
  })
})
