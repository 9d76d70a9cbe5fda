/** errgen's library API: options in, the catalog, the generated files and the diagnostics out (`generate`), or whether the outputs on disk are current (`check`) — nothing is written. The CLI is a shell around it. */
import type {GenerateOptions, GenerateResult} from './types.js'

export {check, type CheckOptions, type CheckResult} from './check.js'
export {IoError} from './diagnostics/io-error.js'
export type {RuleId} from './diagnostics/rules.js'
export type {
  Catalog,
  CatalogEntry,
  Config,
  ConfigFile,
  Diagnostic,
  EntryDocs,
  GeneratedFile,
  GenerateOptions,
  GenerateResult,
  ProblemSettings,
  StatusEntry
} from './types.js'

/**
 * Read the configuration and the documents, check them, and generate the outputs in memory.
 * Problems in the documents or the configuration are returned as diagnostics; a file that cannot be read throws an
 * `IoError`.
 */
export async function generate(options: GenerateOptions = {}): Promise<GenerateResult> {
  // Loaded here, so that importing the library for `check()` costs what the command's fast path costs.
  const [{diagnostics}, {prepare}] = await Promise.all([import('./diagnostics/report.js'), import('./spine.js')])
  const prepared = await prepare(options)
  return {
    ok: prepared.ok,
    config: prepared.config,
    catalog: prepared.catalog,
    files: prepared.files,
    diagnostics: diagnostics(prepared.reports)
  }
}
