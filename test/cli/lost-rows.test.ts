/** One character before a row or a header of the real document, which once gave exit 0 with most codes gone: the command exits 1 with one located interrupted-table error and writes nothing. */
import path from 'node:path'
import {expect, test} from 'vitest'
import {project, runInProcess, snapshot} from '../support/helpers.js'
import {documentOf, errors} from '../support/renamed.js'

const lost = (what: string, table: string, rows: string, line: number) =>
  'Unexpected ' + what + ' between the rows of the table at ' + table + ', expected table rows: GFM ends the table there, and ' + rows + ' from line ' + line + ' would be lost'

test.each([
  ['`> ` before row 20', (lines: Array<string>) => { lines[19] = '> ' + lines[19] }, 'input/error-codes.md:20:1-20:154  error  ' + lost('block quote', '5:1', 'the 26 rows', 20)],
  ['`- ` before row 20', (lines: Array<string>) => { lines[19] = '- ' + lines[19] }, 'input/error-codes.md:20:1-20:154  error  ' + lost('list item', '5:1', 'the 26 rows', 20)],
  ['`>>` before row 20', (lines: Array<string>) => { lines[19] = '>>' + lines[19] }, 'input/error-codes.md:20:1-20:154  error  ' + lost('block quote', '5:1', 'the 26 rows', 20)],
  [
    '`- ` before the header, three spaces before the delimiter row',
    (lines: Array<string>) => { lines[4] = '- ' + lines[4]; lines[5] = '   ' + lines[5] },
    'input/error-codes.md:7:1-7:131  error  ' + lost('end of the list item', '5:3', 'the 39 rows', 7) + '; indent every row as far as the table\'s header'
  ]
])('%s: exit 1, one located error, nothing written', async (_, edit, expected) => {
  const directory = await project()
  expect((await runInProcess(['--quiet'], directory)).code).toBe(0)
  const out = path.join(directory, 'output')
  const before = await snapshot(out)
  await documentOf(directory).edit((text) => {
    const lines = text.split('\n')
    edit(lines)
    return lines.join('\n')
  })
  for (const args of [[], ['--check']]) {
    const run = await runInProcess(args, directory)
    expect([run.code, errors(run.stderr)]).toEqual([1, [expected + '  interrupted-table']])
  }
  expect(await snapshot(out)).toEqual(before)
})
