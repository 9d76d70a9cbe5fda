/** fill: templates and parameter values in, what the outputs need of them out — the filled-in text, the pattern a filled-in text matches, example values, and the text a name is derived from. */
import type {CatalogEntry, MessageParam, Template} from '../types.js'

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

/** The text a name is derived from: the literal texts, without the placeholders (`Rate limit of requests exceeded`). */
export function nameSource(template: Template): string {
  return template.filter((_, index) => index % 2 === 0).join(' ')
}
