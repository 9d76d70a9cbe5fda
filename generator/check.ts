/** check: the library's options in, whether the outputs on disk are what errgen would generate out — the very run `errgen --check --format json` makes (its fast path first), read back as data. */
import {IoError} from './diagnostics/io-error.js'
import {runCommand} from './cli/fast-path.js'
import {outputArgs} from './cli/flags.js'
import type {Diagnostic, GenerateOptions} from './types.js'

/** What `check()` takes: the options of `generate()` that the command line has. */
export interface CheckOptions extends Pick<GenerateOptions, 'cwd' | 'config' | 'input' | 'out' | 'style' | 'allowBreaking'> {
  /** A git revision or a directory of earlier outputs to compare with, instead of the configuration's. */
  readonly against?: string | undefined
}

/** What `check()` gives. */
export interface CheckResult {
  /** Whether the documents and the configuration have no error. */
  readonly ok: boolean
  /** Whether every output is what errgen would generate (what `errgen --check` exits 0 for). */
  readonly current: boolean
  /** The outputs that are stale, missing or no longer generated, as messages show them. */
  readonly stale: readonly string[]
  /** The errors, in source order, and a `stale-output` or `missing-output` error per output in `stale`. */
  readonly diagnostics: readonly Diagnostic[]
}

/** The rules that say an output is not current. */
const staleRules: ReadonlySet<string> = new Set(['stale-output', 'missing-output'])

/**
 * Check the outputs on disk without writing anything: the run `errgen --check` makes, answered from the manifest
 * when it proves the outputs current. A file that cannot be read throws an `IoError`.
 */
export async function check(options: CheckOptions = {}): Promise<CheckResult> {
  const argv = checkArgs(options)
  let stdout = ''
  let stderr = ''
  const code = await runCommand(argv, {cwd: options.cwd ?? process.cwd(), stdout: (text) => (stdout += text), stderr: (text) => (stderr += text)})
  const diagnostics = stdout.split('\n').filter((line) => line !== '').flatMap((line) => JSON.parse(line) as Array<Diagnostic>)
  if (code === 2 && diagnostics.length === 0) throw new IoError(stderr.trim().replace(/^errgen: /, ''))
  const stale = diagnostics.filter((diagnostic) => staleRules.has(diagnostic.ruleId)).map((diagnostic) => diagnostic.file)
  const ok = !diagnostics.some((diagnostic) => diagnostic.severity === 'error' && !staleRules.has(diagnostic.ruleId))
  return {ok, current: code === 0, stale, diagnostics}
}

/** The command line of `errgen --check --format json` that the options stand for. */
function checkArgs({input, out, config, style, against, allowBreaking}: CheckOptions): Array<string> {
  const configArgs = config === false ? ['--no-config'] : config === undefined ? [] : ['--config', config]
  const againstArgs = against === undefined ? [] : ['--against', against]
  return ['--check', '--format', 'json', ...outputArgs({input, out, style}), ...configArgs, ...againstArgs, ...(allowBreaking ? ['--allow-breaking'] : [])]
}
