/** fill: templates and parameter values in, what the outputs need of them out — the filled-in text, the pattern a filled-in text matches, example values, and the text a name is derived from. */
import type {CatalogEntry, MessageParam, ParamSyntax, Template} from '../types.js'
import {defaultParamSyntaxes} from '../config/defaults.js'
import {scan} from './placeholders.js'

/** Parameter values by name. */
export type ParamValues = Readonly<Record<string, string | number>>

/** A template with its parameters filled in. */
export function fill(template: Template, values: ParamValues): string {
  return template.map((part, index) => (index % 2 === 0 ? part : String(values[part]))).join('')
}

/** The values the examples fill in: each parameter's name, a number for an integer (`%d`). */
export function exampleValues(params: ReadonlyArray<MessageParam>): ParamValues {
  return Object.fromEntries(params.map((param) => [param.name, param.type === 'integer' ? 1 : param.name]))
}

/** An entry's message as the examples show it: filled in with the example values when it has parameters. */
export function exampleMessage(entry: CatalogEntry): string {
  return entry.templates && entry.params ? fill(entry.templates.message, exampleValues(entry.params)) : entry.message
}

/** An entry's resolve text as the examples show it. */
export function exampleResolve(entry: CatalogEntry): string | undefined {
  return entry.templates?.resolve && entry.params ? fill(entry.templates.resolve, exampleValues(entry.params)) : entry.resolve
}

/**
 * The pattern (ECMA-262, also read by Python's `re` and Go's RE2) of a template's filled-in texts: each parameter a
 * non-empty run of any characters, every literal escaped, anchored at both ends.
 */
export function templatePattern(template: Template): string {
  return '^' + template.map((part, index) => (index % 2 === 0 ? escapeRegExp(part) : '[\\s\\S]+')).join('') + '$'
}

/** A text matched literally (ECMA-262 with or without the `u` flag, Python, RE2): only syntax characters are escaped. */
function escapeRegExp(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&')
}

/** The names of a template's parameters, in order, each once. */
export function templateParams(template: Template): Array<string> {
  return [...new Set(template.filter((_, index) => index % 2 === 1))]
}

/** The names of the parameters of a text as written, read with these syntaxes (braces when undefined). */
export function paramNames(text: string, syntaxes: ReadonlyArray<ParamSyntax> | undefined): Array<string> {
  return scan(text, syntaxes ?? defaultParamSyntaxes).placeholders.map((placeholder) => placeholder.param.name)
}

/** The text a name is derived from: the literal texts, without the placeholders (`Rate limit of requests exceeded`). */
export function nameSource(template: Template): string {
  return template.filter((_, index) => index % 2 === 0).join(' ')
}
