/** watch-io: a run and the settings in, a loop that runs it again whenever a document or the configuration changes out (with the caches a session keeps between runs); resolves with 0 when the signal stops it, and never dies of a bad save, a missing file or folder, or a folder removed under it. */
import {statSync, watch as watchFiles} from 'node:fs'
import path from 'node:path'
import {isDynamicPattern} from 'tinyglobby'
import type {FSWatcher} from 'node:fs'
import {configFileName, defaultInput} from '../config/defaults.js'
import {loadConfig} from '../config/load-io.js'
import {documentPatterns} from '../read/patterns.js'
import type {Settings} from './flags.js'
import type {Io} from './main.js'
import {ParseCache} from '../parse/cache.js'
import {EmitCache} from '../emit/cache.js'
import {WrittenFiles} from '../contract/written-io.js'
import type {Config} from '../types.js'

/** How long to wait for a burst of file events (an editor's save) to end. */
const settleMs = 80

/** What the loop keeps between runs: the watchers open, and the documents' targets of the last configuration that could be read. */
interface State {
  readonly watching: Watching
  documents: ReadonlyArray<Target> | undefined
}

/**
 * The session's one cache of each, kept between its runs: a save parses again only the slices whose text it changed
 * (each other slice's tree shared, not copied), writes again only the entries it changed, and reads none of the
 * outputs the session wrote while they are unchanged on disk.
 */
export function withSessionCaches(io: Io): Io {
  return {...io, parseCache: io.parseCache ?? new ParseCache({share: true}), emitCache: io.emitCache ?? new EmitCache(), written: io.written ?? new WrittenFiles()}
}

/** While the session waits for the next save, start reading back the outputs it just wrote (the next run compares its names with them), into its memory of them; a failure is the next run's to report. */
export function readBackAhead(config: Config, cwd: string, written: WrittenFiles | undefined): void {
  if (!written) return
  // Once the outputs just written are trusted (read back after their clock's tick), their bytes are the session's.
  written.settled().then(() => import('../contract/outputs-io.js')).then(({replacedOutputs}) => replacedOutputs(config, cwd, [], true, written)).catch(() => undefined)
}

/**
 * @param run one run of errgen
 */
export async function watch(run: () => Promise<number>, settings: Settings, io: Io): Promise<number> {
  const state: State = {watching: new Map(), documents: undefined}
  let timer: NodeJS.Timeout | undefined
  let running = Promise.resolve()

  const schedule = () => {
    clearTimeout(timer)
    timer = setTimeout(() => {
      running = running.then(() => runAndRewatch(run, settings, io, state, schedule))
    }, settleMs)
  }

  await runAndRewatch(run, settings, io, state, schedule, true)
  io.stdout('errgen: watching for changes (stop with Ctrl-C)\n')
  await stopped(io.signal)
  clearTimeout(timer)
  await running
  for (const {watcher} of state.watching.values()) watcher.close()
  return 0
}

/**
 * Run, then watch what the (possibly changed) configuration names; while the configuration cannot be read, what the
 * last one that could be read named. Watchers that are still wanted stay open, so that no change is missed while the
 * run is being reported; a watcher whose folder was removed or replaced is opened again; an unexpected error is
 * reported and watching goes on.
 */
async function runAndRewatch(run: () => Promise<number>, settings: Settings, io: Io, state: State, schedule: () => void, initial = false) {
  try {
    await run()
  } catch (cause) {
    io.stderr('errgen: ' + (cause instanceof Error ? cause.stack || cause.message : String(cause)) + '\n')
  }
  const documents = await documentTargets(settings, io.cwd)
  state.documents = documents ?? state.documents ?? defaultTargets(settings, io.cwd)
  const wanted = mergeTargets([...configTargets(settings, io.cwd), ...state.documents].map((target) => existingTarget(target)))
  for (const [key, entry] of state.watching) {
    if (!wanted.has(key) || identity(entry.target.directory) !== entry.identity) {
      entry.watcher.close()
      state.watching.delete(key)
    }
  }
  let opened = false
  for (const [key, target] of wanted) {
    const current = state.watching.get(key)
    if (current) current.target = target
    else opened = openWatcher(key, target, state.watching, schedule, io) || opened
  }
  // A folder watched only now (made, or made again, while the run read): what changed in it before its watcher
  // opened has no event, so one more run reads it. The first run's watchers are all new, and need none.
  if (opened && !initial) schedule()
}

