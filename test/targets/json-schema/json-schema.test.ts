/** The JSON Schema of the seed through Ajv in strict mode: every documented body accepted, wrong bodies rejected, each code documented. */
import {Ajv2020} from 'ajv/dist/2020.js'
import type {ValidateFunction} from 'ajv'
import {beforeAll, describe, expect, test} from 'vitest'
import {generateSeed} from '../../support/helpers.js'

let seed: Awaited<ReturnType<typeof generateSeed>>
let schema: Record<string, any>
let validate: ValidateFunction
beforeAll(async () => {
  seed = await generateSeed()
  schema = JSON.parse(seed.outputs['error-codes.schema.json'] as string)
  validate = new Ajv2020({strict: true, allErrors: true}).compile(schema)
})

describe('emitJsonSchema on the seed', () => {
  test('is a draft 2020-12 schema with an $id, a title and a description', () => {
    expect(schema).toMatchObject({
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      $id: 'error-codes.schema.json',
      title: 'ErrorBody',
      description: expect.any(String)
    })
  })

  test('accepts the body of every documented code', () => {
    for (const entry of seed.catalog.entries) {
      const body = {code: entry.code, message: entry.message, resolve: entry.resolve}
      expect(validate(body), JSON.stringify(validate.errors)).toBe(true)
    }
  })

  test('accepts a body whose resolve text differs (it is documentation, not a contract)', () => {
    expect(validate({code: 1000, message: 'access_token missing', resolve: 'See the docs.'})).toBe(true)
  })

  const wrongBodies: Array<[string, unknown]> = [
    ['an undocumented code', {code: 1007, message: 'access_token missing', resolve: ''}],
    ['a message of another code', {code: 1000, message: 'type missing', resolve: ''}],
    ['a message in another case', {code: 1000, message: 'Access_token missing', resolve: ''}],
    ['a code as a string', {code: '1000', message: 'access_token missing', resolve: ''}],
    ['a missing resolve', {code: 1000, message: 'access_token missing'}],
    ['a missing message', {code: 1000, resolve: ''}],
    ['an extra property', {code: 1000, message: 'access_token missing', resolve: '', detail: 'x'}],
    ['a resolve that is not a string', {code: 1000, message: 'access_token missing', resolve: null}],
    ['not an object', 'access_token missing'],
    ['an array', [1000, 'access_token missing', '']]
  ]
  test.each(wrongBodies)('rejects %s', (_, body) => {
    expect(validate(body)).toBe(false)
  })

  test('documents each code: title = identifier, description = resolve', () => {
    for (const entry of seed.catalog.entries) {
      expect(schema.$defs[entry.name]).toMatchObject({
        title: entry.name,
        description: entry.resolve,
        properties: {code: {const: entry.code}, message: {const: entry.message}}
      })
    }
    expect(schema.$defs.ErrorCode.enum).toEqual(seed.catalog.entries.map((entry) => entry.code))
  })
})
