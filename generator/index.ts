/** errgen's library API: options in, the catalog, the generated files and the diagnostics out — nothing is written. The CLI is a shell around it. */
import {prepare} from './spine.js'
import {diagnostics} from './diagnostics/report.js'

/**
 * @typedef {import('./types.js').GenerateOptions} GenerateOptions
 * @typedef {import('./types.js').GenerateResult} GenerateResult
 * @typedef {import('./types.js').GeneratedFile} GeneratedFile
 * @typedef {import('./types.js').Diagnostic} Diagnostic
 * @typedef {import('./types.js').Catalog} Catalog
 * @typedef {import('./types.js').CatalogEntry} CatalogEntry
 * @typedef {import('./types.js').StatusEntry} StatusEntry
 * @typedef {import('./types.js').Config} Config
 * @typedef {import('./types.js').ConfigFile} ConfigFile
 */

export {IoError} from './diagnostics/io-error.js'

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
