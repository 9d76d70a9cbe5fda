/** placeholders: a cell's text (code spans' characters masked) and the syntaxes a page uses in, its template out — literal texts and parameters alternating, the placeholders as written, and the malformed ones. */
import type {MessageParam, ParamSyntax} from '../types.js'

/** The kind of a placeholder as written: `{name}`, `{{name}}`, printf's `%s`, `%d`, or printf's numbered `%1$s`, `%2$d`. */
export type PlaceholderKind = 'brace' | 'double-brace' | 'printf' | 'printf-numbered'

/** A placeholder as written in a text. */
export interface Placeholder {
  readonly written: string
  readonly kind: PlaceholderKind
  readonly param: MessageParam
}

/** Something that looks like a placeholder but is none, kept as text: why, and what to write instead. */
export interface Malformed {
  readonly written: string
  readonly reason: string
}

/** A scanned text: its literal texts and parameter names alternating (a literal first and last), and what it holds. */
export interface Scanned {
  readonly parts: Array<string>
  readonly placeholders: Array<Placeholder>
  readonly malformed: Array<Malformed>
}

/** What code spans' braces and percent signs are masked as while a cell is scanned: they are literal. */
const masks: Readonly<Record<string, string>> = {'{': '\uE000', '}': '\uE001', '%': '\uE002'}

/** A code span's text with its braces and percent signs masked. */
export function mask(text: string): string {
  return text.replace(/[{}%]/g, (character) => masks[character] ?? character)
}

/** A masked text as written. */
export function unmask(text: string): string {
  return text.replace(/\uE000/g, '{').replace(/\uE001/g, '}').replace(/\uE002/g, '%')
}

/** Whether a text may hold a placeholder of these syntaxes (the fast path: most cells hold none). */
export function mayHoldPlaceholders(text: string, syntaxes: ReadonlyArray<ParamSyntax>): boolean {
  return (syntaxes.includes('braces') && /[{}]/.test(text)) || (syntaxes.includes('printf') && text.includes('%'))
}

const name = '[A-Za-z_][A-Za-z0-9_]*'

/** Each thing the scanner recognizes, by the group that matched. */
const tokenPattern = new RegExp(
  [
    '(?<template>\\$\\{[^{}]*\\})',
    '(?<double>\\{\\{ *(?<doubleName>' + name + ') *\\}\\})',
    '(?<single>\\{(?<singleName>' + name + ')\\})',
    '(?<closed>\\{[^{}]*\\})',
    '(?<open>\\{)',
    '(?<close>\\})',
    '(?<percent>%%)',
    '(?<printf>%(?<conversion>[sd]))',
    '(?<numbered>%(?<number>[1-9]\\d{0,2})\\$(?<numberedConversion>[sd]))',
    '(?<conversionLike>%(?:\\d+\\$)?[-+#0]*\\d*(?:\\.\\d+)?[A-Za-z])'
  ].join('|'),
  'g'
)

const literalBrace = 'a literal brace is written in a code span'

/**
 * Scan a text for placeholders: `{name}` and `{{name}}` when the page uses braces, `%s` and `%d` (named `arg1`,
 * `arg2`, … by position) and the numbered `%1$s`, `%2$d` (named `arg1`, `arg2` by their number, which a translation
 * may reorder) when it uses printf, where `%%` is a percent sign. `${…}` (a template of code) is text.
 */
export function scan(text: string, syntaxes: ReadonlyArray<ParamSyntax>): Scanned {
  const braces = syntaxes.includes('braces')
  const printf = syntaxes.includes('printf')
  const scanned: Scanned = {parts: [''], placeholders: [], malformed: []}
  let position = 0
  const literal = (value: string): void => {
    scanned.parts[scanned.parts.length - 1] += value
  }
  for (const match of text.matchAll(tokenPattern)) {
    const groups = match.groups ?? {}
    literal(text.slice(position, match.index))
    position = match.index + match[0].length
    const family = familyOf(groups)
    if (family === 'text' || (family === 'braces' && !braces) || (family === 'printf' && !printf)) {
      literal(match[0])
    } else if (groups['percent'] !== undefined) {
      literal('%')
    } else if (groups['double'] !== undefined || groups['single'] !== undefined || groups['printf'] !== undefined || groups['numbered'] !== undefined) {
      const placeholder = placeholderOf(match[0], groups, scanned.placeholders)
      scanned.placeholders.push(placeholder)
      scanned.parts.push(placeholder.param.name, '')
    } else {
      literal(match[0])
      scanned.malformed.push({written: match[0], reason: malformedReason(match[0], groups)})
    }
  }
  literal(text.slice(position))
  return scanned
}

/** Which syntax a token belongs to: braces, printf, or text whatever the syntaxes (`${…}`). */
function familyOf(groups: Readonly<Record<string, string | undefined>>): ParamSyntax | 'text' {
  if (groups['template'] !== undefined) return 'text'
  const printf = groups['percent'] ?? groups['printf'] ?? groups['numbered'] ?? groups['conversionLike']
  return printf === undefined ? 'braces' : 'printf'
}

/** A placeholder that matched: its kind and its parameter (printf's named by position). */
function placeholderOf(written: string, groups: Readonly<Record<string, string | undefined>>, before: ReadonlyArray<Placeholder>): Placeholder {
  if (groups['printf'] !== undefined) {
    const position = before.filter((placeholder) => placeholder.kind === 'printf').length + 1
    return {written, kind: 'printf', param: {name: 'arg' + position, type: groups['conversion'] === 'd' ? 'integer' : 'string'}}
  }
  if (groups['numbered'] !== undefined) {
    return {written, kind: 'printf-numbered', param: {name: 'arg' + String(groups['number']), type: groups['numberedConversion'] === 'd' ? 'integer' : 'string'}}
  }
  const double = groups['double'] !== undefined
  return {written, kind: double ? 'double-brace' : 'brace', param: {name: String(double ? groups['doubleName'] : groups['singleName']), type: 'text'}}
}

/** Why a brace or a percent sign is no placeholder, and what to write instead. */
function malformedReason(written: string, groups: Readonly<Record<string, string | undefined>>): string {
  if (groups['open'] !== undefined) return 'Unexpected `{` without a closing `}`, expected a placeholder `{name}`; ' + literalBrace
  if (groups['close'] !== undefined) return 'Unexpected `}` without an opening `{`, expected a placeholder `{name}`; ' + literalBrace
  if (groups['conversionLike'] !== undefined) {
    return 'Unexpected printf conversion `' + written + '`, expected `%s` or `%d` (parameters are taken in order), or `%1$s`, `%2$d` (numbered); a literal percent sign is written `%%`'
  }
  return 'Unexpected placeholder `' + written + '`, expected `{name}` with a name of ASCII letters, digits and `_`; ' + literalBrace
}
