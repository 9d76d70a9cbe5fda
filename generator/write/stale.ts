/** stale: a generated output and the bytes on disk in, the report of a stale, missing or abandoned output out — a message saying which codes it changes (read back by the output's own target, for every format), or that only its formatting differs (a formatter rewrote it), and, for text, a short diff. */
import {isDeepStrictEqual} from 'node:util'
import {VFile} from 'vfile'
import {compareEntries, describeChanges} from '../contract/changes.js'
import {error} from '../diagnostics/messages.js'
import {shortDiff} from './diff.js'
import {readBack} from '../contract/read-back.js'
import type {GeneratedFile} from '../types.js'

/**
 * The error for an output that is missing or differs from what the documents generate, and the text to print.
 *
 * @param file what the documents generate
 * @param current the bytes on disk; undefined when missing
 * @param shown the output's path as messages show it
 */
export async function staleReport(file: GeneratedFile, current: Buffer | undefined, shown: string): Promise<{file: VFile, text: string}> {
  const report = new VFile({path: shown})
  if (!current) {
    const reason = shown + ' is missing'
    error(report, reason, undefined, 'missing-output')
    return {file: report, text: reason + '\n'}
  }
  const before = current.toString('utf8')
  const changes = await codeChanges(file, before)
  const formatted = !changes && (await onlyFormatting(file, before))
  const reason = formatted
    ? shown + ' differs only in formatting: errgen\'s outputs should be in your formatter\'s ignore file'
    : shown + ' is stale: ' + (changes || 'it differs from what the documents generate')
  error(report, reason, undefined, 'stale-output')
  return {file: report, text: reason + '\n' + shortDiff(shown, before, file.text)}
}

/**
 * Whether the text on disk is errgen's with only its formatting changed, as a formatter (prettier) rewrites it:
 * JSON and YAML that parse to the same value, TypeScript with the same tokens and comments (quotes, semicolons, trailing commas
 * and parentheses aside), any other output the same once white space and quote marks are set aside.
 */
async function onlyFormatting(file: GeneratedFile, before: string): Promise<boolean> {
  if (file.name.endsWith('.json')) return sameValue(() => JSON.parse(before), () => JSON.parse(file.text))
  if (/\.ya?ml$/.test(file.name)) {
    const {parse} = await import('yaml')
    return sameValue(() => parse(before), () => parse(file.text))
  }
  if (file.name.endsWith('.ts')) {
    const {ts} = await import('../targets/ts-morph.js')
    return tokensOf(ts, before).join('\0') === tokensOf(ts, file.text).join('\0')
  }
  const plain = (text: string) => text.replace(/\s+/g, '').replace(/['"`]/g, '"')
  return plain(before) === plain(file.text)
}

/** Whether two texts parse to the same value; false when either does not parse. */
function sameValue(before: () => unknown, after: () => unknown): boolean {
  try {
    return isDeepStrictEqual(before(), after())
  } catch {
    return false
  }
}

/**
 * The tokens of TypeScript source as a formatter leaves them: string values without their quotes; no semicolons, no
 * parentheses (prettier wraps a long returned expression in them), no comma before a closing bracket and no `|` or
 * `&` that leads a type (prettier adds and removes them as a union fits on a line or not).
 */
function tokensOf(ts: typeof import('../targets/ts-morph.js').ts, text: string): Array<string> {
  const {SyntaxKind} = ts
  const scanner = ts.createScanner(ts.ScriptTarget.Latest, /* skipTrivia */ true, ts.LanguageVariant.Standard, text)
  const tokens: Array<{kind: number, text: string}> = []
  for (let kind = scanner.scan(); kind !== SyntaxKind.EndOfFileToken; kind = scanner.scan()) {
    const literal = kind === SyntaxKind.StringLiteral || kind === SyntaxKind.NoSubstitutionTemplateLiteral
    tokens.push({kind, text: literal ? 'string:' + scanner.getTokenValue() : scanner.getTokenText()})
  }
  const dropped = new Set([SyntaxKind.SemicolonToken, SyntaxKind.OpenParenToken, SyntaxKind.CloseParenToken])
  const closing = new Set([SyntaxKind.CloseBraceToken, SyntaxKind.CloseBracketToken, SyntaxKind.CloseParenToken])
  const typeStarts = new Set([SyntaxKind.ColonToken, SyntaxKind.EqualsToken, SyntaxKind.LessThanToken, SyntaxKind.CommaToken, SyntaxKind.OpenParenToken, SyntaxKind.OpenBracketToken])
  const kept: Array<string> = []
  tokens.forEach((token, index) => {
    const trailingComma = token.kind === SyntaxKind.CommaToken && closing.has(tokens[index + 1]?.kind ?? -1)
    const leadingBar = (token.kind === SyntaxKind.BarToken || token.kind === SyntaxKind.AmpersandToken) && typeStarts.has(tokens[index - 1]?.kind ?? -1)
    if (!dropped.has(token.kind) && !trailingComma && !leadingBar) kept.push(token.text)
  })
  return [...kept, ...commentsOf(ts, text)]
}

/** The comments of TypeScript source (the JSDoc errgen writes is content), their white space as one space each: a formatter re-indents them. */
function commentsOf(ts: typeof import('../targets/ts-morph.js').ts, text: string): Array<string> {
  const {SyntaxKind} = ts
  const scanner = ts.createScanner(ts.ScriptTarget.Latest, /* skipTrivia */ false, ts.LanguageVariant.Standard, text)
  const comments: Array<string> = []
  for (let kind = scanner.scan(); kind !== SyntaxKind.EndOfFileToken; kind = scanner.scan()) {
    if (kind === SyntaxKind.SingleLineCommentTrivia || kind === SyntaxKind.MultiLineCommentTrivia) comments.push('comment:' + scanner.getTokenText().replace(/\s+/g, ' '))
  }
  return comments
}

/** The error for an output that errgen generated earlier and no longer does (turned off, or its input renamed). */
export function abandonedReport(shown: string): {file: VFile, text: string} {
  const report = new VFile({path: shown})
  const reason = shown + ' is no longer generated; run errgen to remove it'
  error(report, reason, undefined, 'stale-output')
  return {file: report, text: reason + '\n'}
}

/**
 * Which codes the new text adds, removes or changes, read back by the output's own target; '' when no code changed
 * (the difference is elsewhere). An old text errgen cannot read back (a hand edit broke it) is said; the new text
 * is errgen's own, so a failure to read it is a defect and is not swallowed.
 */
async function codeChanges(file: GeneratedFile, before: string): Promise<string> {
  const now = await readBack(file.kind, file.text)
  const old = await readBack(file.kind, before).catch(() => undefined)
  if (!old) return 'it differs from what the documents generate, and errgen cannot read it back (edited by hand?)'
  return describeChanges(compareEntries(old, now))
}
