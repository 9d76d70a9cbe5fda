/** lines: diagnostics as plain objects in, what the CLI prints for them out — the names of the formats (apart from the reporter, so that the fast path parses flags without loading it); one `file:line:col-line:col  severity  reason  rule-id` line each and a summary (text), JSON (json) or GitHub Actions annotations (github); vfile is not needed, so that the fast path prints a manifest's warnings as the full run prints them. */
import type {Diagnostic} from '../types.js'

/** Every format, the default first. */
export const formats = ['text', 'stylish', 'json', 'github', 'markdown'] as const

/** How diagnostics are printed: one line each, vfile-reporter's table, JSON, or GitHub Actions annotations; `markdown` prints the release notes of `--against` instead (and the diagnostics as text). */
export type Format = (typeof formats)[number]

/** The formats printed from plain diagnostics; any other (`markdown`) prints text. */
export type LineFormat = 'text' | 'json' | 'github' | 'markdown'

/** What the diagnostics print as: '' when there are none (except JSON, always an array). */
export function printDiagnostics(list: ReadonlyArray<Diagnostic>, format: LineFormat): string {
  if (format === 'json') return JSON.stringify(list) + '\n'
  if (list.length === 0) return ''
  if (format === 'github') return list.map((diagnostic) => annotation(diagnostic)).join('')
  return list.map((diagnostic) => textLine(diagnostic)).join('\n') + '\n' + summary(list) + '\n'
}

/** `input/error-codes.md:12:3-12:9  error  Duplicate code 1105, first defined at 11:3  duplicate-code` */
export function textLine(diagnostic: Diagnostic): string {
  return [diagnostic.file + placeText(diagnostic), diagnostic.severity, oneLine(diagnostic.message), diagnostic.ruleId].join('  ')
}

/** `:12:3-12:9`, `:12:3` for a point, '' for no place: as unist-util-stringify-position shows them. */
function placeText(diagnostic: Diagnostic): string {
  if (diagnostic.line === null) return ''
  const start = diagnostic.line + ':' + (diagnostic.column ?? 1)
  return ':' + (diagnostic.endLine === null ? start : start + '-' + diagnostic.endLine + ':' + (diagnostic.endColumn ?? 1))
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

/** A reason on one line: a line break it quotes from a cell (`a<br>b`) is shown as `\n`, so that every message stays one line. */
function oneLine(reason: string): string {
  return reason.replace(/\r\n|[\r\n\u0085\u2028\u2029]/g, (ending) => lineEndingNames[ending] ?? '\\n')
}

const lineEndingNames: Readonly<Record<string, string>> = {'\r\n': '\\r\\n', '\r': '\\r', '\n': '\\n', '\u0085': '\\u0085', '\u2028': '\\u2028', '\u2029': '\\u2029'}

/** `✖ 1 error, ⚠ 2 warnings` */
function summary(list: ReadonlyArray<Diagnostic>): string {
  const count = (severity: Diagnostic['severity']) => list.filter((diagnostic) => diagnostic.severity === severity).length
  const [fatal, warn, info] = [count('error'), count('warning'), count('info')]
  const parts = []
  if (fatal) parts.push('✖ ' + fatal + ' error' + (fatal === 1 ? '' : 's'))
  if (warn) parts.push('⚠ ' + warn + ' warning' + (warn === 1 ? '' : 's'))
  if (info) parts.push('ℹ ' + info + ' note' + (info === 1 ? '' : 's'))
  return parts.join(', ')
}
