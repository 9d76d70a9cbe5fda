/** The short diff `--check` prints of a stale output: the whole diff while few lines differ (as `diff` prints it), a window from the first difference when many do; and errgen's own OpenAPI document read back without the duplicate-key search, a configuration still with it. */
import {createTwoFilesPatch} from 'diff'
import {parse as parseYaml} from 'yaml'
import {VFile} from 'vfile'
import {describe, expect, test} from 'vitest'
import {checkConfig} from '../../generator/config/check.js'
import {messageLine} from '../../generator/diagnostics/report.js'
import {fromSchemas} from '../../generator/emit/schema/read-schemas.js'
import {readOpenApi} from '../../generator/targets/openapi/read-back.js'
import {shortDiff} from '../../generator/write/diff.js'
import {generateSeed} from '../support/helpers.js'

/** `line 1\n` … `line n\n`, each line's text made by `text`. */
function numbered(count: number, text: (index: number) => string): string {
  return Array.from({length: count}, (_, index) => text(index + 1) + '\n').join('')
}

/** The diff as `diff` prints it for the whole texts, indented and cut after 40 lines, as `--check` printed it. */
function wholeDiff(shown: string, current: string, generated: string): string {
  const lines = createTwoFilesPatch(shown, shown + ' (generated)', current, generated, undefined, undefined, {context: 2}).split('\n')
  const body = lines.slice(lines.findIndex((line) => line.startsWith('--- ')), -1)
  const kept = body.slice(0, 40)
  if (body.length > 40) kept.push('… ' + (body.length - 40) + ' more lines of diff')
  return kept.map((line) => '  ' + line).join('\n') + '\n'
}

describe('the short diff', () => {
  test.each([
    ['one line edited', numbered(50, (n) => 'line ' + n), numbered(50, (n) => (n === 20 ? 'edited' : 'line ' + n))],
    ['lines added, removed and edited', numbered(300, (n) => 'line ' + n), numbered(310, (n) => (n % 7 === 0 ? 'new ' + n : 'line ' + n))],
    ['a missing last line ending', 'a\nb\nc', 'a\nB\nc\n'],
    ['400 lines edited, the most diffed whole', numbered(600, (n) => 'line ' + n), numbered(600, (n) => (n > 100 && n <= 300 ? 'edited ' + n : 'line ' + n))]
  ])('with %s is the whole diff', (_, current, generated) => {
    expect(shortDiff('out/e.ts', current, generated)).toBe(wholeDiff('out/e.ts', current, generated))
  })

  test('with every line edited starts at the first difference, numbered in the whole texts, and says more lines differ', () => {
    const current = numbered(2000, (n) => (n <= 10 ? 'same ' + n : 'old ' + n))
    const generated = numbered(2000, (n) => (n <= 10 ? 'same ' + n : 'new ' + n))
    const lines = shortDiff('out/e.ts', current, generated).split('\n')
    expect(lines.slice(0, 6)).toEqual(['  --- out/e.ts', '  +++ out/e.ts (generated)', '  @@ -9,802 +9,802 @@', '   same 9', '   same 10', '  -old 11'])
    expect(lines.slice(5, 40)).toEqual(Array.from({length: 35}, (_, index) => '  -old ' + (11 + index)))
    expect(lines.slice(40)).toEqual(['  … more lines of diff: over 400 lines were added or removed', ''])
  })

  test('with many lines inserted shows the insertion where it starts', () => {
    const current = numbered(100, (n) => 'line ' + n)
    const generated = numbered(50, (n) => 'line ' + n) + numbered(1000, (n) => 'inserted ' + n) + numbered(50, (n) => 'line ' + (n + 50))
    const lines = shortDiff('out/e.ts', current, generated).split('\n')
    expect(lines.slice(2, 6)).toEqual(['  @@ -49,2 +49,802 @@', '   line 49', '   line 50', '  +inserted 1'])
    expect(lines.slice(6, 40)).toEqual(Array.from({length: 34}, (_, index) => '  +inserted ' + (index + 2)))
    expect(lines.at(-2)).toBe('  … more lines of diff: over 400 lines were added or removed')
  })
})

describe('reading back errgen\'s own OpenAPI document', () => {
  test('gives the entries yaml gives with its duplicate-key search', async () => {
    const {outputs} = await generateSeed()
    const text = outputs['error-codes.openapi.yaml'] as string
    const entries = readOpenApi(text)
    const searched = parseYaml(text, {uniqueKeys: true}) as {components: {schemas: Parameters<typeof fromSchemas>[0]}}
    expect(entries.length).toBeGreaterThan(30)
    expect(entries.map(({status: _, ...entry}) => entry)).toEqual(fromSchemas(searched.components.schemas, undefined).map(({status: _, ...entry}) => entry))
  })

  test('a configuration file, which people write, still has each duplicate key located', () => {
    const file = new VFile({path: 'errgen.config.json', value: '{"out": "a",\n "out": "b"}\n'})
    expect(checkConfig(file, [])).toBeUndefined()
    expect(file.messages.map((message) => messageLine(message))).toEqual(['errgen.config.json:2:2  error  Unexpected repeated key  config-syntax'])
  })
})
