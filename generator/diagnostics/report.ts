/** report: VFiles with messages in, what the CLI prints out — one `file:line:col-line:col  severity  reason  rule-id` line per message (text), vfile-reporter's table (stylish), JSON objects (json) or GitHub Actions annotations (github). */
import {stringifyPosition} from 'unist-util-stringify-position'
import type {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import {reporter} from 'vfile-reporter'
import {statistics} from 'vfile-statistics'
import type {Diagnostic} from '../types.js'
import type {Format} from './formats.js'

/**
 * The report of the messages in `files`; '' when there is nothing to say (except JSON, always an array).
 *
 * @param options `quiet`: errors only
 */
export function report(files: ReadonlyArray<VFile>, options: {readonly format: Format, readonly quiet?: boolean}): string {
  const kept = files.map((file) => file.messages.filter((message) => message.fatal || !options.quiet))
  if (options.format === 'json') return JSON.stringify(diagnostics(files, options.quiet)) + '\n'
  if (kept.every((messages) => messages.length === 0)) return ''
  if (options.format === 'stylish') return reporter([...files], {quiet: options.quiet}) + '\n'
  if (options.format === 'github') return diagnostics(files, options.quiet).map((diagnostic) => annotation(diagnostic)).join('')

  const lines = kept.flatMap((messages) => sortMessages(messages).map((message) => messageLine(message)))
  return lines.join('\n') + '\n' + summary(kept.flat()) + '\n'
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
 * A GitHub Actions workflow command that annotates the file.
 *
 * @see https://docs.github.com/en/actions/reference/workflows-and-actions/workflow-commands
 */
function annotation(diagnostic: Diagnostic): string {
  const properties: Array<[string, string | number | null]> = [
    ['file', diagnostic.file],
    ['line', diagnostic.line],
    ['col', diagnostic.column],
    ['endLine', diagnostic.endLine],
    ['endColumn', diagnostic.endColumn],
    ['title', diagnostic.ruleId]
  ]
  const list = properties.flatMap(([key, value]) => (value === null || value === '' ? [] : [key + '=' + escapeProperty(String(value))]))
  const command = diagnostic.severity === 'info' ? 'notice' : diagnostic.severity
  return '::' + command + ' ' + list.join(',') + '::' + escapeData(diagnostic.message) + '\n'
}

function escapeData(value: string): string {
  return value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')
}

function escapeProperty(value: string): string {
  return escapeData(value).replace(/:/g, '%3A').replace(/,/g, '%2C')
}

/** Messages in source order (by start line, then column); messages without a place first. */
export function sortMessages(messages: ReadonlyArray<VFileMessage>): Array<VFileMessage> {
  return [...messages].sort((a, b) => (a.line || 0) - (b.line || 0) || (a.column || 0) - (b.column || 0))
}

/** `input/error-codes.md:12:3-12:9  error  Duplicate code 1105, first defined at 11:3  duplicate-code` */
export function messageLine(message: VFileMessage): string {
  const place = message.place ? ':' + stringifyPosition(message.place) : ''
  return [message.file + place, severityOf(message), oneLine(message.reason), message.ruleId || ''].join('  ')
}

/** A reason on one line: a line break it quotes from a cell (`a<br>b`) is shown as `\n`, so that every message stays one line. */
function oneLine(reason: string): string {
  return reason.replace(/\r\n|[\r\n\u0085\u2028\u2029]/g, (ending) => lineEndingNames[ending] ?? '\\n')
}

const lineEndingNames: Readonly<Record<string, string>> = {'\r\n': '\\r\\n', '\r': '\\r', '\n': '\\n', '\u0085': '\\u0085', '\u2028': '\\u2028', '\u2029': '\\u2029'}

/** `error` (fatal), `warning`, or `info` (neither, as vfile's `file.info()` makes). */
function severityOf(message: VFileMessage): 'error' | 'warning' | 'info' {
  return message.fatal ? 'error' : message.fatal === false ? 'warning' : 'info'
}

/** `✖ 1 error, ⚠ 2 warnings` */
function summary(messages: Array<VFileMessage>): string {
  const {fatal, warn, info} = statistics(messages)
  const parts = []
  if (fatal) parts.push('✖ ' + fatal + ' error' + (fatal === 1 ? '' : 's'))
  if (warn) parts.push('⚠ ' + warn + ' warning' + (warn === 1 ? '' : 's'))
  if (info) parts.push('ℹ ' + info + ' note' + (info === 1 ? '' : 's'))
  return parts.join(', ')
}
