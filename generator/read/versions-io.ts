/** versions-io: errgen's package directory in, `name@version` of every package its runtime dependencies install (the closure, as Node resolves it from errgen's own folder) out — the libraries that shape the outputs, for the manifest's fingerprint; the project's other dependencies are not among them. The answer is cached beside the installed packages and reused while none of the files and folders it was read from changed. */
import {existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import process from 'node:process'

/** What a package.json says about the packages it needs. */
interface PackageJson {
  readonly version?: unknown
  readonly dependencies?: unknown
  readonly optionalDependencies?: unknown
}

/** A package found: its folder and its package.json. */
interface Found {
  readonly directory: string
  readonly json: PackageJson
}

/** The paths a walk read (folders listed, package.json files parsed), each with its state just before it was read, to be compared when the answer is reused. */
type Observed = Map<string, string>

/**
 * The runtime closure of the package in `root`, as `dependencyVersions` gives it, from the cache when every file and
 * folder the cached answer was read from is as it was (a package installed, removed or edited changes one of them);
 * else walked, and the cache rewritten. Without a place for the cache, it is walked every time.
 */
export function cachedDependencyVersions(root: string, cacheFile: string | undefined = dependencyCache(root)): Array<string> {
  const cached = cacheFile === undefined ? undefined : readCache(cacheFile, root)
  if (cached) return [...cached.versions]
  const observed: Observed = new Map()
  const versions = dependencyVersions(root, observed)
  if (cacheFile !== undefined) writeCache(cacheFile, {root, versions, observed: [...observed].sort(([a], [b]) => (a < b ? -1 : 1))})
  return versions
}

/** A cached answer: the package it is for, its versions, and the state of each path it was read from. */
interface Cache {
  readonly root: string
  readonly versions: ReadonlyArray<string>
  readonly observed: ReadonlyArray<readonly [string, string]>
}

/**
 * Where the answer is cached: `node_modules/.cache/errgen/`, in the node_modules folder that holds the package
 * (installed) or inside it (errgen's own repository); undefined when there is neither.
 */
function dependencyCache(root: string): string | undefined {
  const parent = path.dirname(root)
  const modules = path.basename(parent) === 'node_modules' ? parent : path.join(root, 'node_modules')
  return existsSync(modules) ? path.join(modules, '.cache', 'errgen', 'dependencies.json') : undefined
}

/** The cached answer when it is for this package and nothing it was read from changed; undefined otherwise. */
function readCache(file: string, root: string): Cache | undefined {
  try {
    const cache = JSON.parse(readFileSync(file, 'utf8')) as Cache
    if (cache.root !== root || !Array.isArray(cache.versions) || !Array.isArray(cache.observed)) return undefined
    return cache.observed.every(([observed, state]) => stateOf(observed) === state) ? cache : undefined
  } catch {
    return undefined
  }
}

/** Write the cache whole (a new file renamed over the old, so that a run beside this one reads either); a cache that cannot be written is only not kept. */
function writeCache(file: string, cache: Cache): void {
  try {
    mkdirSync(path.dirname(file), {recursive: true})
    const temporary = file + '.' + process.pid + '.tmp'
    writeFileSync(temporary, JSON.stringify(cache))
    renameSync(temporary, file)
  } catch {
    // A read-only install: walked again next time.
  }
}

/**
 * What identifies a path's content: a folder's entries or a file's bytes change its modification and change times
 * (and a file replaced is another inode); `absent` when there is nothing there.
 */
function stateOf(file: string): string {
  const stats = statSync(file, {throwIfNoEntry: false, bigint: true})
  return stats ? [stats.mtimeNs, stats.ctimeNs, stats.size, stats.ino].join(':') : 'absent'
}

/**
 * The runtime closure of the package in `root`: each dependency resolved as Node resolves it (the nearest
 * `node_modules/<name>` from the folder of the package that needs it), sorted `name@version` entries, one per
 * version; a dependency that cannot be found is `name@absent`. Read synchronously: a hundred small files, on the
 * fast path, cost less so than as promises. The folders listed and files read are added to `observed`.
 */
export function dependencyVersions(root: string, observed: Observed = new Map()): Array<string> {
  const own = readPackage(root, observed)
  if (!own) return []
  const listings = new Map<string, ReadonlySet<string>>()
  const packages = new Map<string, PackageJson | undefined>()
  const seen = new Map<string, string>()
  const queue: Array<Found> = [{directory: root, json: own}]
  for (let next = queue.shift(); next; next = queue.shift()) {
    for (const name of dependencyNames(next.json)) {
      const found = resolvePackage(name, next.directory, {listings, packages, observed})
      const key = found ? found.directory : name
      if (seen.has(key)) continue
      seen.set(key, name + '@' + (found && typeof found.json.version === 'string' ? found.json.version : 'absent'))
      if (found) queue.push(found)
    }
  }
  return [...new Set(seen.values())].sort()
}

/** The names a package.json depends on at run time (its dependencies and optional dependencies). */
function dependencyNames(json: PackageJson): Array<string> {
  return [json.dependencies, json.optionalDependencies].flatMap((list) => (isRecord(list) ? Object.keys(list) : []))
}

/**
 * The nearest `node_modules/<name>` with a package.json, from `from` upward; undefined when there is none. Each
 * package.json is read once (`packages`), however many packages depend on it.
 */
function resolvePackage(name: string, from: string, walk: Walk): Found | undefined {
  const {packages} = walk
  for (let directory = from; ; directory = path.dirname(directory)) {
    if (path.basename(directory) !== 'node_modules' && installed(path.join(directory, 'node_modules'), name, walk)) {
      const candidate = path.join(directory, 'node_modules', name)
      if (!packages.has(candidate)) packages.set(candidate, readPackage(candidate, walk.observed))
      const json = packages.get(candidate)
      if (json) return {directory: candidate, json}
    }
    if (path.dirname(directory) === directory) return undefined
  }
}

/** What one walk has read: each folder's entries, each package.json, and every path it looked at. */
interface Walk {
  readonly listings: Map<string, ReadonlySet<string>>
  readonly packages: Map<string, PackageJson | undefined>
  readonly observed: Observed
}

/** Whether a `node_modules` folder has an entry for the package (`@scope/name` looked up in its scope's folder); each folder is listed once. */
function installed(modules: string, name: string, {listings, observed}: Walk): boolean {
  const slash = name.indexOf('/')
  const [folder, entry] = slash < 0 ? [modules, name] : [path.join(modules, name.slice(0, slash)), name.slice(slash + 1)]
  let listing = listings.get(folder)
  if (!listing) {
    observed.set(folder, stateOf(folder))
    listing = new Set(entriesOf(folder))
    listings.set(folder, listing)
  }
  return listing.has(entry)
}

/** A folder's entries; none when it does not exist (asked first: most packages have no node_modules of their own, and a thrown error costs more than the question). */
function entriesOf(folder: string): Array<string> {
  if (!existsSync(folder)) return []
  try {
    return readdirSync(folder)
  } catch {
    return []
  }
}

/** A folder's package.json; undefined when it has none or it is not JSON. */
function readPackage(directory: string, observed: Observed): PackageJson | undefined {
  const file = path.join(directory, 'package.json')
  observed.set(file, stateOf(file))
  try {
    const value: unknown = JSON.parse(readFileSync(file, 'utf8'))
    return isRecord(value) ? value : undefined
  } catch {
    return undefined
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
}
