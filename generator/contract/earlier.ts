/** earlier: the catalog and the configuration in, its comparison with the earlier catalog `against` names (a git revision, or old outputs) out — a message per change on the documents, and those messages for the release notes. */
import path from 'node:path'
import type {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import {sortMessages} from '../diagnostics/report.js'
import {anyExists} from '../read/files-io.js'
import type {Catalog, Config, GenerateOptions} from '../types.js'
import type {Before} from './compare.js'

/** The comparison with an earlier catalog. */
export interface Contract {
  readonly before: Before
  /** Every change, one message each, in document order. */
  readonly messages: ReadonlyArray<VFileMessage>
}

/**
 * Compare the catalog with the one at `config.against`, adding a message per change; undefined when there is
 * nothing to compare with (no `against`, or, against the output directory itself, a first run with no outputs yet).
 *
 * @param reports receives the earlier catalog's files
 */
export async function compareWithEarlier(
  catalog: Catalog,
  documents: ReadonlyArray<VFile>,
  config: Config,
  cwd: string,
  options: GenerateOptions,
  reports: Array<VFile>
): Promise<Contract | undefined> {
  const against = config.against
  if (against === undefined) return undefined
  if (path.resolve(cwd, against) === path.resolve(cwd, config.out) && !(await hasOutputs(config, cwd))) return undefined
  const {loadBefore} = await import('./against-io.js')
  const {compareContract} = await import('./compare.js')
  const before = await loadBefore(against, config, cwd)
  const files = [...new Set([...documents, ...before.files])]
  const earlier = new Map(files.map((file) => [file, file.messages.length]))
  compareContract(before, catalog, new Map(documents.map((file) => [file.path, file])), {allowBreaking: options.allowBreaking ?? false, problem: config.problem})
  reports.push(...before.files)
  const messages = files.flatMap((file) => sortMessages(file.messages.slice(earlier.get(file) ?? 0)))
  return {before, messages}
}

/** Whether any output the configuration names exists in its output directory. */
function hasOutputs(config: Config, cwd: string): Promise<boolean> {
  const names = Object.values(config.outputs).filter((name) => typeof name === 'string')
  return anyExists(names.map((name) => path.resolve(cwd, config.out, name)))
}
