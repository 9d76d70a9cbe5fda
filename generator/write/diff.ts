/** diff: the text on disk and the text generated in, a short unified diff of them out (for `--check`). */
import {createTwoFilesPatch} from 'diff'

/** The most diff lines `--check` prints for one file. */
const maxLines = 40

/**
 * The diff of the text on disk and the generated text, indented, cut after `maxLines` lines.
 *
 * @param shown the file's path as messages show it
 * @param current the text on disk
 * @param generated the text the documents generate
 */
export function shortDiff(shown: string, current: string, generated: string): string {
  const patch = createTwoFilesPatch(shown, shown + ' (generated)', current, generated, undefined, undefined, {context: 2})
  const lines = patch.split('\n')
  const start = lines.findIndex((line) => line.startsWith('--- '))
  const body = lines.slice(start, lines.at(-1) === '' ? -1 : undefined)
  const kept = body.slice(0, maxLines)
  if (body.length > maxLines) kept.push('… ' + (body.length - maxLines) + ' more lines of diff')
  return kept.map((line) => '  ' + line).join('\n') + '\n'
}
