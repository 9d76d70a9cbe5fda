/** cellText: a markdown table cell in, its text as CommonMark renders it out, as given/want tables; its documentation text is the same unless it may hold a link. */
import {VFile} from 'vfile'
import {describe, expect, test} from 'vitest'
import {parse} from '../../generator/parse/parse.js'
import fc from 'fast-check'
import {cellDocText, cellText, mayHoldLinks} from '../../generator/tables/cells/text.js'
import {header} from './check.js'

describe('cellText', () => {
  const cases: Array<[string, string]> = [
    ['```400```', '400'],
    ['*access_token missing*', 'access_token missing'],
    ['a<br>b', 'a\nb'],
    ['<code>x</code>', 'x'],
    ['![alt text](i.png)', 'alt text'],
    ['`` a`b ``', 'a`b'],
    ['\\*not emphasis\\*', '*not emphasis*']
  ]
  test.each(cases)('%s', (given, want) => {
    expect(cellText(messageCell(given))).toBe(want)
  })
})

/** The message cell of a one-row table whose message is `given`. */
function messageCell(given: string) {
  const tree = parse(new VFile(header + '400 | 1 | ' + given + ' | A.\n\n[ref]: https://example.com/ref\n'))
  const table = tree.children[0]
  if (table?.type !== 'table') throw new Error('expected a table')
  const cell = table.children[1]?.children[2]
  if (!cell) throw new Error('expected a cell')
  return cell
}

describe('cellDocText', () => {
  /** Inline markup, links of every kind, HTML and plain text. */
  const parts = [
    'text', ' ', '*em*', '**strong**', '`code`', '~~struck~~', '<br>', '<b>bold</b>', '<a href="https://example.com/a">anchor</a>', '<span>x</span>',
    '[link](https://example.com/l)', '[ref]', '[ref][]', '[text][ref]', '[unknown]', 'https://example.com/auto', 'www.example.com', '![alt](i.png)',
    '[^note]', '\\*', '&amp;', 'é'
  ]

  test('is the cell\'s text when the cell may hold no link, on random cells', () => {
    const definitions = new Map([['ref', 'https://example.com/ref']])
    let linked = 0
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...parts), {minLength: 1, maxLength: 6}), (chosen) => {
        const cell = messageCell(chosen.join(''))
        if (mayHoldLinks(cell)) linked++
        else expect(cellDocText(cell, definitions)).toBe(cellText(cell))
      }),
      {numRuns: 300}
    )
    // Not vacuous either way.
    expect(linked).toBeGreaterThan(30)
    expect(linked).toBeLessThan(270)
  })

  test('keeps a link\'s URL, which the text drops', () => {
    const cell = messageCell('see [the guide](https://example.com/guide)')
    expect(mayHoldLinks(cell)).toBe(true)
    expect(cellDocText(cell, new Map())).toBe('see [the guide](https://example.com/guide)')
    expect(cellText(cell)).toBe('see the guide')
  })
})
