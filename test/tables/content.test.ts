/** content: columns read by what their cells hold — unnamed columns, named ones whose cells contradict their name, clashes, doubts, several codes in a cell and cells a row may leave out — as given/want tables of rows and messages. */
import {writeFile} from 'node:fs/promises'
import path from 'node:path'
import {describe, expect, test} from 'vitest'
import {shapeOf} from '../../generator/tables/cells/shapes.js'
import {runInProcess, tempDirectory} from '../support/helpers.js'
import {check} from './check.js'
import type {ReadOptions} from '../../generator/types.js'

/** A row as these tests compare it: status, code, message, resolve and name, those it has. */
function brief(row: {status: number | undefined, code: string, message: string, resolve: string | undefined, name: string | undefined}): string {
  return [row.status, row.code, row.message, row.resolve, row.name].map((value) => value ?? '·').join(' | ')
}

describe('validate: columns read by their content', () => {
  const cases: Array<[string, {given: string, options?: Partial<ReadOptions>, rows: Array<string>, messages: Array<string>}]> = [
    [
      'unknown headers: unique integers are the code, prose the message',
      {
        given: '| Felkod | Beskrivning |\n| --- | --- |\n| 4001 | Artikeln finns inte |\n| 4002 | Ordern är skickad |\n',
        rows: ['· | 4001 | Artikeln finns inte | · | ·', '· | 4002 | Ordern är skickad | · | ·'],
        messages: [
          'doc.md:1:1-1:25  info  Columns read by what their cells hold: Felkod (read as code by its content), Beskrivning (read as message by its content); ' +
            'to read them so whatever the cells hold, add "columns": {"Felkod": "code", "Beskrivning": "message"} to the configuration  inferred-columns'
        ]
      }
    ],
    [
      'a page whose error table names its Code column: its other tables are not read by their content',
      {
        given: '| Code | Message |\n| --- | --- |\n| 1 | Bad token |\n\n| Plan | Requests per minute | Notes |\n| --- | --- | --- |\n| Free | 60 | For trying it out |\n| Pro | 600 | For production use |\n',
        rows: ['· | 1 | Bad token | · | ·'],
        messages: []
      }
    ],
    [
      'a Status column of payment states is not HTTP',
      {
        given: '| Code | Status | Description |\n| --- | --- | --- |\n| 3001 | NotFinished | Session closed early |\n| 3002 | Authorized | Refund before capture |\n',
        rows: ['· | 3001 | Session closed early | · | ·', '· | 3002 | Refund before capture | · | ·'],
        messages: [
          'doc.md:1:1-1:32  info  Columns read by what their cells hold: Status (not read: its cells are not HTTP statuses); to read them so whatever the cells ' +
            'hold, add "columns": {"Status": "ignore"} to the configuration  inferred-columns'
        ]
      }
    ],
    [
      'a Status column with a typo among statuses is HTTP, and the typo an error',
      {
        given: '| Code | Status | Description |\n| --- | --- | --- |\n| 1 | 404 | Not here |\n| 2 | 4O9 | Clash |\n',
        rows: ['404 | 1 | Not here | · | ·'],
        messages: ['doc.md:4:7-4:10  error  Unexpected HTTP status `4O9`, expected an integer from 100 to 599  invalid-status']
      }
    ],
    [
      'a header that says HTTP is HTTP whatever its cells hold',
      {
        given: '| Code | HTTP status | Description |\n| --- | --- | --- |\n| 1 | active | Not here |\n',
        rows: [],
        messages: ['doc.md:3:7-3:13  error  Unexpected HTTP status `active`, expected an integer from 100 to 599  invalid-status']
      }
    ],
    [
      'a column the configuration names is read as it says',
      {
        given: '| Code | Status | Description |\n| --- | --- | --- |\n| 1 | active | Not here |\n',
        options: {columns: {status: 'status'}},
        rows: [],
        messages: ['doc.md:3:7-3:13  error  Unexpected HTTP status `active`, expected an integer from 100 to 599  invalid-status']
      }
    ],
    [
      'statuses in an unnamed column beside a Code column are HTTP',
      {
        given: '| Code | Antwort | Message |\n| --- | --- | --- |\n| 1 | 404 Not Found | Not here |\n| 2 | 404 | Gone too |\n',
        rows: ['404 | 1 | Not here | · | ·', '404 | 2 | Gone too | · | ·'],
        messages: [
          'doc.md:1:1-1:29  info  Columns read by what their cells hold: Antwort (read as HTTP status by its content); to read them so whatever the cells ' +
            'hold, add "columns": {"Antwort": "status"} to the configuration  inferred-columns'
        ]
      }
    ],
    [
      'identifiers beside string codes are not names',
      {
        given: '| Code | Symbol | Message |\n| --- | --- | --- |\n| E1 | TOKEN_EXPIRED | Token expired |\n| E2 | TOKEN_REVOKED | Token revoked |\n',
        rows: ['· | E1 | Token expired | · | ·', '· | E2 | Token revoked | · | ·'],
        messages: []
      }
    ],
    [
      'a Name column of text is not read: the names are derived',
      {
        given: '| Code | Name | Message |\n| --- | --- | --- |\n| 1 | Token expired | Expired |\n| 2 | Token revoked | Revoked |\n',
        rows: ['· | 1 | Expired | · | ·', '· | 2 | Revoked | · | ·'],
        messages: [
          'doc.md:1:1-1:26  info  Columns read by what their cells hold: Name (not read: its cells are text, not identifiers); to read them so whatever the ' +
            'cells hold, add "columns": {"Name": "ignore"} to the configuration  inferred-columns'
        ]
      }
    ],
    [
      'a glossary whose Error column holds phrases is not an error table',
      {
        given: '| Code | Message |\n| --- | --- |\n| 1 | Bad token |\n\n| Error | Description |\n| --- | --- |\n| **Rate limit** | Requests allowed per minute. |\n| **Retry** | Sending a request again. |\n| **Back off** | Waiting longer before each retry. |\n',
        rows: ['· | 1 | Bad token | · | ·'],
        messages: [
          'doc.md:5:1-5:24  info  Table not read as an error table, as its cells are not what its header says: Error (not read: its cells are phrases, not ' +
            'codes), Description (read as message); to read it as one, add "columns": {"Error": "code"} to the configuration  inferred-columns'
        ]
      }
    ],
    [
      'two unnamed columns of statuses are a doubt',
      {
        given: '| Code | Before | After | Message |\n| --- | --- | --- | --- |\n| 1 | 400 | 422 | Invalid |\n',
        rows: [],
        messages: [
          'doc.md:1:1-1:36  error  Unexpected table whose columns can be read more than one way by what they hold: `Before` and `After` could each be the ' +
            'HTTP status (HTTP statuses); expected one reading: say which column is which with "columns": {"Before": "status", "After": "ignore"} in the ' +
            'configuration  ambiguous-columns'
        ]
      }
    ],
    [
      'an unnamed column of prose after a named description is not read',
      {
        given: '| Code | Message | Details | Notes |\n| --- | --- | --- | --- |\n| 1 | Bad token | Send a new one. | Since version two. |\n',
        rows: ['· | 1 | Bad token | Send a new one. | ·'],
        messages: []
      }
    ]
  ]
  test.each(cases)('%s', (_, {given, options, rows, messages}) => {
    const result = check(given, options)
    expect(result.rows.map((row) => brief(row))).toEqual(rows)
    expect(result.messages).toEqual(messages)
  })
})

