/** errgen/remark: the plugin gives the messages the command gives, with their rule ids, places and a url; bad options are located errors; and the real remark-cli fails with --frail on errgen's errors. */
import {execFile} from 'node:child_process'
import {readFile, writeFile} from 'node:fs/promises'
import path from 'node:path'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import {VFile} from 'vfile'
import {describe, expect, test} from 'vitest'
import remarkErrgen, {type Options} from '../../generator/remark/index.js'
import {root, seed, tempDirectory} from '../support/helpers.js'
import {badDocument} from './documents.js'


/** The messages of running the plugin on a document: `line:column-line:column reason ruleId source url`. */
async function messagesOf(markdown: string, options?: Options): Promise<Array<string>> {
  const file = new VFile({path: 'errors.md', value: markdown})
  const processor = unified().use(remarkParse).use(remarkGfm).use(remarkErrgen, options)
  await processor.run(processor.parse(file), file)
  return file.messages.map((message) =>
    [String(message.place ? message.line + ':' + message.column : ''), message.fatal ? 'error' : 'warning', message.reason, message.ruleId, message.source, message.url].join(' | ')
  )
}

describe('remarkErrgen', () => {
  test('adds the messages errgen gives, each with its rule id, place, source and url', async () => {
    expect(await messagesOf(badDocument)).toEqual([
      '6:9 | error | Unexpected code `10O1`, expected an integer | invalid-code | errgen | https://www.npmjs.com/package/errgen#diagnostics',
      '7:9 | error | Duplicate code 1000, first defined at 5:9 | duplicate-code | errgen | https://www.npmjs.com/package/errgen#diagnostics'
    ])
  })

  test('reads tables as the configuration says: columns and headings', async () => {
    const markdown = '## Other\n\n| Status | Id | Text | Fix |\n| --- | --- | --- | --- |\n| 400 | x | *a* | b |\n'
    expect(await messagesOf(markdown, {columns: {Status: 'status', Id: 'code', Text: 'message', Fix: 'resolve'}, codes: 'integer'})).toEqual([
      '5:9 | error | Unexpected code `x`, expected an integer | invalid-code | errgen | https://www.npmjs.com/package/errgen#diagnostics'
    ])
  })

  test('applies the rules\' severities of the configuration and of its options, as the command does', async () => {
    const seedText = await readFile(seed, 'utf8')
    const rulesOf = (messages: Array<string>) => messages.map((message) => message.split(' | ').slice(0, 2).concat(message.split(' | ')[3] ?? '').join(' | '))
    expect(rulesOf(await messagesOf(seedText, {rules: {'duplicate-name': 'off', 'duplicate-message': 'error'}}))).toEqual([
      '20:23 | error | duplicate-message',
      '21:23 | error | duplicate-message',
      '36:23 | error | duplicate-message'
    ])
    const directory = await tempDirectory()
    await writeFile(path.join(directory, 'errgen.config.json'), JSON.stringify({rules: {'duplicate-message': 'off'}}))
    const file = new VFile({path: path.join(directory, 'errors.md'), value: seedText})
    const processor = unified().use(remarkParse).use(remarkErrgen, {rules: {'duplicate-name': 'error'}})
    await processor.run(processor.parse(file), file)
    expect(file.messages.map((message) => [message.line, message.fatal, message.ruleId].join(' '))).toEqual(['19 true duplicate-name', '22 true duplicate-name'])
  })

  test('a rule that protects the data cannot be turned off in its options', async () => {
    const messages = await messagesOf('| Code | Message |\n| --- | --- |\n| 1 | a |\n', {rules: {'duplicate-code': 'off'}} as unknown as Options)
    expect(messages.map((message) => message.split(' | ')[3])).toEqual(['config-schema'])
  })

  test('reports malformed placeholders where they are written and mixed placeholders, with printf read only when the options turn it on', async () => {
    const markdown = '| HTTP | Code | Message |\n| --- | --- | --- |\n| 400 | 1 | Bad {na me} |\n| 400 | 2 | Limit {limit} of %d |\n'
    expect(await messagesOf(markdown, {params: ['braces', 'printf']})).toEqual([
      '3:17 | warning | Unexpected placeholder `{na me}` in the Message cell of code 1, expected `{name}` with a name of ASCII letters, digits and `_`; a literal brace is written in a code span; kept as text | malformed-placeholder | errgen | https://www.npmjs.com/package/errgen#diagnostics',
      '4:13 | error | Unexpected placeholders of 2 kinds for code 2 (`{limit}`, `%d`), expected one kind in its Message and Resolve cells: write each like `{limit}` | mixed-placeholders | errgen | https://www.npmjs.com/package/errgen#diagnostics'
    ])
    expect(await messagesOf(markdown)).toEqual([
      '3:17 | warning | Unexpected placeholder `{na me}` in the Message cell of code 1, expected `{name}` with a name of ASCII letters, digits and `_`; a literal brace is written in a code span; kept as text | malformed-placeholder | errgen | https://www.npmjs.com/package/errgen#diagnostics'
    ])
  })

  test('options errgen’s configuration schema refuses are errors on the document', async () => {
    expect(await messagesOf(badDocument, {codes: 'numbers', out: 'x'} as unknown as Options)).toEqual([
      ' | error | errgen options: Unexpected key `out` in the configuration, expected one of columns, optionalColumns, codes, headings, params, defaultLocale, rules | config-schema | errgen | https://www.npmjs.com/package/errgen#diagnostics',
      ' | error | errgen options: Unexpected "numbers" for `codes`, expected one of "auto", "integer", "string" | config-schema | errgen | https://www.npmjs.com/package/errgen#diagnostics'
    ])
  })
})

