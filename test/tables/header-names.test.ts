/** header names: the built-in names of every language, as docs/input.md lists them row for row, each read as its column after normalization, none naming two roles, as given/want tables. */
import {readFile} from 'node:fs/promises'
import path from 'node:path'
import {describe, expect, test} from 'vitest'
import {normalizeHeader} from '../../generator/catalog/names.js'
import {aliasesOf, mapHeader} from '../../generator/tables/header/columns.js'
import {builtInNames, type HeaderRole, headerNames, headerRoles} from '../../generator/tables/header/names.js'
import {root} from '../support/helpers.js'
import {check} from './check.js'

/** The README row of a language: its name, then each role's names as code spans. */
function row(language: (typeof headerNames)[number]): string {
  return '  | ' + language.language + ' | ' + headerRoles.map((role) => language[role].map((name) => '`' + name + '`').join(', ')).join(' | ') + ' |'
}

test("the documented table of header names (docs/input.md) is the code's, row for row", async () => {
  const readme = await readFile(path.join(root, 'docs', 'input.md'), 'utf8')
  const head = '  | language | HTTP | Code | Message | Resolve | Name | Deprecated | description-like | not read |\n  | --- | --- | --- | --- | --- | --- | --- | --- | --- |\n'
  const [, after = ''] = readme.split(head)
  const table = after.split('\n\n')[0]?.split('\n') ?? []
  expect(table).toEqual(headerNames.map((language) => row(language)))
})

test('the languages API docs are written in each name every column, and no name gives two roles', () => {
  expect(headerNames.map((language) => language.language)).toEqual([
    'English', 'Spanish', 'Portuguese', 'French', 'German', 'Italian', 'Russian', 'Ukrainian', 'Polish', 'Turkish',
    'Chinese (simplified)', 'Chinese (traditional)', 'Japanese', 'Korean', 'Vietnamese', 'Indonesian'
  ])
  const roles = new Map<string, Set<HeaderRole>>()
  for (const language of headerNames) {
    for (const role of headerRoles) {
      expect(language[role].length, language.language + ' ' + role).toBeGreaterThan(0)
      for (const name of language[role]) roles.set(normalizeHeader(name), (roles.get(normalizeHeader(name)) ?? new Set()).add(role))
    }
  }
  expect([...roles].filter(([, given]) => given.size > 1)).toEqual([])
  expect(builtInNames.size).toBe(roles.size)
})

describe('each language: its first names read as HTTP, Code, Message and Resolve, its Name and Deprecated names as theirs', () => {
  test.each(headerNames.map((language) => [language.language, language] as const))('%s', (_, language) => {
    const texts = [language.status[0], language.code[0], language.message[0], language.resolve[0], language.name[0], language.deprecated[0], language.other[0]]
    const header = mapHeader(texts.map((text) => text ?? ''), aliasesOf({columns: {}, optionalColumns: [], codes: 'auto', headings: []}))
    expect(header.map((cell) => cell.column)).toEqual(['status', 'code', 'message', 'resolve', 'name', 'deprecated', undefined])
  })
})

describe('normalizeHeader: how headers are compared', () => {
  const cases: Array<[string, {given: string, want: string}]> = [
    ['emphasis, code marks and case', {given: '**Error_Code**', want: 'error code'}],
    ['trailing punctuation', {given: 'Código:', want: 'código'}],
    ['French spacing before a question mark', {given: 'Comment résoudre ?', want: 'comment résoudre'}],
    ['a full-width colon', {given: '錯誤碼：', want: '錯誤碼'}],
    ['full-width letters as ASCII', {given: 'ＨＴＴＰ 狀態碼', want: 'http狀態碼'}],
    ['no space beside Chinese letters', {given: 'HTTP状态码', want: 'http状态码'}],
    ['no space between Korean words', {given: '오류 코드', want: '오류코드'}],
    ['a typographic apostrophe', {given: 'Code d’erreur', want: "code d'erreur"}],
    ['Turkish capital dotted I', {given: 'İLETİ', want: 'ileti'}],
    ['Turkish dotless i', {given: 'AÇIKLAMA', want: normalizeHeader('Açıklama')}],
    ['Vietnamese in decomposed form', {given: 'Ma\u0303 lô\u0303i', want: 'mã lỗi'}],
    ['punctuation alone is kept', {given: '#', want: '#'}]
  ]
  test.each(cases)('%s', (_, {given, want}) => {
    expect(normalizeHeader(given)).toBe(want)
  })
})

describe('validate: tables in other languages', () => {
  const cases: Array<[string, {given: string, want: Array<string>}]> = [
    [
      'Russian, the message and reasons columns of a cash-register API',
      {
        given: '| Код ошибки | Тип ошибки | Текст ошибки | Причины |\n| --- | --- | --- | --- |\n| 1001 | Ошибка авторизации | Неверный токен | Токен отозван. |\n',
        want: ['1001 Неверный токен Токен отозван.']
      }
    ],
    [
      'Chinese, the HTTP status and return codes',
      {given: '| HTTP 状态码 | 返回代码 | 含义 |\n| --- | --- | --- |\n| 400 | 40001 | 请求参数格式错误 |\n', want: ['400 40001 请求参数格式错误']}
    ],
    [
      'Korean written without a space',
      {given: '| HTTP상태코드 | 오류코드 | 메시지 |\n| --- | --- | --- |\n| 402 | 70201 | 잔액이 부족합니다 |\n', want: ['402 70201 잔액이 부족합니다']}
    ],
    [
      'Japanese, a trailing full-width colon',
      {given: '| エラーコード： | 説明： |\n| --- | --- |\n| 100 | キャンセルされました |\n', want: ['100 キャンセルされました']}
    ]
  ]
  test.each(cases)('%s', (_, {given, want}) => {
    const {rows, messages} = check(given)
    expect(messages.filter((message) => !message.endsWith('  no-ascii-name'))).toEqual([])
    expect(rows.map((row) => [row.status, row.code, row.message, row.resolve].filter((value) => value !== undefined).join(' '))).toEqual(want)
  })
})
