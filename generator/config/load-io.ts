/** config: the working directory and command-line overrides in, the resolved configuration out — from errgen.config.json or the "errgen" key of package.json, checked against the shipped schema, over the defaults. */
import {readFile} from 'node:fs/promises'
import path from 'node:path'
import {isDynamicPattern} from 'tinyglobby'
import {VFile} from 'vfile'
import {displayPath, ioError} from '../diagnostics/io-error.js'
import {readIfExists} from '../read/files-io.js'
import {normalizeHeader} from '../catalog/names.js'

/**
 * @import {Config, ConfigFile, Field, TypeScriptStyle} from '../types.js'
 */

/**
 * @typedef Overrides settings from the command line or the library API, over the configuration file
 * @property {ReadonlyArray<string>} [input] documents, relative to the working directory
 * @property {string} [out] the output directory, relative to the working directory
 * @property {string | false} [config] the configuration file; false to read none
 * @property {TypeScriptStyle} [style]
 * @property {string | false} [against] a git revision or directory to compare with; false for none
 */

/**
 * @typedef LoadedConfig
 * @property {Config | undefined} config undefined when the configuration file has errors
 * @property {VFile | undefined} file the configuration file, with its messages
 */

export const configFileName = 'errgen.config.json'
export const defaultInput = 'input/error-codes.md'
const defaultOut = 'output'

/**
 * Find, read, check and resolve the configuration.
 *
 * @param {string} cwd
 * @param {Overrides} overrides
 * @returns {Promise<LoadedConfig>}
 */
export async function loadConfig(cwd, overrides) {
  const found = await findConfig(cwd, overrides.config)
  /** @type {ConfigFile} */
  let written = {}
  let base = cwd
  if (found) {
    const {checkConfig} = await import('./check.js')
    const checked = checkConfig(found.file, found.at)
    if (!checked) return {config: undefined, file: found.file}
    written = checked
    base = path.dirname(found.absolute)
  }
  const config = resolve(written, overrides, {cwd, base, version: await projectVersion(base)})
  return {config, file: found?.file}
}

/**
 * The configuration file: `--config FILE`, else errgen.config.json, else package.json when it has an "errgen" key.
 *
 * @param {string} cwd
 * @param {string | false | undefined} explicit
 * @returns {Promise<{file: VFile, absolute: string, at: Array<string>} | undefined>}
 */
async function findConfig(cwd, explicit) {
  if (explicit === false) return undefined
  if (explicit !== undefined) {
    const absolute = path.resolve(cwd, explicit)
    const text = await readText(absolute, displayPath(absolute, cwd))
    return {file: new VFile({path: displayPath(absolute, cwd), value: text}), absolute, at: []}
  }

  const own = path.join(cwd, configFileName)
  const ownBytes = await readIfExists(own, configFileName)
  if (ownBytes) return {file: new VFile({path: configFileName, value: ownBytes.toString('utf8')}), absolute: own, at: []}

  const manifest = path.join(cwd, 'package.json')
  const manifestBytes = await readIfExists(manifest, 'package.json')
  if (manifestBytes && hasErrgenKey(manifestBytes.toString('utf8'))) {
    return {file: new VFile({path: 'package.json', value: manifestBytes.toString('utf8')}), absolute: manifest, at: ['errgen']}
  }
  return undefined
}

/**
 * @param {string} text
 * @returns {boolean}
 */
function hasErrgenKey(text) {
  try {
    const value = JSON.parse(text)
    return value !== null && typeof value === 'object' && 'errgen' in value
  } catch {
    return false
  }
}

/**
 * @param {string} absolute
 * @param {string} shown
 * @returns {Promise<string>}
 */
async function readText(absolute, shown) {
  try {
    return await readFile(absolute, 'utf8')
  } catch (cause) {
    throw ioError(cause, 'cannot read ' + shown)
  }
}

/**
 * Defaults, then the configuration file (its paths relative to its own directory), then the overrides.
 *
 * @param {ConfigFile} written
 * @param {Overrides} overrides
 * @param {{cwd: string, base: string, version: string | undefined}} context
 * @returns {Config}
 */
export function resolve(written, overrides, context) {
  /** @param {string} file */
  const rebase = (file) => displayPath(path.resolve(context.base, file), context.cwd)
  const writtenInput = typeof written.input === 'string' ? [written.input] : written.input
  const input = overrides.input ?? writtenInput?.map((pattern) => rebase(pattern)) ?? [defaultInput]
  const baseName = baseNameOf(input[0] || defaultInput)
  const outputs = {
    typescript: written.outputs?.typescript ?? baseName + '.ts',
    jsonSchema: written.outputs?.jsonSchema ?? baseName + '.schema.json',
    openapi: written.outputs?.openapi ?? baseName + '.openapi.yaml'
  }
  return {
    input,
    out: overrides.out ?? (written.out === undefined ? defaultOut : rebase(written.out)),
    outputs,
    openapi: {
      title: written.openapi?.title ?? humanize(baseName),
      version: written.openapi?.version ?? context.version ?? '0.0.0'
    },
    jsonSchema: {id: written.jsonSchema?.id ?? (outputs.jsonSchema || baseName + '.schema.json')},
    columns: normalizeColumns(written.columns || {}),
    optionalColumns: written.optionalColumns || [],
    codes: written.codes || 'auto',
    headings: written.headings || [],
    typescript: {style: overrides.style ?? written.typescript?.style ?? 'enum'},
    against: overrides.against === false ? undefined : overrides.against ?? written.against
  }
}

/**
 * The base of the output names: the first document's name without extension (`error-codes`), `errors` for a glob.
 *
 * @param {string} input
 * @returns {string}
 */
function baseNameOf(input) {
  return isDynamicPattern(input) ? 'errors' : path.basename(input, path.extname(input))
}

/**
 * `error-codes` → `Error codes`
 *
 * @param {string} name
 * @returns {string}
 */
function humanize(name) {
  const words = name.replace(/[-_.]+/g, ' ').trim()
  return words.charAt(0).toUpperCase() + words.slice(1)
}

/**
 * Header texts as validate compares them: lower case, single spaces.
 *
 * @param {Readonly<Record<string, Field>>} columns
 * @returns {Record<string, Field>}
 */
function normalizeColumns(columns) {
  return Object.fromEntries(Object.entries(columns).map(([header, field]) => [normalizeHeader(header), field]))
}

/**
 * The version in a directory's package.json, for OpenAPI `info.version`.
 *
 * @param {string} directory
 * @returns {Promise<string | undefined>}
 */
async function projectVersion(directory) {
  try {
    const manifest = JSON.parse(await readFile(path.join(directory, 'package.json'), 'utf8'))
    return typeof manifest.version === 'string' && manifest.version ? manifest.version : undefined
  } catch {
    return undefined
  }
}
