/** io: the file system for the spine — documents read and decoded, outputs compared and written atomically. */
import {chmod, mkdir, readFile, rename, rm, stat, utimes, writeFile} from 'node:fs/promises'
import path from 'node:path'
import {generatedMarker} from './emit/notice.js'

/**
 * @import {Stats} from 'node:fs'
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
 * @param {string} [after] said after the reason
 * @returns {IoError}
 */
export function ioError(cause, doing, after = '') {
  const why = reasons.get(errorCode(cause)) || (cause instanceof Error ? cause.message : String(cause))
  return new IoError(doing + ': ' + why + after, {cause})
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
 * @typedef Change
 * @property {{name: string}} file what to write
 * @property {Buffer | undefined} current the bytes on disk now, undefined when there is no such file
 */

/**
 * @typedef Earlier
 * @property {Buffer} bytes
 * @property {Stats} status
 */

/**
 * Write files atomically, all or none: each goes to a temporary file in the same directory, and only when all are
 * written are they renamed over the old ones. When a write or a rename fails, the temporary files are removed and
 * the files already renamed get their earlier bytes, mode and times back (or are removed when they are new).
 *
 * @param {string} directory
 * @param {ReadonlyArray<{name: string, text: string}>} files
 * @param {string} shown the directory as messages show it
 */
export async function writeAtomically(directory, files, shown) {
  const targets = files.map((file) => path.join(directory, file.name))
  const temporary = targets.map((target) => temporaryName(target))
  const earlier = await Promise.all(
    files.map((file, index) => readEarlier(/** @type {string} */ (targets[index]), shown + '/' + file.name))
  )
  let renamed = 0
  try {
    await Promise.all(files.map((file, index) => writeFile(/** @type {string} */ (temporary[index]), file.text)))
    for (; renamed < files.length; renamed++) {
      await rename(/** @type {string} */ (temporary[renamed]), /** @type {string} */ (targets[renamed]))
    }
  } catch (cause) {
    await Promise.all(temporary.slice(renamed).map((file) => rm(file, {force: true}).catch(() => undefined)))
    const lost = await restoreAll(targets.slice(0, renamed), earlier)
    const unrestored = lost.map((target) => shown + '/' + path.basename(target))
    throw ioError(cause, 'cannot write to ' + shown, unrestored.length > 0 ? '; could not restore ' + unrestored.join(', ') : '')
  }
}

/**
 * A file's bytes and status before it is replaced, to put it back if the write fails; undefined when there is none.
 *
 * @param {string} target
 * @param {string} shown
 * @returns {Promise<Earlier | undefined>}
 */
async function readEarlier(target, shown) {
  const bytes = await readIfExists(target, shown)
  if (!bytes) return undefined
  try {
    return {bytes, status: await stat(target)}
  } catch (cause) {
    throw ioError(cause, 'cannot read ' + shown)
  }
}

/**
 * A temporary file next to `target`, in the same directory so that renaming it is atomic.
 *
 * @param {string} target
 * @returns {string}
 */
function temporaryName(target) {
  return path.join(path.dirname(target), '.' + path.basename(target) + '.' + process.pid + '.tmp')
}

/**
 * Put back the files a failed write replaced; those that could not be put back.
 *
 * @param {ReadonlyArray<string>} targets the files already renamed into place
 * @param {ReadonlyArray<Earlier | undefined>} earlier each file as it was before
 * @returns {Promise<Array<string>>}
 */
async function restoreAll(targets, earlier) {
  const restored = await Promise.all(targets.map((target, index) => restore(target, earlier[index])))
  return targets.filter((_, index) => !restored[index])
}

/**
 * Put one file back as it was (atomically, through a temporary file), or remove it when it did not exist.
 *
 * @param {string} target
 * @param {Earlier | undefined} earlier
 * @returns {Promise<boolean>} whether it worked
 */
async function restore(target, earlier) {
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

/**
 * Refuse to replace a file that errgen did not generate: one without the generated-file marker in its first lines.
 *
 * @param {ReadonlyArray<Change>} changes
 * @param {string} shown the output directory as messages show it
 */
export function refuseForeignFiles(changes, shown) {
  const foreign = changes.filter(({current}) => current && !isGenerated(current)).map(({file}) => shown + '/' + file.name)
  if (foreign.length === 0) return
  const [subject, object] = foreign.length === 1 ? ['it was', 'it'] : ['they were', 'them']
  throw new IoError(
    'refusing to overwrite ' + foreign.join(', ') + ': ' + subject + ' not generated by errgen (no `' + generatedMarker +
      '` line at the top); move ' + object + ' away or pass --force'
  )
}

/**
 * Whether a file is one errgen generated: the marker stands in its first lines.
 *
 * @param {Buffer} bytes
 * @returns {boolean}
 */
function isGenerated(bytes) {
  const head = bytes.subarray(0, 4096).toString('utf8')
  return head.split('\n').slice(0, 5).some((line) => line.includes(generatedMarker))
}

/**
 * @typedef IllFormed
 * @property {number} offset the byte offset of the sequence
 * @property {Array<number>} bytes its bytes (a maximal subpart: one U+FFFD in the text)
 * @property {number} index where its U+FFFD stands in the decoded text
 */

/**
 * Decode UTF-8 strictly (a leading byte-order mark is dropped): the text, or the offset of the first ill-formed byte.
 *
 * @param {Uint8Array} bytes
 * @returns {{text: string} | {invalidAt: number}}
 */
export function decodeUtf8(bytes) {
  const {text, illFormed} = decodeUtf8Lossy(bytes)
  const [first] = illFormed
  return first ? {invalidAt: first.offset} : {text}
}

/**
 * Decode UTF-8 as the WHATWG decoder does (a leading byte-order mark is dropped, each maximal ill-formed subpart becomes
 * one U+FFFD), with the place of every ill-formed sequence so that none is replaced silently.
 *
 * @see https://encoding.spec.whatwg.org/#utf-8-decoder
 * @param {Uint8Array} bytes
 * @returns {{text: string, illFormed: Array<IllFormed>}}
 */
export function decodeUtf8Lossy(bytes) {
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
