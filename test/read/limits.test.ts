/** Inputs that would hang or exhaust errgen: lines too long or nested too deep are located errors and the document is not parsed; only regular files of a bounded size are read; globs stay inside the project. */
import {execFile} from 'node:child_process'
import {mkdir, symlink, truncate, writeFile} from 'node:fs/promises'
import path from 'node:path'
import {promisify} from 'node:util'
import {VFile} from 'vfile'
import {describe, expect, test} from 'vitest'
import {messageLine} from '../../generator/diagnostics/report.js'
import {reportOversizedLines} from '../../generator/read/limits.js'
import {runInProcess, tempDirectory} from '../support/helpers.js'

const header = '| HTTP | Code | Message | Resolve |\n| --- | --- | --- | --- |\n'

/** The messages of checking a document's lines, and whether it would be parsed. */
function limitsOf(text: string): {parsed: boolean, messages: Array<string>} {
  const file = new VFile({path: 'doc.md', value: text})
  const found = reportOversizedLines(file)
  return {parsed: !found, messages: file.messages.map((message) => messageLine(message))}
}

describe('line limits', () => {
  test('a line of emphasis markers too long to parse in good time is a located error', () => {
    const line = '| 400 | 1 | ' + '*_'.repeat(25_000) + ' |'
    expect(line.length).toBe(50_014)
    expect(limitsOf(header + line + '\n')).toEqual({
      parsed: false,
      messages: [
        'doc.md:3:1-3:50015  error  Unexpected line with 50000 emphasis, link and code markers, expected at most 1000: markdown parsing slows down quadratically on such lines, so this document is not read; break the line up  oversized-line'
      ]
    })
  })

  test('lists and quotes nested too deep are located errors, every one at once', () => {
    const lists = Array.from({length: 200}, (_, depth) => '  '.repeat(depth) + '- x').join('\n')
    const quotes = '> '.repeat(300) + 'x'
    const {parsed, messages} = limitsOf(lists + '\n' + quotes + '\n')
    expect(parsed).toBe(false)
    expect(messages.length).toBe(200 - 128 + 1)
    expect(messages[0]).toBe(
      'doc.md:129:1-129:259  error  Unexpected line nested 258 columns deep (indentation, `>` and list markers), expected at most 256: markdown parsing slows down quadratically on such nesting, so this document is not read  oversized-line'
    )
    expect(messages.at(-1)).toMatch(/^doc\.md:201:1-201:601  error  Unexpected line nested 600 columns deep/)
  })

  test('a line too long is a located error too', () => {
    const {parsed, messages} = limitsOf(header + '| 400 | 1 | ' + 'word '.repeat(25_000) + ' | x |\n')
    expect(parsed).toBe(false)
    expect(messages).toEqual([
      'doc.md:3:1-3:125019  error  Unexpected line of 125018 characters, expected at most 100000: markdown parsing slows down quadratically on such lines, so this document is not read; break the line up  oversized-line'
    ])
  })

  test('the seed, long cells and ordinary nesting are within the limits', () => {
    expect(limitsOf(header + '| 400 | 1 | ' + 'word '.repeat(1_900) + ' | Fix it. |\n' + '  '.repeat(100) + '- deep but fine\n')).toEqual({parsed: true, messages: []})
  })

  test('a document over the limits is reported with the others, and nothing else is said of it', async () => {
    const directory = await tempDirectory()
    await writeFile(path.join(directory, 'long.md'), header + '| 400 | 1 | ' + '~~a'.repeat(25_000) + ' | x |\n')
    await writeFile(path.join(directory, 'bad.md'), header + '| 400 | 1 | *m* | Fix. |\n| 401 | 1 | *n* | Fix. |\n')
    const result = await runInProcess(['--input', 'long.md', '--input', 'bad.md', '--out', 'out'], directory)
    expect(result.code).toBe(1)
    expect(result.stderr.split('\n').filter((line) => line.includes('  error  ')).map((line) => line.split('  ').at(-1))).toEqual(['oversized-line', 'duplicate-code'])
  })
})

describe('what is read', () => {
  test('a FIFO, a device and a link to a device are refused in one line with exit code 2, never read', async () => {
    const directory = await tempDirectory()
    await promisify(execFile)('mkfifo', [path.join(directory, 'pipe.md')])
    await symlink('/dev/zero', path.join(directory, 'zero.md'))
    for (const input of ['pipe.md', '/dev/zero', 'zero.md']) {
      const result = await runInProcess(['--input', input, '--out', 'out'], directory)
      expect([result.code, result.stderr], input).toEqual([2, 'errgen: cannot read ' + (input === '/dev/zero' ? path.relative(directory, '/dev/zero') : input) + ': it is not a regular file (a FIFO, a device or a socket)\n'])
    }
  })

  test('a document over 64 MiB is refused in one line with exit code 2', async () => {
    const directory = await tempDirectory()
    const file = path.join(directory, 'huge.md')
    await writeFile(file, header)
    await truncate(file, 65 * 1024 * 1024)
    const result = await runInProcess(['--input', 'huge.md', '--out', 'out'], directory)
    expect([result.code, result.stderr]).toEqual([2, 'errgen: cannot read huge.md: it has 65 MiB, more than the 64 MiB errgen reads in a document\n'])
  })

  test('a glob that leaves the working directory is refused; a glob follows no link out of it', async () => {
    const directory = await tempDirectory()
    for (const pattern of ['/**/*', '../*.md', 'docs/../../*.md']) {
      const result = await runInProcess(['--input', pattern, '--out', 'out'], directory)
      expect([result.code, result.stderr], pattern).toEqual([2, 'errgen: refusing to search `' + pattern + "`: a glob must stay inside the working directory or the configuration's; name a document outside them by its path\n"])
    }
    const outside = await tempDirectory()
    await writeFile(path.join(outside, 'other.md'), header + '| 400 | 1 | *m* | Fix. |\n')
    await mkdir(path.join(directory, 'docs'))
    await writeFile(path.join(directory, 'docs', 'errors.md'), header + '| 400 | 2 | *n* | Fix. |\n')
    await symlink(outside, path.join(directory, 'docs', 'linked'))
    const result = await runInProcess(['--input', 'docs/**/*.md', '--out', 'out', '--print-config'], directory)
    expect(result.code).toBe(0)
    const listed = await runInProcess(['--input', 'docs/**/*.md', '--out', 'out'], directory)
    expect(listed.stdout).toMatch(/^errgen: 1 codes, out\/ 3 of 3 files written/)
  })
})

