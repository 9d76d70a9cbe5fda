/** targets/typescript/messages/params: a catalog in, the module's statements about message parameters out — `ErrorParams`, `ParamsArgs`, the templates, `formatMessage` and the helpers that fill and match them; none when no message has parameters, so that such a module is as before. */
import type {WriterFunction} from 'ts-morph'
import {templatePattern} from '../../../params/fill.js'
import type {Catalog, CatalogEntry, MessageParam} from '../../../types.js'
import {docText, stringLiteral, textStatement} from '../syntax.js'

/** Whether some message or resolve text of the catalog has parameters. */
export function hasParams(catalog: Catalog): boolean {
  return catalog.entries.some((entry) => entry.params !== undefined)
}

/** The statements about parameters, after the catalog's view; none when no message has parameters (`formatMessage` is the locales' when the catalog has translations). */
export function paramStatements(catalog: Catalog): Array<WriterFunction> {
  if (!hasParams(catalog)) return []
  const formatMessage = catalog.locales ? [] : [formatMessageFunction(catalog)]
  return [errorParamsInterface(catalog), paramsArgsType(), templatesConstant(catalog), fillFunction(), filledFunction(catalog), messageMatchesFunction(), ...formatMessage]
}

/** The TypeScript type of a parameter's value: a brace's any text or number, `%s` a string, `%d` a number. */
const paramTypes: Readonly<Record<MessageParam['type'], string>> = {text: 'string | number', string: 'string', integer: 'number'}

function errorParamsInterface(catalog: Catalog): WriterFunction {
  const members = catalog.entries.flatMap((entry) => {
    if (!entry.params) return []
    const params = entry.params.map((param) => 'readonly ' + param.name + ': ' + paramTypes[param.type] + ';').join(' ')
    return ['  /** ' + docText(entry.message).replace(/\n/g, ' ') + ' */', '  readonly [ErrorCode.' + entry.name + ']: { ' + params + ' };']
  })
  return textStatement(['/** The parameters of each code whose message or resolve text has some, by code. */', 'export interface ErrorParams {', ...members, '}'])
}

function paramsArgsType(): WriterFunction {
  return textStatement([
    '/** The arguments after a code: the parameters of its message, when it has some (exactly those, each typed); none otherwise. */',
    'export type ParamsArgs<C extends ErrorCode> = C extends keyof ErrorParams ? [params: ErrorParams[C]] : [];'
  ])
}

/** The templates of the codes with parameters, and the pattern of their filled-in messages. */
function templatesConstant(catalog: Catalog): WriterFunction {
  const key = catalog.codeKind === 'integer' ? 'number' : 'string'
  const lines = catalog.entries.flatMap((entry) => (entry.templates ? templateLines(entry) : []))
  return textStatement([
    '/** The message (and resolve text) of each code with parameters: literal texts and parameter names alternating. */',
    'const templates: {',
    '  readonly [code: ' + key + ']: { readonly message: readonly string[]; readonly resolve?: readonly string[]; readonly pattern: string } | undefined;',
    '} = {',
    ...lines,
    '};'
  ])
}

function templateLines(entry: CatalogEntry): Array<string> {
  const list = (template: ReadonlyArray<string>) => '[' + template.map((part) => stringLiteral(part)).join(', ') + ']'
  const templates = entry.templates
  if (!templates) return []
  return [
    '  [ErrorCode.' + entry.name + ']: {',
    '    message: ' + list(templates.message) + ',',
    ...(templates.resolve && templates.resolve.length > 1 ? ['    resolve: ' + list(templates.resolve) + ','] : []),
    '    pattern: ' + stringLiteral(templatePattern(templates.message)) + ',',
    '  },'
  ]
}

function fillFunction(): WriterFunction {
  return textStatement([
    '/** The parameter values among the arguments after a code. */',
    'function valuesOf(params: readonly unknown[]): { readonly [name: string]: unknown } | undefined {',
    '  return params[0] as { readonly [name: string]: unknown } | undefined;',
    '}',
    '',
    '/** A template with its parameters filled in. */',
    'function fill(template: readonly string[], params: { readonly [name: string]: unknown } | undefined): string {',
    '  return template.map((part, index) => (index % 2 === 0 ? part : String(params?.[part]))).join("");',
    '}'
  ])
}

function filledFunction(catalog: Catalog): WriterFunction {
  const field = catalog.hasResolve ? '"message" | "resolve"' : '"message"'
  return textStatement([
    '/** A code\'s message (or resolve text) with its parameters filled in; as documented when it has none. */',
    'function filled(code: ErrorCode, field: ' + field + ', params: { readonly [name: string]: unknown } | undefined): string | undefined {',
    '  const template = templates[code]?.[field];',
    '  return template ? fill(template, params) : (entries[code] as ErrorEntry)[field];',
    '}'
  ])
}

function messageMatchesFunction(): WriterFunction {
  return textStatement([
    '/** Whether a message is a code\'s message: its documented text, or for a code with parameters its text with them filled in. */',
    'function messageMatches(code: ErrorCode, message: string): boolean {',
    '  const template = templates[code];',
    '  return template ? new RegExp(template.pattern, "u").test(message) : (entries[code] as ErrorEntry).message === message;',
    '}'
  ])
}

/** Example values of parameters, as an object literal: each parameter's name, 1 for an integer (`{ limit: "limit" }`). */
export function exampleParams(params: ReadonlyArray<MessageParam>): string {
  return '{ ' + params.map((param) => param.name + ': ' + (param.type === 'integer' ? '1' : stringLiteral(param.name))).join(', ') + ' }'
}

function formatMessageFunction(catalog: Catalog): WriterFunction {
  const example = catalog.entries.find((entry) => entry.params)
  return textStatement([
    '/**',
    ' * The message of the error with this code, its parameters filled in (a code without parameters takes none).',
    ...(example?.params ? [' *', ' * @example formatMessage(ErrorCode.' + example.name + ', ' + exampleParams(example.params) + ')'] : []),
    ' */',
    'export function formatMessage<C extends ErrorCode>(code: C, ...params: ParamsArgs<C>): string {',
    '  return filled(code, "message", valuesOf(params)) as string;',
    '}'
  ])
}