describe('remark-cli with errgen/remark in a .remarkrc', () => {
  test('reports errgen’s errors with their places and rule ids, and --frail exits 1', async () => {
    const directory = await tempDirectory()
    const plugin = path.join(root, 'dist', 'remark', 'index.js')
    const gfm = path.join(root, 'node_modules', 'remark-gfm', 'index.js')
    await writeFile(path.join(directory, '.remarkrc.json'), JSON.stringify({plugins: [gfm, [plugin, {codes: 'integer'}]]}))
    await writeFile(path.join(directory, 'errors.md'), badDocument)
    const cli = path.join(root, 'node_modules', 'remark-cli', 'cli.js')
    const result = await new Promise<{code: number, stderr: string}>((resolve) => {
      execFile(process.execPath, [cli, 'errors.md', '--frail', '--no-stdout', '--no-color'], {cwd: directory}, (error, _, stderr) =>
        resolve({code: error ? Number(error.code) : 0, stderr})
      )
    })
    expect(result.code).toBe(1)
    const lines = result.stderr.split('\n').map((line) => line.trim().replace(/\s+/g, ' '))
    expect(lines).toContain('6:9-6:13 error Unexpected code `10O1`, expected an integer invalid-code errgen')
    expect(lines).toContain('7:9-7:13 error Duplicate code 1000, first defined at 5:9 duplicate-code errgen')
    expect(lines).toContain('5:9-5:13 info First defined here duplicate-code errgen')
    expect(result.stderr).toMatch(/✖ 2 errors/)
  })
})

describe('remarkErrgen under the command\'s limits, on the edits that once lost rows', () => {
  test('a row with 40,000 markers is refused as the command refuses it', async () => {
    const messages = await messagesOf(badDocument + '400 | 9 | ' + '*a'.repeat(40_000) + ' | x |\n')
    expect(messages.map((message) => message.split(' | ').slice(0, 2).concat(message.split(' | ')[3] ?? '').join(' | '))).toEqual([badDocument.split('\n').length + ':1 | error | oversized-line'])
  })

  test.each([
    ['`> ` before a row', '> '],
    ['`- ` before a row', '- '],
    ['`1. ` before a row', '1. '],
    ['`>>` before a row', '>>']
  ])('%s is the error the command gives, at that line', async (_, marker) => {
    const lines = (await readFile(seed, 'utf8')).split('\n')
    lines[19] = marker + lines[19]
    const errors = (await messagesOf(lines.join('\n'))).filter((message) => message.includes(' | error | '))
    expect(errors.map((message) => message.split(' | ').slice(0, 1).concat(message.split(' | ')[3] ?? '').join(' | '))).toEqual(['20:1 | interrupted-table'])
  })

  test('`- ` before the header and three spaces before the delimiter row is the error the command gives, at the first row', async () => {
    const lines = (await readFile(seed, 'utf8')).split('\n')
    lines[4] = '- ' + lines[4]
    lines[5] = '   ' + lines[5]
    const errors = (await messagesOf(lines.join('\n'))).filter((message) => message.includes(' | error | '))
    expect(errors.map((message) => message.split(' | ').slice(0, 1).concat(message.split(' | ')[3] ?? '').join(' | '))).toEqual(['7:1 | interrupted-table'])
    expect(errors[0]).toContain('the 39 rows from line 7 would be lost; indent every row as far as the table\'s header')
  })
})
