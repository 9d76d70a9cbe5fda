/** versions-io: errgen's package directory in, `name@version` of every package its runtime dependencies install (the closure, as Node resolves it from errgen's own folder) out — the libraries that shape the outputs, for the manifest's fingerprint; the project's other dependencies are not among them. */
import {existsSync, readdirSync, readFileSync} from 'node:fs'
import path from 'node:path'

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

/**
 * The runtime closure of the package in `root`: each dependency resolved as Node resolves it (the nearest
 * `node_modules/<name>` from the folder of the package that needs it), sorted `name@version` entries, one per
 * version; a dependency that cannot be found is `name@absent`. Read synchronously: a hundred small files, on the
 * fast path, cost less so than as promises.
 */
export function dependencyVersions(root: string): Array<string> {
  const own = readPackage(root)
  if (!own) return []
  const listings = new Map<string, ReadonlySet<string>>()
  const packages = new Map<string, PackageJson | undefined>()
  const seen = new Map<string, string>()
  const queue: Array<Found> = [{directory: root, json: own}]
  for (let next = queue.shift(); next; next = queue.shift()) {
    for (const name of dependencyNames(next.json)) {
      const found = resolvePackage(name, next.directory, listings, packages)
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
function resolvePackage(name: string, from: string, listings: Map<string, ReadonlySet<string>>, packages: Map<string, PackageJson | undefined>): Found | undefined {
  for (let directory = from; ; directory = path.dirname(directory)) {
    if (path.basename(directory) !== 'node_modules' && installed(path.join(directory, 'node_modules'), name, listings)) {
      const candidate = path.join(directory, 'node_modules', name)
      if (!packages.has(candidate)) packages.set(candidate, readPackage(candidate))
      const json = packages.get(candidate)
      if (json) return {directory: candidate, json}
    }
    if (path.dirname(directory) === directory) return undefined
  }
}

/** Whether a `node_modules` folder has an entry for the package (`@scope/name` looked up in its scope's folder); each folder is listed once. */
function installed(modules: string, name: string, listings: Map<string, ReadonlySet<string>>): boolean {
  const slash = name.indexOf('/')
  const [folder, entry] = slash < 0 ? [modules, name] : [path.join(modules, name.slice(0, slash)), name.slice(slash + 1)]
  let listing = listings.get(folder)
  if (!listing) {
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
function readPackage(directory: string): PackageJson | undefined {
  try {
    const value: unknown = JSON.parse(readFileSync(path.join(directory, 'package.json'), 'utf8'))
    return isRecord(value) ? value : undefined
  } catch {
    return undefined
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
}
