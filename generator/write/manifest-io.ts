/** manifest-io: the working directory, arguments and files in, the proof that the outputs are current out — errgen's version and code, its libraries' versions, the configuration, the project's version and the documents' bytes (exactly those a run read) and the outputs' names and hashes, kept in a manifest in the output directory, so that an up-to-date run loads neither remark nor ts-morph. */
import {createHash} from 'node:crypto'
import {readdirSync, readFileSync, statSync} from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {findConfig, type FoundConfig, projectVersion} from '../config/discover-io.js'
import {manifestName} from '../config/settings/output-names.js'
import {readBytes, readIfExists} from '../read/files-io.js'
import {cachedDependencyVersions} from '../read/versions-io.js'
import type {Manifest} from '../types.js'

export {manifestName}

/** What the outputs depend on besides the documents and errgen's code, as read at one moment: each part named, with its text. */
export type SettingsSnapshot = ReadonlyArray<readonly [string, string]>

/** A document's path, relative to the working directory, and the bytes errgen parsed. */
export interface DocumentBytes {
  readonly path: string
  readonly bytes: Uint8Array
}

/** What the fingerprint covers besides errgen's own code. */
export interface FingerprintInput {
  /** errgen's version. */
  readonly version: string
  /** The flags that decide the outputs, as given. */
  readonly args: ReadonlyArray<string>
  /** The configuration, the project's version and the libraries', read before the configuration was. */
  readonly settings: SettingsSnapshot
  /** The documents, with exactly the bytes that were parsed. */
  readonly documents: ReadonlyArray<DocumentBytes>
  /** The names of the outputs, so that a manifest whose list was cut is not current. */
  readonly outputs: ReadonlyArray<string>
}

/**
 * Read what decides the outputs besides the documents, once: the configuration as the one discovery finds it (the
 * file's text, or the `errgen` value of package.json), the version in the package.json beside it (OpenAPI's), and
 * the versions of the libraries errgen runs with. Nothing else of the project counts: not its other dependencies,
 * its lockfiles, or the folders above it. A run takes this before it reads its configuration, so that a file changed
 * during the run makes the manifest it writes stale rather than wrongly current.
 *
 * @param explicit the `--config` file; false for `--no-config`
 */
export async function snapshotSettings(cwd: string, explicit: string | false | undefined): Promise<SettingsSnapshot> {
  const configuration = await configurationOf(cwd, explicit)
  const libraries = cachedDependencyVersions(packageRoot)
  return [
    ['configuration', configuration.text],
    ['project version', (await projectVersion(configuration.base)) ?? 'none'],
    ['libraries', libraries.join('\n')]
  ]
}

/** The configuration as found (its name and text; `none`, or why it cannot be read), and its folder. */
async function configurationOf(cwd: string, explicit: string | false | undefined): Promise<{text: string, base: string}> {
  try {
    const found = await findConfig(cwd, explicit)
    return found ? {text: found.shown + '\0' + configurationText(found), base: path.dirname(found.absolute)} : {text: 'none', base: cwd}
  } catch (cause) {
    return {text: 'unreadable: ' + String(cause), base: cwd}
  }
}

/**
 * The configuration's text: the whole file, or, in package.json, the `errgen` value alone, so that the project's other
 * fields (a dependency added, the scripts) do not count.
 */
function configurationText(found: FoundConfig): string {
  if (found.at.length === 0) return found.text
  try {
    const value = found.at.reduce<unknown>((object, key) => (object !== null && typeof object === 'object' ? (object as Record<string, unknown>)[key] : undefined), JSON.parse(found.text))
    return JSON.stringify(value)
  } catch {
    return found.text
  }
}

/** A hash of everything the outputs depend on: the bytes given, never read again. */
export async function fingerprint(input: FingerprintInput): Promise<string> {
  const hash = createHash('sha256')
  const documents = input.documents.map((document) => document.path)
  const outputs = [...input.outputs].sort()
  hash.update(JSON.stringify({version: input.version, code: await ownCode(), args: input.args, documents, outputs}))
  for (const [part, text] of input.settings) hash.update('\0' + part + '\0' + Buffer.byteLength(text) + '\0' + text)
  for (const document of input.documents) hash.update('\0' + document.path + '\0' + document.bytes.length + '\0').update(document.bytes)
  return 'sha256-' + hash.digest('hex')
}

