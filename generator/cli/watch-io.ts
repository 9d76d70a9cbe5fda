/** watch-io: a run and the settings in, a loop that runs it again whenever a document or the configuration changes out; resolves with 0 when the signal stops it. */
import {watch as watchFiles} from 'node:fs'
import path from 'node:path'
import {isDynamicPattern} from 'tinyglobby'
import type {FSWatcher} from 'node:fs'
import {configFileName, defaultInput} from '../config/defaults.js'
import {loadConfig} from '../config/load-io.js'
import type {Settings} from './flags.js'
import type {Io} from './main.js'

/** How long to wait for a burst of file events (an editor's save) to end. */
const settleMs = 80

/**
 * @param run one run of errgen
 */
export async function watch(run: () => Promise<number>, settings: Settings, io: Io): Promise<number> {
  const watching: Watching = new Map()
  let timer: NodeJS.Timeout | undefined
  let running = Promise.resolve()

  const schedule = () => {
    clearTimeout(timer)
    timer = setTimeout(() => {
      running = running.then(() => runAndRewatch(run, settings, io, watching, schedule))
    }, settleMs)
  }

  await runAndRewatch(run, settings, io, watching, schedule)
  io.stdout('errgen: watching for changes (stop with Ctrl-C)\n')
  await stopped(io.signal)
  clearTimeout(timer)
  await running
  for (const {watcher} of watching.values()) watcher.close()
  return 0
}

/**
 * Run, then watch what the (possibly changed) configuration names. Watchers that are still wanted stay open, so
 * that no change is missed while the run is being reported; an unexpected error is reported and watching goes on.
 *
 * @param watching by directory and recursion
 */
async function runAndRewatch(run: () => Promise<number>, settings: Settings, io: Io, watching: Watching, schedule: () => void) {
  try {
    await run()
  } catch (cause) {
    io.stderr('errgen: ' + (cause instanceof Error ? cause.stack || cause.message : String(cause)) + '\n')
  }
  const wanted = await targets(settings, io.cwd)
  for (const [key, {watcher}] of watching) {
    if (!wanted.has(key)) {
      watcher.close()
      watching.delete(key)
    }
  }
  for (const [key, target] of wanted) {
    const current = watching.get(key)
    if (current) {
      current.target = target
      continue
    }
    const entry = {target, watcher: watchFiles(target.directory, {recursive: target.recursive}, (_, name) => {
      if (name !== null && entry.target.matches(String(name))) schedule()
    })}
    watching.set(key, entry)
  }
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

/** The watchers open, by directory and recursion. */
type Watching = Map<string, {watcher: FSWatcher, target: Target}>

/**
 * The configuration files and the documents: each file's directory (editors replace a file when saving it), and
 * each glob's fixed base directory, recursively for `**`.
 *
 * @returns by directory and recursion
 */
async function targets(settings: Settings, cwd: string): Promise<Map<string, Target>> {
  const loaded = await loadConfig(cwd, {input: settings.input, out: settings.out, config: settings.config}).catch(() => undefined)
  const config = loaded?.config
  const configFiles =
    settings.config === false ? [] : settings.config ? [path.resolve(cwd, settings.config)] : [path.join(cwd, configFileName), path.join(cwd, 'package.json')]
  const patterns = config?.input ?? settings.input ?? [defaultInput]
  const out = config ? path.resolve(cwd, config.out) : undefined

  const found: Array<Target> = []
  for (const file of [...configFiles, ...patterns.filter((pattern) => !isDynamicPattern(pattern)).map((pattern) => path.resolve(cwd, pattern))]) {
    const name = path.basename(file)
    found.push({directory: path.dirname(file), recursive: false, matches: (changed) => changed === name})
  }
  for (const pattern of patterns.filter((pattern) => isDynamicPattern(pattern))) {
    const base = staticBase(path.resolve(cwd, pattern))
    found.push({
      directory: base,
      recursive: pattern.includes('**'),
      matches: (changed) => !out || !path.resolve(base, changed).startsWith(out + path.sep)
    })
  }
  return mergeTargets(found)
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
