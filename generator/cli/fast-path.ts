/** fast-path: a run's settings in, its answer from the manifest when the manifest proves the outputs current — what the full run would print, and exit code 0 — without loading remark, ts-morph, Ajv or vfile; undefined when the full run must decide. */
import path from 'node:path'
import {defaultOut} from '../config/defaults.js'
import {findConfig} from '../config/discover-io.js'
import {displayPath, isWithin} from '../diagnostics/io-error.js'
import {printDiagnostics} from '../diagnostics/lines.js'
import {isReallyWithin} from '../read/files-io.js'
import type {Diagnostic, Manifest, StoredMessage} from '../types.js'
import {currentManifest} from '../write/manifest-io.js'
import {outputArgs, parseFlags, type Settings} from './flags.js'
import type {Io} from './main.js'
import {version} from './version-io.js'

/** Run errgen with command-line arguments, as the `errgen` command and the library's `check()` do: the fast path when it can answer, else the full run. */
export async function runCommand(argv: ReadonlyArray<string>, io: Io): Promise<number> {
  const answered = await fastPath(argv, io)
  if (answered !== undefined) return answered
  const {main} = await import('./main.js')
  return main(argv, {...io, fastPath: false})
}

/** The bin's first step: the command line answered from the manifest, or undefined (help, a usage error, a run the full path decides). */
export async function fastPath(argv: ReadonlyArray<string>, io: Io): Promise<number | undefined> {
  let settings: Settings
  try {
    const parsed = parseFlags(argv)
    if (parsed.help || parsed.version) return undefined
    settings = parsed.settings
  } catch {
    return undefined
  }
  return answerFromManifest(settings, io)
}

/**
 * Answer a run from the manifest, as the full run would: its warnings in the format asked for, then the up-to-date
 * line (nothing for `--check`); or leave it to the full run — a flag the manifest cannot answer, a configuration that
 * cannot be read or compares with something, a missing or outdated manifest, a changed output.
 */
export async function answerFromManifest(settings: Settings, io: Io): Promise<number | undefined> {
  const started = performance.now()
  if (!answerable(settings)) return undefined
  const written = await writtenConfig(io.cwd, settings.config)
  if (!written || written.value['against'] !== undefined) return undefined
  const out = outputDirectory(settings, written, io.cwd)
  const project = [io.cwd, written.base]
  if (!out || !project.some((directory) => isWithin(out, directory)) || !(await isReallyWithin(out, project))) return undefined
  const input = {version, cwd: io.cwd, args: outputArgs(settings), config: settings.config}
  const manifest = await currentManifest(out, input, (patterns) => documentsOf(patterns, io.cwd, written.base)).catch(() => undefined)
  if (!manifest) return undefined

  const shownOut = displayPath(out, io.cwd)
  const warnings = await warningsText(manifest, settings)
  if (warnings) (settings.format === 'json' || settings.format === 'github' ? io.stdout : io.stderr)(warnings)
  if (!settings.check && !settings.quiet && settings.format !== 'json') {
    io.stdout('errgen: ' + manifest.codes + ' codes, ' + shownOut + '/ up to date (' + Math.round(performance.now() - started) + ' ms)\n')
  }
  return 0
}

/** The settings the manifest answers: the outputs' flags, `--check`, `--quiet`, `--format` (but markdown); every other setting at its default. */
const answered: ReadonlySet<string> = new Set<keyof Settings>(['input', 'out', 'config', 'style', 'check', 'quiet', 'format'])

/** Whether the manifest can answer these settings. */
function answerable(settings: Settings): boolean {
  const defaults: Record<string, unknown> = {...parseFlags([]).settings}
  const given: Record<string, unknown> = {...settings}
  const keys = new Set([...Object.keys(defaults), ...Object.keys(given)])
  return settings.format !== 'markdown' && [...keys].every((key) => answered.has(key) || given[key] === defaults[key])
}

/**
 * The manifest's warnings as the full run prints them: none with `--check` or `--quiet` (errors only, and a run
 * that wrote outputs had none); vfile-reporter's table as the manifest keeps it, without colors, or, where the
 * terminal shows colors, drawn again by the reporter.
 */
async function warningsText(manifest: Manifest, settings: Settings): Promise<string> {
  const stored = settings.quiet || settings.check ? [] : (manifest.warnings ?? [])
  if (settings.format === 'stylish' && stored.length > 0) {
    if (manifest.stylish !== undefined && !(await reporterColors())) return manifest.stylish
    const {report, restoreReports} = await import('../diagnostics/report.js')
    return report(restoreReports(stored), {format: 'stylish'})
  }
  const list = stored.flatMap((file) => file.messages.map((message) => diagnosticOf(message)))
  // Stylish with nothing to show prints nothing, as text does.
  return printDiagnostics(list, settings.format === 'stylish' ? 'text' : settings.format)
}

/** Whether vfile-reporter draws its table with colors here: its own decision (supports-color on stderr), without loading the reporter. */
async function reporterColors(): Promise<boolean> {
  const {color} = await import('vfile-reporter/do-not-use-color')
  return color
}

/** A stored message as `--format json` gives it: its diagnostic fields only, in their order. */
function diagnosticOf(message: StoredMessage): Diagnostic {
  const {file, line, column, endLine, endColumn, severity, ruleId} = message
  return {file, line, column, endLine, endColumn, severity, ruleId, message: message.message}
}

/** The output directory, absolute, as the full run resolves it; undefined when the configuration's `out` is not a path (the full run reports it). */
function outputDirectory(settings: Settings, written: WrittenConfig, cwd: string): string | undefined {
  if (settings.out !== undefined) return path.resolve(cwd, settings.out)
  const out = written.value['out']
  if (out === undefined) return path.resolve(cwd, defaultOut)
  return typeof out === 'string' ? path.resolve(written.base, out) : undefined
}

/** The documents the patterns name; the glob library is loaded only for globs. */
async function documentsOf(patterns: ReadonlyArray<string>, cwd: string, base: string): Promise<Array<string>> {
  if (patterns.some((pattern) => /[*?[\]{}()!]/.test(pattern))) {
    const {inputFiles} = await import('../read/inputs-io.js')
    return inputFiles(patterns, cwd, [cwd, base])
  }
  return [...new Set(patterns.map((pattern) => displayPath(path.resolve(cwd, pattern), cwd)))]
}

/** The configuration as written, and its folder (the working directory when there is none). */
interface WrittenConfig {
  readonly value: Record<string, unknown>
  readonly base: string
}

/**
 * The configuration as written, found by the one discovery (`{}` when there is none); undefined when it cannot be
 * read or parsed, which the full run reports.
 */
async function writtenConfig(cwd: string, explicit: string | false | undefined): Promise<WrittenConfig | undefined> {
  try {
    const found = await findConfig(cwd, explicit)
    if (!found) return {value: {}, base: cwd}
    const value = found.at.reduce<unknown>((object, key) => (isRecord(object) ? object[key] : undefined), JSON.parse(found.text))
    return isRecord(value) ? {value, base: path.dirname(found.absolute)} : undefined
  } catch {
    return undefined
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
}
