/** main: command-line arguments in, an exit code out — the CLI around the spine: reports, then writes the outputs or, with `--check`, says which are stale. */
import path from 'node:path'
import type {VFile} from 'vfile'
import {displayPath, IoError, isWithin} from '../diagnostics/io-error.js'
import {report, storedStylish, storeReports} from '../diagnostics/report.js'
import {type Progress, silent, terminalProgress} from '../diagnostics/progress.js'
import type {ParseCache} from '../parse/cache.js'
import type {EmitCache} from '../emit/cache.js'
import type {WrittenFiles} from '../contract/written-io.js'
import type {Prepared, PrepareOptions} from '../spine.js'
import {documentPatterns} from '../read/patterns.js'
import {contentNote} from '../tables/header/columns.js'
import {type Changed, type Generated, readOnDisk, writeLocked} from '../write/apply-io.js'
import {snapshotSettings} from '../write/manifest-io.js'
import {checkOutputDirectory, refuseOutside, repositoryOf} from '../write/output-io.js'
import {answerFromManifest} from './fast-path.js'
import {outputArgs, type Parsed, parseFlags, type Settings, usage} from './flags.js'
import {version} from './version-io.js'

/** Where a run prints, and its working directory. */
export interface Io {
  readonly cwd: string
  readonly stdout: (text: string) => void
  readonly stderr: (text: string) => void
  /** Stops `--watch`. */
  readonly signal?: AbortSignal | undefined
  /** Whether stderr is an interactive terminal outside CI: a run longer than a second shows its progress there. */
  readonly tty?: boolean | undefined
  /** Whether a run whose outputs are current may be answered from the manifest (default true; false when that was already asked, or to compare with it). */
  readonly fastPath?: boolean | undefined
  /** The trees of the last run's texts, kept between the runs of `--watch`. */
  readonly parseCache?: ParseCache | undefined
  /** The texts of the last run's entries in each output, kept between the runs of `--watch`. */
  readonly emitCache?: EmitCache | undefined
  /** The outputs written, with their bytes, kept between the runs of `--watch`: those unchanged on disk are not read again. */
  readonly written?: WrittenFiles | undefined
}

const exitOk = 0
const exitInvalid = 1
const exitUsage = 2

/** Run errgen with command-line arguments; the exit code. */
export async function main(argv: ReadonlyArray<string>, io: Io): Promise<number> {
  if (argv[0] === 'explain') {
    const {explain} = await import('./explain.js')
    return guarded(() => explain(argv.slice(1), io), io)
  }
  if (argv[0] === 'init') {
    if (argv.length > 1) {
      io.stderr('errgen: init takes no arguments, it never overwrites a file: run it in the project\'s folder\nTry `errgen --help`.\n')
      return exitUsage
    }
    const {init} = await import('../init/init-io.js')
    return guarded(() => init(io), io)
  }
  let parsed: Parsed
  try {
    parsed = parseFlags(argv)
  } catch (cause) {
    io.stderr('errgen: ' + (cause instanceof Error ? cause.message : String(cause)) + '\nTry `errgen --help`.\n')
    return exitUsage
  }
  if (parsed.help) {
    io.stdout(usage)
    return exitOk
  }
  if (parsed.version) {
    io.stdout(version + '\n')
    return exitOk
  }

  const {settings} = parsed
  if (settings.watch) {
    const {watch, withSessionCaches} = await import('./watch-io.js')
    const watching = withSessionCaches(io)
    return watch(() => guarded(() => once(settings, watching), watching, true), settings, watching)
  }
  return guarded(() => once(settings, io), io)
}

/**
 * Run, turning an I/O error into one line and exit code 2.
 *
 * @param watching under `--watch`: also say that the last good outputs were kept
 */
async function guarded(action: () => Promise<number>, io: Io, watching = false): Promise<number> {
  const started = performance.now()
  try {
    return await action()
  } catch (cause) {
    if (!(cause instanceof IoError)) throw cause
    io.stderr('errgen: ' + cause.message + '\n')
    if (watching) keptOutputs('a file cannot be read or written', started, io)
    return exitUsage
  }
}

/** `--watch`: a run that failed wrote nothing; say why. */
function keptOutputs(why: string, started: number, io: Io): void {
  io.stdout('errgen: ' + why + ', kept the last good outputs (' + elapsed(started) + ')\n')
}

