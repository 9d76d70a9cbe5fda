/** The TypeScript of the seed and of hostile text: it compiles under the strict flags, is used as SDK and server code use it, and holds the exact strings. */
import ts from 'typescript'
import {beforeAll, describe, expect, test} from 'vitest'
import {docText, stringLiteral} from '../../../generator/targets/typescript/syntax.js'
import {readFile} from 'node:fs/promises'
import {escapeMarkdown, evaluate, generateFrom, generateSeed, seed as seedPath, strictOptions, typeCheck} from '../../support/helpers.js'

let seed: Awaited<ReturnType<typeof generateSeed>>
let source: string
beforeAll(async () => {
  seed = await generateSeed()
  source = seed.outputs['error-codes.ts'] as string
})

/** A module that uses the generated one the way SDK and server code does; every line must type-check. */
const consumer = `
import { ErrorCode, HttpStatus, createErrorBody, errorCatalog, getErrorEntry, isErrorCode } from './error-codes.js';
import type { ErrorBody, ErrorEntry } from './error-codes.js';

export function describeCode(code: ErrorCode): string {
  switch (code) {
__CASES__
    default: {
      const unreachable: never = code;
      return unreachable;
    }
  }
}

export function handle(body: ErrorBody): string {
  if (body.code === ErrorCode.AccessTokenMissing) {
    const message: "access_token missing" = body.message;
    return message;
  }
  return body.resolve;
}

export function parse(value: unknown): ErrorEntry | undefined {
  return typeof value === "object" && value !== null && "code" in value && isErrorCode(value.code)
    ? errorCatalog[value.code]
    : undefined;
}

const exact: "type missing" = getErrorEntry(ErrorCode.TypeMissing).message;
const status: HttpStatus.BadGateway = errorCatalog[ErrorCode.ExtractorErrorRetry].status;
const maybe: ErrorEntry | undefined = getErrorEntry(1234);
const body: ErrorBody<ErrorCode.EmailMissing> = createErrorBody(ErrorCode.EmailMissing);
// @ts-expect-error: a message of another code is not the message of this one
const wrong: ErrorBody<ErrorCode.EmailMissing> = { code: ErrorCode.EmailMissing, message: "type missing", resolve: "" };
// @ts-expect-error: the catalog is readonly
errorCatalog[ErrorCode.TypeMissing].message = "changed";
export { exact, status, maybe, body, wrong };
`

describe('emitTypeScript on the seed', () => {
  test('compiles with zero diagnostics under strict flags, used the way clients use it', () => {
    const cases = seed.catalog.entries.map((entry) => `    case ErrorCode.${entry.name}: return "${entry.code}";`).join('\n')
    const diagnostics = typeCheck({
      'error-codes.ts': source,
      'consumer.ts': consumer.replace('__CASES__', cases)
    })
    expect(diagnostics).toEqual([])
  })

  test('an exhaustive switch missing one code does not compile', () => {
    const cases = seed.catalog.entries.slice(1).map((entry) => `    case ErrorCode.${entry.name}: return "";`).join('\n')
    const diagnostics = typeCheck({'error-codes.ts': source, 'consumer.ts': consumer.replace('__CASES__', cases)})
    expect(diagnostics).toHaveLength(1)
    expect(diagnostics[0]).toMatch(/Type 'ErrorCode.AccessTokenMissing' is not assignable to type 'never'/)
  })

  test('evaluates to the documented values', async () => {
    const module = await evaluate(source)
    for (const entry of seed.catalog.entries) {
      expect(module.ErrorCode[entry.name]).toBe(entry.code)
      expect(module.errorCatalog[entry.code]).toEqual({
        code: entry.code,
        status: entry.status,
        message: entry.message,
        resolve: entry.resolve
      })
      expect(module.getErrorEntry(entry.code)).toBe(module.errorCatalog[entry.code])
      expect(module.createErrorBody(entry.code)).toEqual({code: entry.code, message: entry.message, resolve: entry.resolve})
      expect(module.isErrorCode(entry.code)).toBe(true)
    }
    expect(Object.keys(module.errorCatalog)).toHaveLength(39)
    expect(module.HttpStatus).toMatchObject({BadRequest: 400, Unauthorized: 401, PaymentRequired: 402, NotFound: 404, NotImplemented: 501, BadGateway: 502})
    for (const value of [999, 1007, '1000', 1000.5, Number.NaN, null, undefined, {}, 'toString', 'AccessTokenMissing']) {
      expect(module.isErrorCode(value)).toBe(false)
    }
    expect(module.getErrorEntry(9999)).toBeUndefined()
  })

  test('enum members are sorted by code, each with JSDoc holding its message, resolve text and HTTP status', () => {
    const file = ts.createSourceFile('error-codes.ts', source, ts.ScriptTarget.ES2022, true)
    const enumeration = file.statements.find(
      (statement) => ts.isEnumDeclaration(statement) && statement.name.text === 'ErrorCode'
    )
    if (!enumeration || !ts.isEnumDeclaration(enumeration)) throw new Error('expected enum ErrorCode')
    const members = enumeration.members.map((member) => ({
      name: member.name.getText(),
      value: Number(member.initializer?.getText()),
      doc: ts.getJSDocCommentsAndTags(member).map((doc) => (ts.isJSDoc(doc) ? ts.getTextOfJSDocComment(doc.comment) : '')).join('')
    }))
    expect(members.map((member) => member.value)).toEqual(seed.catalog.entries.map((entry) => entry.code))
    expect(members[0]).toEqual({
      name: 'AccessTokenMissing',
      value: 1000,
      doc: 'access_token missing\n\nYou need to include the access_token that you received from the original submit call.\n\nHTTP status: 400 Bad Request.'
    })
    for (const [index, entry] of seed.catalog.entries.entries()) {
      expect(members[index]?.doc).toContain(entry.message)
      expect(members[index]?.doc).toContain(entry.resolve)
      expect(members[index]?.doc).toContain('HTTP status: ' + entry.status)
    }
  })

  test('starts with the generated-file header naming the document', () => {
    expect(source.split('\n').slice(0, 2)).toEqual([
      '/**',
      ' * Generated by errgen from input/error-codes.md. Do not edit: edit the document, then run errgen.'
    ])
  })
})

