/** watch: a run and the settings in, a loop that runs it again whenever a document or the configuration changes out; resolves with 0 when the signal stops it. */
import {watch as watchFiles} from 'node:fs'
import path from 'node:path'
import {isDynamicPattern} from 'tinyglobby'
import {configFileName, loadConfig} from './config.js'

/**
 * @import {FSWatcher} from 'node:fs'
 * @import {Io, Settings} from './run.js'
 */

/** How long to wait for a burst of file events (an editor's save) to end. */
const settleMs = 80

/**
 * @param {() => Promise<number>} run one run of errgen
 * @param {Settings} settings
 * @param {Io} io
 * @returns {Promise<number>}
 */
export async function watch(run, settings, io) {
  /** @type {Array<FSWatcher>} */
  let watchers = []
  let timer = /** @type {NodeJS.Timeout | undefined} */ (undefined)
  let running = Promise.resolve()

  const rewatch = async () => {
    for (const watcher of watchers) watcher.close()
    watchers = (await targets(settings, io.cwd)).map((target) =>
      watchFiles(target.directory, {recursive: target.recursive}, (_, name) => {
        if (name !== null && target.matches(String(name))) schedule()
      })
    )
  }
  const schedule = () => {
    clearTimeout(timer)
    timer = setTimeout(() => {
      running = running.then(async () => {
        await run()
        await rewatch()
      })
    }, settleMs)
  }

  await run()
  await rewatch()
  io.stdout('errgen: watching for changes (stop with Ctrl-C)\n')
  await stopped(io.signal)
  clearTimeout(timer)
  await running
  for (const watcher of watchers) watcher.close()
  return 0
}

/**
 * Wait for the signal, or for SIGINT or SIGTERM when there is none.
 *
 * @param {AbortSignal | undefined} signal
 * @returns {Promise<void>}
 */
function stopped(signal) {
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

/**
 * @typedef Target a directory to watch and the changes in it that matter
 * @property {string} directory
 * @property {boolean} recursive
 * @property {(name: string) => boolean} matches the name is relative to the directory
 */

/**
 * The configuration files and the documents: each file's directory (editors replace a file when saving it), and
 * each glob's fixed base directory, recursively for `**`.
 *
 * @param {Settings} settings
 * @param {string} cwd
 * @returns {Promise<Array<Target>>}
 */
async function targets(settings, cwd) {
  const {config} = await loadConfig(cwd, {input: settings.input, out: settings.out, config: settings.config}).catch(() => ({config: undefined}))
  const configFiles =
    settings.config === false ? [] : settings.config ? [path.resolve(cwd, settings.config)] : [path.join(cwd, configFileName), path.join(cwd, 'package.json')]
  const patterns = config?.input ?? settings.input ?? []
  const out = config ? path.resolve(cwd, config.out) : undefined

  /** @type {Array<Target>} */
  const found = []
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
  return found
}

/**
 * The directory part of a glob before its first pattern segment: `/a/docs/**\/*.md` → `/a/docs`.
 *
 * @param {string} pattern
 * @returns {string}
 */
function staticBase(pattern) {
  const segments = pattern.split(path.sep)
  const index = segments.findIndex((segment) => isDynamicPattern(segment))
  return segments.slice(0, index).join(path.sep) || path.sep
}
