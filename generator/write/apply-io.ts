/** apply-io: the generated files and the output directory in, which outputs differ from the disk out, and the changed ones written with the manifest (all or none) — the write path the CLI's `--check` branches off. */
import {type FileHandle, open, stat} from 'node:fs/promises'
import path from 'node:path'
import {errorCode, ioError} from '../diagnostics/io-error.js'
import {readIfExists} from '../read/files-io.js'
import type {GeneratedFile, StoredReport} from '../types.js'
import {isGenerated, markerBytes, refuseForeignFiles} from './foreign.js'
import {contentHash, type DocumentBytes, fingerprint, manifestName, manifestText, type SettingsSnapshot} from './manifest-io.js'
import {encoded, ensureDirectory, removeFiles, writeAtomically} from './output-io.js'
import {lockOutputDirectory} from './lock-io.js'
import type {WrittenFiles} from '../contract/written-io.js'

/** An output whose bytes differ from the file on disk. */
export interface Changed {
  readonly file: GeneratedFile
  /** The bytes on disk (their first lines only when read for a write: see `readOnDisk`); undefined when the file is missing. */
  readonly current: Buffer | undefined
}

/** A run's outputs, and what their manifest records. */
export interface Generated {
  readonly cwd: string
  /** The output directory, absolute, and as messages show it. */
  readonly out: string
  readonly shownOut: string
  readonly files: ReadonlyArray<GeneratedFile>
  /** The configured input patterns, and the documents they named with the bytes that were parsed. */
  readonly input: ReadonlyArray<string>
  readonly documents: ReadonlyArray<DocumentBytes>
  /** The configuration and the libraries' versions, as read before the configuration. */
  readonly settings: SettingsSnapshot
  /** The run's files with their warnings, for a run answered from the manifest to print again. */
  readonly warnings: ReadonlyArray<StoredReport>
  /** Those warnings as `--format stylish` prints them without colors. */
  readonly stylish: string
  readonly codes: number
  /** errgen's version and the flags that decide the outputs, for the fingerprint. */
  readonly version: string
  readonly args: ReadonlyArray<string>
}

/** The output directory as a run finds it, read once: what to write, what to remove, and the earlier manifest. */
export interface OnDisk {
  /** The outputs whose bytes differ from the files on disk. */
  readonly changed: ReadonlyArray<Changed>
  /** Outputs an earlier run generated and this one no longer does. */
  readonly abandoned: ReadonlyArray<string>
  /** The manifest there now; undefined when there is none. */
  readonly manifest: Buffer | undefined
}

/**
 * Compare the outputs with the output directory, one output at a time.
 *
 * @param whole keep the whole bytes on disk of each changed output (`--check`, which shows a diff); otherwise only
 *   their first lines are kept, where the generated-file marker stands, so that a run does not hold every output
 *   twice (a 100,000-code OpenAPI document is 137 MB)
 * @param written the files a `--watch` session wrote: one unchanged on disk is not read again
 */
export async function readOnDisk(generated: Generated, whole = true, written?: WrittenFiles): Promise<OnDisk> {
  const manifest = await readIfExists(path.join(generated.out, manifestName), generated.shownOut + '/' + manifestName)
  const [changed, abandoned] = await Promise.all([changedFiles(generated, whole, written), abandonedOutputs(generated, manifest)])
  return {changed, abandoned, manifest}
}

/**
 * The outputs whose bytes differ from the files on disk, each read and compared before the next is read; for a
 * write, a regular file whose size differs is not read past its first lines.
 */
async function changedFiles(generated: Generated, whole: boolean, written: WrittenFiles | undefined): Promise<Array<Changed>> {
  const changed: Array<Changed> = []
  for (const file of generated.files) {
    const shown = generated.shownOut + '/' + file.name
    const kept = await written?.bytes(file.path)
    const info = whole || kept ? undefined : await stat(file.path).catch(() => undefined)
    if (info?.isFile() && info.size !== encoded(file).length) {
      changed.push({file, current: await readHead(file.path, shown)})
      continue
    }
    const current = kept ?? (await readIfExists(file.path, shown))
    if (!current || !current.equals(encoded(file))) changed.push({file, current: !current || whole ? current : Buffer.from(current.subarray(0, markerBytes))})
  }
  return changed
}

