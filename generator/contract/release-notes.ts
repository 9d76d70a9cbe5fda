/** release-notes: the catalog before and after, and the contract's messages, in; a markdown section for a changelog out — breaking changes (each with its migration hint), then deprecated, added and edited codes; '' when nothing changed. */
import type {VFileMessage} from 'vfile-message'
import {type BreakingRuleId, rules} from '../diagnostics/rules.js'
import type {Catalog, CatalogEntry} from '../types.js'
import type {Before} from './compare.js'
import {compareEntries} from './changes.js'

/** The contract's notes of edited texts, in the order the section lists them. */
const editedRules = new Set(['edited-message', 'edited-resolve'])

/** The markdown release notes of the changes from `before` to `after`. */
export function releaseNotes(before: Before, after: Catalog, messages: ReadonlyArray<VFileMessage>): string {
  const breaking = messages.filter((message) => isBreaking(message.ruleId)).map((message) => '- ' + message.reason)
  const deprecated = messages.filter((message) => message.ruleId === 'deprecated-code').map((message) => '- ' + message.reason)
  const added = compareEntries(before.entries, after.entries).added
  const edited = messages.filter((message) => editedRules.has(message.ruleId ?? '')).map((message) => '- ' + message.reason)
  const sections = [
    section('Breaking changes', breaking),
    section('Deprecated', deprecated),
    section('Added', added.length === 0 ? [] : addedTable(added, after)),
    section('Edited', edited)
  ].filter((text) => text !== '')
  return sections.length === 0 ? '' : '## Changes since ' + before.label + '\n\n' + sections.join('\n')
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
