/** catalog: rows of documents in, the Catalog and its messages out — duplicates, names, statuses, as given/want tables. */
import {VFile} from 'vfile'
import {describe, expect, test} from 'vitest'
import {buildCatalog} from '../../generator/catalog/build.js'
import {parse} from '../../generator/parse/parse.js'
import {messageLine, sortMessages} from '../../generator/diagnostics/report.js'
import {validate} from '../../generator/tables/validate.js'

const header = 'HTTP | Code | Message | Resolve\n--- | --- | --- | ---\n'
const withName = 'HTTP | Code | Message | Resolve | Name\n--- | --- | --- | --- | ---\n'

/** @param documents path → markdown */
function build(documents: Record<string, string>) {
  const files = Object.entries(documents).map(([path, value]) => new VFile({path, value}))
  const read = files.map((file) => validate(parse(file), file))
  const catalog = buildCatalog(read, {codes: 'auto'}, files.map((file) => file.path))
  return {
    catalog,
    names: catalog.entries.map((entry) => entry.code + ' ' + entry.name),
    messages: files.flatMap((file) => sortMessages(file.messages).map((message) => messageLine(message)))
  }
}

describe('buildCatalog', () => {
  test('entries are sorted by code, statuses by status, each named by its reason phrase', () => {
    const {catalog, messages} = build({'a.md': header + '502 | 30 | c | C.\n400 | 10 | a | A.\n402 | 20 | b | B.\n400 | 11 | d | D.\n'})
    expect(messages).toEqual([])
    expect({...catalog, entries: catalog.entries.map(({source, ...entry}) => entry)}).toEqual({
      sources: ['a.md'],
      codeKind: 'integer',
      hasStatus: true,
      hasResolve: true,
      groups: [],
      entries: [
        {code: 10, name: 'A', status: 400, message: 'a', resolve: 'A.', group: undefined, deprecated: undefined},
        {code: 11, name: 'D', status: 400, message: 'd', resolve: 'D.', group: undefined, deprecated: undefined},
        {code: 20, name: 'B', status: 402, message: 'b', resolve: 'B.', group: undefined, deprecated: undefined},
        {code: 30, name: 'C', status: 502, message: 'c', resolve: 'C.', group: undefined, deprecated: undefined}
      ],
      statuses: [
        {code: 400, name: 'BadRequest', phrase: 'Bad Request'},
        {code: 402, name: 'PaymentRequired', phrase: 'Payment Required'},
        {code: 502, name: 'BadGateway', phrase: 'Bad Gateway'}
      ]
    })
  })

  const cases: Array<[string, {given: Record<string, string>; names: Array<string>; messages: Array<string>}]> = [
    [
      'a duplicate code in one table points at both rows',
      {
        given: {'a.md': header + '400 | 1 | a | A.\n400 | 2 | b | B.\n401 | 1 | c | C.\n'},
        names: ['1 A', '2 B'],
        messages: ['a.md:5:7-5:8  error  Duplicate code 1, first defined at 3:7  duplicate-code']
      }
    ],
    [
      'a duplicate code across two tables of one document',
      {
        given: {'a.md': header + '400 | 1 | a | A.\n\n## More\n\n' + header + '401 | 1 | c | C.\n'},
        names: ['1 A'],
        messages: ['a.md:9:7-9:8  error  Duplicate code 1, first defined at 3:7  duplicate-code']
      }
    ],
    [
      'a duplicate code across two documents names the other file',
      {
        given: {'a.md': header + '400 | 1 | a | A.\n', 'b.md': header + '400 | 1 | b | B.\n'},
        names: ['1 A'],
        messages: ['b.md:3:7-3:8  error  Duplicate code 1, first defined at a.md:3:7  duplicate-code']
      }
    ],
    [
      'messages that give one name: every entry gets its code as suffix, one warning for the group',
      {
        given: {'a.md': header + '401 | 1105 | *bad access_token* | A.\n401 | 1106 | *bad access_token* | B.\n401 | 1107 | *bad access-token* | C.\n'},
        names: ['1105 BadAccessToken_1105', '1106 BadAccessToken_1106', '1107 BadAccessToken_1107'],
        messages: [
          'a.md:3:14-3:32  warning  Name `BadAccessToken` is derived from the messages of codes 1105, 1106, 1107: named `BadAccessToken_1105`, `BadAccessToken_1106`, `BadAccessToken_1107`; add a Name column to choose the names  duplicate-name',
          'a.md:4:14-4:32  warning  Duplicate message `bad access_token` of code 1106, first used by code 1105 at 3:14  duplicate-message'
        ]
      }
    ],
    [
      'a Name column resolves the clash',
      {
        given: {'a.md': withName + '401 | 1 | bad token | A. | CorruptToken\n401 | 2 | bad token | B. | |\n'},
        names: ['1 CorruptToken', '2 BadToken'],
        messages: ['a.md:4:11-4:20  warning  Duplicate message `bad token` of code 2, first used by code 1 at 3:11  duplicate-message']
      }
    ],
    [
      'a derived name that a Name cell already uses gets the suffix',
      {
        given: {'a.md': withName + '401 | 1 | x | A. | BadToken\n401 | 2 | bad token | B. | |\n'},
        names: ['1 BadToken', '2 BadToken_2'],
        messages: [
          'a.md:4:11-4:20  warning  Name `BadToken` is derived from the messages of codes 2: named `BadToken_2`; add a Name column to choose the names  duplicate-name'
        ]
      }
    ],
    [
      'two Name cells with one name are an error',
      {
        given: {'a.md': withName + '401 | 1 | x | A. | Same\n401 | 2 | y | B. | Same\n'},
        names: ['1 Same', '2 Same'],
        messages: ['a.md:4:20-4:24  error  Duplicate name `Same` of code 2, first given to code 1 at 3:20  name-conflict']
      }
    ],
    [
      'a message that gives a reserved name',
      {
        given: {'a.md': header + '400 | 7 | error code | A.\n'},
        names: ['7 ErrorCode_7'],
        messages: [
          'a.md:3:11-3:21  warning  Name `ErrorCode` of code 7 is reserved for the generated types: named `ErrorCode_7`; add a Name column to choose the names  reserved-name'
        ]
      }
    ],
    [
      'a string code `__proto__` is not a member name: no JavaScript object holds it as its own',
      {
        given: {'a.md': header + '400 | `__proto__` | bad | A.\n400 | OTHER | worse | B.\n'},
        names: ['OTHER OTHER', '__proto__ __proto___1'],
        messages: [
          'a.md:3:21-3:24  warning  Name `__proto__` of code __proto__ cannot be a member: no JavaScript object holds it as its own: named `__proto___1`; add a Name column to choose the names  reserved-name'
        ]
      }
    ],
    [
      'string codes that differ only in case are a warning, pointing at the first',
      {
        given: {'a.md': header + '401 | AUTH_FAILED | a | A.\n401 | auth_failed | b | B.\n'},
        names: ['AUTH_FAILED AUTH_FAILED', 'auth_failed auth_failed'],
        messages: [
          'a.md:4:7-4:18  warning  Code `auth_failed` differs from code `AUTH_FAILED` at 3:7 only in case: readers and clients that ignore case cannot tell them apart  confusable-code'
        ]
      }
    ],
    [
      'a string code in another Unicode normalization is a duplicate',
      {
        given: {'a.md': header + '400 | CAF\u00c9 | a | A.\n400 | CAFE\u0301 | b | B.\n'},
        names: ['CAFÉ CAFE'],
        messages: [
          'a.md:4:7-4:12  error  Duplicate code CAFE\u0301 in another Unicode normalization, first defined at 3:7  duplicate-code'
        ]
      }
    ],
    [
      'a string code with an invisible character is an error',
      {
        given: {'a.md': header + '400 | AB\u200bC | a | A.\n400 | ABC | b | B.\n'},
        names: ['ABC ABC'],
        messages: ['a.md:3:7-3:11  error  Unexpected invisible character U+200B in code `AB\u200bC`, expected a code without invisible characters  invalid-code']
      }
    ],
    [
      'a message without letters or digits is named by its code',
      {
        given: {'a.md': header + '400 | 7 | ¿? | A.\n'},
        names: ['7 Code7'],
        messages: ['a.md:3:11-3:13  warning  Message of code 7 has no ASCII letter: named `Code7` after its code; add a Name column to choose the name  no-ascii-name']
      }
    ]
  ]
  test.each(cases)('%s', (_, {given, names, messages}) => {
    const result = build(given)
    expect(result.messages).toEqual(messages)
    expect(result.names).toEqual(names)
  })
})

describe('buildCatalog in the const style', () => {
  test('a Name cell or a string code no TypeScript type can have is an error', () => {
    const files = [new VFile({path: 'a.md', value: 'HTTP | Code | Message | Resolve | Name\n--- | --- | --- | --- | ---\n400 | ONE | a | A. | class\n400 | null | b | B. | |\n'})]
    const read = files.map((file) => validate(parse(file), file))
    buildCatalog(read, {codes: 'auto', typescript: {style: 'const'}}, ['a.md'])
    expect(files.flatMap((file) => sortMessages(file.messages).map((message) => messageLine(message)))).toEqual([
      'a.md:3:22-3:27  error  Unexpected name `class` in the const style, expected another: no TypeScript type can have it (`ErrorCode.class`); choose another Name, or use the enum style  invalid-name',
      'a.md:4:7-4:11  error  Unexpected name `null` of code null in the const style, expected another: no TypeScript type can have it (`ErrorCode.null`); give it a Name cell, or use the enum style  invalid-name'
    ])
  })
})