/** One run: read, report, and write or check. */
async function once(settings: Settings, io: Io): Promise<number> {
  if (settings.printConfig) return printConfig(settings, io)
  const answered = io.fastPath === false ? undefined : await answerFromManifest(settings, io)
  if (answered !== undefined) return answered
  const started = performance.now()
  // Taken before the configuration is read, for the manifest a write records (a check writes none).
  const settingsRead = settings.check ? [] : await snapshotSettings(io.cwd, settings.config)
  const progress = io.tty && !settings.quiet ? terminalProgress(io.stderr) : silent
  const prepared = await preparing(progress, {
    cwd: io.cwd,
    input: settings.input,
    out: settings.out,
    config: settings.config,
    style: settings.style,
    against: settings.against,
    allowBreaking: settings.allowBreaking,
    pinNames: settings.pinNames,
    force: settings.force,
    progress,
    parseCache: io.parseCache,
    smallHere: true,
    encodeOutputs: true,
    emitCache: io.emitCache,
    written: io.written,
    onConfig: settings.allowOutside ? undefined : (config, base) => refuseOutsideProject(path.resolve(io.cwd, config.out), base, io.cwd)
  })
  const {config} = prepared
  const out = config && path.resolve(io.cwd, config.out)
  const shownOut = out && displayPath(out, io.cwd)
  if (out && shownOut) await checkOutputDirectory(out, shownOut)

  const pinning = settings.pinNames && prepared.ok && config ? await import('./pin-io.js') : undefined
  const plan = pinning && config ? await pinning.planPins(prepared, config) : undefined
  const notes = settings.format === 'markdown'
  const limited = settings.frail || settings.maxWarnings !== undefined
  const diagnostics = report(prepared.reports, {format: settings.format, quiet: settings.quiet || notes || (settings.check && !limited)})
  if (diagnostics) (settings.format === 'json' || settings.format === 'github' ? io.stdout : io.stderr)(diagnostics)
  if (!out || !shownOut || !config) {
    if (settings.watch) keptOutputs('configuration errors', started, io)
    return exitUsage
  }
  if (notes) return printReleaseNotes(prepared, io)
  if (!prepared.ok || !prepared.catalog || (plan && !plan.ok)) {
    // A comparison is made only of valid documents: when there is one, what failed is a breaking change.
    const why = prepared.contract ? 'breaking changes' : 'invalid documents'
    if (settings.watch) keptOutputs(why, started, io)
    return exitInvalid
  }
  const tooMany = tooManyWarnings(prepared.reports, settings)
  if (tooMany) {
    io.stderr('errgen: ' + tooMany + (settings.check ? '' : ': nothing written') + '\n')
    if (settings.watch) keptOutputs(tooMany, started, io)
    return exitInvalid
  }
  if (pinning && plan) return pinning.writePins(plan, prepared, settings, io)

  const warnings = warningsToStore(prepared, out)
  const generated: Generated = {
    cwd: prepared.cwd,
    out,
    shownOut,
    files: prepared.files,
    input: documentPatterns(config),
    documents: prepared.documents,
    codes: prepared.catalog.entries.length,
    settings: settingsRead,
    warnings,
    stylish: storedStylish(warnings),
    version,
    args: outputArgs(settings)
  }
  if (settings.check) {
    const {changed, abandoned} = await readOnDisk(generated, true, io.written)
    return check(changed, abandoned.map((name) => shownOut + '/' + name), prepared.cwd, settings, io)
  }
  const {changed, abandoned} = await writeLocked(generated, settings.force, io.written)
  if (!settings.quiet && settings.format !== 'json') {
    const removed = abandoned.length === 0 ? '' : ', ' + abandoned.length + ' no longer generated removed'
    const written = (changed.length === 0 && abandoned.length === 0 ? 'up to date' : changed.length + ' of ' + prepared.files.length + ' files written') + removed
    io.stdout('errgen: ' + prepared.catalog.entries.length + ' codes, ' + shownOut + '/ ' + written + ' (' + elapsed(started) + ')\n')
  }
  if (io.written && config.against === undefined) void import('./watch-io.js').then(({readBackAhead}) => readBackAhead(config, io.cwd, io.written))
  return exitOk
}

/** Refuse an output directory outside the working directory, the configuration's and the repository that holds them. */
async function refuseOutsideProject(out: string, base: string, cwd: string): Promise<void> {
  const repository = isWithin(out, cwd) ? undefined : await repositoryOf(cwd)
  await refuseOutside(out, displayPath(out, cwd), [cwd, base], repository === undefined ? undefined : {directory: repository, shown: displayPath(repository, cwd)})
}