describe('emitTypeScript in the const style', () => {
  test('compiles under the strict flags and erasableSyntaxOnly, used as the enum style is', async () => {
    const {catalog, outputs} = await generateFrom({'input/error-codes.md': await readFile(seedPath, 'utf8')}, {typescript: {style: 'const'}})
    const constSource = outputs['error-codes.ts'] as string
    expect(constSource).not.toMatch(/\benum\b/)
    const cases = catalog.entries.map((entry) => `    case ErrorCode.${entry.name}: return "${entry.code}";`).join('\n')
    const diagnostics = typeCheck(
      {'error-codes.ts': constSource, 'consumer.ts': consumer.replace('__CASES__', cases)},
      {...strictOptions, erasableSyntaxOnly: true}
    )
    expect(diagnostics).toEqual([])
    const module = await evaluate(constSource)
    expect(Object.isFrozen(module.ErrorCode)).toBe(true)
    expect(module.ErrorCode.AccessTokenMissing).toBe(1000)
    expect(module.getErrorEntry(1000)).toEqual((await evaluate(source)).getErrorEntry(1000))
  })

  test('the enum style does not compile under erasableSyntaxOnly (so the const style is needed there)', () => {
    expect(typeCheck({'error-codes.ts': source}, {...strictOptions, erasableSyntaxOnly: true})).toContain(
      'error-codes.ts(8,13): This syntax is not allowed when \'erasableSyntaxOnly\' is enabled.'
    )
  })
})

describe('emitTypeScript on hostile text', () => {
  const hostile = [
    'ends a comment */ and opens /* one',
    'a `template` with ${x} and "double" \'single\' quotes',
    'back\\\\slashes \\\\n and </script> tags',
    'line\u2028and paragraph\u2029separators',
    '@deprecated and @param are not tags; mail@example.com',
    'emoji 🙂 and RTL שלום עולם'
  ]
  const markdown =
    'HTTP | Code | Message | Resolve\n--- | --- | --- | ---\n' +
    hostile.map((text, index) => `400 | ${index + 1} | m${index} ${escapeMarkdown(text)} | r${index} ${escapeMarkdown(text)} |`).join('\n') +
    '\n'

  test('keeps every string exactly, compiles, and the JSDoc cannot be broken out of', async () => {
    const {catalog, outputs} = await generateFrom({'hostile.md': markdown})
    const source = outputs['hostile.ts'] as string
    expect(typeCheck({'error-codes.ts': source})).toEqual([])

    const module = await evaluate(source)
    for (const entry of catalog.entries) {
      expect(module.errorCatalog[entry.code].message).toBe(entry.message)
      expect(module.errorCatalog[entry.code].resolve).toBe(entry.resolve)
    }
    expect(catalog.entries.map((entry) => entry.resolve?.slice(3))).toEqual(hostile)

    const file = ts.createSourceFile('x.ts', source, ts.ScriptTarget.ES2022, true)
    const tags = file.statements.flatMap((statement) =>
      ts.isEnumDeclaration(statement) ? statement.members.flatMap((member) => ts.getJSDocTags(member)) : []
    )
    expect(tags).toEqual([])
  })
})

describe('helpers', () => {
  const docCases: Array<[string, string]> = [
    ['a */ b', 'a *\\/ b'],
    ['@deprecated', '\\@deprecated'],
    ['a\r\nb\u2028c', 'a\nb\nc']
  ]
  test.each(docCases)('docText(%j)', (given, want) => {
    expect(docText(given)).toBe(want)
  })

  test('stringLiteral escapes line and paragraph separators', () => {
    expect(stringLiteral('a\u2028b\u2029"')).toBe('"a\\u2028b\\u2029\\""')
  })
})

describe('names no TypeScript type can have', () => {
  const markdown = 'HTTP | Code | Message | Resolve\n--- | --- | --- | ---\n400 | default | a | A.\n400 | string | b | B.\n400 | OK | c | C.\n'

  test('compile as enum members: `ErrorCode.default` is a value and a type', async () => {
    const {outputs} = await generateFrom({'codes.md': markdown})
    const consumer = 'import {ErrorCode} from "./codes.js"\nexport const value: ErrorCode.default = ErrorCode.default\nexport const other: ErrorCode = ErrorCode.string\n'
    expect(typeCheck({'codes.ts': outputs['codes.ts'] as string, 'consumer.ts': consumer})).toEqual([])
  })

  test('are errors in the const style, where `type default` could not compile', async () => {
    await expect(generateFrom({'codes.md': markdown}, {typescript: {style: 'const'}})).rejects.toThrow(
      'codes.md:3:7-3:14: Unexpected name `default` of code default in the const style, expected another: no TypeScript type can have it (`ErrorCode.default`); give it a Name cell, or use the enum style'
    )
  })
})
