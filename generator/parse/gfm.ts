/** gfm: a markdown text in, the unified processor that parses it as remark-gfm does out — GFM tables always, and each costly GFM construct (autolink literals, footnotes, strikethrough, task lists) only when the text can hold it. */
import type {Root} from 'mdast'
import {gfmAutolinkLiteralFromMarkdown} from 'mdast-util-gfm-autolink-literal'
import {gfmFootnoteFromMarkdown} from 'mdast-util-gfm-footnote'
import {gfmStrikethroughFromMarkdown} from 'mdast-util-gfm-strikethrough'
import {gfmTableFromMarkdown} from 'mdast-util-gfm-table'
import {gfmTaskListItemFromMarkdown} from 'mdast-util-gfm-task-list-item'
import {gfmAutolinkLiteral} from 'micromark-extension-gfm-autolink-literal'
import {gfmFootnote} from 'micromark-extension-gfm-footnote'
import {gfmStrikethrough} from 'micromark-extension-gfm-strikethrough'
import {gfmTable} from 'micromark-extension-gfm-table'
import {gfmTaskListItem} from 'micromark-extension-gfm-task-list-item'
import {combineExtensions} from 'micromark-util-combine-extensions'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import {type Processor, unified} from 'unified'

/** The GFM constructs besides tables, in the order remark-gfm combines them. */
export const optionalConstructs = ['autolinkLiteral', 'footnote', 'strikethrough', 'taskListItem'] as const

/** One of the GFM constructs a text may not need. */
export type OptionalConstruct = (typeof optionalConstructs)[number]

/**
 * Whether a text can hold a construct: true unless no parse of it can give one, so that leaving the construct out
 * changes nothing in its tree.
 *
 * - Autolink literals: micromark reads `www.`, `http://`, `https://` and emails (`@`) in the source, and
 *   mdast-util-gfm-autolink-literal finds them (and `mailto:`, `xmpp:`, which need `@`) again in the text nodes,
 *   where an escape (`www\.`, `http\://`) or a character reference (`&#64;`, `&commat;`) has become the character
 *   itself: so `www` or `http(s)` followed by what can give `.` or `:` (itself, `\`, `&`), `@`, or any character
 *   reference (`HTTP` alone, as in a table's header, holds none).
 * - Footnotes: a call and a definition both start `[^` in the source (the label is read from the source).
 * - Strikethrough: `~`.
 * - Task lists: `[` then a space, tab, line ending, `x` or `X` (a check is `[ ]`, `[x]` or `[X]`).
 */
const mayHold: Readonly<Record<OptionalConstruct, RegExp>> = {
  autolinkLiteral: /www[.\\&]|https?[:\\&]|@|&(?:#|[a-z][a-z\d]*;)/i,
  footnote: /\[\^/,
  strikethrough: /~/,
  taskListItem: /\[[\sxX]/
}

/** A micromark extension. */
type SyntaxExtension = ReturnType<typeof gfmTable>

/** An mdast-util-from-markdown extension. */
type TreeExtension = ReturnType<typeof gfmTableFromMarkdown>

/** The micromark extension of each construct, and its mdast-util-from-markdown extension. */
const extensions: Readonly<Record<OptionalConstruct | 'table', {syntax: () => SyntaxExtension, tree: () => TreeExtension}>> = {
  autolinkLiteral: {syntax: gfmAutolinkLiteral, tree: gfmAutolinkLiteralFromMarkdown},
  footnote: {syntax: gfmFootnote, tree: gfmFootnoteFromMarkdown},
  strikethrough: {syntax: () => gfmStrikethrough({}), tree: gfmStrikethroughFromMarkdown},
  table: {syntax: gfmTable, tree: gfmTableFromMarkdown},
  taskListItem: {syntax: gfmTaskListItem, tree: gfmTaskListItemFromMarkdown}
}

/** The optional constructs a text can hold, in remark-gfm's order. */
export function constructsOf(text: string): Array<OptionalConstruct> {
  return optionalConstructs.filter((construct) => mayHold[construct].test(text))
}

/** The processors made so far, by the constructs they parse (joined with `,`). */
const processors = new Map<string, Processor<Root>>()

/** The processor of a text: remark-parse with remark-gfm's table and the constructs the text can hold. */
export function processorFor(text: string): Processor<Root> {
  return processorWith(constructsOf(text))
}

/**
 * A processor parsing GFM with only some of its optional constructs: remark-gfm itself when all are wanted, else its
 * extensions, in its order (autolink literal, footnote, strikethrough, table, task list item), without the others.
 */
export function processorWith(constructs: ReadonlyArray<OptionalConstruct>): Processor<Root> {
  const key = constructs.join(',')
  let processor = processors.get(key)
  if (!processor) {
    processor = constructs.length === optionalConstructs.length ? unified().use(remarkParse).use(remarkGfm).freeze() : subsetProcessor(constructs)
    processors.set(key, processor)
  }
  return processor
}

/** remark-parse with GFM tables and the given constructs, added as remark-gfm adds all of them. */
function subsetProcessor(constructs: ReadonlyArray<OptionalConstruct>): Processor<Root> {
  const wanted = new Set<string>([...constructs, 'table'])
  const used = (['autolinkLiteral', 'footnote', 'strikethrough', 'table', 'taskListItem'] as const).filter((name) => wanted.has(name)).map((name) => extensions[name])
  function gfmSubset(this: Processor): void {
    const data = this.data()
    ;(data.micromarkExtensions ??= []).push(combineExtensions(used.map((extension) => extension.syntax())))
    ;(data.fromMarkdownExtensions ??= []).push(...used.map((extension) => extension.tree()))
  }
  return unified().use(remarkParse).use(gfmSubset).freeze()
}
