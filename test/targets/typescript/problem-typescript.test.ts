/** The problem helpers of the TypeScript module (createProblem, isProblem, problemTypeOf, codeOfProblemType, ProblemDocument) in both styles: a consumer compiles under the strict flags, every export has JSDoc, and the helpers do at run time what their types say; also for string codes and catalogs without status or resolve. */
import {readFile} from 'node:fs/promises'
import ts from 'typescript'
import {beforeAll, describe, expect, test} from 'vitest'
import type {TypeScriptStyle} from '../../../generator/types.js'
import {evaluate, generateFrom, seed, strictOptions, typeCheck} from '../../support/helpers.js'
import {expectValidOutputs} from '../../support/validators.js'

const problem = {type: 'https://docs.example.com/errors#{code}'}

/** A module that uses the problem helpers as server and client code does; every line must type-check. */
const consumer = `
import { ErrorCode, HttpStatus, codeOfProblemType, createProblem, isProblem, problemTypeOf, problemTypes } from './errors.js';
import type { ProblemDocument, ProblemInit } from './errors.js';

const problem = createProblem(ErrorCode.AccessTokenMissing, { instance: "/orders/7", requestId: "abc" });
const type: "https://docs.example.com/errors#1000" = problem.type;
const title: "access_token missing" = problem.title;
const status: HttpStatus.BadRequest = problem.status;
const code: ErrorCode.AccessTokenMissing = problem.code;
const requestId: string = problem.requestId;
const detail: string | undefined = problem.detail;
const bare: ProblemDocument<ErrorCode.TypeMissing> = createProblem(ErrorCode.TypeMissing);
const uri: "https://docs.example.com/errors#1001" = problemTypeOf(ErrorCode.TypeMissing);
const known: ErrorCode | undefined = codeOfProblemType(uri);
const init: ProblemInit = { detail: "Missing in the request to /orders.", retryAfter: 30 };
const all: { readonly [C in ErrorCode]: string } = problemTypes;
// @ts-expect-error: title, type, status and code come from the catalog
createProblem(ErrorCode.AccessTokenMissing, { title: "another title" });
// @ts-expect-error: detail is a string
createProblem(ErrorCode.AccessTokenMissing, { detail: 7 });
// @ts-expect-error: a problem of one code is not a problem of another
const wrong: ProblemDocument<ErrorCode.EmailMissing> = createProblem(ErrorCode.TypeMissing);

export function titleOf(value: unknown): string | undefined {
  if (!isProblem(value)) return undefined;
  const any: ProblemDocument = value;
  switch (value.code) {
    case ErrorCode.EmailMissing: {
      const narrowed: "email missing" = value.title;
      const itsType: "https://docs.example.com/errors#1002" = value.type;
      return narrowed + itsType;
    }
    default:
      return any.title;
  }
}
export { type, title, status, code, requestId, detail, bare, known, init, all, wrong };
`

/** The implementation of an overloaded function: its overloads carry the JSDoc. */
function isOverloadImplementation(statement: ts.Statement, file: ts.SourceFile): boolean {
  if (!ts.isFunctionDeclaration(statement) || !statement.body || !statement.name) return false
  const name = statement.name.text
  return file.statements.some((other) => ts.isFunctionDeclaration(other) && !other.body && other.name?.text === name)
}

/** The seed's module with the problem form, in a style. */
async function seedModule(style: TypeScriptStyle): Promise<string> {
  const {outputs} = await generateFrom({'input/error-codes.md': await readFile(seed, 'utf8')}, {problem, typescript: {style}})
  return outputs['error-codes.ts'] as string
}

