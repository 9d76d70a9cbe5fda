/** manifest-io: the working directory, arguments and files in, the proof that the outputs are current out — errgen's version, the configuration and documents' bytes and the outputs' hashes, kept in a manifest in the output directory, so that an up-to-date run loads neither remark nor ts-morph. */
import {createHash} from 'node:crypto'
import {readdir, readFile} from 'node:fs/promises'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import type {Manifest} from '../types.js'

/** The manifest's file name in the output directory. */
export const manifestName = '.errgen-manifest.json'

/**
 * The files whose bytes, besides the documents', decide the outputs: the configuration, package.json (its version
 * is OpenAPI's), and the lockfile (it pins the libraries that write the outputs).
 */
const settingsFiles = ['errgen.config.json', 'package.json', 'package-lock.json']

/** What the fingerprint covers besides errgen's own code. */
export interface FingerprintInput {
  /** errgen's version. */
  readonly version: string
  readonly cwd: string
  /** The flags that decide the outputs, as given. */
  readonly args: ReadonlyArray<string>
  /** The documents read, relative to the working directory. */
  readonly documents: ReadonlyArray<string>
}

/** A hash of everything the outputs depend on. */
export async function fingerprint(input: FingerprintInput): Promise<string> {
  const hash = createHash('sha256')
  hash.update(JSON.stringify({version: input.version, code: await ownCode(), args: input.args, documents: input.documents}))
  for (const file of [...settingsFiles, ...input.documents]) {
    const bytes = await readFile(path.resolve(input.cwd, file)).catch(() => undefined)
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
export async function currentManifest(out: string, input: Omit<FingerprintInput, 'documents'>, expand: (patterns: ReadonlyArray<string>) => Promise<Array<string>>): Promise<Manifest | undefined> {
  let manifest: Manifest
  try {
    manifest = JSON.parse(await readFile(path.join(out, manifestName), 'utf8'))
  } catch {
    return undefined
  }
  const documents = await expand(manifest.input)
  if (documents.join('\0') !== manifest.documents.join('\0')) return undefined
  if ((await fingerprint({...input, documents})) !== manifest.fingerprint) return undefined
  for (const [name, expected] of Object.entries(manifest.outputs)) {
    const bytes = await readFile(path.join(out, name)).catch(() => undefined)
    if (!bytes || contentHash(bytes) !== expected) return undefined
  }
  return manifest
}
