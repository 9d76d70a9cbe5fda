/** catalog: documents in, the Catalog's columns and documentation texts out — tables that differ in an optional column, and links kept with their URLs for documentation. */
import {VFile} from 'vfile'
import {describe, expect, test} from 'vitest'
import {buildCatalog} from '../../generator/catalog/build.js'
import {parse} from '../../generator/parse/parse.js'
import {messageLine, sortMessages} from '../../generator/diagnostics/report.js'
import {validate} from '../../generator/tables/validate.js'
import type {OptionalColumn} from '../../generator/types.js'

/** The catalog of one document, and its messages. */
function build(markdown: string, optionalColumns: ReadonlyArray<OptionalColumn> = []) {
  const file = new VFile({path: 'a.md', value: markdown})
  const options = {columns: {}, optionalColumns, codes: 'auto', headings: []} as const
  const catalog = buildCatalog([validate(parse(file), file, options)], options, [file.path])
  return {catalog, messages: sortMessages(file.messages).map((message) => messageLine(message))}
}

const twoTables = '## Auth\n\n| Code | Description | How to fix |\n| --- | --- | --- |\n| 1 | Token missing | Send a token. |\n\n## Billing\n\n| Code | Description |\n| --- | --- |\n| 2 | Card declined |\n'

describe('tables that differ in a column', () => {
  test('are an error when the column is not optional, naming the header as read', () => {
    expect(build(twoTables).messages).toEqual([
      'a.md:9:1-11:22  error  Missing Resolve column in error table, expected it as in the table at 3:1 (or `"optionalColumns": ["resolve"]`); found Code, Description (read as message)  missing-column'
    ])
  })

  test('are read in one run when the column is optional: the entries of the table without it have none', () => {
    const {catalog, messages} = build(twoTables, ['resolve'])
    expect(messages).toEqual([])
    expect(catalog.hasResolve).toBe(true)
    expect(catalog.entries.map(({code, message, resolve, group}) => ({code, message, resolve, group}))).toEqual([
      {code: 1, message: 'Token missing', resolve: 'Send a token.', group: 'Auth'},
      {code: 2, message: 'Card declined', resolve: undefined, group: 'Billing'}
    ])
  })

  test('a column no table has is absent, without configuration', () => {
    const {catalog, messages} = build('| Code | Message |\n| --- | --- |\n| 1 | a |\n\n| Code | Meaning |\n| --- | --- |\n| 2 | b |\n')
    expect(messages).toEqual([])
    expect([catalog.hasStatus, catalog.hasResolve]).toEqual([false, false])
  })
})

describe('documentation texts', () => {
  test('keep each link as markdown with its URL; the body texts are the rendered ones', () => {
    const {catalog, messages} = build(
      'HTTP | Code | Message | Resolve\n--- | --- | --- | ---\n' +
        '400 | 1 | Bad [subject](https://example.com/s "S") | See [the guide][guide], or [docs] \\[not a link\\].\n' +
        '400 | 2 | Plain | Visit <https://example.com/routes> or https://example.com/x.\n' +
        '400 | 3 | Brackets | [a \\[b\\]](https://example.com/a(b)) and <b>bold</b>.\n' +
        '400 | 4 | HTML link | Read <a href="https://example.com/h?a=1&amp;b=2">the <b>HTML</b> docs</a>.\n' +
        '\n[guide]: https://example.com/guide\n[docs]: <https://example.com/d e>\n'
    )
    expect(messages).toEqual([])
    expect(catalog.entries.map(({message, resolve, docs}) => ({message, resolve, docs}))).toEqual([
      {
        message: 'Bad subject',
        resolve: 'See the guide, or docs [not a link].',
        docs: {message: 'Bad [subject](https://example.com/s)', resolve: 'See [the guide](https://example.com/guide), or [docs](<https://example.com/d e>) [not a link].'}
      },
      {message: 'Plain', resolve: 'Visit https://example.com/routes or https://example.com/x.', docs: undefined},
      {message: 'Brackets', resolve: 'a [b] and bold.', docs: {message: 'Brackets', resolve: '[a \\[b\\]](<https://example.com/a(b)>) and bold.'}},
      {message: 'HTML link', resolve: 'Read the HTML docs.', docs: {message: 'HTML link', resolve: 'Read [the HTML docs](https://example.com/h?a=1&b=2).'}}
    ])
  })
})
