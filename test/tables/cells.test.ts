/** cellText: a markdown table cell in, its text as CommonMark renders it out, as given/want tables. */
import {VFile} from 'vfile'
import {describe, expect, test} from 'vitest'
import {parse} from '../../generator/parse/parse.js'
import {cellText} from '../../generator/tables/cells/text.js'
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
    const file = new VFile(header + '400 | 1 | ' + given + ' | A.\n')
    const tree = parse(file)
    const table = tree.children[0]
    if (table?.type !== 'table') throw new Error('expected a table')
    const cell = table.children[1]?.children[2]
    if (!cell) throw new Error('expected a cell')
    expect(cellText(cell)).toBe(want)
  })
})
