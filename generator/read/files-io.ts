/** files-io: the one guarded reader — a path in, its bytes out (or undefined when missing), only from a regular file (never a FIFO, a device or a socket, which could block or never end) and up to a size; failures become IoErrors. Every file errgen reads goes through it; and whether a path, its links resolved, stays in a directory. */
import {constants} from 'node:fs'
import {type FileHandle, open, realpath, stat} from 'node:fs/promises'
import path from 'node:path'
import {errorCode, IoError, ioError, isWithin} from '../diagnostics/io-error.js'

/** The largest document errgen reads: 64 MiB, some 500,000 rows (a larger file is almost surely not a document). */
export const largestDocument = 64 * 1024 * 1024

/** The largest other file errgen reads (a configuration, package.json, a lockfile, the manifest, an output read back): 256 MiB. */
export const largestFile = 256 * 1024 * 1024

/**
 * Read a document's bytes: a regular file of at most `largestDocument` bytes.
 *
 * @param shown the path as messages show it
 */
export async function readBytes(file: string, shown: string, limit: number = largestDocument): Promise<Buffer> {
  const bytes = await readIfExists(file, shown, limit)
  if (bytes === undefined) throw new IoError('cannot read ' + shown + ': no such file or directory')
  return bytes
}

/**
 * The bytes of a regular file of at most `limit` bytes, or undefined when there is none. A FIFO, a device, a socket
 * (a link to one too), a directory or a larger file is an IoError, and is never read past the limit: the file is
 * opened without blocking and its type checked on the open handle, so that nothing swapped in between is read.
 *
 * @param shown the path as messages show it
 */
export async function readIfExists(file: string, shown: string, limit: number = largestFile): Promise<Buffer | undefined> {
  let handle: FileHandle
  try {
    handle = await open(file, constants.O_RDONLY | constants.O_NONBLOCK)
  } catch (cause) {
    if (errorCode(cause) === 'ENOENT') return undefined
    throw ioError(cause, 'cannot read ' + shown)
  }
  try {
    return await readRegular(handle, shown, limit)
  } finally {
    await handle.close().catch(() => undefined)
  }
}

/** Read an open file: a regular file, at most `limit` bytes (one more is read to tell when it grew past it). */
async function readRegular(handle: FileHandle, shown: string, limit: number): Promise<Buffer> {
  const info = await handle.stat().catch((cause: unknown) => {
    throw ioError(cause, 'cannot read ' + shown)
  })
  if (info.isDirectory()) throw new IoError('cannot read ' + shown + ': it is a directory')
  if (!info.isFile()) throw new IoError('cannot read ' + shown + ': it is not a regular file (a FIFO, a device or a socket)')
  if (info.size > limit) throw tooLarge(shown, info.size, limit)
  const chunks: Array<Buffer> = []
  let total = 0
  for (;;) {
    const chunk = Buffer.alloc(Math.min(Math.max(info.size - total, 64 * 1024), limit + 1 - total))
    const {bytesRead} = await handle.read(chunk, 0, chunk.length, null).catch((cause: unknown) => {
      throw ioError(cause, 'cannot read ' + shown)
    })
    if (bytesRead === 0) break
    chunks.push(chunk.subarray(0, bytesRead))
    total += bytesRead
    if (total > limit) throw tooLarge(shown, total, limit)
  }
  // A file read in one chunk (its size known, as it mostly is) is that chunk: not copied again, which held a large file twice.
  const [only] = chunks
  return chunks.length === 1 && only ? only : Buffer.concat(chunks, total)
}

function tooLarge(shown: string, size: number, limit: number): IoError {
  const what = limit === largestDocument ? ' errgen reads in a document' : ' errgen reads in a file'
  return new IoError('cannot read ' + shown + ': it has ' + megabytes(size) + ', more than the ' + megabytes(limit) + what)
}

/** `64 MiB`, `600.0 MiB` */
function megabytes(bytes: number): string {
  const mebibytes = bytes / (1024 * 1024)
  return (Number.isInteger(mebibytes) ? String(mebibytes) : mebibytes.toFixed(1)) + ' MiB'
}

/** Whether any of the paths exists (a path that cannot be looked at counts as absent). */
export async function anyExists(paths: ReadonlyArray<string>): Promise<boolean> {
  const found = await Promise.all(paths.map((file) => stat(file).then(() => true, () => false)))
  return found.includes(true)
}

/**
 * A path with every symbolic link on it resolved, also when it does not exist yet: the real path of its deepest
 * existing ancestor, and the rest of it as written.
 */
export async function realPathOf(file: string): Promise<string> {
  const absolute = path.resolve(file)
  const missing: Array<string> = []
  for (let current = absolute; ; current = path.dirname(current)) {
    try {
      return path.join(await realpath(current), ...missing.reverse())
    } catch {
      if (path.dirname(current) === current) return absolute
      missing.push(path.basename(current))
    }
  }
}

/** Whether a path, its links resolved, is in one of the directories (their links resolved too). */
export async function isReallyWithin(file: string, directories: ReadonlyArray<string>): Promise<boolean> {
  const real = await realPathOf(file)
  const reals = await Promise.all(directories.map((directory) => realPathOf(directory)))
  return reals.some((directory) => isWithin(real, directory))
}