/** Watch a target's folder; an event it matches, or any sign that the folder went away, schedules a run. Whether a watcher was opened. */
function openWatcher(key: string, target: Target, watching: Watching, schedule: () => void, io: Io): boolean {
  const found = identity(target.directory)
  if (found === undefined) {
    schedule()
    return false
  }
  try {
    const entry: Entry = {
      target,
      identity: found,
      watcher: watchFiles(target.directory, {recursive: target.recursive}, (_, name) => {
        if (name === null || entry.target.matches(String(name)) || identity(entry.target.directory) !== entry.identity) schedule()
      })
    }
    entry.watcher.on('error', () => schedule())
    watching.set(key, entry)
    return true
  } catch (cause) {
    io.stderr('errgen: cannot watch ' + target.directory + ': ' + (cause instanceof Error ? cause.message : String(cause)) + '\n')
    return false
  }
}

/** A folder's device and inode, which change when it is removed and made again; undefined when it does not exist. */
function identity(directory: string): string | undefined {
  try {
    const info = statSync(directory)
    return info.isDirectory() ? info.dev + ':' + info.ino : undefined
  } catch {
    return undefined
  }
}

/**
 * The target itself when its folder exists; else its nearest existing ancestor, watched for the first missing folder
 * on the way (the next run watches the folder once it is there).
 */
function existingTarget(target: Target): Target {
  let child = target.directory
  let parent = path.dirname(child)
  if (identity(child) !== undefined) return target
  while (parent !== child && identity(parent) === undefined) {
    child = parent
    parent = path.dirname(child)
  }
  const missing = path.basename(child)
  return {directory: parent, recursive: false, matches: (name) => name === missing}
}

/** Wait for the signal, or for SIGINT or SIGTERM when there is none. */
function stopped(signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    if (signal) {
      if (signal.aborted) resolve()
      signal.addEventListener('abort', () => resolve(), {once: true})
      return
    }
    process.once('SIGINT', () => resolve())
    process.once('SIGTERM', () => resolve())
  })
}

/** A directory to watch, and the changes in it that matter. */
interface Target {
  readonly directory: string
  readonly recursive: boolean
  /** The name is relative to the directory. */
  readonly matches: (name: string) => boolean
}

/** A watcher open, what it watches, and the identity of its folder when it was opened. */
interface Entry {
  readonly watcher: FSWatcher
  target: Target
  readonly identity: string
}

/** The watchers open, by directory and recursion. */
type Watching = Map<string, Entry>

/** The configuration files: each file's directory (editors replace a file when saving it). */
function configTargets(settings: Settings, cwd: string): Array<Target> {
  const files =
    settings.config === false ? [] : settings.config ? [path.resolve(cwd, settings.config)] : [path.join(cwd, configFileName), path.join(cwd, 'package.json')]
  return files.map((file) => fileTarget(file))
}

/** The documents the configuration names; undefined when it cannot be read (the last good targets are kept). */
async function documentTargets(settings: Settings, cwd: string): Promise<Array<Target> | undefined> {
  const loaded = await loadConfig(cwd, {input: settings.input, out: settings.out, config: settings.config}).catch(() => undefined)
  const config = loaded?.config
  return config ? patternTargets(documentPatterns(config), path.resolve(cwd, config.out), cwd) : undefined
}

/** The documents the flags or the defaults name, before any configuration could be read. */
function defaultTargets(settings: Settings, cwd: string): Array<Target> {
  return patternTargets(settings.input ?? [defaultInput], undefined, cwd)
}

/** Each file's directory, and each glob's fixed base directory, recursively for `**`, minus the output directory. */
function patternTargets(patterns: ReadonlyArray<string>, out: string | undefined, cwd: string): Array<Target> {
  const files = patterns.filter((pattern) => !isDynamicPattern(pattern)).map((pattern) => fileTarget(path.resolve(cwd, pattern)))
  const globs = patterns.filter((pattern) => isDynamicPattern(pattern)).map((pattern): Target => {
    const base = staticBase(path.resolve(cwd, pattern))
    return {directory: base, recursive: pattern.includes('**'), matches: (changed) => !out || !path.resolve(base, changed).startsWith(out + path.sep)}
  })
  return [...files, ...globs]
}

/** A file's directory, matching the file's name. */
function fileTarget(file: string): Target {
  const name = path.basename(file)
  return {directory: path.dirname(file), recursive: false, matches: (changed) => changed === name}
}

/** One target per directory (and recursion), matching what any of its targets matches. */
function mergeTargets(targets: ReadonlyArray<Target>): Map<string, Target> {
  const merged = new Map<string, Target>()
  for (const target of targets) {
    const key = target.directory + (target.recursive ? path.sep + '**' : '')
    const earlier = merged.get(key)
    merged.set(key, earlier ? {...target, matches: (name) => earlier.matches(name) || target.matches(name)} : target)
  }
  return merged
}

/** The directory part of a glob before its first pattern segment: `/a/docs/**\/*.md` → `/a/docs`. */
function staticBase(pattern: string): string {
  const segments = pattern.split(path.sep)
  const index = segments.findIndex((segment) => isDynamicPattern(segment))
  return segments.slice(0, index).join(path.sep) || path.sep
}
