/** gfm: a markdown text in, the unified processor that parses it as remark-gfm does out — each GFM construct (autolink literals, footnotes, strikethrough, tables, task lists) only when the text can hold it; and a parse that takes link labels as defined elsewhere in the document. */
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
import {type PluggableList, type Processor, unified} from 'unified'
import type {VFile} from 'vfile'

/** The GFM constructs, in the order remark-gfm combines them. */
export const optionalConstructs = ['autolinkLiteral', 'footnote', 'strikethrough', 'table', 'taskListItem'] as const

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
 * - Tables: a table needs a delimiter row, a line that ends (after any container's prefix) in cells of `-`, each
 *   with an optional `:` either side, with `|` between, before or after them, and at least one `|` or `:` in all
 *   (`---` alone is a thematic break or a heading's underline): so a line whose last characters, all spaces, tabs,
 *   `|`, `:` and `-`, hold a `-` and a `|` or `:` (`tableMayHold`).
 * - Task lists: `[` then a space, tab, line ending, `x` or `X` (a check is `[ ]`, `[x]` or `[X]`).
 */
const mayHold: Readonly<Record<OptionalConstruct, (text: string) => boolean>> = {
  autolinkLiteral: (text) => /www[.\\&]|https?[:\\&]|@|&(?:#|[a-z][a-z\d]*;)/i.test(text),
  footnote: (text) => text.includes('[^'),
  strikethrough: (text) => text.includes('~'),
  table: tableMayHold,
  taskListItem: (text) => /\[[\sxX]/.test(text)
}

/**
 * Whether a line of the text ends in spaces, tabs, `|`, `:` and `-` holding a `-` and a `|` or `:` (line endings:
 * `\r\n`, `\r`, `\n`): read from each line's end back, once over the text (a regular expression anchored at line ends
 * would read a long run of such characters again from each of its characters).
 */
function tableMayHold(text: string): boolean {
  if (!text.includes('-')) return false
  let dash = false
  let mark = false
  // From the text's end back: the line's last characters, until one of another kind.
  let inTail = true
  for (let index = text.length - 1; index >= 0; index--) {
    const code = text.charCodeAt(index)
    if (code === 0x0a || code === 0x0d) {
      if (dash && mark) return true
      ;[dash, mark, inTail] = [false, false, true]
    } else if (!inTail) {
      continue
    } else if (code === 0x2d) {
      dash = true
    } else if (code === 0x7c || code === 0x3a) {
      mark = true
    } else if (code !== 0x20 && code !== 0x09) {
      inTail = false
    }
  }
  return dash && mark
}

/** A micromark extension. */
type SyntaxExtension = ReturnType<typeof gfmTable>

/** An mdast-util-from-markdown extension. */
type TreeExtension = ReturnType<typeof gfmTableFromMarkdown>

/** The micromark extension of each construct, and its mdast-util-from-markdown extension. */
const extensions: Readonly<Record<OptionalConstruct, {syntax: () => SyntaxExtension, tree: () => TreeExtension}>> = {
  autolinkLiteral: {syntax: gfmAutolinkLiteral, tree: gfmAutolinkLiteralFromMarkdown},
  footnote: {syntax: gfmFootnote, tree: gfmFootnoteFromMarkdown},
  strikethrough: {syntax: () => gfmStrikethrough({}), tree: gfmStrikethroughFromMarkdown},
  table: {syntax: gfmTable, tree: gfmTableFromMarkdown},
  taskListItem: {syntax: gfmTaskListItem, tree: gfmTaskListItemFromMarkdown}
}

/** The optional constructs a text can hold, in remark-gfm's order. */
export function constructsOf(text: string): Array<OptionalConstruct> {
  return optionalConstructs.filter((construct) => mayHold[construct](text))
}

/** The processors made so far, by the constructs they parse (joined with `,`), and whether they take labels as defined. */
const processors = new Map<string, Processor<Root>>()

/**
 * A processor parsing GFM with only some of its optional constructs: remark-gfm itself when all are wanted, else its
 * extensions, in its order (autolink literal, footnote, strikethrough, table, task list item), without the others.
 *
 * @param defining whether it takes the labels `parseDefining` gives as defined
 */
export function processorWith(constructs: ReadonlyArray<OptionalConstruct>, defining = false): Processor<Root> {
  const key = constructs.join(',') + (defining ? '+defined' : '')
  let processor = processors.get(key)
  if (!processor) {
    const more: PluggableList = defining ? [definedLabels] : []
    processor = constructs.length === optionalConstructs.length ? unified().use(remarkParse).use(remarkGfm).use(more).freeze() : subsetProcessor(constructs, more)
    processors.set(key, processor)
  }
  return processor
}

/** The labels the parse running now takes as defined, until micromark's parser has them. */
let pending: ReadonlyArray<string> = []

/**
 * Parse a markdown text with `processor` (one of `processorWith`'s, `defining`), taking `labels` (normalized as
 * micromark normalizes them: `normalizeIdentifier`) as defined, as if the text held a definition of each: so that a
 * slice of a document reads `[x]` as a link where the whole document defines `x` in another slice, and gives the tree
 * a parse of its text with those definitions would give, but for the definitions' nodes.
 */
export function parseDefining(processor: Processor<Root>, file: VFile, labels: ReadonlyArray<string>): Root {
  pending = labels
  try {
    return processor.parse(file)
  } finally {
    pending = []
  }
}

/**
 * Whether a reference's label is defined is decided by micromark alone, where its text tokenizer meets the `]` that
 * closes the label: by looking the label up in its parser's list of defined labels, which each definition adds its
 * label to (the definitions are all parsed before any text is). This construct is tried at every `]` of the text
 * before the others (label end, GFM's footnote call): the first time, it adds the pending labels to that list. It never
 * takes a character, so the tokens and the tree are those of a parse without it.
 */
const defineLabels = {
  name: 'errgenDefinedLabels',
  partial: true,
  tokenize(this: {parser: {defined: Array<string>}}, _effects: unknown, _ok: unknown, nok: (code: number | null) => unknown) {
    if (pending.length > 0) {
      this.parser.defined.push(...pending)
      pending = []
    }
    return nok
  }
}

/** The unified plugin adding `defineLabels` at `]` (code 93) to the text of what a processor parses. */
function definedLabels(this: Processor): void {
  const data = this.data()
  ;(data.micromarkExtensions ??= []).push({text: {93: defineLabels}} as unknown as SyntaxExtension)
}

/** remark-parse with the given GFM constructs, added as remark-gfm adds all of them, and then `more`. */
function subsetProcessor(constructs: ReadonlyArray<OptionalConstruct>, more: PluggableList): Processor<Root> {
  const wanted = new Set<string>(constructs)
  const used = optionalConstructs.filter((name) => wanted.has(name)).map((name) => extensions[name])
  function gfmSubset(this: Processor): void {
    const data = this.data()
    ;(data.micromarkExtensions ??= []).push(combineExtensions(used.map((extension) => extension.syntax())))
    ;(data.fromMarkdownExtensions ??= []).push(...used.map((extension) => extension.tree()))
  }
  return unified().use(remarkParse).use(gfmSubset).use(more).freeze()
}
