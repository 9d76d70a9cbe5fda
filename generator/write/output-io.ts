/** output-io: the output directory and the generated files in, the files written atomically (all or none) out. */
import {randomBytes} from 'node:crypto'
import {rmSync, type Stats} from 'node:fs'
import {chmod, mkdir, readdir, rename, rm, stat, utimes, writeFile} from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import picomatch from 'picomatch'
import {errorCode, IoError, ioError} from '../diagnostics/io-error.js'
import {bytesOf, readingsOf} from '../emit/encoded.js'
import type {WrittenFiles} from '../contract/written-io.js'
import {isReallyWithin, readIfExists, realPathOf} from '../read/files-io.js'
import {isWithin} from '../diagnostics/io-error.js'

/**
 * Refuse an output directory outside the project (the working directory, the configuration's directory, and the
 * repository that holds the working directory): one written so (`/`, `../..`), a filesystem root or a home directory
 * that only the repository holds, or one that is a symbolic link, or is reached through one, to a place outside it.
 *
 * @param own the working directory and the configuration's
 * @param repository the repository that holds the working directory, and how messages show it; undefined for none
 */
export async function refuseOutside(out: string, shown: string, own: ReadonlyArray<string>, repository?: {readonly directory: string, readonly shown: string}): Promise<void> {
  const project = repository ? [...own, repository.directory] : own
  const where = repository === undefined ? 'it is outside the working directory and the configuration\'s' : 'it is outside the working directory, the configuration\'s and the repository that holds them (' + repository.shown + ')'
  if (!project.some((directory) => isWithin(out, directory))) throw outside(shown, where)
  if (!own.some((directory) => isWithin(out, directory))) {
    if (out === path.parse(out).root) throw outside(shown, 'it is a filesystem root')
    if (isHomeDirectory(out)) throw outside(shown, 'it is a home directory')
  }
  if (!(await isReallyWithin(out, project))) throw outside(shown, 'it is a symbolic link, or is reached through one, to ' + (await realPathOf(out)) + ': ' + where)
}

/** Whether a directory is a home directory: this user's, or one in /home or /Users. */
function isHomeDirectory(directory: string): boolean {
  const parent = path.dirname(directory)
  return directory === os.homedir() || ((parent === '/home' || parent === '/Users') && directory !== parent)
}

/**
 * The repository that holds the working directory: the nearest directory at or above it with `.git` (a directory,
 * or the file of a worktree), else the nearest whose package.json `workspaces` names a package the working
 * directory is in (npm, yarn, bun); undefined for none.
 */
export async function repositoryOf(cwd: string): Promise<string | undefined> {
  let workspaceRoot: string | undefined
  for (let directory = cwd; ; directory = path.dirname(directory)) {
    if (await exists(path.join(directory, '.git'))) return directory
    if (workspaceRoot === undefined && (await namesWorkspace(directory, cwd))) workspaceRoot = directory
    if (directory === path.dirname(directory)) return workspaceRoot
  }
}

