/** Test helper: checks a set of generated outputs with the real tools — tsc under the strict flags, Ajv in strict mode, the official OpenAPI 3.1 schema and openapi-typescript — and that they agree with each other; problem documents also against RFC 9457 Appendix A's schema. */
import {Validator} from '@seriousme/openapi-schema-validator'
import {Ajv2020, type ValidateFunction} from 'ajv/dist/2020.js'
import addFormats from 'ajv-formats'
import openapiTS, {astToString} from 'openapi-typescript'
import {readFileSync} from 'node:fs'
import {parse} from 'yaml'
import {expect} from 'vitest'
import {evaluate, strictOptions, typeCheck, typeCheckTogether} from './helpers.js'

/** The JSON Schema of RFC 9457 Appendix A, as transcribed beside this module. */
const rfc9457Schema: object = JSON.parse(readFileSync(new URL('rfc9457-appendix-a.json', import.meta.url), 'utf8')).schema

/** An Ajv of the checks: strict, with the formats (`uri-reference` and the like). */
function strictAjv(): Ajv2020 {
  const ajv = new Ajv2020({strict: true})
  addFormats.default(ajv)
  return ajv
}

/** RFC 9457 Appendix A's schema, compiled once for every check of this worker (it does not change). */
let rfc9457Validator: ValidateFunction | undefined

function rfc9457(): ValidateFunction {
  rfc9457Validator ??= strictAjv().compile(rfc9457Schema)
  return rfc9457Validator
}

/**
 * The official OpenAPI schema's validator, compiled once (it keeps its compiled schema) and used by one check at a
 * time: a validation awaits nothing after it reads the document.
 */
const openApiValidator = new Validator()

/** An error body as the outputs describe it. */
interface Body {
  code: unknown
  message: string
  resolve?: string
}

/** The generated OpenAPI document, as far as these checks read it. */
interface OpenApiDocument {
  [key: string]: unknown
  components: {responses: Record<string, Response>, schemas: Record<string, {properties?: {code?: {const?: unknown}}, 'x-errgen-params'?: Array<{name: string, type: string}>}>}
}

/** An OpenAPI response of the generated document, as far as these checks read it. */
interface Response {
  content: {'application/json': {examples: Record<string, {value: Body}>}, 'application/problem+json'?: {examples: Record<string, {value: unknown}>}}
}

/** A set of outputs: file name → content. */
type Outputs = Map<string, Buffer> | Record<string, string>

/**
 * @param outputs file name → content
 * @param later where to put the type checks off to, to be run with others in one program
 */
export async function expectValidOutputs(outputs: Outputs, later?: LaterTypeChecks): Promise<void> {
  const files = textsOf(outputs)
  const typescript = Object.entries(files).find(([name]) => name.endsWith('.ts'))
  // The JSON Schema among the JSON outputs (a lookup dictionary is JSON too): the one with `$defs`.
  const schema = Object.entries(files).find(([name, text]) => name.endsWith('.json') && '$defs' in JSON.parse(text))
  const openapi = Object.entries(files).find(([name]) => name.endsWith('.yaml'))

  // The OpenAPI document read once for the checks that read it (the official schema's validator gets a copy of its own).
  const document = openapi ? parse(openapi[1]) as OpenApiDocument : undefined
  let bodies: Array<Body> = []
  if (typescript) bodies = await expectValidTypeScript(typescript[1], document ? exampleParams(document) : new Map(), later)
  if (openapi && document) {
    const fromOpenApi = await expectValidOpenApi(openapi[1], document, later)
    if (typescript) expect(fromOpenApi).toEqual(bodies)
    bodies = fromOpenApi
  }
  const ajv = schema ? expectValidSchema(schema[1], bodies) : undefined
  if (schema && document && ajv) expectValidProblems(schema[1], document, ajv)
}

/**
 * Type-check the TypeScript and the openapi-typescript types of many sets of outputs in shared programs, ahead of
 * expectValidOutputs on each, which then finds them checked when they are clean (and checks them alone when not).
 */
