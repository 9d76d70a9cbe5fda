/** files-io: a path in, its bytes out (or undefined when missing), or whether any of some paths exists; failures become IoErrors. */
import {readFile, stat} from 'node:fs/promises'
import {errorCode, ioError} from '../diagnostics/io-error.js'

/**
 * Read a file's bytes.
 *
 * @param shown the path as messages show it
 */
export async function readBytes(file: string, shown: string): Promise<Uint8Array> {
  try {
    return await readFile(file)
  } catch (cause) {
    throw ioError(cause, 'cannot read ' + shown)
  }
}

/**
 * The bytes of a file, or undefined when there is none.
 *
 * @param shown the path as messages show it
 */
export async function readIfExists(file: string, shown: string): Promise<Buffer | undefined> {
  try {
    return await readFile(file)
  } catch (cause) {
    if (errorCode(cause) === 'ENOENT') return undefined
    throw ioError(cause, 'cannot read ' + shown)
  }
}

/** Whether any of the paths exists (a path that cannot be looked at counts as absent). */
export async function anyExists(paths: ReadonlyArray<string>): Promise<boolean> {
  const found = await Promise.all(paths.map((file) => stat(file).then(() => true, () => false)))
  return found.includes(true)
}
