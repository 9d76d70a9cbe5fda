/** prepare: the library API's options in, the configuration, the documents read and checked, the catalog and the generated files out — the reading half of the spine, shared by generate() and the CLI. */
import path from 'node:path'
import {VFile} from 'vfile'
import {loadConfig} from './config.js'
import {inputFiles} from './inputs.js'
import {error} from './diagnostics.js'
import {decodeUtf8, displayPath, IoError, readBytes} from './io.js'

/**
 * @import {Catalog, Config, GenerateOptions, GeneratedFile} from './types.js'
 */

/**
 * @typedef Prepared what `generate` computes, with the VFiles the CLI reports from
 * @property {boolean} ok
 * @property {Config | undefined} config
 * @property {Catalog | undefined} catalog
 * @property {Array<GeneratedFile>} files
 * @property {Array<VFile>} reports the configuration file and the documents, with their messages
 * @property {string} cwd
 * @property {Array<string>} documents the documents read, relative to the working directory
 */

/**
 * @param {GenerateOptions} options
 * @returns {Promise<Prepared>}
 */
export async function prepare(options) {
  const cwd = path.resolve(options.cwd ?? process.cwd())
  const {config, file: configFile} = await loadConfig(cwd, options)
  const reports = configFile ? [configFile] : []
  if (!config) return {ok: false, config, catalog: undefined, files: [], reports, cwd, documents: []}

  const documents = options.documents
    ? options.documents.map((document) => decodeDocument(document.value, displayPath(path.resolve(cwd, document.path), cwd)))
    : await readDocuments(config, cwd)
  reports.push(...documents)
  const paths = documents.map((file) => file.path)
  if (documents.some((file) => file.messages.length > 0)) return {ok: false, config, catalog: undefined, files: [], reports, cwd, documents: paths}

  const {run} = await import('./pipeline.js')
  const result = run(documents, config)
  let ok = result.ok
  if (ok && config.against) ok = await checkContract(result.catalog, documents, config, cwd, options, reports)
  const out = path.resolve(cwd, config.out)
  const files = ok ? result.files.map((file) => ({...file, path: path.join(out, file.name)})) : []
  return {ok, config, catalog: result.catalog, files, reports, cwd, documents: paths}
}

/**
 * Compare the catalog with the one at `config.against`; whether no breaking change (or they are allowed).
 * Against the output directory itself, a first run (no outputs yet) has nothing to compare with.
 *
 * @param {Catalog} catalog
 * @param {ReadonlyArray<VFile>} documents
 * @param {Config} config
 * @param {string} cwd
 * @param {GenerateOptions} options
 * @param {Array<VFile>} reports receives the old catalog's files
 * @returns {Promise<boolean>}
 */
async function checkContract(catalog, documents, config, cwd, options, reports) {
  const against = /** @type {string} */ (config.against)
  const {loadBefore} = await import('./against.js')
  const {compareContract} = await import('./contract.js')
  const isOut = path.resolve(cwd, against) === path.resolve(cwd, config.out)
  const before = await loadBefore(against, config, cwd).catch((cause) => {
    if (isOut && cause instanceof IoError) return undefined
    throw cause
  })
  if (!before) return true
  compareContract(before, catalog, new Map(documents.map((file) => [file.path, file])), {allowBreaking: options.allowBreaking ?? false})
  reports.push(...before.files)
  return [...documents, ...before.files].every((file) => file.messages.every((message) => !message.fatal))
}

/**
 * Read every document the configuration names.
 *
 * @param {Config} config
 * @param {string} cwd
 * @returns {Promise<Array<VFile>>}
 */
async function readDocuments(config, cwd) {
  const files = await inputFiles(config.input, cwd)
  return Promise.all(files.map(async (shown) => decodeDocument(await readBytes(path.resolve(cwd, shown), shown), shown)))
}

/**
 * Decode a document; one that is not UTF-8 gets a located error instead of its text, an empty one is an IoError.
 *
 * @param {string | Uint8Array} value
 * @param {string} shown
 * @returns {VFile}
 */
function decodeDocument(value, shown) {
  const bytes = typeof value === 'string' ? new TextEncoder().encode(value) : value
  const decoded = decodeUtf8(bytes)
  if ('text' in decoded) {
    if (decoded.text.trim() === '') throw new IoError('cannot read ' + shown + ': the file is empty')
    return new VFile({path: shown, value: decoded.text})
  }
  const file = new VFile({path: shown, value: ''})
  const before = new TextDecoder().decode(bytes.subarray(0, decoded.invalidAt))
  const lines = before.split('\n')
  const point = {line: lines.length, column: (lines.at(-1)?.length ?? 0) + 1}
  const byte = bytes[decoded.invalidAt]?.toString(16).toUpperCase().padStart(2, '0')
  const reason = 'Unexpected byte 0x' + byte + ' at byte offset ' + decoded.invalidAt + ', expected UTF-8 text'
  error(file, reason, point, 'invalid-utf8')
  return file
}
