/** files-io: a path in, its bytes out (or undefined when missing), or whether any of some paths exists; only regular files are read, documents up to a size, and failures become IoErrors. */
import {readFile, stat} from 'node:fs/promises'
import {errorCode, IoError, ioError} from '../diagnostics/io-error.js'

/** The largest document errgen reads: 64 MiB, some 500,000 rows (a larger file is almost surely not a document). */
const largestDocument = 64 * 1024 * 1024

/**
 * Read a document's bytes: a regular file (not a FIFO or a device, which could block or never end) of at most
 * `largestDocument` bytes.
 *
 * @param shown the path as messages show it
 */
export async function readBytes(file: string, shown: string): Promise<Uint8Array> {
  try {
    const size = await regularFileSize(file, shown)
    if (size !== undefined && size > largestDocument) {
      throw new IoError('cannot read ' + shown + ': it has ' + megabytes(size) + ', more than the ' + megabytes(largestDocument) + ' errgen reads in a document')
    }
    return await readFile(file)
  } catch (cause) {
    if (cause instanceof IoError) throw cause
    throw ioError(cause, 'cannot read ' + shown)
  }
}

/**
 * The bytes of a file, or undefined when there is none; a FIFO, a device or a socket is an IoError, never read.
 *
 * @param shown the path as messages show it
 */
export async function readIfExists(file: string, shown: string): Promise<Buffer | undefined> {
  try {
    await regularFileSize(file, shown)
    return await readFile(file)
  } catch (cause) {
    if (errorCode(cause) === 'ENOENT') return undefined
    if (cause instanceof IoError) throw cause
    throw ioError(cause, 'cannot read ' + shown)
  }
}

/**
 * The size of a regular file; undefined for a directory (reading it gives its own error). Anything else that is
 * not a regular file is an IoError; a missing file rejects with the file system's ENOENT.
 */
async function regularFileSize(file: string, shown: string): Promise<number | undefined> {
  const info = await stat(file).catch((cause: unknown) => {
    if (errorCode(cause) === 'ENOENT') throw cause
    throw ioError(cause, 'cannot read ' + shown)
  })
  if (info.isDirectory()) return undefined
  if (!info.isFile()) throw new IoError('cannot read ' + shown + ': it is not a regular file (a FIFO, a device or a socket)')
  return info.size
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
