/** report: VFiles with messages in, what the CLI prints out — vfile-reporter's table (stylish), or the plain lines of `lines` (text, json, github); and the warnings a manifest keeps, stored and restored as VFiles. */
import {VFile} from 'vfile'
import {VFileMessage} from 'vfile-message'
import {reporter} from 'vfile-reporter'
import type {Diagnostic, StoredMessage, StoredReport} from '../types.js'
import type {Format} from './lines.js'
import {printDiagnostics, textLine} from './lines.js'
import {type Rule, rules} from './rules.js'

/**
 * The report of the messages in `files`; '' when there is nothing to say (except JSON, always an array).
 *
 * @param options `quiet`: errors only; `color`: stylish with or without colors (by default, as the terminal supports them)
 */
export function report(files: ReadonlyArray<VFile>, options: {readonly format: Format, readonly quiet?: boolean, readonly color?: boolean}): string {
  if (options.format !== 'stylish') return printDiagnostics(diagnostics(files, options.quiet), options.format)
  const kept = files.map((file) => file.messages.filter((message) => message.fatal || !options.quiet))
  if (kept.every((messages) => messages.length === 0)) return ''
  return reporter([...files], {quiet: options.quiet, ...(options.color === undefined ? {} : {color: options.color})}) + '\n'
}

/** The stored warnings as `--format stylish` prints them without colors, for the manifest; '' when there are none. */
export function storedStylish(stored: ReadonlyArray<StoredReport>): string {
  return stored.length === 0 ? '' : report(restoreReports(stored), {format: 'stylish', color: false})
}

/**
 * Every message of `files` as a plain object, in source order per file.
 *
 * @param quiet errors only
 */
export function diagnostics(files: ReadonlyArray<VFile>, quiet: boolean = false): Array<Diagnostic> {
  return files.flatMap((file) =>
    sortMessages(file.messages.filter((message) => message.fatal || !quiet)).map((message) => toDiagnostic(message))
  )
}

function toDiagnostic(message: VFileMessage): Diagnostic {
  const place = message.place
  const start = place && 'start' in place ? place.start : place
  const end = place && 'end' in place ? place.end : undefined
  return {
    file: message.file || '',
    line: start?.line ?? null,
    column: start?.column ?? null,
    endLine: end?.line ?? null,
    endColumn: end?.column ?? null,
    severity: severityOf(message),
    ruleId: message.ruleId || '',
    message: message.reason
  }
}

/**
 * The messages of a run's files as a manifest keeps them, so that a run answered from it prints what a full run
 * would: the documents and the configuration (a table lists those without messages too) and the outputs that have
 * messages, with their messages, source and cause; empty when no file has a message. A breaking change allowed by
 * `--allow-breaking` is not kept: it is about the outputs the run replaced, which a later run no longer compares with.
 *
 * @param isOutput whether a file is one of the outputs (read back only when a run needs them)
 */
export function storeReports(files: ReadonlyArray<VFile>, isOutput: (file: VFile) => boolean): Array<StoredReport> {
  const kept = files
    .map((file) => ({file, messages: file.messages.filter((message) => !isAboutReplacedOutputs(message))}))
    .filter(({file, messages}) => messages.length > 0 || !isOutput(file))
  if (kept.every(({messages}) => messages.length === 0)) return []
  return kept.map(({file, messages}) => ({file: file.path, messages: sortMessages(messages).map((message) => storeMessage(message))}))
}

/** A breaking change (allowed by `--allow-breaking`, or the run would have written nothing). */
function isAboutReplacedOutputs(message: VFileMessage): boolean {
  const rule = message.ruleId === undefined ? undefined : (rules as Readonly<Record<string, Rule>>)[message.ruleId]
  return rule?.breaking === true
}

function storeMessage(message: VFileMessage): StoredMessage {
  const cause = message.cause instanceof VFileMessage ? {cause: storeMessage(message.cause)} : {}
  return {...toDiagnostic(message), ...(message.source ? {source: message.source} : {}), ...cause}
}

/** The VFiles a manifest's stored messages came from, for `report`. */
export function restoreReports(stored: ReadonlyArray<StoredReport>): Array<VFile> {
  return stored.map((report) => {
    const file = new VFile({path: report.file})
    for (const message of report.messages) file.messages.push(restoreMessage(message))
    return file
  })
}

function restoreMessage(stored: StoredMessage): VFileMessage {
  const start = stored.line === null ? undefined : {line: stored.line, column: stored.column ?? 1}
  const place = start && stored.endLine !== null ? {start, end: {line: stored.endLine, column: stored.endColumn ?? 1}} : start
  const message = new VFileMessage(stored.message, {place, ruleId: stored.ruleId || undefined, source: stored.source, ...(stored.cause ? {cause: restoreMessage(stored.cause)} : {})})
  message.file = stored.file
  message.fatal = stored.severity === 'error' ? true : stored.severity === 'warning' ? false : undefined
  return message
}

/** Messages in source order (by start line, then column); messages without a place first. */
export function sortMessages(messages: ReadonlyArray<VFileMessage>): Array<VFileMessage> {
  return [...messages].sort((a, b) => (a.line || 0) - (b.line || 0) || (a.column || 0) - (b.column || 0))
}

/** `input/error-codes.md:12:3-12:9  error  Duplicate code 1105, first defined at 11:3  duplicate-code` */
export function messageLine(message: VFileMessage): string {
  return textLine(toDiagnostic(message))
}

/** `error` (fatal), `warning`, or `info` (neither, as vfile's `file.info()` makes). */
function severityOf(message: VFileMessage): 'error' | 'warning' | 'info' {
  return message.fatal ? 'error' : message.fatal === false ? 'warning' : 'info'
}
