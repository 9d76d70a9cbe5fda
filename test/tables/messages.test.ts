/** validate's messages: markdown in, the located messages about its tables, rows and cells out, as given/want tables. */
import {describe, expect, test} from 'vitest'
import {check, header} from './check.js'

describe('validate: messages', () => {
  const cases: Array<[string, {given: string; want: Array<string>}]> = [
    [
      'no table',
      {
        given: '# Errors\n\nNothing here.\n',
        want: [
          'doc.md:1:1  error  Unexpected document without an error table, expected a table with a Code column and a Message column (or Description, Meaning, Text)  no-table'
        ]
      }
    ],
    [
      'a table in a code block is not a table',
      {
        given: '```\n' + header + '400 | 1 | a | A.\n```\n',
        want: [
          'doc.md:1:1  error  Unexpected document without an error table, expected a table with a Code column and a Message column (or Description, Meaning, Text)  no-table'
        ]
      }
    ],
    [
      'a header whose delimiter row has too few cells is text, not a table',
      {
        given: '# Errors\n\n' + 'HTTP | Code | Message | Resolve\n--- | --- | ---\n400 | 1 | a | A.\n',
        want: [
          'doc.md:3:1-5:17  error  Unexpected delimiter row with 3 cells below a header of 4, expected one per column: GFM reads this as text, not as a table  malformed-table'
        ]
      }
    ],
    [
      'a header without a delimiter row, after a paragraph line and in a block quote, next to a good table',
      {
        given: header + '400 | 1 | a | A.\n\n> Also:\n> | HTTP | Code | Message | Resolve |\n> | 401 | 2 | b | B. |\n',
        want: [
          'doc.md:6:3-7:23  error  Unexpected error-table header without a delimiter row below it, expected a line such as `--- | --- | --- | ---`: GFM reads this as text, not as a table  malformed-table'
        ]
      }
    ],
    [
      'a header underlined with --- is a heading, not a table; a # heading with pipes is only a heading',
      {
        given: '## HTTP | Code | Message | Resolve\n\n' + header + '400 | 1 | a | A.\n\nHTTP | Code | Message | Resolve\n---\n400 | 2 | b | B.\n',
        want: [
          'doc.md:7:1-8:4  error  Unexpected delimiter row with 1 cell below a header of 4, expected one per column: GFM reads this as text, not as a table  malformed-table'
        ]
      }
    ],
    [
      'a Code header with a typo does not hide a table',
      {
        given: header + '400 | 1 | a | A.\n\nHTTP | Cde | Message | Resolve\n--- | --- | --- | ---\n400 | 2 | b | B.\n',
        want: ['doc.md:5:1-5:31  error  Missing Code column in error table, found HTTP, Cde (not read), Message, Resolve  missing-column']
      }
    ],
    [
      'a missing column, the header as read in the message',
      {
        given: 'HTTP_code | **Code** | Category | Resolve\n--- | --- | --- | ---\n400 | 1 | a | A.\n',
        want: ['doc.md:1:1-1:42  error  Missing Message column in error table, found HTTP_code (read as HTTP status), Code, Category (not read), Resolve  missing-column']
      }
    ],
    [
      'a repeated column',
      {
        given: 'HTTP | Code | Message | Resolve | Code\n--- | --- | --- | --- | ---\n400 | 1 | a | A. | 2\n',
        want: [
          'doc.md:1:35-1:39  error  Unexpected header cells `Code` (1:8) and `Code` (1:35) both read as the Code column, expected each column once: rename one ' +
            'of them (the configuration names columns by their header text, so it cannot tell them apart); meanwhile the rows are checked with `Code` as ' +
            'the Code column and `Code` not read  duplicate-column'
        ]
      }
    ],
    [
      'a short row',
      {
        given: header + '400 | 1 | a\n',
        want: ['doc.md:3:12  error  Unexpected row with 3 cells, expected 4: missing Resolve  cell-count']
      }
    ],
    [
      'a long row (an unescaped pipe)',
      {
        given: header + '400 | 1 | a | A | or B\n',
        want: [
          'doc.md:3:19-3:23  error  Unexpected row with 5 cells, expected 4; an unescaped `|` splits a cell: write `\\|` for a literal pipe  cell-count'
        ]
      }
    ],
    [
      'codes that are not safe integers',
      {
        given:
          header +
          '400 | 10O1 | a | A.\n400 | -0 | b | B.\n400 | — | c | C.\n400 | 9007199254740992 | d | D.\n400 | 007 | e | E.\n400 |  | f | F.\n400 | -32700 | g | G.\n400 | 0 | h | H.\n',
        want: [
          'doc.md:3:7-3:11  error  Unexpected code `10O1`, expected an integer  invalid-code',
          'doc.md:4:7-4:9  error  Unexpected code `-0`, expected an integer (`-0` is `0`)  invalid-code',
          'doc.md:5:7-5:8  error  Unexpected code `—`, expected an integer or a code: a cell of punctuation only is a placeholder, not a code  invalid-code',
          'doc.md:6:7-6:23  error  Unexpected code `9007199254740992`, expected an integer up to 9007199254740991  invalid-code',
          'doc.md:7:7-7:10  error  Unexpected code `007`, expected an integer without leading zeros  invalid-code',
          'doc.md:8:5-8:8  error  Unexpected code (empty), expected an integer or a code without spaces  invalid-code'
        ]
      }
    ],
    [
      'HTTP statuses outside 100–599, and below 400',
      {
        given: header + '4OO | 1 | a | A.\n600 | 2 | b | B.\n99 | 3 | c | C.\n302 | 4 | d | D.\n',
        want: [
          'doc.md:3:1-3:4  error  Unexpected HTTP status `4OO`, expected an integer from 100 to 599  invalid-status',
          'doc.md:4:1-4:4  error  Unexpected HTTP status `600`, expected an integer from 100 to 599  invalid-status',
          'doc.md:5:1-5:3  error  Unexpected HTTP status `99`, expected an integer from 100 to 599  invalid-status',
          'doc.md:6:1-6:4  warning  Unexpected HTTP status 302 for an error, expected 400 to 599  non-error-status'
        ]
      }
    ],
    [
      'empty and blank message and resolve',
      {
        given: header + '400 | 1 |  | A.\n400 | 2 | b | &nbsp;\n',
        want: [
          'doc.md:3:9-3:12  error  Unexpected empty Message cell for code 1, expected text  empty-message',
          'doc.md:4:15-4:21  error  Unexpected empty Resolve cell for code 2, expected text  empty-resolve'
        ]
      }
    ],
    [
      'an invalid Name',
      {
        given: 'HTTP | Code | Message | Resolve | Name\n--- | --- | --- | --- | ---\n400 | 1 | a | A. | 1st-error\n',
        want: [
          'doc.md:3:20-3:29  error  Unexpected name `1st-error`, expected an identifier: an ASCII letter or `_`, then letters, digits or `_`  invalid-name'
        ]
      }
    ],
    [
      'Message cells that are not one emphasis span, in a table where others are',
      {
        given:
          header +
          '400 | 1 | *clean* | A.\n400 | 2 | plain | B.\n400 | 3 | **strong** | C.\n400 | 4 | `code` | D.\n' +
          '400 | 5 | *partly* emphasised | E.\n400 | 6 | *with `code` inside* | F.\n400 | 7 | [link](x) | G.\n400 | 8 | _also clean_ | H.\n',
        want: [
          'doc.md:4:11-4:16  warning  Unexpected message in plain text, expected one emphasis span (`*…*`) like the other messages of this table  message-markup',
          'doc.md:5:11-5:21  warning  Unexpected message in strong emphasis, expected one emphasis span (`*…*`) like the other messages of this table  message-markup',
          'doc.md:6:11-6:17  warning  Unexpected message in a code span, expected one emphasis span (`*…*`) like the other messages of this table  message-markup',
          'doc.md:7:11-7:30  warning  Unexpected message with text outside its emphasis, expected one emphasis span (`*…*`) like the other messages of this table  message-markup',
          'doc.md:8:11-8:31  warning  Unexpected message with markup inside its emphasis, expected one emphasis span (`*…*`) like the other messages of this table  message-markup',
          'doc.md:9:11-9:20  warning  Unexpected message with other markup, expected one emphasis span (`*…*`) like the other messages of this table  message-markup'
        ]
      }
    ],
    [
      'plain messages get no markup warning; each table is judged on its own',
      {
        given: header + '400 | 1 | plain | A.\n400 | 2 | **strong** | B.\n\n' + header + '400 | 3 | *emphasis* | C.\n',
        want: []
      }
    ],
    [
      'a Name no JavaScript enum can hold',
      {
        given: 'HTTP | Code | Message | Resolve | Name\n--- | --- | --- | --- | ---\n400 | 1 | a | A. | `__proto__`\n',
        want: [
          'doc.md:3:20-3:31  error  Unexpected name `__proto__`, expected another: a JavaScript enum cannot have a member of that name  invalid-name'
        ]
      }
    ],
    [
      'every problem of a document at once',
      {
        given: header + 'x | 1 | a | A.\n400 | y | b | B.\n400 | 3 | c\n',
        want: [
          'doc.md:3:1-3:2  error  Unexpected HTTP status `x`, expected an integer from 100 to 599  invalid-status',
          'doc.md:4:7-4:8  error  Unexpected code `y`, expected an integer  invalid-code',
          'doc.md:5:12  error  Unexpected row with 3 cells, expected 4: missing Resolve  cell-count'
        ]
      }
    ]
  ]
  test.each(cases)('%s', (_, {given, want}) => {
    expect(check(given).messages).toEqual(want)
  })
})
