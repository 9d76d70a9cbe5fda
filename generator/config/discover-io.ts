/** discover-io: the working directory and an explicit `--config` in, the configuration file found (its text, its path, and where the configuration is inside it) out — the one config discovery, for the full run, the fast path (which must not load vfile: it costs a tenth of its time) and the remark plugin (from a document's folder upward). */
import path from 'node:path'
import {displayPath} from '../diagnostics/io-error.js'
import {largestFile, readBytes, readIfExists} from '../read/files-io.js'
import {configFileName, packageKey} from './defaults.js'

/** A configuration file found. */
export interface FoundConfig {
  /** The file's path as messages show it: relative to the working directory. */
  readonly shown: string
  readonly absolute: string
  readonly text: string
  /** Where the configuration is inside the file: `[]`, or `['errgen']` in package.json. */
  readonly at: ReadonlyArray<string>
}

/**
 * The configuration file: `--config FILE`, else errgen.config.json, else package.json when it has an "errgen" key;
 * undefined for none. A file that exists but cannot be read is an IoError.
 *
 * @param explicit the `--config` file; false for `--no-config`
 */
export async function findConfig(cwd: string, explicit: string | false | undefined): Promise<FoundConfig | undefined> {
  if (explicit === false) return undefined
  if (explicit !== undefined) {
    const absolute = path.resolve(cwd, explicit)
    const shown = displayPath(absolute, cwd)
    return {shown, absolute, text: await readText(absolute, shown), at: []}
  }

  const own = path.join(cwd, configFileName)
  const ownBytes = await readIfExists(own, configFileName)
  if (ownBytes) return {shown: configFileName, absolute: own, text: ownBytes.toString('utf8'), at: []}

  const manifest = path.join(cwd, 'package.json')
  const manifestBytes = await readIfExists(manifest, 'package.json')
  if (manifestBytes && hasErrgenKey(manifestBytes.toString('utf8'))) {
    return {shown: 'package.json', absolute: manifest, text: manifestBytes.toString('utf8'), at: [packageKey]}
  }
  return undefined
}

/**
 * The configuration nearest a folder, as the remark plugin finds it for a document: `findConfig` in the folder, then
 * in each folder above it; undefined when none has one.
 */
export async function findConfigFrom(directory: string): Promise<FoundConfig | undefined> {
  for (let folder = path.resolve(directory); ; folder = path.dirname(folder)) {
    const found = await findConfig(folder, undefined)
    if (found) return found
    if (path.dirname(folder) === folder) return undefined
  }
}

/** Whether a package.json's text is JSON with an "errgen" key. */
function hasErrgenKey(text: string): boolean {
  try {
    const value: unknown = JSON.parse(text)
    return value !== null && typeof value === 'object' && packageKey in value
  } catch {
    return false
  }
}

async function readText(absolute: string, shown: string): Promise<string> {
  return (await readBytes(absolute, shown, largestFile)).toString('utf8')
}

/** The version in a directory's package.json (for OpenAPI `info.version`); undefined when there is none. */
export async function projectVersion(directory: string): Promise<string | undefined> {
  try {
    const manifest: unknown = JSON.parse(String(await readIfExists(path.join(directory, 'package.json'), 'package.json')))
    const version = manifest !== null && typeof manifest === 'object' && 'version' in manifest ? manifest.version : undefined
    return typeof version === 'string' && version ? version : undefined
  } catch {
    return undefined
  }
}
