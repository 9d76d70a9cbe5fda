/** Problem documents over real HTTP: createProblem's results sent by a node:http server arrive as `application/problem+json` with the code's status, and the received bodies pass errgen's generated schemas and the RFC 9457 Appendix A schema; the README's server snippet and example are the generated module's. */
import {once} from 'node:events'
import {readFile} from 'node:fs/promises'
import {createServer, type Server} from 'node:http'
import type {AddressInfo} from 'node:net'
import path from 'node:path'
import type {ValidateFunction} from 'ajv'
import {Ajv2020} from 'ajv/dist/2020.js'
import addFormats from 'ajv-formats'
import ts from 'typescript'
import {afterAll, beforeAll, describe, expect, test} from 'vitest'
import type {Catalog} from '../../generator/types.js'
import {evaluate, type Evaluated, generateFrom, root, seed, strictOptions, typeCheck} from '../support/helpers.js'

const problem = {type: 'https://docs.example.com/errors#{code}'}

let catalog: Catalog
let source: string
let module: Evaluated
let ajv: Ajv2020
let server: Server
let base: string
beforeAll(async () => {
  const generated = await generateFrom({'input/error-codes.md': await readFile(seed, 'utf8')}, {problem})
  catalog = generated.catalog
  source = generated.outputs['error-codes.ts'] as string
  module = await evaluate(source)
  ajv = new Ajv2020({strict: true, allErrors: true})
  addFormats.default(ajv)
  ajv.addSchema(JSON.parse(generated.outputs['error-codes.schema.json'] as string))
  ajv.addSchema(JSON.parse(await readFile(path.join(root, 'test', 'support', 'rfc9457-appendix-a.json'), 'utf8')).schema, 'rfc9457')

  // `/1000?detail=…` answers the problem of code 1000, with the request's path as its instance.
  server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost')
    const code = Number(url.pathname.slice(1))
    const detail = url.searchParams.get('detail')
    const body = module.createProblem(code, {instance: url.pathname, ...(detail === null ? {} : {detail}), requestId: 'r-' + code})
    response.writeHead(body.status, {'Content-Type': 'application/problem+json'})
    response.end(JSON.stringify(body))
  })
  server.listen(0, '127.0.0.1')
  await once(server, 'listening')
  base = 'http://127.0.0.1:' + (server.address() as AddressInfo).port
})

afterAll(async () => {
  server.close()
  await once(server, 'close')
})

/** The generated schema at a `$defs` key. */
function definition(name: string): ValidateFunction {
  return ajv.getSchema('error-codes.schema.json#/$defs/' + name) as ValidateFunction
}

describe('createProblem through a node:http server', () => {
  test('every code arrives as application/problem+json with its status, and the body passes the generated schemas and the RFC\'s', async () => {
    const anyProblem = definition('Problem.ErrorBody')
    const rfc = ajv.getSchema('rfc9457') as ValidateFunction
    for (const entry of catalog.entries) {
      const response = await fetch(base + '/' + entry.code)
      expect(response.status).toBe(entry.status)
      expect(response.headers.get('content-type')).toBe('application/problem+json')
      const body: unknown = await response.json()
      for (const validate of [anyProblem, definition('Problem.' + entry.name), rfc]) expect(validate(body), JSON.stringify(validate.errors)).toBe(true)
      expect(body).toMatchObject({code: entry.code, title: entry.message, instance: '/' + entry.code, detail: entry.resolve, requestId: 'r-' + entry.code})
      expect(module.isProblem(body)).toBe(true)
      expect(module.codeOfProblemType((body as {type: string}).type)).toBe(entry.code)
    }
  })

  test('a detail of this occurrence replaces the resolve text, and the schema of another code rejects the body', async () => {
    const response = await fetch(base + '/1105?detail=' + encodeURIComponent('The token ends in \u201cx7\u201d.'))
    expect(response.status).toBe(401)
    const body = (await response.json()) as {detail: string}
    expect(body.detail).toBe('The token ends in \u201cx7\u201d.')
    expect(definition('Problem.BadAccessToken_1105')(body)).toBe(true)
    expect(definition('Problem.BadAccessToken_1106')(body)).toBe(false)
  })
})

/** The body of the first fenced block of a language after a line of the README's Problem Details section. */
async function readmeBlock(language: string): Promise<string> {
  const readme = await readFile(path.join(root, 'README.md'), 'utf8')
  const section = readme.split('\n## Problem Details (RFC 9457)\n')[1]?.split('\n## ')[0] ?? ''
  const block = new RegExp('```' + language + '\\n([\\s\\S]*?)```').exec(section)?.[1]
  if (block === undefined) throw new Error('no ' + language + ' block in the README section "Problem Details (RFC 9457)"')
  return block
}

describe('the README section "Problem Details (RFC 9457)"', () => {
  test('its server snippet type-checks against the generated module under the strict flags', async () => {
    const snippet = await readmeBlock('ts')
    expect(snippet).toContain('createProblem(')
    expect(snippet).toContain('application/problem+json')
    const options: ts.CompilerOptions = {...strictOptions, types: ['node']}
    expect(typeCheck({'output/error-codes.ts': source, 'server.ts': snippet}, options)).toEqual([])
    expect(typeCheck({'output/error-codes.ts': source, 'server.ts': snippet.replace('problem.status', '"400"')}, options)).not.toEqual([])
  })

  test('its example is what createProblem gives, with the configuration it shows', async () => {
    const config = JSON.parse(await readmeBlock('json'))
    expect(config).toEqual({problem})
    const example = JSON.parse(/```json\n[\s\S]*?```[\s\S]*?```json\n([\s\S]*?)```/.exec((await readFile(path.join(root, 'README.md'), 'utf8')).split('\n## Problem Details (RFC 9457)\n')[1] ?? '')?.[1] ?? '')
    expect(module.createProblem(example.code, {instance: example.instance})).toEqual(example)
  })
})
