/** prepare: the library API's options in, the configuration, the documents read and checked, the catalog and the generated files out — the reading half of the spine, shared by generate() and the CLI. */
import {stat} from 'node:fs/promises'
import path from 'node:path'
import {VFile} from 'vfile'
import {loadConfig} from './config/load-io.js'
import {inputFiles} from './read/inputs-io.js'
import {reportIllFormed} from './diagnostics/messages.js'
import {decodeUtf8Lossy} from './read/utf8.js'
import {displayPath, IoError} from './diagnostics/io-error.js'
import {readBytes} from './read/files-io.js'

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

  const {runParallel} = await import('./parse/parallel.js')
  const result = await runParallel(documents, config)
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
  const {loadBefore} = await import('./contract/against-io.js')
  const {compareContract} = await import('./contract/compare.js')
  if (path.resolve(cwd, against) === path.resolve(cwd, config.out) && !(await hasOutputs(config, cwd))) return true
  const before = await loadBefore(against, config, cwd)
  compareContract(before, catalog, new Map(documents.map((file) => [file.path, file])), {allowBreaking: options.allowBreaking ?? false})
  reports.push(...before.files)
  return [...documents, ...before.files].every((file) => file.messages.every((message) => !message.fatal))
}

/**
 * Whether any output the configuration names exists in its output directory.
 *
 * @param {Config} config
 * @param {string} cwd
 * @returns {Promise<boolean>}
 */
async function hasOutputs(config, cwd) {
  const names = Object.values(config.outputs).filter((name) => typeof name === 'string')
  const found = await Promise.all(names.map((name) => stat(path.resolve(cwd, config.out, name)).then(() => true, () => false)))
  return found.includes(true)
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
 * Decode a document: every ill-formed UTF-8 sequence is a located error (never a silent U+FFFD), and the rest of the
 * document is still checked; an empty or blank file is an IoError.
 *
 * @param {string | Uint8Array} value
 * @param {string} shown
 * @returns {VFile}
 */
function decodeDocument(value, shown) {
  const {text, illFormed} = typeof value === 'string' ? {text: value.replace(/^\uFEFF/, ''), illFormed: []} : decodeUtf8Lossy(value)
  if (text === '') throw new IoError('cannot read ' + shown + ': the file is empty')
  if (text.trim() === '') throw new IoError('cannot read ' + shown + ': the file holds only white space')
  const file = new VFile({path: shown, value: text})
  reportIllFormed(file, illFormed)
  return file
}
