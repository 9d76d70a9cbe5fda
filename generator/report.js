/** report: VFiles with messages in, the text the CLI prints out — one `file:line:col-line:col  severity  reason  rule-id` line per message, in source order. */
import {stringifyPosition} from 'unist-util-stringify-position'
import {reporter} from 'vfile-reporter'
import {statistics} from 'vfile-statistics'

/**
 * @import {VFile} from 'vfile'
 * @import {VFileMessage} from 'vfile-message'
 */

/**
 * @typedef ReportOptions
 * @property {'text' | 'stylish'} format `text`: one line per message; `stylish`: vfile-reporter's grouped table
 * @property {boolean} [quiet] errors only
 */

/**
 * @param {ReadonlyArray<VFile>} files
 * @param {ReportOptions} options
 * @returns {string} the report, '' when there is nothing to say
 */
export function report(files, options) {
  const shown = files.map((file) => file.messages.filter((message) => message.fatal || !options.quiet))
  if (shown.every((messages) => messages.length === 0)) return ''
  if (options.format === 'stylish') return reporter([...files], {quiet: options.quiet}) + '\n'

  const lines = shown.flatMap((messages) => sortMessages(messages).map((message) => messageLine(message)))
  return lines.join('\n') + '\n' + summary(files) + '\n'
}

/**
 * Messages in source order (by start line, then column); messages without a place first.
 *
 * @param {ReadonlyArray<VFileMessage>} messages
 * @returns {Array<VFileMessage>}
 */
export function sortMessages(messages) {
  return [...messages].sort((a, b) => (a.line || 0) - (b.line || 0) || (a.column || 0) - (b.column || 0))
}

/**
 * `input/error-codes.md:12:3-12:9  error  Duplicate code 1105, first defined at 11:3  duplicate-code`
 *
 * @param {VFileMessage} message
 * @returns {string}
 */
export function messageLine(message) {
  return [
    message.file + ':' + stringifyPosition(message.place),
    message.fatal ? 'error' : 'warning',
    message.reason,
    message.ruleId || ''
  ].join('  ')
}

/**
 * `✖ 1 error, ⚠ 2 warnings`
 *
 * @param {ReadonlyArray<VFile>} files
 * @returns {string}
 */
function summary(files) {
  const {fatal, warn} = statistics([...files])
  const parts = []
  if (fatal) parts.push('✖ ' + fatal + ' error' + (fatal === 1 ? '' : 's'))
  if (warn) parts.push('⚠ ' + warn + ' warning' + (warn === 1 ? '' : 's'))
  return parts.join(', ')
}
