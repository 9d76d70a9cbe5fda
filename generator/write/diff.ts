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
 * The diff of a window of each text: `windowLines` lines from the first line that differs (less the context), with
 * its hunks numbered as lines of the whole texts. Its first lines are a diff of the whole texts' first difference.
 */
function windowPatch(names: readonly [string, string], current: string, generated: string): StructuredPatch {
  const before = lineStarts(current)
  const after = lineStarts(generated)
  const from = Math.max(0, commonLines(current, generated, before, after) - context)
  const window = (text: string, starts: ReadonlyArray<number>) => text.slice(starts[from] ?? text.length, starts[from + windowLines] ?? text.length)
  const patch = structuredPatch(...names, window(current, before), window(generated, after), undefined, undefined, {context})
  for (const hunk of patch.hunks) {
    hunk.oldStart += from
    hunk.newStart += from
  }
  return patch
}

/** The offset of every line's start, and the text's end when it ends with a line break. */
function lineStarts(text: string): Array<number> {
  const starts = [0]
  for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) starts.push(index + 1)
  return starts
}

/** How many whole lines the two texts begin with alike. */
function commonLines(a: string, b: string, startsA: ReadonlyArray<number>, startsB: ReadonlyArray<number>): number {
  let line = 0
  while (line + 1 < startsA.length && line + 1 < startsB.length && startsA[line + 1] === startsB[line + 1]) {
    const end = startsA[line + 1] as number
    if (a.slice(startsA[line], end) !== b.slice(startsB[line], end)) break
    line++
  }
  return line
}
