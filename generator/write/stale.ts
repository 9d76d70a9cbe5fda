/** stale: a generated output and the bytes on disk in, the report of a stale, missing or abandoned output out — a message saying which codes it changes (read back by the output's own target, for every format) and, for text, a short diff. */
import {VFile} from 'vfile'
import {compareEntries, describeChanges} from '../contract/changes.js'
import {error} from '../diagnostics/messages.js'
import {shortDiff} from './diff.js'
import {readBack} from '../contract/read-back.js'
import type {GeneratedFile} from '../types.js'

/**
 * The error for an output that is missing or differs from what the documents generate, and the text to print.
 *
 * @param file what the documents generate
 * @param current the bytes on disk; undefined when missing
 * @param shown the output's path as messages show it
 */
export async function staleReport(file: GeneratedFile, current: Buffer | undefined, shown: string): Promise<{file: VFile, text: string}> {
  const report = new VFile({path: shown})
  if (!current) {
    const reason = shown + ' is missing'
    error(report, reason, undefined, 'missing-output')
    return {file: report, text: reason + '\n'}
  }
  const before = current.toString('utf8')
  const changes = await codeChanges(file, before)
  const reason = shown + ' is stale: ' + (changes || 'it differs from what the documents generate')
  error(report, reason, undefined, 'stale-output')
  return {file: report, text: reason + '\n' + shortDiff(shown, before, file.text)}
}

/** The error for an output that errgen generated earlier and no longer does (turned off, or its input renamed). */
export function abandonedReport(shown: string): {file: VFile, text: string} {
  const report = new VFile({path: shown})
  const reason = shown + ' is no longer generated; run errgen to remove it'
  error(report, reason, undefined, 'stale-output')
  return {file: report, text: reason + '\n'}
}

/**
 * Which codes the new text adds, removes or changes, read back by the output's own target; '' when no code changed
 * (the difference is elsewhere). An old text errgen cannot read back (a hand edit broke it) is said; the new text
 * is errgen's own, so a failure to read it is a defect and is not swallowed.
 */
async function codeChanges(file: GeneratedFile, before: string): Promise<string> {
  const now = await readBack(file.kind, file.text)
  const old = await readBack(file.kind, before).catch(() => undefined)
  if (!old) return 'it differs from what the documents generate, and errgen cannot read it back (edited by hand?)'
  return describeChanges(compareEntries(old, now))
}
