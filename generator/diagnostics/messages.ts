/** diagnostics: adds errgen's located messages (errors and warnings, each with a rule id) to a VFile. */

import {VFileMessage} from 'vfile-message'

/**
 * @import {Node, Point, Position} from 'unist'
 * @import {VFile} from 'vfile'
 * @import {IllFormed} from '../read/utf8.js'
 */

export const source = 'errgen'

/**
 * Add an error to `file`: generation stops before anything is written.
 *
 * @param {VFile} file
 * @param {string} reason
 * @param {Point | Position | undefined} place
 * @param {string} ruleId
 * @param {VFileMessage} [cause] the other place a duplicate stands
 * @returns {VFileMessage}
 */
export function error(file, reason, place, ruleId, cause) {
  const message = file.message(reason, {place, ruleId, source, cause})
  message.fatal = true
  return message
}

/**
 * Add a warning to `file`: reported, generation goes on.
 *
 * @param {VFile} file
 * @param {string} reason
 * @param {Point | Position | undefined} place
 * @param {string} ruleId
 * @param {VFileMessage} [cause]
 * @returns {VFileMessage}
 */
export function warning(file, reason, place, ruleId, cause) {
  return file.message(reason, {place, ruleId, source, cause})
}

/**
 * A message about another place, not added to any file: the `cause` of a duplicate, pointing at the first occurrence.
 *
 * @param {VFile} file
 * @param {Position} place
 * @param {string} ruleId
 * @returns {VFileMessage}
 */
export function firstOccurrence(file, place, ruleId) {
  const message = new VFileMessage('First defined here', {place, ruleId, source})
  message.file = file.path
  return message
}

/**
 * Where a duplicate first stood: `11:3` in the same file, `input/other.md:11:3` in another.
 *
 * @param {VFile} file the file of the duplicate
 * @param {VFile} firstFile the file of the first occurrence
 * @param {Position} firstPlace
 * @returns {string}
 */
export function placeOf(file, firstFile, firstPlace) {
  const point = firstPlace.start.line + ':' + firstPlace.start.column
  return firstFile === file ? point : firstFile.path + ':' + point
}

/**
 * The place of a node's content: from its first child to its last, or the node itself when empty.
 *
 * @param {Node & {children?: ReadonlyArray<Node>}} node
 * @returns {Position | undefined}
 */
export function contentPlace(node) {
  const children = node.children || []
  const first = children[0]
  const last = children[children.length - 1]
  if (first?.position && last?.position) {
    return {start: first.position.start, end: last.position.end}
  }
  return node.position
}

/**
 * Report every byte sequence of a document that is not UTF-8, at the U+FFFD that stands for it in the decoded text.
 *
 * @param {VFile} file its value is the decoded text
 * @param {ReadonlyArray<IllFormed>} illFormed in text order
 */
export function reportIllFormed(file, illFormed) {
  const text = String(file.value)
  let line = 1
  let lineStart = 0
  let scanned = 0
  for (const sequence of illFormed) {
    for (const lineEnd of text.slice(scanned, sequence.index).matchAll(/\r\n?|\n/g)) {
      line++
      lineStart = scanned + lineEnd.index + lineEnd[0].length
    }
    scanned = sequence.index
    const column = sequence.index - lineStart + 1
    const reason = 'Unexpected ' + byteList(sequence.bytes) + ' at byte offset ' + sequence.offset + ', expected UTF-8 text'
    error(file, reason, {start: {line, column}, end: {line, column: column + 1}}, 'invalid-utf8')
  }
}

/**
 * `byte 0xE9`, `bytes 0xE2 0x82`
 *
 * @param {ReadonlyArray<number>} bytes
 * @returns {string}
 */
function byteList(bytes) {
  const hex = bytes.map((byte) => '0x' + byte.toString(16).toUpperCase().padStart(2, '0'))
  return (bytes.length === 1 ? 'byte ' : 'bytes ') + hex.join(' ')
}