/**
 * A hash of errgen's own code, so that a changed generator (without a new version, as while developing it) is never
 * taken for the one that wrote the outputs: the one the build wrote beside the code when it is there and no build
 * came after it, else read from the code itself (the sources, in the tests).
 */
async function ownCode(): Promise<string> {
  const directory = fileURLToPath(codeRoot)
  return builtCodeHash(directory) ?? codeHash(directory)
}

/** The file in which the build keeps the hash of the code it wrote. */
export const codeHashName = 'code-hash.txt'

/** The hash the build wrote; undefined when there is none, or tsc wrote the code again after it (its build info is newer). */
function builtCodeHash(directory: string): string | undefined {
  const written = statSync(path.join(directory, codeHashName), {throwIfNoEntry: false, bigint: true})
  const built = statSync(path.join(directory, 'build.tsbuildinfo'), {throwIfNoEntry: false, bigint: true})
  if (!written || (built && built.mtimeNs > written.mtimeNs)) return undefined
  return readFileSync(path.join(directory, codeHashName), 'utf8').trim()
}

/** The hash of the code in a folder: every module and JSON asset, by name and bytes. */
export function codeHash(directory: string): string {
  const names = readdirSync(directory, {recursive: true, encoding: 'utf8'}).filter((name) => isCode(name)).sort()
  const hash = createHash('sha256')
  // Read synchronously: a hundred small files cost less so than as promises.
  for (const name of names) hash.update(name + '\0').update(readFileSync(path.join(directory, name))).update('\0')
  return hash.digest('hex')
}

/** errgen's code: dist/ when it runs from the build, generator/ when it runs from the sources (the tests). */
const codeRoot = new URL('..', import.meta.url)

/** errgen's package folder, whose package.json lists the libraries it runs with. */
const packageRoot = fileURLToPath(new URL('../..', import.meta.url))

/** Whether a file of errgen's is code that runs (its modules and JSON assets; not declarations). */
function isCode(name: string): boolean {
  return /\.(c?js|ts|json)$/.test(name) && !name.endsWith('.d.ts')
}

/** The hash of an output's content. */
export function contentHash(content: string | Uint8Array): string {
  return 'sha256-' + createHash('sha256').update(content).digest('hex')
}

/** The manifest's text: sorted, LF, no time stamps, so that it is the same on every machine. */
export function manifestText(manifest: Manifest): string {
  const outputs = Object.fromEntries(Object.entries(manifest.outputs).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
  return JSON.stringify({...manifest, outputs}, null, 2) + '\n'
}

/**
 * Whether the manifest in `out` proves the outputs current: the same fingerprint, and every output's bytes as they
 * were written (a hand-edited output is not current).
 *
 * @param out the output directory
 * @param expand the documents the manifest's patterns name now
 * @returns the manifest when the outputs are current
 */
export async function currentManifest(
  out: string,
  input: {readonly version: string, readonly cwd: string, readonly args: ReadonlyArray<string>, readonly config: string | false | undefined},
  expand: (patterns: ReadonlyArray<string>) => Promise<Array<string>>
): Promise<Manifest | undefined> {
  let manifest: Manifest
  try {
    manifest = JSON.parse(String(await readIfExists(path.join(out, manifestName), manifestName)))
  } catch {
    return undefined
  }
  const settings = await snapshotSettings(input.cwd, input.config)
  const paths = await expand(manifest.input)
  if (paths.join('\0') !== manifest.documents.join('\0')) return undefined
  const documents = await Promise.all(paths.map(async (file) => ({path: file, bytes: await readBytes(path.resolve(input.cwd, file), file)})))
  const expected = await fingerprint({version: input.version, args: input.args, settings, documents, outputs: Object.keys(manifest.outputs)})
  if (expected !== manifest.fingerprint) return undefined
  for (const [name, expected] of Object.entries(manifest.outputs)) {
    const bytes = await readIfExists(path.join(out, name), name).catch(() => undefined)
    if (!bytes || contentHash(bytes) !== expected) return undefined
  }
  return manifest
}