/** The run in memory, its progress line cleared when it ends or fails. */
async function preparing(progress: Progress, options: PrepareOptions): Promise<Prepared> {
  try {
    const {prepare} = await import('../spine.js')
    return await prepare(options)
  } finally {
    progress.end()
  }
}


/**
 * `--print-config`: the resolved configuration as JSON, with how each error table is read (`tables`: each header
 * cell's column, and whether it is inferred); without `tables`, and a line on stderr, when the documents cannot be read.
 */
async function printConfig(settings: Settings, io: Io): Promise<number> {
  const {describeTables} = await import('../spine.js')
  const {config, reports, tables, unread} = await describeTables({cwd: io.cwd, input: settings.input, out: settings.out, config: settings.config, style: settings.style, against: settings.against})
  if (!config) {
    io.stderr(report(reports, {format: settings.format === 'markdown' ? 'text' : settings.format}))
    return exitUsage
  }
  const described = tables?.map((table) => ({
    document: table.file.path,
    line: table.place.start.line,
    heading: table.heading ?? null,
    columns: table.header.map((cell) => ({header: cell.text, column: cell.column ?? null, ...(cell.inferred ? {inferred: true} : {}), ...(cell.content ? {note: contentNote(cell)} : {})}))
  }))
  io.stdout(JSON.stringify(described ? {...config, tables: described} : config, null, 2) + '\n')
  if (unread) io.stderr('errgen: the tables are not shown: ' + unread + '\n')
  return exitOk
}

/**
 * `--format markdown`: print the release notes of the changes since `--against` (nothing when none changed), write
 * nothing; exit 1 when the documents have errors or a change breaks the contract.
 */
async function printReleaseNotes(prepared: Prepared, io: Io): Promise<number> {
  if (prepared.config?.against === undefined) {
    io.stderr('errgen: --format markdown prints the changes since a revision or earlier outputs: give --against REF\nTry `errgen --help`.\n')
    return exitUsage
  }
  if (prepared.contract && prepared.catalog) {
    const {releaseNotes} = await import('../contract/release-notes.js')
    io.stdout(releaseNotes(prepared.contract.before, prepared.catalog, prepared.contract.messages))
  }
  return prepared.ok ? exitOk : exitInvalid
}

/** `5 warnings, more than 4 allowed` under `--max-warnings 4`, `1 warning, and --frail allows none` under `--frail`; undefined within the limit. */
function tooManyWarnings(files: ReadonlyArray<VFile>, settings: Settings): string | undefined {
  const count = files.reduce((sum, file) => sum + file.messages.filter((message) => message.fatal === false).length, 0)
  const warnings = count + ' warning' + (count === 1 ? '' : 's')
  if (settings.frail && count > 0) return warnings + ', and --frail allows none'
  if (settings.maxWarnings !== undefined && count > settings.maxWarnings) return warnings + ', more than ' + settings.maxWarnings + ' allowed'
  return undefined
}

function elapsed(started: number): string {
  return Math.round(performance.now() - started) + ' ms'
}

/**
 * Report stale, missing and abandoned outputs — which codes each changes, and a short diff — and exit 1; or exit 0,
 * silently.
 *
 * @param abandoned outputs no longer generated, as messages show them
 */
async function check(changed: ReadonlyArray<Changed>, abandoned: ReadonlyArray<string>, cwd: string, settings: Settings, io: Io): Promise<number> {
  if (changed.length === 0 && abandoned.length === 0) return exitOk
  const {abandonedReport, staleReport} = await import('../write/stale.js')
  const files: Array<VFile> = []
  const diffs: Array<string> = []
  for (const {file, current} of changed) {
    const stale = await staleReport(file, current, displayPath(file.path, cwd))
    files.push(stale.file)
    diffs.push(stale.text)
  }
  for (const shown of abandoned) {
    const stale = abandonedReport(shown)
    files.push(stale.file)
    diffs.push(stale.text)
  }
  if (settings.format === 'text' || settings.format === 'stylish') {
    const count = changed.length + abandoned.length
    io.stderr(diffs.join(''))
    io.stderr('errgen: ' + count + ' output' + (count === 1 ? '' : 's') + ' out of date; run errgen to regenerate\n')
  } else {
    io.stdout(report(files, {format: settings.format}))
  }
  return exitInvalid
}

/** The warnings a later run answered from the manifest prints. */
function warningsToStore(prepared: Prepared, out: string): ReturnType<typeof storeReports> {
  return storeReports(prepared.reports, (file) => isWithin(path.resolve(prepared.cwd, file.path), out))
}
