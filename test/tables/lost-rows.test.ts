/** Lost rows: every line that reads as a row of an error table is a row errgen read, a sample set apart, or a located error naming what holds it and how many rows would be lost — whatever block GFM makes of it. */
import {readFile} from 'node:fs/promises'
import {describe, expect, test} from 'vitest'
import {seed} from '../support/helpers.js'
import {check, header} from './check.js'

const row = (code: number) => '400 | ' + code + ' | *m' + code + '* | Fix ' + code + '.\n'
const table = (between: string) => header + row(1) + between + row(2) + row(3)

/** The errors of a document. */
function errors(markdown: string): Array<string> {
  return check(markdown).messages.filter((message) => message.includes('  error  '))
}

/** The seed with an edit to its lines (0-based). */
async function editedSeed(edit: (lines: Array<string>) => void): Promise<string> {
  const lines = (await readFile(seed, 'utf8')).split('\n')
  edit(lines)
  return lines.join('\n')
}

const lost = (what: string, table: string, rows: string, line: number) =>
  'Unexpected ' + what + ' between the rows of the table at ' + table + ', expected table rows: GFM ends the table there, and ' + rows + ' from line ' + line + ' would be lost'

describe('a block between the rows of a table', () => {
  const cases: Array<[string, string, string]> = [
    ['<!-- 400 | 9 | *gone* | Gone. -->\n', 'doc.md:4:1-4:34', lost('HTML comment', '1:1', 'the 3 rows', 4) + '; a row cannot be commented out: delete it, or deprecate it by striking its message through'],
    ['<div>note</div>\n', 'doc.md:5:1-5:24', lost('HTML block', '1:1', 'the 2 rows', 5)],
    ['> a quote\n', 'doc.md:5:1-5:24', lost('block quote', '1:1', 'the 2 rows', 5)],
    ['- an item\n', 'doc.md:5:1-5:24', lost('list item', '1:1', 'the 2 rows', 5)],
    ['1. an item\n', 'doc.md:5:1-5:24', lost('list item', '1:1', 'the 2 rows', 5)],
    ['# A heading\n', 'doc.md:4:1-4:12', lost('heading', '1:1', 'the 2 rows', 5)],
    ['***\n', 'doc.md:4:1-4:4', lost('thematic break', '1:1', 'the 2 rows', 5)],
    ['```\ncode\n```\n', 'doc.md:4:1-6:4', lost('fenced code block', '1:1', 'the 2 rows', 7)],
    ['```\n', 'doc.md:5:1-5:24', lost('fenced code block', '1:1', 'the 2 rows', 5)],
    ['    indented code\n', 'doc.md:4:1-4:18', lost('indented code block', '1:1', 'the 2 rows', 5)],
    ['\n', 'doc.md:4:1-4:1', lost('blank line', '1:1', 'the 2 rows', 5)]
  ]
  test.each(cases)('%j ends the table: one error, at the block or at the first row it holds', (between, place, reason) => {
    const {rows, messages} = check(table(between))
    expect(rows.map((read) => read.code)).toEqual(['1'])
    expect(messages).toEqual([place + '  error  ' + reason + '  interrupted-table'])
  })
})

