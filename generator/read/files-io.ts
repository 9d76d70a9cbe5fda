/** files-io: a path in, its bytes out (or undefined when missing); failures become IoErrors. */
import {readFile} from 'node:fs/promises'
import {errorCode, ioError} from '../diagnostics/io-error.js'

/**
 * Read a file's bytes.
 *
 * @param {string} file
 * @param {string} shown the path as messages show it
 * @returns {Promise<Uint8Array>}
 */
export async function readBytes(file, shown) {
  try {
    return await readFile(file)
  } catch (cause) {
    throw ioError(cause, 'cannot read ' + shown)
  }
}

/**
 * The bytes of a file, or undefined when there is none.
 *
 * @param {string} file
 * @param {string} shown the path as messages show it
 * @returns {Promise<Buffer | undefined>}
 */
export async function readIfExists(file, shown) {
  try {
    return await readFile(file)
  } catch (cause) {
    if (errorCode(cause) === 'ENOENT') return undefined
    throw ioError(cause, 'cannot read ' + shown)
  }
}