/** Whether the package.json of `root` has `workspaces` that name a package at or above `cwd`. */
async function namesWorkspace(root: string, cwd: string): Promise<boolean> {
  const text = await readIfExists(path.join(root, 'package.json'), 'package.json').catch(() => undefined)
  let workspaces: unknown
  try {
    const manifest: unknown = JSON.parse(String(text))
    workspaces = manifest !== null && typeof manifest === 'object' && 'workspaces' in manifest ? manifest.workspaces : undefined
  } catch {
    return false
  }
  const patterns = Array.isArray(workspaces) ? workspaces : workspaces !== null && typeof workspaces === 'object' && 'packages' in workspaces ? workspaces.packages : []
  const globs = (Array.isArray(patterns) ? patterns : []).filter((pattern): pattern is string => typeof pattern === 'string')
  if (globs.length === 0 || cwd === root || !isWithin(cwd, root)) return false
  const matches = picomatch(globs.map((pattern) => pattern.replace(/^\.\//, '').replace(/\/+$/, '')))
  for (let directory = cwd; directory !== root; directory = path.dirname(directory)) {
    if (matches(path.relative(root, directory).split(path.sep).join('/'))) return true
  }
  return false
}

async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    () => false
  )
}

function outside(shown: string, why: string): IoError {
  return new IoError('refusing to use ' + shown + ' as the output directory: ' + why + '; pass --allow-outside to use it')
}

/** Fail early when the output directory exists but is not a directory (it is created when first written). */
export async function checkOutputDirectory(directory: string, shown: string): Promise<void> {
  try {
    const info = await stat(directory)
    if (!info.isDirectory()) throw new IoError('cannot use ' + shown + ' as the output directory: it is not a directory')
  } catch (cause) {
    if (cause instanceof IoError) throw cause
    if (errorCode(cause) !== 'ENOENT') throw ioError(cause, 'cannot use ' + shown + ' as the output directory')
  }
}

/** Create the output directory when missing. */
export async function ensureDirectory(directory: string, shown: string): Promise<void> {
  try {
    await mkdir(directory, {recursive: true})
  } catch (cause) {
    throw ioError(cause, 'cannot create ' + shown)
  }
}

/** An output about to be written, and what it replaces. */
export interface Change {
  /** What to write. */
  file: {name: string}
  /** The bytes on disk now, undefined when there is no such file. */
  current: Buffer | undefined
}

/** A file as it was before a write replaced it. */
interface Earlier {
  bytes: Buffer
  status: Stats
}

/** Remove files of the output directory (outputs errgen no longer generates). */
export async function removeFiles(directory: string, names: ReadonlyArray<string>, shown: string): Promise<void> {
  for (const name of names) {
    await rm(path.join(directory, name), {force: true}).catch((cause: unknown) => {
      throw ioError(cause, 'cannot remove ' + shown + '/' + name)
    })
  }
}

/**
 * Write files atomically, all or none: each goes to a temporary file in the same directory (with the mode of the
 * file it replaces), and only when all are written are they renamed over the old ones. When a write or a rename fails, the temporary files are removed and
 * the files already renamed get their earlier bytes, mode and times back (or are removed when they are new).
 *
 * @param shown the directory as messages show it
 * @param written the files a `--watch` session wrote: an earlier file it wrote and that is unchanged is not read
 *   again, and each file written is remembered
 */
export async function writeAtomically(directory: string, files: ReadonlyArray<{name: string, text: string}>, shown: string, written?: WrittenFiles): Promise<void> {
  await removeDeadTemporaries(directory, files.map((file) => file.name))
  const targets = files.map((file) => path.join(directory, file.name))
  const temporary = targets.map((target) => temporaryName(target))
  const earlier = await Promise.all(
    files.map((file, index) => readEarlier(targets[index] as string, shown + '/' + file.name, written))
  )
  let renamed = 0
  const release = removeOnSignal(temporary)
  try {
    await Promise.all(files.map((file, index) => writeTemporary(temporary[index] as string, encoded(file), earlier[index])))
    for (; renamed < files.length; renamed++) {
      written?.forget(targets[renamed] as string)
      await rename(temporary[renamed] as string, targets[renamed] as string)
    }
    release()
    if (written) await Promise.all(files.map((file, index) => written.remember(targets[index] as string, encoded(file), readingsOf(file))))
  } catch (cause) {
    release()
    await Promise.all(temporary.slice(renamed).map((file) => rm(file, {force: true}).catch(() => undefined)))
    const lost = await restoreAll(targets.slice(0, renamed), earlier)
    const unrestored = lost.map((target) => shown + '/' + path.basename(target))
    throw ioError(cause, 'cannot write to ' + shown, unrestored.length > 0 ? '; could not restore ' + unrestored.join(', ') : '')
  }
}

/** The signals that end a process and that it can clean up after: Ctrl-C, `kill`, a closed terminal. */
const endingSignals: ReadonlyArray<NodeJS.Signals> = ['SIGINT', 'SIGTERM', 'SIGHUP']

/**
 * While temporary files exist, a signal that would end the process removes them first, then ends it as the signal
 * would have (a run killed mid-write leaves no temporary copy beside the files it writes); the function returned stops
 * this. A process killed with SIGKILL cannot clean up: the next write beside those files removes what it left.
 */
function removeOnSignal(files: ReadonlyArray<string>): () => void {
  const handler = (signal: NodeJS.Signals): void => {
    release()
    for (const file of files) rmSync(file, {force: true})
    process.kill(process.pid, signal)
  }
  const release = (): void => {
    for (const signal of endingSignals) process.removeListener(signal, handler)
  }
  for (const signal of endingSignals) process.once(signal, handler)
  return release
}

/** Each output's bytes, encoded once for comparing, hashing and writing (an output of 20,000 codes is 28 MB). */
const encodedFiles = new WeakMap<object, Buffer>()

/** A file's text as UTF-8 bytes: those of an output encoded as it was emitted, or encoded on the first call for that file object only. */
export function encoded(file: {readonly text: string}): Buffer {
  let bytes = bytesOf(file) ?? encodedFiles.get(file)
  if (!bytes) {
    bytes = Buffer.from(file.text, 'utf8')
    encodedFiles.set(file, bytes)
  }
  return bytes
}

/** Write a new temporary file, exclusively; it takes the mode of the file it will replace, so that an output keeps its mode. */
async function writeTemporary(temporary: string, bytes: Buffer, earlier: Earlier | undefined): Promise<void> {
  await writeFile(temporary, bytes, {flag: 'wx'})
  if (earlier) await chmod(temporary, earlier.status.mode & 0o7777)
}

/** A file's bytes and status before it is replaced, to put it back if the write fails; undefined when there is none. */
async function readEarlier(target: string, shown: string, written: WrittenFiles | undefined): Promise<Earlier | undefined> {
  const bytes = (await written?.bytes(target)) ?? (await readIfExists(target, shown))
  if (!bytes) return undefined
  try {
    return {bytes, status: await stat(target)}
  } catch (cause) {
    throw ioError(cause, 'cannot read ' + shown)
  }
}

/**
 * A new temporary file name next to `target`, in the same directory so that renaming it is atomic: random, and
 * created exclusively (`wx`), so that nothing planted at a predictable name (a link) is ever written through.
 */
function temporaryName(target: string): string {
  const unique = process.pid + '.' + randomBytes(6).toString('hex')
  return path.join(path.dirname(target), '.' + path.basename(target) + '.' + unique + '.tmp')
}

/** A temporary file of errgen's: `.<name>.<pid>.<random>.tmp` (or `.<name>.<pid>.tmp`, as earlier versions named them). */
const temporaryPattern = /^\.(.+)\.(\d+)(?:\.[0-9a-f]{12})?\.tmp$/

/**
 * Remove the temporary files that runs killed before they finished left beside these outputs: those whose process
 * is gone. A live run's (another errgen writing at the same time) are left alone.
 */
async function removeDeadTemporaries(directory: string, names: ReadonlyArray<string>): Promise<void> {
  const entries = await readdir(directory).catch(() => [])
  const stale = entries.filter((entry) => {
    const [, name, pid] = temporaryPattern.exec(entry) ?? []
    return name !== undefined && names.includes(name) && !isAlive(Number(pid))
  })
  await Promise.all(stale.map((entry) => rm(path.join(directory, entry), {force: true}).catch(() => undefined)))
}

/** Whether a process runs with this id (one of another user's counts). */
function isAlive(pid: number): boolean {
  if (pid === process.pid) return true
  try {
    process.kill(pid, 0)
    return true
  } catch (cause) {
    return errorCode(cause) === 'EPERM'
  }
}

/**
 * Put back the files a failed write replaced; those that could not be put back.
 *
 * @param targets the files already renamed into place
 * @param earlier each file as it was before
 */
async function restoreAll(targets: ReadonlyArray<string>, earlier: ReadonlyArray<Earlier | undefined>): Promise<Array<string>> {
  const restored = await Promise.all(targets.map((target, index) => restore(target, earlier[index])))
  return targets.filter((_, index) => !restored[index])
}

/**
 * Put one file back as it was (atomically, through a temporary file), or remove it when it did not exist.
 *
 * @returns whether it worked
 */
async function restore(target: string, earlier: Earlier | undefined): Promise<boolean> {
  const temporary = temporaryName(target)
  try {
    if (!earlier) {
      await rm(target, {force: true})
      return true
    }
    await writeFile(temporary, earlier.bytes, {flag: 'wx'})
    await chmod(temporary, earlier.status.mode & 0o7777)
    await utimes(temporary, earlier.status.atime, earlier.status.mtime)
    await rename(temporary, target)
    return true
  } catch {
    await rm(temporary, {force: true}).catch(() => undefined)
    return false
  }
}
