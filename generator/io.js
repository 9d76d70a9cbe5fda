/** io: the file system for the spine — documents read and decoded, outputs compared and written atomically. */
import {mkdir, readFile, rename, rm, stat, writeFile} from 'node:fs/promises'
import path from 'node:path'

/** An I/O problem the CLI reports in one line with exit code 2. */
export class IoError extends Error {
  /** @override */
  name = 'IoError'
}

/** Plain words for the errors of the file system. */
const reasons = new Map([
  ['ENOENT', 'no such file or directory'],
  ['EISDIR', 'it is a directory'],
  ['ENOTDIR', 'a parent is not a directory'],
  ['EACCES', 'permission denied'],
  ['EPERM', 'operation not permitted'],
  ['EROFS', 'read-only file system'],
  ['ENOSPC', 'no space left on device']
])

/**
 * Wrap a file-system error as an IoError that names the file and what was being done.
 *
 * @param {unknown} cause
 * @param {string} doing what failed: `cannot read input/x.md`
 * @returns {IoError}
 */
export function ioError(cause, doing) {
  const why = reasons.get(errorCode(cause)) || (cause instanceof Error ? cause.message : String(cause))
  return new IoError(doing + ': ' + why, {cause})
}

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

/**
 * Fail early when the output directory exists but is not a directory (it is created when first written).
 *
 * @param {string} directory
 * @param {string} shown
 */
export async function checkOutputDirectory(directory, shown) {
  try {
    const info = await stat(directory)
    if (!info.isDirectory()) throw new IoError('cannot use ' + shown + ' as the output directory: it is not a directory')
  } catch (cause) {
    if (cause instanceof IoError) throw cause
    if (errorCode(cause) !== 'ENOENT') throw ioError(cause, 'cannot use ' + shown + ' as the output directory')
  }
}

/**
 * Create the output directory when missing.
 *
 * @param {string} directory
 * @param {string} shown
 */
export async function ensureDirectory(directory, shown) {
  try {
    await mkdir(directory, {recursive: true})
  } catch (cause) {
    throw ioError(cause, 'cannot create ' + shown)
  }
}

/**
 * @param {unknown} cause
 * @returns {string}
 */
function errorCode(cause) {
  return cause && typeof cause === 'object' && 'code' in cause ? String(cause.code) : ''
}

/**
 * Write files atomically, all or none: each goes to a temporary file in the same directory, and only when all are
 * written are they renamed over the old ones. On failure the temporary files are removed and the old files stay.
 *
 * @param {string} directory
 * @param {ReadonlyArray<{name: string, text: string}>} files
 * @param {string} shown the directory as messages show it
 */
export async function writeAtomically(directory, files, shown) {
  const temporary = files.map((file) => path.join(directory, '.' + file.name + '.' + process.pid + '.tmp'))
  try {
    await Promise.all(files.map((file, index) => writeFile(/** @type {string} */ (temporary[index]), file.text)))
    await Promise.all(files.map((file, index) => rename(/** @type {string} */ (temporary[index]), path.join(directory, file.name))))
  } catch (cause) {
    await Promise.all(temporary.map((file) => rm(file, {force: true})))
    throw ioError(cause, 'cannot write to ' + shown)
  }
}

/**
 * Decode UTF-8 strictly (a byte-order mark is dropped); on an invalid byte, its offset.
 *
 * @param {Uint8Array} bytes
 * @returns {{text: string} | {invalidAt: number}}
 */
export function decodeUtf8(bytes) {
  try {
    return {text: new TextDecoder('utf-8', {fatal: true}).decode(bytes)}
  } catch {
    return {invalidAt: firstInvalidUtf8(bytes)}
  }
}

/**
 * The offset of the first byte that does not start or continue a well-formed UTF-8 sequence.
 *
 * @see https://www.unicode.org/versions/Unicode15.0.0/ch03.pdf#G7404 (Table 3-7)
 * @param {Uint8Array} bytes
 * @returns {number}
 */
function firstInvalidUtf8(bytes) {
  let index = 0
  while (index < bytes.length) {
    const length = sequenceLength(bytes, index)
    if (length === 0) return index
    index += length
  }
  return bytes.length
}

/**
 * The length of the well-formed sequence at `index`, or 0.
 *
 * @param {Uint8Array} bytes
 * @param {number} index
 * @returns {number}
 */
function sequenceLength(bytes, index) {
  const lead = /** @type {number} */ (bytes[index])
  if (lead < 0x80) return 1
  /** @type {[number, number, number]} the length, and the range of the second byte */
  let shape
  if (lead >= 0xc2 && lead <= 0xdf) shape = [2, 0x80, 0xbf]
  else if (lead === 0xe0) shape = [3, 0xa0, 0xbf]
  else if (lead === 0xed) shape = [3, 0x80, 0x9f]
  else if (lead >= 0xe1 && lead <= 0xef) shape = [3, 0x80, 0xbf]
  else if (lead === 0xf0) shape = [4, 0x90, 0xbf]
  else if (lead >= 0xf1 && lead <= 0xf3) shape = [4, 0x80, 0xbf]
  else if (lead === 0xf4) shape = [4, 0x80, 0x8f]
  else return 0
  const [length, low, high] = shape
  for (let offset = 1; offset < length; offset++) {
    const byte = bytes[index + offset]
    const [min, max] = offset === 1 ? [low, high] : [0x80, 0xbf]
    if (byte === undefined || byte < min || byte > max) return 0
  }
  return length
}

/**
 * A path as messages show it: relative to the working directory, with `/`.
 *
 * @param {string} absolute
 * @param {string} cwd
 * @returns {string}
 */
export function displayPath(absolute, cwd) {
  const relative = path.relative(cwd, absolute) || '.'
  return relative.split(path.sep).join('/')
}