describe('validate: cells that hold several codes', () => {
  const cases: Array<[string, {given: string, messages: Array<string>}]> = [
    ['a thousands separator is one number', {given: '1,000', messages: ['doc.md:3:7-3:12  error  Unexpected code `1,000`, expected an integer  invalid-code']}],
    ['a slash inside a string code is one code', {given: 'auth/user-not-found', messages: ['doc.md:3:7-3:26  error  Unexpected code `auth/user-not-found`, expected an integer  invalid-code']}],
    [
      'codes after commas',
      {given: 'E1, E2', messages: ['doc.md:3:7-3:13  error  Unexpected 2 codes in one cell (`E1`, `E2`), expected one code per row: give each code a row of its own  several-codes']}
    ],
    [
      'integers around a slash',
      {given: '10/11/12', messages: ['doc.md:3:7-3:15  error  Unexpected 3 codes in one cell (`10`, `11`, `12`), expected one code per row: give each code a row of its own  several-codes']}
    ]
  ]
  test.each(cases)('%s', (_, {given, messages}) => {
    expect(check('HTTP | Code | Message | Resolve\n--- | --- | --- | ---\n400 | ' + given + ' | a | A.\n400 | 2 | b | B.\n').messages).toEqual(messages)
  })
})

describe('shapeOf: what a column holds', () => {
  const cases: Array<[string, {given: Array<string>, want: Partial<ReturnType<typeof shapeOf>>}]> = [
    ['unique integers', {given: ['1001', '-32700', '"7"'], want: {uniqueIntegers: true, statuses: false, identifiers: false, prose: false}}],
    ['row numbers', {given: ['1', '2', '3'], want: {uniqueIntegers: true, rowNumbers: true}}],
    ['a repeated integer', {given: ['1', '1'], want: {uniqueIntegers: false, mostlyIntegers: true}}],
    ['statuses and none', {given: ['404 Not Found', '-', 'N/A', '503'], want: {statuses: true}}],
    ['identifiers of several words', {given: ['USER_CANCEL', 'fileRead', 'order.invalid_sku', 'auth/user-not-found', 'TIMEOUT'], want: {identifiers: true}}],
    ['single words are not identifiers', {given: ['a1', 'v2'], want: {identifiers: false, prose: false}}],
    ['prose in any script', {given: ['Артикул не найден', '请求参数格式错误', 'Token expired'], want: {prose: true}}],
    ['a category repeats', {given: ['Auth error', 'Auth error', 'Auth error', 'Auth error', 'Auth error'], want: {prose: false}}]
  ]
  test.each(cases)('%s', (_, {given, want}) => {
    expect(shapeOf(given)).toMatchObject(want)
  })
})

test('--print-config notes the columns read by their content', async () => {
  const directory = await tempDirectory()
  await writeFile(path.join(directory, 'errors.md'), '| Felkod | Status | Beskrivning |\n| --- | --- | --- |\n| 4001 | aktiv | Artikeln finns inte |\n')
  const result = await runInProcess(['--print-config', '--input', 'errors.md'], directory)
  expect([result.code, result.stderr]).toEqual([0, ''])
  expect(JSON.parse(result.stdout).tables[0].columns).toEqual([
    {header: 'Felkod', column: 'code', inferred: true, note: 'read as code by its content'},
    {header: 'Status', column: null, note: 'not read: its cells are not HTTP statuses'},
    {header: 'Beskrivning', column: 'message', inferred: true, note: 'read as message by its content'}
  ])
})
