/** fast-path: command-line arguments in, exit code 0 when the manifest proves the outputs current (remark and ts-morph are never loaded); undefined when a full run must decide. */
import path from 'node:path'
import {defaultOut} from '../config/defaults.js'
import {findConfig} from '../config/discover-io.js'
import {displayPath, isWithin} from '../diagnostics/io-error.js'
import {isReallyWithin} from '../read/files-io.js'
import {currentManifest} from '../write/manifest-io.js'
import {outputArgs, plainSettings} from './flags.js'
import type {Io} from './main.js'
import {version} from './version-io.js'

/** Run errgen with command-line arguments, as the `errgen` command and the library's `check()` do: the fast path when it can answer, else the full run. */
export async function runCommand(argv: ReadonlyArray<string>, io: Io): Promise<number> {
  const answered = await fastPath(argv, io)
  if (answered !== undefined) return answered
  const {main} = await import('./main.js')
  return main(argv, io)
}

/**
 * Answer a plain run or `--check` from the manifest, or leave it to the full run: any other flag, a configuration
 * that cannot be read or compares with something, a missing or outdated manifest, a changed output.
 */
export async function fastPath(argv: ReadonlyArray<string>, io: Io): Promise<number | undefined> {
  const started = performance.now()
  const settings = plainSettings(argv)
  const config = settings && (await writtenConfig(io.cwd))
  if (!settings || !config || config['against'] !== undefined) return undefined

  const out = settings.out ?? (typeof config['out'] === 'string' ? config['out'] : defaultOut)
  if (!isWithin(path.resolve(io.cwd, out), io.cwd) || !(await isReallyWithin(path.resolve(io.cwd, out), [io.cwd]))) return undefined
  const manifest = await currentManifest(path.resolve(io.cwd, out), {version, cwd: io.cwd, args: outputArgs(settings)}, (patterns) =>
    documentsOf(patterns, io.cwd)
  ).catch(() => undefined)
  if (!manifest) return undefined

  // `--check --format json` prints the empty list of the errors of current outputs.
  if (settings.format === 'json') io.stdout('[]\n')
  else if (!settings.check && !settings.quiet) {
    const shown = out.replace(/\/+$/, '')
    io.stdout('errgen: ' + manifest.codes + ' codes, ' + shown + '/ up to date (' + Math.round(performance.now() - started) + ' ms)\n')
  }
  return 0
}

/** The documents the patterns name; the glob library is loaded only for globs. */
async function documentsOf(patterns: ReadonlyArray<string>, cwd: string): Promise<Array<string>> {
  if (patterns.some((pattern) => /[*?[\]{}()!]/.test(pattern))) {
    const {inputFiles} = await import('../read/inputs-io.js')
    return inputFiles(patterns, cwd)
  }
  return [...new Set(patterns.map((pattern) => displayPath(path.resolve(cwd, pattern), cwd)))]
}

/**
 * The configuration as written, found as the full run finds it (`{}` when there is none); undefined when it cannot
 * be read or parsed, which the full run reports.
 */
async function writtenConfig(cwd: string): Promise<Record<string, unknown> | undefined> {
  try {
    const found = await findConfig(cwd, undefined)
    if (!found) return {}
    const value = found.at.reduce<unknown>((object, key) => (isRecord(object) ? object[key] : undefined), JSON.parse(found.text))
    return isRecord(value) ? value : undefined
  } catch {
    return undefined
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
}
