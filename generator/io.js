/** io: the file system for the spine — documents read and decoded, outputs compared and written atomically. */
import {mkdir, readFile, rename, rm, stat, writeFile} from 'node:fs/promises'
import path from 'node:path'

/**
 * @import {OutputFile} from './types.js'
 */

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
 * @param {ReadonlyArray<OutputFile>} files
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
 * @typedef IllFormed
 * @property {number} offset the byte offset of the sequence
 * @property {Array<number>} bytes its bytes (a maximal subpart: one U+FFFD in the text)
 * @property {number} index where its U+FFFD stands in the decoded text
 */

/**
 * Decode UTF-8 as the WHATWG decoder does (a leading byte-order mark is dropped, each maximal ill-formed subpart becomes
 * one U+FFFD), with the place of every ill-formed sequence so that none is replaced silently.
 *
 * @see https://encoding.spec.whatwg.org/#utf-8-decoder
 * @param {Uint8Array} bytes
 * @returns {{text: string, illFormed: Array<IllFormed>}}
 */
export function decodeUtf8(bytes) {
  /** @type {Array<IllFormed>} */
  const illFormed = []
  let text = ''
  let validFrom = 0
  let offset = 0
  while (offset < bytes.length) {
    const {length, matched} = sequenceAt(bytes, offset)
    if (matched === length) {
      offset += length
      continue
    }
    text += decodeWellFormed(bytes, validFrom, offset)
    const subpart = Math.max(matched, 1)
    illFormed.push({offset, bytes: [...bytes.subarray(offset, offset + subpart)], index: text.length})
    text += '\uFFFD'
    offset += subpart
    validFrom = offset
  }
  return {text: text + decodeWellFormed(bytes, validFrom, bytes.length), illFormed}
}

/**
 * Decode well-formed UTF-8; a byte-order mark is dropped only at the start of the file.
 *
 * @param {Uint8Array} bytes
 * @param {number} start
 * @param {number} end
 * @returns {string}
 */
function decodeWellFormed(bytes, start, end) {
  return new TextDecoder('utf-8', {fatal: true, ignoreBOM: start > 0}).decode(bytes.subarray(start, end))
}

/**
 * The sequence starting at `index`: the length its lead byte calls for, and how many of its bytes are well-formed.
 *
 * @see https://www.unicode.org/versions/Unicode15.0.0/ch03.pdf#G7404 (Table 3-7)
 * @param {Uint8Array} bytes
 * @param {number} index
 * @returns {{length: number, matched: number}}
 */
function sequenceAt(bytes, index) {
  const lead = /** @type {number} */ (bytes[index])
  if (lead < 0x80) return {length: 1, matched: 1}
  const shape = leadShape(lead)
  if (!shape) return {length: 1, matched: 0}
  const [length, low, high] = shape
  let matched = 1
  while (matched < length) {
    const byte = bytes[index + matched]
    const [min, max] = matched === 1 ? [low, high] : [0x80, 0xbf]
    if (byte === undefined || byte < min || byte > max) break
    matched++
  }
  return {length, matched}
}

/**
 * The length of the sequence a lead byte starts, and the range of its second byte; undefined when it cannot lead.
 *
 * @param {number} lead
 * @returns {[number, number, number] | undefined}
 */
function leadShape(lead) {
  if (lead >= 0xc2 && lead <= 0xdf) return [2, 0x80, 0xbf]
  if (lead === 0xe0) return [3, 0xa0, 0xbf]
  if (lead === 0xed) return [3, 0x80, 0x9f]
  if (lead >= 0xe1 && lead <= 0xef) return [3, 0x80, 0xbf]
  if (lead === 0xf0) return [4, 0x90, 0xbf]
  if (lead >= 0xf1 && lead <= 0xf3) return [4, 0x80, 0xbf]
  if (lead === 0xf4) return [4, 0x80, 0x8f]
  return undefined
}
