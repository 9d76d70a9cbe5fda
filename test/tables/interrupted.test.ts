/** Interrupted tables: every block that ends a GFM table between rows like its own is a located error naming it, and nothing else is. */
import {readFile} from 'node:fs/promises'
import {describe, expect, test} from 'vitest'
import {seed} from '../support/helpers.js'
import {check, header} from './check.js'

const row = (code: number) => '400 | ' + code + ' | *m' + code + '* | Fix ' + code + '.\n'
const table = (between: string) => header + row(1) + between + row(2) + row(3)

/** What each interrupting line is called in the message. */
const interrupters: Array<[string, string]> = [
  ['<!-- 400 | 9 | *gone* | Gone. -->\n', 'HTML comment'],
  ['<div>note</div>\n', 'HTML block'],
  ['> a quote\n', 'block quote'],
  ['- an item\n', 'list'],
  ['1. an item\n', 'list'],
  ['# A heading\n', 'heading'],
  ['***\n', 'thematic break'],
  ['```\ncode\n```\n', 'code block'],
  ['\n', 'blank line']
]

describe('interrupted tables', () => {
  test.each(interrupters)('%j ends the table: an error at it, naming the rows that would be lost', (between, name) => {
    const {rows, messages} = check(table(between))
    expect(rows.map((read) => read.code)).toEqual(['1'])
    const lines = between.split('\n').length - 1
    const first = 4 + lines
    expect(messages).toHaveLength(1)
    expect(messages[0]).toMatch(
      new RegExp('^doc\\.md:4:1-\\d+:\\d+  error  Unexpected ' + name + ' between the rows of the table at 1:1, expected table rows: GFM ends the table there, and the 2 rows from line ' + first + ' would be lost')
    )
    expect(messages[0]).toMatch(/  interrupted-table$/)
  })

  test('an indented line ends the table too', () => {
    const {messages} = check(header + row(1) + '    indented code\n' + row(2))
    expect(messages).toEqual([
      'doc.md:4:1-4:18  error  Unexpected code block between the rows of the table at 1:1, expected table rows: GFM ends the table there, and the row from line 5 would be lost  interrupted-table'
    ])
  })

  test.each([
    ['a second table under a heading', header + row(1) + '\n## More\n\n' + header + row(2)],
    ['prose with another number of cells', header + row(1) + '\nSee a | b for more.\n'],
    ['rows inside a fence after the table', header + row(1) + '\n```\n' + row(2) + '```\n'],
    ['rows after two blocks of prose', header + row(1) + '\nOne paragraph.\n\nAnother paragraph.\n\n' + row(2)]
  ])('%s is not an interruption', (_, markdown) => {
    expect(check(markdown).messages.filter((message) => message.endsWith('interrupted-table'))).toEqual([])
  })

  test('a row of the real document commented out is reported, not 36 codes silently dropped', async () => {
    const text = await readFile(seed, 'utf8')
    const lines = text.split('\n')
    const index = lines.findIndex((line) => line.includes('1101'))
    lines[index] = '<!-- ' + lines[index] + ' -->'
    const {messages} = check(lines.join('\n'))
    expect(messages.filter((message) => message.includes('  error  '))).toEqual([
      expect.stringMatching(new RegExp('^doc\\.md:' + (index + 1) + ':1-' + (index + 1) + ':\\d+  error  Unexpected HTML comment between the rows of the table at \\d+:1, expected table rows: GFM ends the table there, and the \\d+ rows from line ' + (index + 2) + ' would be lost; a row cannot be commented out'))
    ])
  })

  test('a footnote reference in a cell keeps its text', () => {
    const {rows} = check(header + '400 | 1 | *m* | See the terms.[^terms]\n\n[^terms]: The terms.\n')
    expect(rows[0]?.resolve).toBe('See the terms.[^terms]')
  })
})