describe.each(['enum', 'const'] as const)('the problem helpers, %s style', (style) => {
  let source: string
  beforeAll(async () => {
    source = await seedModule(style)
  })

  test('a consumer compiles with zero diagnostics under the strict flags (and erasableSyntaxOnly in the const style)', () => {
    const options = {...strictOptions, erasableSyntaxOnly: style === 'const'}
    expect(typeCheck({'errors.ts': source, 'consumer.ts': consumer}, options)).toEqual([])
  })

  test('the consumer is not vacuous: without the expected errors it fails', () => {
    const unmarked = consumer.replace(/^\/\/ @ts-expect-error.*\n/gm, '')
    expect(typeCheck({'errors.ts': source, 'consumer.ts': unmarked}).length).toBe(3)
  })

  test('every export has a JSDoc comment', () => {
    const file = ts.createSourceFile('errors.ts', source, ts.ScriptTarget.ES2022, true)
    const undocumented = file.statements
      .filter((statement) => ts.canHaveModifiers(statement) && ts.getModifiers(statement)?.some((modifier) => modifier.kind === ts.SyntaxKind.ExportKeyword))
      .filter((statement) => ts.getJSDocCommentsAndTags(statement).length === 0 && !isOverloadImplementation(statement, file))
      .map((statement) => statement.getText(file).slice(0, 60))
    expect(undocumented).toEqual([])
    for (const name of ['problemTypes', 'ProblemInit', 'ProblemDocument', 'problemTypeOf', 'codeOfProblemType', 'isProblem', 'createProblem']) {
      expect(source).toMatch(new RegExp('\\*/\\nexport (const|type|function) ' + name + '\\b'))
    }
  })

  test('at run time: createProblem fills the documented members, detail defaults to the resolve text', async () => {
    const module = await evaluate(source)
    const code = module.ErrorCode.AccessTokenMissing
    expect(module.createProblem(code)).toEqual({
      type: 'https://docs.example.com/errors#1000',
      title: 'access_token missing',
      status: 400,
      detail: 'You need to include the access_token that you received from the original submit call.',
      code: 1000
    })
    expect(module.createProblem(code, {detail: 'No token on GET /orders.', instance: '/orders/7', requestId: 'abc'})).toEqual({
      requestId: 'abc',
      type: 'https://docs.example.com/errors#1000',
      title: 'access_token missing',
      status: 400,
      detail: 'No token on GET /orders.',
      instance: '/orders/7',
      code: 1000
    })
    expect(module.createProblem(code, {title: 'forged', status: 200, code: 1, type: 'about:blank'})).toMatchObject({title: 'access_token missing', status: 400, code: 1000, type: 'https://docs.example.com/errors#1000'})
  })

  test('at run time: isProblem, problemTypeOf and codeOfProblemType agree for every code', async () => {
    const module = await evaluate(source)
    const codes = Object.keys(module.errorCatalog).map(Number)
    expect(codes).toHaveLength(39)
    for (const code of codes) {
      const created = module.createProblem(code)
      expect(module.isProblem(created)).toBe(true)
      expect(module.isProblem(JSON.parse(JSON.stringify(created)))).toBe(true)
      expect(module.problemTypeOf(code)).toBe('https://docs.example.com/errors#' + code)
      expect(module.codeOfProblemType(module.problemTypeOf(code))).toBe(code)
    }
    const valid = module.createProblem(1000)
    for (const wrong of [null, 'problem', [], {}, {...valid, title: 'type missing'}, {...valid, code: 1001}, {...valid, status: 500}, {...valid, detail: 7}, {...valid, instance: 7}, {...valid, type: 'https://docs.example.com/errors#7'}]) {
      expect(module.isProblem(wrong), JSON.stringify(wrong)).toBe(false)
    }
    expect(module.codeOfProblemType('https://docs.example.com/errors#7')).toBeUndefined()
  })
})

describe('other catalogs', () => {
  test('string codes without status or resolve: the codes percent-encoded, {name} and {heading} filled, every output valid', async () => {
    const markdown = '# Sign-in errors\n\n| Code | Message |\n| --- | --- |\n| `auth/user-not-found` | no such user |\n| INVALID_CREDENTIALS | wrong password |\n'
    const {outputs} = await generateFrom({'input.md': markdown}, {optionalColumns: ['status', 'resolve'], problem: {type: 'https://docs.example.com/{heading}/{name}#{code}'}})
    const source = outputs['input.ts'] as string
    await expectValidOutputs(outputs)
    expect(JSON.parse(outputs['input.schema.json'] as string).$defs['Problem.AuthUserNotFound'].required).toEqual(['type', 'title', 'code'])
    const module = await evaluate(source)
    expect(module.createProblem('auth/user-not-found')).toEqual({
      type: 'https://docs.example.com/sign-in-errors/AuthUserNotFound#auth%2Fuser-not-found',
      title: 'no such user',
      code: 'auth/user-not-found'
    })
    expect(module.createProblem('INVALID_CREDENTIALS', {detail: 'Three attempts left.'})).toEqual({
      type: 'https://docs.example.com/sign-in-errors/INVALID_CREDENTIALS#INVALID_CREDENTIALS',
      title: 'wrong password',
      detail: 'Three attempts left.',
      code: 'INVALID_CREDENTIALS'
    })
    expect(module.isProblem(module.createProblem('INVALID_CREDENTIALS'))).toBe(true)
    expect(module.codeOfProblemType('https://docs.example.com/sign-in-errors/AuthUserNotFound#auth%2Fuser-not-found')).toBe('auth/user-not-found')
  })
})