/** A file's first bytes, where errgen's marker stands; undefined when it is gone. */
async function readHead(file: string, shown: string): Promise<Buffer | undefined> {
  let handle: FileHandle
  try {
    handle = await open(file, 'r')
  } catch (cause) {
    if (errorCode(cause) === 'ENOENT') return undefined
    throw ioError(cause, 'cannot read ' + shown)
  }
  try {
    const head = Buffer.alloc(markerBytes)
    const {bytesRead} = await handle.read(head, 0, markerBytes, 0)
    return head.subarray(0, bytesRead)
  } catch (cause) {
    throw ioError(cause, 'cannot read ' + shown)
  } finally {
    await handle.close().catch(() => undefined)
  }
}

/**
 * The outputs of an earlier run that this one no longer generates (an output turned off, an input renamed): those
 * the earlier manifest lists that still exist and still carry errgen's marker.
 */
async function abandonedOutputs(generated: Generated, manifest: Buffer | undefined): Promise<Array<string>> {
  const now = new Set(generated.files.map((file) => file.name))
  const earlier = Object.keys(outputsOf(manifest)).filter((name) => isPlainName(name) && !now.has(name)).sort()
  const found = await Promise.all(
    earlier.map(async (name) => {
      const bytes = await readIfExists(path.join(generated.out, name), generated.shownOut + '/' + name)
      return bytes && isGenerated(bytes) ? [name] : []
    })
  )
  return found.flat()
}

/** The outputs a manifest lists; none when it is missing or not one. */
function outputsOf(manifest: Buffer | undefined): Record<string, unknown> {
  try {
    const value: unknown = manifest && JSON.parse(manifest.toString('utf8'))
    const outputs = value !== null && typeof value === 'object' && 'outputs' in value ? value.outputs : undefined
    return outputs !== null && typeof outputs === 'object' ? (outputs as Record<string, unknown>) : {}
  } catch {
    return {}
  }
}

/** A file name in the output directory itself (a manifest edited by hand cannot point elsewhere). */
function isPlainName(name: string): boolean {
  return /^[^/\\]+$/.test(name) && name !== '.' && name !== '..' && name !== manifestName
}

/**
 * Write the changed outputs and the manifest, all or none, then remove the abandoned outputs; refuse to replace a
 * file errgen did not generate.
 *
 * @param force replace such files too
 * @param written the files a `--watch` session wrote, told each file written
 */
export async function writeChanged(disk: OnDisk, generated: Generated, force: boolean, written?: WrittenFiles): Promise<void> {
  if (!force) refuseForeignFiles(disk.changed, generated.shownOut)
  const manifest = await manifestFile(generated, disk.manifest)
  const writes = [...disk.changed.map(({file}) => file), ...(manifest ? [manifest] : [])]
  if (writes.length > 0) {
    await ensureDirectory(generated.out, generated.shownOut)
    await writeAtomically(generated.out, writes, generated.shownOut, written)
  }
  await removeFiles(generated.out, disk.abandoned, generated.shownOut)
}

/**
 * Compare the outputs with the output directory and write the changed ones, holding the directory's lock (a check never
 * takes it).
 *
 * @param written the files a `--watch` session wrote
 */
export async function writeLocked(generated: Generated, force: boolean, written: WrittenFiles | undefined): Promise<OnDisk> {
  const release = await lockOutputDirectory(generated.out, generated.shownOut)
  try {
    // The changed outputs' first lines only: what refusing a file errgen did not write needs.
    const disk = await readOnDisk(generated, false, written)
    await writeChanged(disk, generated, force, written)
    return disk
  } finally {
    await release()
  }
}

/**
 * The manifest that lets the next run prove the outputs current without generating them; undefined when the one in
 * the output directory (`current`) is already right.
 */
async function manifestFile(generated: Generated, current: Buffer | undefined): Promise<{name: string, text: string} | undefined> {
  const text = manifestText({
    generatedBy: 'errgen',
    fingerprint: await fingerprint({
      version: generated.version,
      args: generated.args,
      settings: generated.settings,
      documents: generated.documents,
      outputs: generated.files.map((file) => file.name)
    }),
    input: [...generated.input],
    documents: generated.documents.map((document) => document.path),
    codes: generated.codes,
    outputs: Object.fromEntries(generated.files.map((file) => [file.name, contentHash(encoded(file))])),
    ...(generated.warnings.length === 0 ? {} : {warnings: generated.warnings, stylish: generated.stylish})
  })
  return current?.toString('utf8') === text ? undefined : {name: manifestName, text}
}
