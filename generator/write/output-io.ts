/** output-io: the output directory and the generated files in, the files written atomically (all or none) out. */
import type {Stats} from 'node:fs'
import {chmod, mkdir, rename, rm, stat, utimes, writeFile} from 'node:fs/promises'
import path from 'node:path'
import {errorCode, IoError, ioError} from '../diagnostics/io-error.js'
import {readIfExists} from '../read/files-io.js'

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

/**
 * Write files atomically, all or none: each goes to a temporary file in the same directory, and only when all are
 * written are they renamed over the old ones. When a write or a rename fails, the temporary files are removed and
 * the files already renamed get their earlier bytes, mode and times back (or are removed when they are new).
 *
 * @param shown the directory as messages show it
 */
export async function writeAtomically(directory: string, files: ReadonlyArray<{name: string, text: string}>, shown: string): Promise<void> {
  const targets = files.map((file) => path.join(directory, file.name))
  const temporary = targets.map((target) => temporaryName(target))
  const earlier = await Promise.all(
    files.map((file, index) => readEarlier(targets[index] as string, shown + '/' + file.name))
  )
  let renamed = 0
  try {
    await Promise.all(files.map((file, index) => writeFile(temporary[index] as string, file.text)))
    for (; renamed < files.length; renamed++) {
      await rename(temporary[renamed] as string, targets[renamed] as string)
    }
  } catch (cause) {
    await Promise.all(temporary.slice(renamed).map((file) => rm(file, {force: true}).catch(() => undefined)))
    const lost = await restoreAll(targets.slice(0, renamed), earlier)
    const unrestored = lost.map((target) => shown + '/' + path.basename(target))
    throw ioError(cause, 'cannot write to ' + shown, unrestored.length > 0 ? '; could not restore ' + unrestored.join(', ') : '')
  }
}

/** A file's bytes and status before it is replaced, to put it back if the write fails; undefined when there is none. */
async function readEarlier(target: string, shown: string): Promise<Earlier | undefined> {
  const bytes = await readIfExists(target, shown)
  if (!bytes) return undefined
  try {
    return {bytes, status: await stat(target)}
  } catch (cause) {
    throw ioError(cause, 'cannot read ' + shown)
  }
}

/** A temporary file next to `target`, in the same directory so that renaming it is atomic. */
function temporaryName(target: string): string {
  return path.join(path.dirname(target), '.' + path.basename(target) + '.' + process.pid + '.tmp')
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
  try {
    if (!earlier) {
      await rm(target, {force: true})
      return true
    }
    const temporary = temporaryName(target)
    await writeFile(temporary, earlier.bytes)
    await chmod(temporary, earlier.status.mode & 0o7777)
    await utimes(temporary, earlier.status.atime, earlier.status.mtime)
    await rename(temporary, target)
    return true
  } catch {
    await rm(temporaryName(target), {force: true}).catch(() => undefined)
    return false
  }
}
