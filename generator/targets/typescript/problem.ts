/** targets/typescript/problem: a catalog and the problem settings in, the problem details (RFC 9457) part of the TypeScript module out — the problem types by code, `ProblemInit`, `ProblemDocument<C>`, `problemTypeOf`, `codeOfProblemType`, `isProblem` and `createProblem`, each with its JSDoc. */
import {StructureKind} from '../ts-morph.js'
import type {FunctionDeclarationStructure, StatementStructures, WriterFunction} from 'ts-morph'
import {problemType} from '../../config/settings/problem-template.js'
import type {Catalog, ProblemSettings} from '../../types.js'
import {isPartial} from '../../emit/body-fields.js'
import {messageType} from './body.js'
import {hasParams} from './messages/params.js'
import {stringLiteral} from './syntax.js'

/** The statements of the problem details form, after the body's. */
export function problemStatements(catalog: Catalog, settings: ProblemSettings): Array<StatementStructures | WriterFunction> {
  return [
    problemTypesConstant(catalog, settings),
    problemInitType(catalog),
    problemDocumentType(catalog),
    problemTypeOfFunction(),
    codesByProblemTypeConstant(),
    codeOfProblemTypeFunction(),
    isProblemFunction(catalog),
    createProblemFunction(catalog)
  ]
}

/** `problemTypes`, written as text as the catalog is: ts-morph would hang-indent a multi-line initializer. */
function problemTypesConstant(catalog: Catalog, settings: ProblemSettings): WriterFunction {
  return (writer) => {
    writer.blankLineIfLastNot()
    writer.writeLine('/** The problem type of every documented error (the RFC 9457 `type` URI), keyed by code. */')
    writer.write('export const problemTypes = {').indent(() => {
      for (const entry of catalog.entries) writer.writeLine('[ErrorCode.' + entry.name + ']: ' + stringLiteral(problemType(settings, entry)) + ',')
    })
    writer.writeLine('} as const satisfies { readonly [C in ErrorCode]: string };')
  }
}

function problemInitType(catalog: Catalog): WriterFunction {
  return (writer) => {
    writer.blankLineIfLastNot()
    writer.writeLine('/**')
    writer.writeLine(' * What `createProblem` takes besides the code: a `detail` for this occurrence' + (catalog.hasResolve ? ' (by default the resolve text)' : '') + ',')
    writer.writeLine(' * an `instance` URI reference, ' + (catalog.locales ? 'the `locale` of `title` and of the default `detail` (the default locale when left out), ' : '') + 'and extension members; `type`, `title`, `status` and `code` come from the catalog.')
    writer.writeLine(' */')
    writer.write('export type ProblemInit = {').indent(() => {
      writer.writeLine('readonly detail?: string;')
      writer.writeLine('readonly instance?: string;')
      if (catalog.locales) writer.writeLine('readonly locale?: Locale;')
      for (const member of ['type', 'title', 'status', 'code']) writer.writeLine('readonly ' + member + '?: never;')
      writer.writeLine('readonly [extension: string]: unknown;')
    })
    writer.writeLine('};')
  }
}

/** One object type per code, so that `switch (problem.code)` narrows `type`, `title` and `status`. */
function problemDocumentType(catalog: Catalog): WriterFunction {
  return (writer) => {
    writer.blankLineIfLastNot()
    writer.writeLine('/**')
    writer.writeLine(' * A problem details document (RFC 9457, `application/problem+json`) of the error with code `C`: its problem type, its')
    writer.writeLine(' * message as `title`' + (catalog.hasStatus ? ', its HTTP status' : '') + ' and its code as an extension member.')
    writer.writeLine(' */')
    writer.writeLine('export type ProblemDocument<C extends ErrorCode = ErrorCode> = C extends ErrorCode').indent(() => {
      writer.write('? {').indent(() => {
        writer.writeLine('readonly type: (typeof problemTypes)[C];')
        writer.writeLine('readonly title: ' + messageType(catalog) + ';')
        if (catalog.hasStatus && !isPartial(catalog, 'status')) writer.writeLine('readonly status: DocumentedStatus<C>;')
        writer.writeLine('readonly detail?: string;')
        writer.writeLine('readonly instance?: string;')
        writer.writeLine('readonly code: C;')
      })
      writer.writeLine('}')
      // A code documented without a status: the status of the response it is sent with, if any (RFC 9457 makes it optional).
      if (isPartial(catalog, 'status')) writer.writeLine('& (DocumentedEntry<C> extends { readonly status: infer S } ? { readonly status: S } : { readonly status?: number })')
      writer.writeLine(': never;')
    })
  }
}

function problemTypeOfFunction(): FunctionDeclarationStructure {
  return {
    kind: StructureKind.Function,
    name: 'problemTypeOf',
    isExported: true,
    docs: ['The problem type (the RFC 9457 `type` URI) of the error with this code.'],
    typeParameters: [{name: 'C', constraint: 'ErrorCode'}],
    parameters: [{name: 'code', type: 'C'}],
    returnType: '(typeof problemTypes)[C]',
    statements: ['return problemTypes[code];']
  }
}

function codesByProblemTypeConstant(): WriterFunction {
  return (writer) => {
    writer.blankLineIfLastNot()
    writer.writeLine('/** Each problem type\'s code. */')
    writer.writeLine('const codesByProblemType: ReadonlyMap<string, ErrorCode> = new Map(')
    writer.indent().write('Object.values(errorCatalog).map((entry): [string, ErrorCode] => [problemTypes[entry.code], entry.code]),').newLine()
    writer.writeLine(');')
  }
}

