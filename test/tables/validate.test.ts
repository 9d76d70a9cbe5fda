/** validate: markdown in, the rows of its error tables out, as given/want tables. */
import {describe, expect, test} from 'vitest'
import {check, header} from './check.js'

describe('validate: rows', () => {
  const cases: Array<[string, {given: string; want: Array<object>}]> = [
    [
      'the seed format: code spans, emphasis, no outer pipes, trailing space after the separator',
      {
        given: 'HTTP | Code | Message | Resolve\n--- | --- | --- | --- \n```400```| ```1000```|*access_token missing*|You need a token.\n',
        want: [{status: 400, code: '1000', message: 'access_token missing', resolve: 'You need a token.', name: undefined, group: undefined}]
      }
    ],
    [
      'outer pipes, alignment and aliases',
      {
        given: '| Status | Error code | Message | Resolution |\n|:--|--:|:-:|---|\n| 404 | 7 | not found | Look elsewhere. |\n',
        want: [{status: 404, code: '7', message: 'not found', resolve: 'Look elsewhere.', name: undefined, group: undefined}]
      }
    ],
    [
      'escaped pipes, links and strong text',
      {
        given: header + '400 | 1 | `a\\|b` | See [the **docs**](https://x.test) \\| or not\n',
        want: [{status: 400, code: '1', message: 'a|b', resolve: 'See the docs | or not', name: undefined, group: undefined}]
      }
    ],
    [
      'a Name column overrides the derived name',
      {
        given: 'HTTP | Code | Message | Resolve | Name\n--- | --- | --- | --- | ---\n400 | 1 | bad | Fix it. | BadThing\n401 | 2 | worse | Fix it. | |\n',
        want: [
          {status: 400, code: '1', message: 'bad', resolve: 'Fix it.', name: 'BadThing', group: undefined},
          {status: 401, code: '2', message: 'worse', resolve: 'Fix it.', name: undefined, group: undefined}
        ]
      }
    ],
    [
      'columns errgen does not know are ignored',
      {
        given: 'HTTP | Code | Since | Message | Resolve\n--- | --- | --- | --- | ---\n400 | 1 | v2 | bad | Fix it.\n',
        want: [{status: 400, code: '1', message: 'bad', resolve: 'Fix it.', name: undefined, group: undefined}]
      }
    ],
    [
      'tables in block quotes and list items are read too',
      {
        given:
          '> HTTP | Code | Message | Resolve\n> --- | --- | --- | ---\n> 400 | 1 | a | A.\n\n' +
          '- Server errors:\n\n  HTTP | Code | Message | Resolve\n  --- | --- | --- | ---\n  500 | 2 | b | B.\n',
        want: [
          {status: 400, code: '1', message: 'a', resolve: 'A.', name: undefined, group: undefined},
          {status: 500, code: '2', message: 'b', resolve: 'B.', name: undefined, group: undefined}
        ]
      }
    ],
    [
      'a table may follow a paragraph line directly',
      {
        given: 'The errors:\n' + header + '400 | 1 | a | A.\n',
        want: [{status: 400, code: '1', message: 'a', resolve: 'A.', name: undefined, group: undefined}]
      }
    ],
    [
      'a table with two of the columns and no Code column is not an error table',
      {
        given: 'Version | Status | Description\n--- | --- | ---\n2 | beta | New.\n\n' + header + '400 | 1 | a | A.\n',
        want: [{status: 400, code: '1', message: 'a', resolve: 'A.', name: undefined, group: undefined}]
      }
    ],
    [
      'every matching table is read; other tables are not',
      {
        given: 'Key | Value\n--- | ---\na | b\n\n' + header + '400 | 1 | a | A.\n\n## More\n\n' + header + '500 | 2 | b | B.\n',
        want: [
          {status: 400, code: '1', message: 'a', resolve: 'A.', name: undefined, group: undefined},
          {status: 500, code: '2', message: 'b', resolve: 'B.', name: undefined, group: 'More'}
        ]
      }
    ]
  ]
  test.each(cases)('%s', (_, {given, want}) => {
    const {rows, messages} = check(given)
    expect(messages).toEqual([])
    expect(rows).toEqual(want)
  })
})
