/** Messages with parameters in the JSON Schema and the OpenAPI document: a filled-in message validates and another does not (Ajv strict, with and without allErrors, at most 3 errors; @cfworker/json-schema; Ajv through the OpenAPI components), the OpenAPI document passes its official schema with filled-in examples and `x-errgen-params`. */
import {Validator as OpenApiValidator} from '@seriousme/openapi-schema-validator'
import {Validator} from '@cfworker/json-schema'
import {Ajv2020} from 'ajv/dist/2020.js'
import {parse} from 'yaml'
import {beforeAll, describe, expect, test} from 'vitest'
import {generateFrom} from '../support/helpers.js'

const page = `# Limits

| HTTP | Code | Message | Resolve |
| --- | --- | --- | --- |
| 429 | 1000 | Rate limit of {limit} requests (per {window}) exceeded | Wait, then retry. |
| 400 | 1001 | Missing parameter: %s | Send it. |
| 400 | 1002 | Request is malformed | Read the documentation. |
`

let schema: Record<string, any>
let openapiText: string
beforeAll(async () => {
  const {outputs} = await generateFrom({'errors.md': page}, {params: ['braces', 'printf']})
  schema = JSON.parse(outputs['errors.schema.json'] as string)
  openapiText = outputs['errors.openapi.yaml'] as string
})

const filled = {code: 1000, message: 'Rate limit of 100 requests (per minute) exceeded', resolve: 'Wait, then retry.'}
const wrong = [
  {...filled, message: 'Rate limit of {limit} requests exceeded'},
  {...filled, message: 'Rate limit of 100 requests (per minute) exceeded!'},
  {...filled, message: 'Rate limit of  requests (per minute) exceeded'},
  {...filled, message: 'Missing parameter: x'}
]

describe('the JSON Schema', () => {
  test.each([false, true])('Ajv strict (allErrors: %s) accepts a filled-in message, refuses others with at most 3 errors naming the pattern', (allErrors) => {
    const validate = new Ajv2020({strict: true, allErrors}).compile(schema)
    expect(validate(filled), JSON.stringify(validate.errors)).toBe(true)
    expect(validate({code: 1001, message: 'Missing parameter: limit', resolve: 'Send it.'})).toBe(true)
    for (const body of wrong) {
      expect(validate(body), body.message).toBe(false)
      expect(validate.errors?.length).toBeLessThanOrEqual(3)
      expect(validate.errors?.[0]).toMatchObject({instancePath: '/message', keyword: 'pattern', schemaPath: '#/$defs/RateLimitOfRequestsPerExceeded/properties/message/pattern'})
    }
  })

  test('the message schema is the pattern of the template, described by it; the example is filled in', () => {
    expect(schema.$defs.RateLimitOfRequestsPerExceeded.properties.message).toEqual({
      type: 'string',
      description: 'Rate limit of {limit} requests (per {window}) exceeded (with limit, window filled in)',
      pattern: '^Rate limit of [\\s\\S]+ requests \\(per [\\s\\S]+\\) exceeded$'
    })
    expect(schema.$defs.RateLimitOfRequestsPerExceeded.examples).toEqual([{code: 1000, message: 'Rate limit of limit requests (per window) exceeded', resolve: 'Wait, then retry.'}])
    expect(schema.$defs.RequestIsMalformed.properties.message).toEqual({const: 'Request is malformed'})
  })

  test('@cfworker/json-schema accepts every example and a filled-in message, and refuses the others', () => {
    const validator = new Validator(schema, '2020-12', false)
    for (const entry of Object.values(schema.$defs as Record<string, {examples?: Array<unknown>}>)) for (const example of entry.examples ?? []) expect(validator.validate(example).valid).toBe(true)
    expect(validator.validate(filled).valid).toBe(true)
    for (const body of wrong) expect(validator.validate(body).valid, body.message).toBe(false)
  })
})

describe('the OpenAPI document', () => {
  test('passes the official OpenAPI 3.1 schema, with filled-in examples and the parameters as x-errgen-params', async () => {
    const document = parse(openapiText)
    const validator = new OpenApiValidator()
    expect((await validator.validate(structuredClone(document))).errors).toBeUndefined()
    expect(document.components.schemas.RateLimitOfRequestsPerExceeded['x-errgen-params']).toEqual([{name: 'limit', type: 'text'}, {name: 'window', type: 'text'}])
    expect(document.components.schemas.MissingParameter['x-errgen-params']).toEqual([{name: 'arg1', type: 'string'}])
    expect(document.components.schemas.RequestIsMalformed['x-errgen-params']).toBeUndefined()
    expect(document.components.responses.TooManyRequests.content['application/json'].examples.RateLimitOfRequestsPerExceeded.value.message).toBe('Rate limit of limit requests (per window) exceeded')
  })

  test('Ajv validates bodies through the components as through the JSON Schema', () => {
    const document = parse(openapiText)
    const ajv = new Ajv2020({strict: true}).addVocabulary(['x-enum-varnames', 'x-enum-descriptions', 'x-tags', 'x-errgen-params'])
    ajv.addSchema({$id: 'components', $defs: document.components.schemas})
    const validate = ajv.compile(JSON.parse(JSON.stringify(document.components.schemas.ErrorBody).replaceAll('#/components/schemas/', 'components#/$defs/')))
    expect(validate(filled)).toBe(true)
    for (const body of wrong) {
      expect(validate(body)).toBe(false)
      expect(validate.errors?.length).toBeLessThanOrEqual(3)
    }
  })
})
