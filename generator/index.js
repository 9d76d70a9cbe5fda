/** errgen's library API: options in, the catalog, the generated files and the diagnostics out — nothing is written. The CLI is a shell around it. */
import path from 'node:path'
import {VFile} from 'vfile'
import {inputFiles, loadConfig} from './config.js'
import {error} from './diagnostics.js'
import {decodeUtf8, displayPath, IoError, readBytes} from './io.js'
import {diagnostics} from './report.js'

/**
 * @import {Catalog, Config, Diagnostic, GenerateOptions, GenerateResult, GeneratedFile} from './types.js'
 */

export {IoError} from './io.js'

/**
 * Read the configuration and the documents, check them, and generate the outputs in memory.
 * Problems in the documents or the configuration are returned as diagnostics; a file that cannot be read throws an
 * `IoError`.
 *
 * @param {GenerateOptions} [options]
 * @returns {Promise<GenerateResult>}
 */
export async function generate(options = {}) {
  const prepared = await prepare(options)
  return {
    ok: prepared.ok,
    config: prepared.config,
    catalog: prepared.catalog,
    files: prepared.files,
    diagnostics: diagnostics(prepared.reports)
  }
}

/**
 * @typedef Prepared what `generate` computes, with the VFiles the CLI reports from
 * @property {boolean} ok
 * @property {Config | undefined} config
 * @property {Catalog | undefined} catalog
 * @property {Array<GeneratedFile>} files
 * @property {Array<VFile>} reports the configuration file and the documents, with their messages
 * @property {string} cwd
 */

/**
 * @param {GenerateOptions} options
 * @returns {Promise<Prepared>}
 */
export async function prepare(options) {
  const cwd = path.resolve(options.cwd ?? process.cwd())
  const {config, file: configFile} = await loadConfig(cwd, options)
  const reports = configFile ? [configFile] : []
  if (!config) return {ok: false, config, catalog: undefined, files: [], reports, cwd}

  const documents = options.documents
    ? options.documents.map((document) => decodeDocument(document.value, displayPath(path.resolve(cwd, document.path), cwd)))
    : await readDocuments(config, cwd)
  reports.push(...documents)
  if (documents.some((file) => file.messages.length > 0)) return {ok: false, config, catalog: undefined, files: [], reports, cwd}

  const {run} = await import('./pipeline.js')
  const result = run(documents, config)
  const out = path.resolve(cwd, config.out)
  const files = result.files.map((file) => ({...file, path: path.join(out, file.name)}))
  return {ok: result.ok, config, catalog: result.catalog, files, reports, cwd}
}

/**
 * Read every document the configuration names.
 *
 * @param {Config} config
 * @param {string} cwd
 * @returns {Promise<Array<VFile>>}
 */
async function readDocuments(config, cwd) {
  const files = await inputFiles(config, cwd)
  return Promise.all(
    files.map(async (absolute) => {
      const shown = displayPath(absolute, cwd)
      return decodeDocument(await readBytes(absolute, shown), shown)
    })
  )
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
