/** manifest-io: the working directory, arguments and files in, the proof that the outputs are current out — errgen's version, the settings, lockfiles and documents' bytes (exactly those a run read) and the outputs' names and hashes, kept in a manifest in the output directory, so that an up-to-date run loads neither remark nor ts-morph. */
import {createHash} from 'node:crypto'
import {readdir, readFile} from 'node:fs/promises'
import {readBytes, readIfExists} from '../read/files-io.js'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {manifestName} from '../config/settings/output-names.js'
import type {Manifest} from '../types.js'

export {manifestName}

/** The files of the working directory whose bytes, besides the documents', decide the outputs: the configuration, and package.json (its version is OpenAPI's). */
const settingsFiles = ['errgen.config.json', 'package.json']

/**
 * The lockfiles that pin the libraries that write the outputs, of every package manager; they are looked for in the
 * working directory and every directory above it (a workspace keeps its lockfile at its root).
 */
const lockfileNames = ['package-lock.json', 'npm-shrinkwrap.json', 'yarn.lock', 'pnpm-lock.yaml', 'bun.lock', 'bun.lockb']

/** The settings files and lockfiles as read at one moment: each path with its bytes, or undefined when absent. */
export type SettingsSnapshot = ReadonlyArray<readonly [string, Uint8Array | undefined]>

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
  /** The settings files and lockfiles, read before the configuration was. */
  readonly settings: SettingsSnapshot
  /** The documents, with exactly the bytes that were parsed. */
  readonly documents: ReadonlyArray<DocumentBytes>
  /** The names of the outputs, so that a manifest whose list was cut is not current. */
  readonly outputs: ReadonlyArray<string>
}

/**
 * Read the settings files and lockfiles once. A run takes this before it reads its configuration, so that a file
 * changed during the run makes the manifest it writes stale rather than wrongly current.
 */
export async function snapshotSettings(cwd: string): Promise<SettingsSnapshot> {
  const files = [...settingsFiles.map((name) => path.join(cwd, name)), ...lockfilesAbove(cwd)]
  return Promise.all(files.map(async (file) => [displaySettingsPath(file, cwd), await readIfExists(file, file).catch(() => undefined)] as const))
}

/** Every lockfile name in the directory and in each directory above it. */
function lockfilesAbove(cwd: string): Array<string> {
  const files: Array<string> = []
  for (let directory = path.resolve(cwd); ; directory = path.dirname(directory)) {
    files.push(...lockfileNames.map((name) => path.join(directory, name)))
    if (path.dirname(directory) === directory) return files
  }
}

/** A settings file as the fingerprint names it: relative to the working directory, with `/`. */
function displaySettingsPath(file: string, cwd: string): string {
  return path.relative(cwd, file).split(path.sep).join('/')
}

/** A hash of everything the outputs depend on: the bytes given, never read again. */
export async function fingerprint(input: FingerprintInput): Promise<string> {
  const hash = createHash('sha256')
  const documents = input.documents.map((document) => document.path)
  const outputs = [...input.outputs].sort()
  hash.update(JSON.stringify({version: input.version, code: await ownCode(), args: input.args, documents, outputs}))
  for (const [file, bytes] of [...input.settings, ...input.documents.map((document) => [document.path, document.bytes] as const)]) {
    hash.update('\0' + file + '\0' + (bytes ? bytes.length + '\0' : 'absent\0'))
    if (bytes) hash.update(bytes)
  }
  return 'sha256-' + hash.digest('hex')
}

/**
 * A hash of errgen's own code, so that a changed generator (without a new version, as while developing it) is never
 * taken for the one that wrote the outputs.
 */
async function ownCode(): Promise<string> {
  const directory = fileURLToPath(codeRoot)
  const names = (await readdir(directory, {recursive: true})).filter((name) => isCode(name)).sort()
  const hash = createHash('sha256')
  for (const name of names) hash.update(name + '\0').update(await readFile(path.join(directory, name))).update('\0')
  return hash.digest('hex')
}

/** errgen's code: dist/ when it runs from the build, generator/ when it runs from the sources (the tests). */
const codeRoot = new URL('..', import.meta.url)

/** Whether a file of errgen's is code that runs (its modules and JSON assets; not declarations). */
function isCode(name: string): boolean {
  return /\.(js|ts|json)$/.test(name) && !name.endsWith('.d.ts')
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
  input: {readonly version: string, readonly cwd: string, readonly args: ReadonlyArray<string>},
  expand: (patterns: ReadonlyArray<string>) => Promise<Array<string>>
): Promise<Manifest | undefined> {
  let manifest: Manifest
  try {
    manifest = JSON.parse(String(await readIfExists(path.join(out, manifestName), manifestName)))
  } catch {
    return undefined
  }
  const settings = await snapshotSettings(input.cwd)
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
