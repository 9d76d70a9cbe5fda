/** release-notes: the catalog before and after, and the contract's messages, in; a markdown section for a changelog out — breaking changes (each with its migration hint), then deprecated, added and edited codes (with the old and the new text); '' when nothing changed. */
import type {VFileMessage} from 'vfile-message'
import {type BreakingRuleId, rules} from '../diagnostics/rules.js'
import type {Catalog, CatalogEntry} from '../types.js'
import type {Before, BeforeEntry} from './compare.js'
import {compareEntries, editedTranslations, type Match} from './changes.js'

/** The markdown release notes of the changes from `before` to `after`. */
export function releaseNotes(before: Before, after: Catalog, messages: ReadonlyArray<VFileMessage>): string {
  const breaking = messages.filter((message) => isBreaking(message.ruleId)).map((message) => '- ' + message.reason)
  const deprecated = messages.filter((message) => message.ruleId === 'deprecated-code').map((message) => '- ' + message.reason)
  const {added, matched} = compareEntries(before.entries, after.entries)
  const edited = matched.flatMap((match) => editedLines(match, before.label))
  const sections = [
    section('Breaking changes', breaking),
    section('Deprecated', deprecated),
    section('Added', added.length === 0 ? [] : addedTable(added, after)),
    section('Edited', edited)
  ].filter((text) => text !== '')
  return sections.length === 0 ? '' : '## Changes since ' + before.label + '\n\n' + sections.join('\n')
}

/** `- Message of code 1001 edited since HEAD~1: `type missing` → `type parameter missing``, and the same for its resolve text. */
function editedLines(match: Match<BeforeEntry, CatalogEntry>, label: string): Array<string> {
  const {before: previous, after: entry, fields} = match
  const lines: Array<string> = []
  if (fields.includes('message') && previous.message !== entry.message) lines.push('- Message of code ' + entry.code + ' edited since ' + label + ': ' + inline(previous.message) + ' → ' + inline(entry.message))
  for (const edit of fields.includes('message') ? editedTranslations(previous, entry) : []) {
    lines.push('- Message of code ' + entry.code + ' (' + edit.locale + ') edited since ' + label + ': ' + inline(edit.before) + ' → ' + inline(edit.after))
  }
  if (fields.includes('resolve')) lines.push('- Resolve text of code ' + entry.code + ' edited since ' + label + ': ' + inline(previous.resolve) + ' → ' + inline(entry.resolve))
  return lines
}

/** A text as a code span on one line (a line break is shown as a space, as markdown renders it in a span). */
function inline(text: string | undefined): string {
  return codeSpan((text ?? '').replace(/\r\n?|\n/g, ' '))
}

/** Whether a rule id is one of a breaking change of the contract. */
function isBreaking(ruleId: string | undefined): boolean {
  return ruleId !== undefined && Object.hasOwn(rules, ruleId) && 'breaking' in rules[ruleId as BreakingRuleId]
}

/** `### Title` and its lines; '' for no lines. */
function section(title: string, lines: ReadonlyArray<string>): string {
  return lines.length === 0 ? '' : '### ' + title + '\n\n' + lines.join('\n') + '\n'
}

/** The added codes as a table: code, name, HTTP status (when the catalog has them), message. */
function addedTable(added: ReadonlyArray<CatalogEntry>, after: Catalog): Array<string> {
  const withStatus = after.hasStatus
  const header = withStatus ? ['| Code | Name | HTTP | Message |', '| --- | --- | --- | --- |'] : ['| Code | Name | Message |', '| --- | --- | --- |']
  const rows = added.map((entry) => {
    const cells = [codeSpan(String(entry.code)), codeSpan(entry.name), ...(withStatus ? [String(entry.status)] : []), tableText(entry.message)]
    return '| ' + cells.join(' | ') + ' |'
  })
  return [...header, ...rows]
}

/** Text as a code span: backticks enough to hold the backticks inside it. */
function codeSpan(text: string): string {
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((run) => run[0].length))
  const fence = '`'.repeat(longest + 1)
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : ''
  return fence + pad + text + pad + fence
}

/** Text for a table cell: pipes escaped, line breaks as `<br>`, markdown punctuation escaped so it reads as written. */
function tableText(text: string): string {
  return text.replace(/[\\`*_[\]<>|~#]/g, (character) => '\\' + character).replace(/\r\n?|\n/g, '<br>')
}
