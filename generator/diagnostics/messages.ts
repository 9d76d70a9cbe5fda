/** messages: a VFile, a reason, a place and a rule id from the registry in, errgen's located message added to the file out (error, warning or info, as the rule's severity says). */
import type {Node, Point, Position} from 'unist'
import type {VFile} from 'vfile'
import {VFileMessage} from 'vfile-message'
import type {IllFormed} from '../read/utf8.js'
import type {BreakingRuleId, RuleId, RuleIdOf, RuleSettings} from './rules.js'

/** The `source` of every message errgen raises. */
export const source = 'errgen'

/** Where a message points: a point, a range, or nowhere in particular. */
export type Place = Point | Position | undefined

/**
 * Add an error to `file`: generation stops before anything is written.
 *
 * @param cause the other place a duplicate stands
 */
export function error(file: VFile, reason: string, place: Place, ruleId: RuleIdOf<'error'>, cause?: VFileMessage): VFileMessage {
  const message = file.message(reason, {place, ruleId, source, ...(cause ? {cause} : {})})
  message.fatal = true
  return message
}

/** Add a warning to `file`: reported, generation goes on. */
export function warning(file: VFile, reason: string, place: Place, ruleId: RuleIdOf<'warning'>, cause?: VFileMessage): VFileMessage {
  return file.message(reason, {place, ruleId, source, ...(cause ? {cause} : {})})
}

/** Add a note to `file`: neither an error nor a warning. */
export function info(file: VFile, reason: string, place: Place, ruleId: RuleIdOf<'info'>): VFileMessage {
  return file.info(reason, {place, ruleId, source})
}

/** Add a breaking change of the API contract: an error, or a warning when breaking changes are allowed. */
export function breaking(file: VFile, reason: string, place: Place, ruleId: BreakingRuleId, allowBreaking: boolean): VFileMessage {
  if (!allowBreaking) return error(file, reason, place, ruleId)
  return file.message(reason + ' (allowed by --allow-breaking)', {place, ruleId, source})
}

/** Apply the configuration's `rules` to the messages of `files`: `off` drops a rule's messages, `warn` and `error` set their severity. */
export function applyRuleSettings(files: ReadonlyArray<VFile>, settings: RuleSettings): void {
  const settingOf = (message: VFileMessage) => (message.ruleId ? (settings as Readonly<Record<string, string>>)[message.ruleId] : undefined)
  for (const file of files) {
    file.messages = file.messages.filter((message) => settingOf(message) !== 'off')
    for (const message of file.messages) {
      const setting = settingOf(message)
      if (setting === 'error') message.fatal = true
      if (setting === 'warn') message.fatal = false
    }
  }
}

/** Whether no file has an error (warnings and notes aside). */
export function isClean(files: ReadonlyArray<VFile>): boolean {
  return files.every((file) => file.messages.every((message) => !message.fatal))
}

/** A message about another place, not added to any file: the `cause` of a duplicate, pointing at the first occurrence. */
export function firstOccurrence(file: VFile, place: Position, ruleId: RuleId): VFileMessage {
  const message = new VFileMessage('First defined here', {place, ruleId, source})
  message.file = file.path
  return message
}

/** Where a duplicate first stood: `11:3` in the same file, `input/other.md:11:3` in another. */
export function placeOf(file: VFile, firstFile: VFile, firstPlace: Position): string {
  const point = firstPlace.start.line + ':' + firstPlace.start.column
  return firstFile === file ? point : firstFile.path + ':' + point
}

/** The place of a node's content: from its first child to its last, or the node itself when empty. */
export function contentPlace(node: Node & {children?: ReadonlyArray<Node>}): Position | undefined {
  const children = node.children ?? []
  const first = children[0]
  const last = children[children.length - 1]
  if (first?.position && last?.position) {
    return {start: first.position.start, end: last.position.end}
  }
  return node.position
}

/** Report every byte sequence of a document that is not UTF-8, at the U+FFFD that stands for it in the decoded text. */
export function reportIllFormed(file: VFile, illFormed: ReadonlyArray<IllFormed>): void {
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

/** `byte 0xE9`, `bytes 0xE2 0x82` */
function byteList(bytes: ReadonlyArray<number>): string {
  const hex = bytes.map((byte) => '0x' + byte.toString(16).toUpperCase().padStart(2, '0'))
  return (bytes.length === 1 ? 'byte ' : 'bytes ') + hex.join(' ')
}
