/** validators: nothing in, the configuration schema's validators out (the whole configuration's, and the remark plugin's options') — the standalone code the build wrote from this very schema, or, without it, compiled with Ajv on first use; nothing is loaded until a configuration is checked. */
import {createHash} from 'node:crypto'
import {createRequire} from 'node:module'
import {fileURLToPath} from 'node:url'
import type {ValidateFunction} from 'ajv'
import type {Ajv2020} from 'ajv/dist/2020.js'
import {configSchema} from './schema-io.js'

/** The keys of the configuration that say how tables are read: what the remark plugin takes as options. */
export const readingKeys = ['columns', 'optionalColumns', 'codes', 'headings', 'params', 'defaultLocale', 'rules'] as const

/** The two validators. */
export interface Validators {
  /** The whole configuration. */
  readonly config: ValidateFunction
  /** The remark plugin's options: the configuration's reading keys. */
  readonly reading: ValidateFunction
}

/** The schema of the remark plugin's options: the configuration's reading keys, as the configuration's schema defines them. */
const readingSchema = {
  type: 'object',
  additionalProperties: false,
  properties: Object.fromEntries(readingKeys.map((key) => [key, (configSchema['properties'] as Record<string, unknown>)[key]]))
}

/**
 * The standalone code `npm run build` writes (`dist/config/validators.cjs`, beside this module built). Run from its
 * TypeScript source (vitest), this module has no build beside it and uses the one in dist/ (vitest's global setup
 * builds it), which its stamp proves current.
 */
export const builtValidatorsPath = fileURLToPath(
  import.meta.url.endsWith('.ts') ? new URL('../../dist/config/validators.cjs', import.meta.url) : new URL('./validators.cjs', import.meta.url)
)

const require = createRequire(import.meta.url)

let loaded: Validators | undefined

/** The validators: the built code when it checks this schema, else compiled now; loaded once. */
export function validators(): Validators {
  loaded ??= builtValidators() ?? compiledValidators()
  return loaded
}

/**
 * The validators the build wrote; undefined when there are none (the sources run without a build) or they were
 * written for another schema (dist/ compiled again by `tsc` alone after the schema, a target's part or a rule changed).
 *
 * @param file the built code's path (tests give others)
 */
export function builtValidators(file = builtValidatorsPath): Validators | undefined {
  let code: {readonly stamp?: unknown, readonly config?: ValidateFunction, readonly reading?: ValidateFunction}
  try {
    code = require(file) as typeof code
  } catch (cause) {
    if ((cause as {code?: unknown}).code === 'MODULE_NOT_FOUND') return undefined
    throw cause
  }
  return code.stamp === schemasStamp() && code.config && code.reading ? {config: code.config, reading: code.reading} : undefined
}

/** The validators compiled with Ajv now (about a third of a second). */
export function compiledValidators(): Validators {
  const ajv = newAjv(false)
  return {config: ajv.compile(configSchema), reading: ajv.compile(readingSchema)}
}

/** The schemas, keyed as the built code exports their validators, and the stamp that code carries. */
export function validatedSchemas(): {readonly schemas: Readonly<Record<keyof Validators, object>>, readonly stamp: string} {
  return {schemas: {config: configSchema, reading: readingSchema}, stamp: schemasStamp()}
}

/**
 * The Ajv the configuration is checked with: every error, strict, with each error's data and schema (the messages
 * quote them); `source` keeps the code, for the standalone build.
 */
export function newAjv(source: boolean): Ajv2020 {
  const {Ajv2020: Ajv} = require('ajv/dist/2020.js') as typeof import('ajv/dist/2020.js')
  return new Ajv({allErrors: true, strict: true, verbose: true, ...(source ? {code: {source: true}} : {})}).addVocabulary(['x-expected'])
}

/** A hash of the schemas the validators check. */
function schemasStamp(): string {
  return createHash('sha256').update(JSON.stringify([configSchema, readingSchema])).digest('hex')
}