export async function typeCheckAhead(outputSets: ReadonlyArray<Outputs>): Promise<void> {
  const typescript = new Map<boolean, Array<Record<string, string>>>([[false, []], [true, []]])
  const openapi: Array<Record<string, string>> = []
  for (const files of outputSets.map(textsOf)) {
    const source = Object.entries(files).find(([name]) => name.endsWith('.ts'))?.[1]
    if (source !== undefined) typescript.get(isErasable(source))?.push({'errors.ts': source})
    const document = Object.entries(files).find(([name]) => name.endsWith('.yaml'))?.[1]
    if (document !== undefined) openapi.push({'openapi.ts': await openApiTypes(document)})
  }
  for (const [erasable, sets] of typescript) typeCheckTogether(sets, typeScriptOptions(erasable))
  typeCheckTogether(openapi)
}

/** Type checks put off, to be run together (a property test's runs): each expected to give no diagnostic. */
export class LaterTypeChecks {
  readonly #checks: Array<{sources: Record<string, string>, options: typeof strictOptions}> = []

  add(sources: Record<string, string>, options: typeof strictOptions): void {
    this.#checks.push({sources, options})
  }

  /** Run the checks, those of the same options in one program; a set with diagnostics is checked alone to name them. */
  expectClean(): void {
    const byOptions = new Map<string, {options: typeof strictOptions, sets: Array<Record<string, string>>}>()
    for (const {sources, options} of this.#checks) {
      const key = JSON.stringify(options)
      byOptions.set(key, {options, sets: [...(byOptions.get(key)?.sets ?? []), sources]})
    }
    for (const {options, sets} of byOptions.values()) typeCheckTogether(sets, options)
    for (const {sources, options} of this.#checks) expect(typeCheck(sources, options), Object.values(sources).join('\n')).toEqual([])
  }
}

/** The sources type-check without a diagnostic: now, or with the later checks when there are some. */
function expectTypeChecks(sources: Record<string, string>, options: typeof strictOptions, later: LaterTypeChecks | undefined): void {
  if (later) later.add(sources, options)
  else expect(typeCheck(sources, options)).toEqual([])
}

function textsOf(outputs: Outputs): Record<string, string> {
  return outputs instanceof Map ? Object.fromEntries([...outputs].map(([name, bytes]) => [name, bytes.toString('utf8')])) : outputs
}

/** Whether generated TypeScript must pass `erasableSyntaxOnly`: when it has no enum. */
function isErasable(source: string): boolean {
  return !/^export enum /m.test(source)
}

function typeScriptOptions(erasable: boolean): typeof strictOptions {
  return {...strictOptions, erasableSyntaxOnly: erasable}
}

/**
 * The types openapi-typescript made of OpenAPI documents, by their text: a document checked ahead (typeCheckAhead) and
 * then with the outputs it is one of is converted once.
 */
const openApiTypesMade = new Map<string, Promise<string>>()

/** The types openapi-typescript makes of an OpenAPI document. */
function openApiTypes(text: string): Promise<string> {
  let types = openApiTypesMade.get(text)
  if (types === undefined) {
    types = openapiTS(text, {enum: true}).then(astToString)
    openApiTypesMade.set(text, types)
  }
  return types
}

/**
 * Every problem example of the OpenAPI document is a problem object by RFC 9457 Appendix A and by the JSON Schema's
 * `Problem.ErrorBody`, which `ajv` compiled with the whole schema.
 */
function expectValidProblems(schemaText: string, document: OpenApiDocument, ajv: Ajv2020): void {
  const responses = Object.values(document.components.responses)
  const examples = responses.flatMap((response) => Object.values(response.content['application/problem+json']?.examples ?? {}).map((example) => example.value))
  const schema = JSON.parse(schemaText)
  expect(examples.length > 0, 'problem examples exactly when the schema has problem schemas').toBe('Problem.ErrorBody' in schema.$defs)
  if (examples.length === 0) return
  const rfc = rfc9457()
  const own = ajv.getSchema(schema.$id + '#/$defs/Problem.ErrorBody')
  if (own === undefined) throw new Error('the JSON Schema compiled has no Problem.ErrorBody under ' + schema.$id)
  for (const example of examples) {
    expect(rfc(example), JSON.stringify(rfc.errors)).toBe(true)
    expect(own(example), JSON.stringify(own.errors)).toBe(true)
  }
}

/**
 * The values the OpenAPI examples fill each code's parameters with, as its `x-errgen-params` lists them: each
 * parameter's name, a number for an integer.
 */
function exampleParams(document: OpenApiDocument): Map<unknown, Record<string, string | number>> {
  const schemas = Object.values(document.components.schemas)
  return new Map(schemas.flatMap((schema) => {
    const params = schema['x-errgen-params']
    if (!params) return []
    return [[schema.properties?.code?.const, Object.fromEntries(params.map((param) => [param.name, param.type === 'integer' ? 1 : param.name]))]]
  }))
}

/**
 * Compiles under the strict flags (and `erasableSyntaxOnly` when it has no enum); its bodies when run, a code with
 * parameters given these values.
 */
async function expectValidTypeScript(source: string, params: ReadonlyMap<unknown, Record<string, string | number>>, later: LaterTypeChecks | undefined): Promise<Array<Body>> {
  expectTypeChecks({'errors.ts': source}, typeScriptOptions(isErasable(source)), later)
  const module = await evaluate(source)
  const bodyOf = (code: unknown): Body => (params.has(code) ? module.createErrorBody(code, params.get(code)) : module.createErrorBody(code)) as Body
  return sortByCode(Object.values(module.errorCatalog as Record<string, {code: unknown}>).map((entry) => bodyOf(entry.code)))
}

/** Passes the official schema and openapi-typescript; its example bodies. */
async function expectValidOpenApi(text: string, document: OpenApiDocument, later: LaterTypeChecks | undefined): Promise<Array<Body>> {
  const result = await openApiValidator.validate(structuredClone(document))
  expect(result.errors).toBeUndefined()
  expect(openApiValidator.version).toBe('3.1')
  expectTypeChecks({'openapi.ts': await openApiTypes(text)}, strictOptions, later)
  const responses = Object.values(document.components.responses)
  const examples = responses.flatMap((response) => Object.values(response.content['application/json'].examples).map((example) => example.value))
  return sortByCode(examples)
}

/** Whether a message schema accepts any text: a type alone, without a pattern, enum or const. */
function isAnyText(schema: Record<string, unknown> | undefined): boolean {
  return schema !== undefined && schema['type'] === 'string' && !('pattern' in schema) && !('enum' in schema) && !('const' in schema)
}

/** Bodies in code order: numbers by value, strings by code unit. */
function sortByCode<T extends {code: unknown}>(bodies: Array<T>): Array<T> {
  return bodies.sort((a, b) =>
    typeof a.code === 'number' && typeof b.code === 'number' ? a.code - b.code : String(a.code) < String(b.code) ? -1 : String(a.code) > String(b.code) ? 1 : 0
  )
}

/**
 * Compiles in Ajv's strict mode; accepts every body, and rejects each body with another code's message (unless the
 * configuration keys the bodies on their code only: `"body": {"messages": "any"}`, whose message schemas are any text).
 * The Ajv that compiled it, for the checks of its other definitions.
 */
function expectValidSchema(text: string, bodies: ReadonlyArray<Body>): Ajv2020 {
  const ajv = strictAjv()
  const schema = JSON.parse(text) as {$defs?: Record<string, {properties?: {code?: {const?: unknown}, message?: Record<string, unknown>}}>}
  const validate = ajv.compile(schema)
  for (const body of bodies) expect(validate(body), JSON.stringify(validate.errors)).toBe(true)
  const codeSchemas = Object.values(schema.$defs ?? {}).filter((definition) => definition.properties?.code?.const !== undefined)
  if (codeSchemas.some((definition) => isAnyText(definition.properties?.message))) return ajv
  bodies.forEach((body, index) => {
    const other = bodies[(index + 1) % bodies.length]
    if (other && other.message !== body.message) expect(validate({...body, message: other.message})).toBe(false)
  })
  return ajv
}
