/** params/cells: a row's Message and Resolve cells (mdast), the page's placeholder syntaxes and the row's code in, the entry's parameters and templates out; malformed and mixed placeholders become located messages. */
import type {Nodes, TableCell} from 'mdast'
import type {Position} from 'unist'
import type {VFile} from 'vfile'
import {defaultParamSyntaxes} from '../config/defaults.js'
import {error, warning} from '../diagnostics/messages.js'
import {cellText} from '../tables/cells/text.js'
import type {EntryTemplates, MessageParam, ParamSyntax} from '../types.js'
import {mask, mayHoldPlaceholders, type Placeholder, scan, unmask} from './placeholders.js'

/** A cell to scan: its node, its text (as the row reads it) and where it is. */
export interface TemplateCell {
  readonly node: TableCell
  readonly text: string
  readonly place: Position | undefined
  readonly label: 'Message' | 'Resolve'
}

/** What the row gives the catalog: its parameters and templates. */
export interface RowParams {
  readonly params: readonly MessageParam[]
  readonly templates: EntryTemplates
}

/**
 * The parameters of a row's message and resolve text, in order of first use, and their templates (no parameter, when
 * a `%%` of printf is all they hold: their texts are then the templates' one literal); undefined when they hold
 * neither, or a placeholder of another kind than the first stands in one of them (an error).
 */
export function readParams(message: TemplateCell, resolve: TemplateCell | undefined, syntaxes: ReadonlyArray<ParamSyntax> | undefined, code: string, file: VFile): RowParams | undefined {
  const used = syntaxes ?? defaultParamSyntaxes
  const cells = resolve ? [message, resolve] : [message]
  if (!cells.some((cell) => mayHoldPlaceholders(cell.text, used))) return undefined
  const scans = cells.map((cell) => scanCell(cell, used, code, file))
  const placeholders = scans.flatMap((scanned) => scanned.placeholders)
  const unescaped = scans.some((scanned, index) => scanned.parts.join('') !== cells[index]?.text)
  if (placeholders.length === 0 && !unescaped) return undefined
  if (reportMixed(placeholders, message.place, code, file)) return undefined
  const params = new Map<string, MessageParam>()
  for (const {param} of placeholders) if (!params.has(param.name)) params.set(param.name, param)
  return {params: inNumberOrder(placeholders, [...params.values()]), templates: {message: scans[0]?.parts ?? [message.text], resolve: resolve ? scans[1]?.parts : undefined}}
}

/** The parameters in order of first use; numbered printf's (`%2$s … %1$s`) by their numbers, `arg1` first. */
function inNumberOrder(placeholders: ReadonlyArray<Placeholder>, params: Array<MessageParam>): Array<MessageParam> {
  if (placeholders[0]?.kind !== 'printf-numbered') return params
  return params.sort((a, b) => Number(a.name.slice(3)) - Number(b.name.slice(3)))
}

/**
 * One cell's template: its code spans literal; each malformed placeholder a warning (it is kept as text). A cell that
 * holds the private-use characters code spans are masked with is read as text: its masks could not be told apart.
 */
function scanCell(cell: TemplateCell, syntaxes: ReadonlyArray<ParamSyntax>, code: string, file: VFile): {parts: Array<string>, placeholders: Array<Placeholder>} {
  const masked = cellText(maskedCodeSpans(cell.node))
  if (/[\uE000-\uE002]/.test(cell.text) || unmask(masked) !== cell.text) return {parts: [cell.text], placeholders: []}
  const scanned = scan(masked, syntaxes)
  const places = malformedPlaces(scanned.malformed.map((malformed) => unmask(malformed.written)), cell.place, file)
  scanned.malformed.forEach((malformed, index) => {
    const reason = unmask(malformed.reason).replace(', expected', ' in the ' + cell.label + ' cell of code ' + code + ', expected')
    warning(file, reason + '; kept as text', places[index], 'malformed-placeholder')
  })
  return {parts: scanned.parts.map((part) => unmask(part)), placeholders: scanned.placeholders}
}

/**
 * Where each malformed placeholder is written: its own place in the cell's line when the cell's source holds its text
 * exactly as many times as it is malformed (so the n-th is the n-th; a copy in a code span or an escape would make
 * that a guess), else the whole cell.
 */
function malformedPlaces(written: ReadonlyArray<string>, place: Position | undefined, file: VFile): Array<Position | undefined> {
  const start = place?.start
  const end = place?.end
  if (start?.offset === undefined || end?.offset === undefined || start.line !== end.line) return written.map(() => place)
  const offset = start.offset
  const source = String(file.value).slice(offset, end.offset)
  const seen = new Map<string, number>()
  return written.map((text) => {
    const nth = seen.get(text) ?? 0
    seen.set(text, nth + 1)
    const found = occurrences(source, text)
    const at = found[nth]
    if (found.length !== written.filter((other) => other === text).length || at === undefined) return place
    const column = start.column + at
    return {start: {line: start.line, column, offset: offset + at}, end: {line: start.line, column: column + text.length, offset: offset + at + text.length}}
  })
}

/** Where a text occurs in another, without overlaps. */
function occurrences(source: string, text: string): Array<number> {
  const found: Array<number> = []
  for (let at = source.indexOf(text); at >= 0 && text !== ''; at = source.indexOf(text, at + text.length)) found.push(at)
  return found
}

/** A copy of a cell whose code spans have their braces and percent signs masked: they are never placeholders. */
function maskedCodeSpans(node: TableCell): Nodes {
  const copy = structuredClone(node)
  const visit = (child: Nodes): void => {
    if (child.type === 'inlineCode') child.value = mask(child.value)
    if ('children' in child) for (const grandchild of child.children) visit(grandchild)
  }
  visit(copy)
  return copy
}

/** An error when a row's placeholders are of more than one kind (`{a}` and `%s`, `{a}` and `{{b}}`); whether they are. */
function reportMixed(placeholders: ReadonlyArray<Placeholder>, place: Position | undefined, code: string, file: VFile): boolean {
  const kinds = new Map<string, string>()
  for (const placeholder of placeholders) if (!kinds.has(placeholder.kind)) kinds.set(placeholder.kind, placeholder.written)
  if (kinds.size < 2) return false
  const written = [...kinds.values()].map((text) => '`' + text + '`')
  const reason = 'Unexpected placeholders of ' + kinds.size + ' kinds for code ' + code + ' (' + written.join(', ') +
    '), expected one kind in its Message and Resolve cells: write each like `' + [...kinds.values()][0] + '`'
  error(file, reason, place, 'mixed-placeholders')
  return true
}