describe('one character before a row of the real document', () => {
  // The edits that once gave exit 0 with most codes gone.
  const cases: Array<[string, (lines: Array<string>) => void, string]> = [
    ['`> ` before row 20', (lines) => { lines[19] = '> ' + lines[19] }, 'doc.md:20:1-20:154  error  ' + lost('block quote', '5:1', 'the 26 rows', 20)],
    ['`- ` before row 20', (lines) => { lines[19] = '- ' + lines[19] }, 'doc.md:20:1-20:154  error  ' + lost('list item', '5:1', 'the 26 rows', 20)],
    ['`1. ` before row 20', (lines) => { lines[19] = '1. ' + lines[19] }, 'doc.md:20:1-20:155  error  ' + lost('list item', '5:1', 'the 26 rows', 20)],
    ['`>>` before row 20', (lines) => { lines[19] = '>>' + lines[19] }, 'doc.md:20:1-20:154  error  ' + lost('block quote', '5:1', 'the 26 rows', 20)],
    [
      '`- ` before the header and three spaces before the delimiter row',
      (lines) => { lines[4] = '- ' + lines[4]; lines[5] = '   ' + lines[5] },
      'doc.md:7:1-7:131  error  ' + lost('end of the list item', '5:3', 'the 39 rows', 7) + '; indent every row as far as the table\'s header'
    ],
    ['`# ` before row 20', (lines) => { lines[19] = '# ' + lines[19] }, 'doc.md:20:1-20:154  error  ' + lost('heading', '5:1', 'the 26 rows', 20)],
    ['`* ` before row 20', (lines) => { lines[19] = '* ' + lines[19] }, 'doc.md:20:1-20:154  error  ' + lost('list item', '5:1', 'the 26 rows', 20)],
    ['`+ ` before row 20', (lines) => { lines[19] = '+ ' + lines[19] }, 'doc.md:20:1-20:154  error  ' + lost('list item', '5:1', 'the 26 rows', 20)],
    [
      'an unclosed `<!--` before row 20',
      (lines) => { lines[19] = '<!-- ' + lines[19] },
      'doc.md:20:1-20:157  error  ' + lost('HTML comment', '5:1', 'the 26 rows', 20) + '; a row cannot be commented out: delete it, or deprecate it by striking its message through'
    ],
    [
      'two rows commented out',
      (lines) => { lines[19] = '<!-- ' + lines[19] + ' -->'; lines[20] = '<!-- ' + lines[20] + ' -->' },
      'doc.md:20:1-20:161  error  ' + lost('HTML comment', '5:1', 'the 26 rows', 20) + '; a row cannot be commented out: delete it, or deprecate it by striking its message through'
    ],
    ['an unclosed fence before row 20', (lines) => { lines.splice(19, 0, '```') }, 'doc.md:21:1-21:152  error  ' + lost('fenced code block', '5:1', 'the 26 rows', 21)],
    ['the last row indented', (lines) => { lines[44] = '    ' + lines[44] }, 'doc.md:45:1-45:144  error  ' + lost('indented code block', '5:1', 'the row', 45)],
    [
      'rows after a blank line with another cell count',
      (lines) => { lines.splice(40, 0, ''); lines[41] += '| x'; lines[42] += '| x' },
      'doc.md:41:1-41:1  error  ' + lost('blank line', '5:1', 'the 5 rows', 42)
    ],
    ['the header alone', (lines) => { lines.splice(6, 39) }, 'doc.md:5:1-5:32  error  Unexpected error table without rows, expected a row below its delimiter row: a table that documents no error is lost']
  ]
  test.each(cases)('%s is one located error', async (_, edit, expected) => {
    const [message, ...others] = errors(await editedSeed(edit))
    expect(others).toEqual([])
    expect(message).toBe(expected + (expected.includes('without rows') ? '  empty-table' : '  interrupted-table'))
  })
})