describe('markers counted by the inline text they are parsed in', () => {
  const markers = (count: number) => '*a_'.repeat(count / 2)

  test('a paragraph of short lines over the limit is one located error', () => {
    const lines = Array.from({length: 6}, () => markers(200)).join('\n')
    expect(limitsOf('Text.\n\n' + lines + '\n\nMore text.\n')).toEqual({
      parsed: false,
      messages: [
        'doc.md:3:1-8:301  error  Unexpected paragraph of 6 lines with 1200 emphasis, link and code markers, expected at most 1000: markdown parsing slows down quadratically on such text, so this document is not read; break it up with blank lines  oversized-line'
      ]
    })
  })

  test.each([
    ['paragraphs apart', Array.from({length: 6}, () => markers(200)).join('\n\n')],
    ['table rows, each counted alone', header + Array.from({length: 2000}, (_, row) => '| 400 | ' + row + ' | ' + markers(200) + ' | Fix. |').join('\n')],
    ['a quoted table', '> ' + header.replace(/\n(?=.)/, '\n> ') + Array.from({length: 20}, (_, row) => '> | 400 | ' + row + ' | ' + markers(200) + ' |').join('\n')],
    ['a fenced code block', 'Sample:\n```json\n' + Array.from({length: 600}, () => '[[1], [2]]').join('\n') + '\n```\n' + markers(200)],
    ['a fence of tildes in a quote', '> ~~~\n' + Array.from({length: 600}, () => '> [[1]]').join('\n') + '\n> ~~~\n']
  ])('%s are within the limits', (_, text) => {
    expect(limitsOf(text + '\n')).toEqual({parsed: true, messages: []})
  })

  test.each([
    ['a header and a delimiter of other cell counts (no table: one paragraph)', 'a\n--- | ---\n' + Array.from({length: 6}, () => markers(200) + ' | x').join('\n')],
    ['a quote\'s paragraph continued lazily', '> ' + markers(200) + '\n' + Array.from({length: 5}, () => markers(200)).join('\n')],
    ['a table ended by a quote whose paragraph continues lazily', header + '| 400 | 1 | x |\n> ' + markers(200) + '\n' + Array.from({length: 5}, () => markers(200)).join('\n')],
    ['text after a fence that a quote ended', '> ```\n> [x]\n' + Array.from({length: 6}, () => markers(200)).join('\n')],
    ['a heading underlined, then a paragraph', 'Title\n---\n' + Array.from({length: 6}, () => markers(200)).join('\n')]
  ])('%s is counted as one paragraph', (_, text) => {
    const {parsed, messages} = limitsOf(text + '\n')
    expect(parsed).toBe(false)
    expect(messages).toHaveLength(1)
    expect(messages[0]).toMatch(/Unexpected paragraph of \d+ lines with 1\d{3} emphasis/)
  })
})

describe('link reference definitions', () => {
  const definitions = Array.from({length: 2000}, (_, index) => '[*guide_ ' + index + ']: https://example.com/' + index + ' "A *title*"').join('\n')

  test('are not inline text: 2,000 of them in a row are within the limits', () => {
    expect(limitsOf(header + '| 400 | 1 | [*guide_ 1] | x |\n\n' + definitions + '\n')).toEqual({parsed: true, messages: []})
  })

  test('after a paragraph\'s text they are its text, and counted', () => {
    const {parsed, messages} = limitsOf('Text.\n' + definitions + '\n')
    expect(parsed).toBe(false)
    expect(messages[0]).toMatch(/^doc\.md:1:1-2001:\d+  error  Unexpected paragraph of 2001 lines with 12000 emphasis/)
  })
})

describe('markers outside the tables\' rows', () => {
  test('past the most a document may have, the paragraph that passes it is a located error; rows are not counted', () => {
    const paragraphs = Array.from({length: 101}, () => '*a_'.repeat(500)).join('\n\n')
    const rows = Array.from({length: 1000}, (_, row) => '| 400 | ' + row + ' | ' + '*a_'.repeat(100) + ' |').join('\n')
    expect(limitsOf(header + rows + '\n\n' + paragraphs + '\n')).toEqual({
      parsed: false,
      messages: [
        'doc.md:1204:1-1204:1501  error  Unexpected paragraph past 100000 emphasis, link and code markers outside the tables\' rows, expected at most 100000 in a document: markdown parsing of so many slows the run down, so this document is not read; split it into documents  oversized-line'
      ]
    })
    expect(limitsOf(header + rows + '\n\n' + paragraphs.slice(0, -1502) + '\n').parsed).toBe(true)
  })
})