function codeOfProblemTypeFunction(): FunctionDeclarationStructure {
  return {
    kind: StructureKind.Function,
    name: 'codeOfProblemType',
    isExported: true,
    docs: ['The code of the error whose problem type is `uri`, or `undefined` when no documented error has it.'],
    parameters: [{name: 'uri', type: 'string'}],
    returnType: 'ErrorCode | undefined',
    statements: ['return codesByProblemType.get(uri);']
  }
}

function isProblemFunction(catalog: Catalog): FunctionDeclarationStructure {
  const checks = [
    'problem["code"] === code',
    titleCheck(catalog),
    ...(isPartial(catalog, 'status')
      ? ['(entry.status === undefined ? problem["status"] === undefined || Number.isInteger(problem["status"]) : problem["status"] === entry.status)']
      : catalog.hasStatus ? ['problem["status"] === entry.status'] : []),
    '(problem["detail"] === undefined || typeof problem["detail"] === "string")',
    '(problem["instance"] === undefined || typeof problem["instance"] === "string")'
  ]
  return {
    kind: StructureKind.Function,
    name: 'isProblem',
    isExported: true,
    docs: [
      'Whether `value` is a problem document of a documented error: an object whose `type` is a documented problem type,\n' +
        'with that error\'s `title`' + (catalog.hasStatus ? ', `status`' : '') + ' and `code`, and a string `detail` and `instance` when it has them.'
    ],
    parameters: [{name: 'value', type: 'unknown'}],
    returnType: 'value is ProblemDocument',
    statements: [
      'if (typeof value !== "object" || value === null) return false;',
      'const problem = value as Record<string, unknown>;',
      'const code = typeof problem["type"] === "string" ? codeOfProblemType(problem["type"]) : undefined;',
      'if (code === undefined) return false;',
      'const entry: ErrorEntry = errorCatalog[code];',
      'return (\n  ' + checks.join(' &&\n  ') + '\n);'
    ]
  }
}

/** The check of a problem's `title`: the code's message, filled in when it has parameters, or one of its translations. */
function titleCheck(catalog: Catalog): string {
  const documented = hasParams(catalog) ? 'messageMatches(code, problem["title"])' : 'problem["title"] === entry.message'
  if (catalog.locales) return 'typeof problem["title"] === "string" && (' + documented + ' || isTranslation(code, problem["title"]))'
  return hasParams(catalog) ? 'typeof problem["title"] === "string" && ' + documented : documented
}

function createProblemFunction(catalog: Catalog): FunctionDeclarationStructure {
  const returnType = 'ProblemDocument<C> & Readonly<Omit<E, "detail" | "instance">>'
  const params = hasParams(catalog)
  const values = params ? 'valuesOf(params)' : 'undefined'
  const inLocale = (field: string, documented: string): string => (catalog.locales ? 'translated(code, "' + field + '", ' + values + ', locale) ?? ' : '') + documented
  const documentedResolve = params ? 'filled(code, "resolve", valuesOf(params))' : 'entry.resolve'
  const resolve = catalog.locales ? '(' + inLocale('resolve', documentedResolve) + ')' : documentedResolve
  const detail = isPartial(catalog, 'resolve')
    ? '...((detail ?? ' + resolve + ') === undefined ? {} : { detail: detail ?? ' + resolve + ' }),'
    : catalog.hasResolve ? 'detail: detail ?? ' + resolve + ',' : '...(detail === undefined ? {} : { detail }),'
  const start = params
    ? ['const params = (templates[code] === undefined ? [] : args.slice(0, 1)) as ParamsArgs<C>;', 'const init = args[params.length] as E | undefined;']
    : []
  return {
    kind: StructureKind.Function,
    name: 'createProblem',
    isExported: true,
    docs: [
      'The problem document (RFC 9457) of the error with this code, to send as `application/problem+json`' + (catalog.hasStatus ? ' with its status' : '') + ':\n' +
        '`type`, `title`' + (catalog.hasStatus ? ', `status`' : '') + ' and `code` as documented, `detail` ' + (catalog.hasResolve ? '(by default the resolve text)' : 'when given') + ',\n' +
        '`instance` when given, and the extension members of `init` (which cannot replace the documented members)' +
        (catalog.locales ? ';\n`title` and the default `detail` in `init.locale` (the default locale when left out or without a translation).' : '.')
    ],
    typeParameters: [{name: 'C', constraint: 'ErrorCode'}, {name: 'E', constraint: 'ProblemInit', default: '{}'}],
    parameters: params ? [{name: 'code', type: 'C'}, {name: '...args', type: '[...ParamsArgs<C>, init?: E]'}] : [{name: 'code', type: 'C'}, {name: 'init', type: 'E', hasQuestionToken: true}],
    returnType,
    statements: [
      ...start,
      'const entry: ErrorEntry = errorCatalog[code];',
      catalog.locales ? 'const { detail, instance, locale, ...extensions }: ProblemInit = init ?? {};' : 'const { detail, instance, ...extensions }: ProblemInit = init ?? {};',
      (writer) => {
        writer.write('return {').indent(() => {
          writer.writeLine('...extensions,')
          writer.writeLine('type: problemTypes[code],')
          writer.writeLine('title: ' + inLocale('message', params ? 'filled(code, "message", valuesOf(params))' : 'entry.message') + ',')
          if (isPartial(catalog, 'status')) writer.writeLine('...(entry.status === undefined ? {} : { status: entry.status }),')
          else if (catalog.hasStatus) writer.writeLine('status: entry.status,')
          writer.writeLine(detail)
          writer.writeLine('...(instance === undefined ? {} : { instance }),')
          writer.writeLine('code,')
        })
        writer.writeLine('} as unknown as ' + returnType + ';')
      }
    ]
  }
}