describe('containers', () => {
  test('a quoted table followed by rows without `>`', () => {
    const markdown = '> HTTP | Code | Message | Resolve\n> --- | --- | --- | ---\n> ' + row(1) + row(2)
    expect(errors(markdown)).toEqual([
      'doc.md:4:1-4:24  error  ' + lost('end of the block quote', '1:3', 'the row', 4) + '; write `>` before every row of a quoted table  interrupted-table'
    ])
  })

  test('a table in a list item cut by a blank line', () => {
    const markdown = '- Errors:\n\n  ' + header.replace('\n', '\n  ') + '  ' + row(1) + '\n  ' + row(2)
    expect(errors(markdown)).toEqual(['doc.md:6:1-6:1  error  ' + lost('blank line', '3:3', 'the row', 7) + '  interrupted-table'])
  })

  test('a table whose header line was deleted, below another table', () => {
    const markdown = header + row(1) + '\n## More\n\n' + row(2) + '--- | --- | --- | ---\n' + row(3)
    expect(errors(markdown)).toEqual([
      'doc.md:7:1-7:24  error  ' + lost('table whose header is a row', '1:1', 'the 2 rows', 7) + '  interrupted-table'
    ])
  })

  test('rows above the table, and rows after two blocks of prose', () => {
    const markdown = row(9) + '\n' + header + row(1) + '\nOne paragraph.\n\nAnother paragraph.\n\n' + row(2)
    expect(errors(markdown)).toEqual([
      'doc.md:1:1-1:24  error  Unexpected text holding a row like those of the table at 3:1, expected it in the table: GFM reads the row from line 1 as text, so it would be lost  interrupted-table',
      'doc.md:11:1-11:24  error  Unexpected text holding a row like those of the table at 3:1, expected it in the table: GFM reads the row from line 11 as text, so it would be lost  interrupted-table'
    ])
  })
})

describe('what is not a lost row', () => {
  test.each([
    ['a second table under a heading', header + row(1) + '\n## More\n\n' + header + row(2)],
    ['prose with pipes', header + row(1) + '\nSee a | b for more, or `x | y`.\n'],
    ['another table whose cells look like rows', header + row(1) + '\n| Setting | Limit | Unit |\n| --- | --- | --- |\n| size | 100 | kB |\n'],
    ['a fenced sample after a sentence', header + row(1) + '\nWrite a row like this:\n\n```markdown\n' + row(2) + '```\n'],
    ['an indented sample after a sentence', header + row(1) + '\nWrite a row like this:\n\n    ' + row(2)],
    ['a `<pre>` sample after a heading', header + row(1) + '\n## Sample\n\n<pre>\n' + row(2) + '</pre>\n'],
    ['rows commented out under a heading of their own', header + row(1) + '\n## Retired\n\n<!--\n' + row(2) + '-->\n'],
    ['a table under another heading than those configured', '## Errors\n\n' + header + row(1) + '\n## Draft\n\n' + header + row(2)]
  ])('%s', (_, markdown) => {
    const options = markdown.includes('## Draft') ? {headings: ['Errors']} : {}
    expect(check(markdown, options).messages.filter((message) => message.endsWith('interrupted-table'))).toEqual([])
  })

  test('a sample right after the rows is not set apart: a fence opened there is reported', () => {
    expect(errors(header + row(1) + '\n```\n' + row(2) + '```\n')).toEqual(['doc.md:6:1-6:24  error  ' + lost('fenced code block', '1:1', 'the row', 6) + '  interrupted-table'])
  })

  test('string codes: a row is recognised by its code\'s look, prose is not', () => {
    const strings = 'HTTP | Code | Message\n--- | --- | ---\n400 | AUTH_FAILED | *a*\n'
    expect(errors(strings + '\nNote | see the docs | here\n')).toEqual([])
    expect(errors(strings + '\n401 | TOKEN_EXPIRED | *b*\n')).toEqual(['doc.md:4:1-4:1  error  ' + lost('blank line', '1:1', 'the row', 5) + '  interrupted-table'])
  })

  test('a broken header is malformed-table alone, with its rows', () => {
    expect(check(header + row(1) + '\nHTTP | Code | Message | Resolve\n--- | ---\n' + row(2)).messages).toEqual([
      'doc.md:5:1-7:24  error  Unexpected delimiter row with 2 cells below a header of 4, expected one per column: GFM reads this as text, not as a table  malformed-table'
    ])
  })
})

test('a footnote reference in a cell keeps its text', () => {
  const {rows} = check(header + '400 | 1 | *m* | See the terms.[^terms]\n\n[^terms]: The terms.\n')
  expect(rows[0]?.resolve).toBe('See the terms.[^terms]')
})
