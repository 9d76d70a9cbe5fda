/** earlier: the catalog and the configuration in, its comparison with the earlier catalog out — the one `against` names (a git revision, or old outputs), or else, for the names only, the outputs the run replaces — as a message per change on the documents, and those messages for the release notes. */
import path from 'node:path'
import type {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import {manifestName} from '../config/settings/output-names.js'
import type {Progress} from '../diagnostics/progress.js'
import {sortMessages} from '../diagnostics/report.js'
import {anyExists} from '../read/files-io.js'
import type {Catalog, Config, GenerateOptions, OutputFile} from '../types.js'
import type {Before, Rename} from './compare.js'
import type {WrittenFiles} from './written-io.js'

/** The comparison with an earlier catalog. */
export interface Contract {
  readonly before: Before
  /** Every change, one message each, in document order. */
  readonly messages: ReadonlyArray<VFileMessage>
  /** The codes whose derived names changed: what `--pin-names` keeps. */
  readonly renames: ReadonlyArray<Rename>
}

/** How a run compares, beyond the library's options. */
export interface CompareOptions extends GenerateOptions {
  /** Keep the old derived names rather than report them (`--pin-names`). */
  readonly pinNames?: boolean | undefined
  /** Replace outputs errgen cannot read back without comparing their names (`--force`). */
  readonly force?: boolean | undefined
  /** Told the stage the run is in and the rows it read (the command's line on a terminal). */
  readonly progress?: Progress | undefined
  /** The outputs a `--watch` session wrote, with their bytes: those unchanged on disk are not read again. */
  readonly written?: WrittenFiles | undefined
}

/**
 * Compare the catalog with the one at `config.against`, or else its names with those of the outputs it replaces,
 * adding a message per change; undefined when there is nothing to compare with (`against: false`, or no outputs yet).
 *
 * @param reports receives the earlier catalog's files
 * @param generated the outputs the catalog gives
 */
export async function compareWithEarlier(
  catalog: Catalog,
  documents: ReadonlyArray<VFile>,
  config: Config,
  cwd: string,
  options: CompareOptions,
  reports: Array<VFile>,
  generated: ReadonlyArray<OutputFile>
): Promise<Contract | undefined> {
  const before = await earlierCatalog(config, cwd, options, generated)
  if (!before) return undefined
  const {compareContract} = await import('./compare.js')
  const files = [...new Set([...documents, ...before.files])]
  const earlier = new Map(files.map((file) => [file, file.messages.length]))
  const renames = compareContract(before, catalog, new Map(documents.map((file) => [file.path, file])), {
    allowBreaking: options.allowBreaking ?? false,
    // Without `against`, the outputs the run replaces are compared for their names only.
    namesOnly: config.against === undefined,
    pinning: options.pinNames,
    problem: config.problem,
    params: config.params
  })
  reports.push(...before.files)
  const messages = files.flatMap((file) => sortMessages(file.messages.slice(earlier.get(file) ?? 0)))
  return {before, messages, renames}
}

/** The catalog to compare with: `against`'s, or the outputs the run replaces; undefined when there is none. */
async function earlierCatalog(config: Config, cwd: string, options: CompareOptions, generated: ReadonlyArray<OutputFile>): Promise<Before | undefined> {
  const against = config.against
  if (against === undefined) {
    // A first run (no output the configuration names, and no manifest, which lists those named after a document since renamed) has nothing to compare with, and loads no reader.
    if (options.against === false || !(await outHoldsAny(config, cwd, [manifestName, ...outputNames(config)]))) return undefined
    const {replacedOutputs} = await import('./outputs-io.js')
    return replacedOutputs(config, cwd, generated, options.force ?? false, options.written)
  }
  if (path.resolve(cwd, against) === path.resolve(cwd, config.out) && !(await outHoldsAny(config, cwd, outputNames(config)))) return undefined
  const {loadBefore} = await import('./against-io.js')
  return loadBefore(against, config, cwd)
}

/** Whether the output directory holds a file of any of these names. */
function outHoldsAny(config: Config, cwd: string, names: ReadonlyArray<string>): Promise<boolean> {
  return anyExists(names.map((name) => path.resolve(cwd, config.out, name)))
}

/** The names of the outputs the configuration turns on. */
function outputNames(config: Config): Array<string> {
  return Object.values(config.outputs).filter((name) => typeof name === 'string')
}
