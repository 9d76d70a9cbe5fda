/** diff: the text on disk and the text generated in, a short unified diff of them out (for `--check`) — in time linear in the texts, however many lines differ. */
import {formatPatch, type StructuredPatch, structuredPatch} from 'diff'

/** The most diff lines `--check` prints for one file. */
const maxLines = 40

/** Lines of context around each change. */
const context = 2

/**
 * The most lines added and removed that the whole texts are diffed for (the diff's cost grows with the texts' length
 * times this); beyond it, only a window of each text from the first difference is diffed, which is enough to show
 * the first `maxLines` lines.
 */
const maxEdits = 400

/** The lines of each text that a window holds, from the first line that differs (less the context). */
const windowLines = 2 * maxEdits

/**
 * The diff of the text on disk and the generated text, indented, cut after `maxLines` lines.
 *
 * @param shown the file's path as messages show it
 * @param current the text on disk
 * @param generated the text the documents generate
 */
export function shortDiff(shown: string, current: string, generated: string): string {
  const names = [shown, shown + ' (generated)'] as const
  const whole = structuredPatch(...names, current, generated, undefined, undefined, {context, maxEditLength: maxEdits})
  const patch = whole ?? windowPatch(names, current, generated)
  const lines = formatPatch(patch).split('\n')
  const start = lines.findIndex((line) => line.startsWith('--- '))
  const body = lines.slice(start, lines.at(-1) === '' ? -1 : undefined)
  const kept = body.slice(0, maxLines)
  if (!whole) kept.push('… more lines of diff: over ' + maxEdits + ' lines were added or removed')
  else if (body.length > maxLines) kept.push('… ' + (body.length - maxLines) + ' more lines of diff')
  return kept.map((line) => '  ' + line).join('\n') + '\n'
}

/**
 * The diff of a window of each text: up to `windowLines` lines of what differs (the texts without the lines they
 * begin and end with alike), from the context before it, with its hunks numbered as lines of the whole texts. Its
 * first lines are those of a diff of the whole texts.
 */
function windowPatch(names: readonly [string, string], current: string, generated: string): StructuredPatch {
  const before = linesOf(current)
  const after = linesOf(generated)
  const first = commonStart(before, after)
  const last = commonEnd(before, after, first)
  const from = Math.max(0, first - context)
  const window = (lines: ReadonlyArray<string>, end: number) => lines.slice(from, Math.min(end, first + windowLines)).join('')
  const patch = structuredPatch(...names, window(before, before.length - last), window(after, after.length - last), undefined, undefined, {context})
  for (const hunk of patch.hunks) {
    hunk.oldStart += from
    hunk.newStart += from
  }
  return patch
}

/** A text's lines, each with its line ending. */
function linesOf(text: string): Array<string> {
  return text.match(/[^\n]*\n|[^\n]+$/g) ?? []
}

/** How many lines the two texts begin with alike. */
function commonStart(a: ReadonlyArray<string>, b: ReadonlyArray<string>): number {
  let count = 0
  while (count < a.length && count < b.length && a[count] === b[count]) count++
  return count
}

/** How many lines the two texts end with alike, after the first `start` lines. */
function commonEnd(a: ReadonlyArray<string>, b: ReadonlyArray<string>, start: number): number {
  let count = 0
  while (count < Math.min(a.length, b.length) - start && a[a.length - 1 - count] === b[b.length - 1 - count]) count++
  return count
}
