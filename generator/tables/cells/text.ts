/** text: table cells (mdast) in, their text as CommonMark renders it (and with links kept, for documentation) and what their markup says out (blank, struck through, not one emphasis span, HTML kept as written). */
import type {Nodes, TableCell} from 'mdast'

/**
 * A cell's text as CommonMark renders it: code spans and emphasis give their text, `<br>` a line break, paragraphs and
 * list items of HTML (`<p>`, `<ul><li>`) one line each, inline formatting tags (`<b>`, `<code>`) their content, any
 * other HTML its source text (see `unreadHtml`), a footnote reference its `[^label]`.
 */
export function cellText(node: Nodes): string {
  return trimSpaces(joinLines(inlineText(node, undefined)))
}

/**
 * A cell's text for documentation, where a link keeps its URL: as `cellText`, with each link written as markdown
 * (`[docs](https://…)`), so that editors render it in the JSDoc.
 *
 * @param definitions the URL of each link reference definition, by its identifier
 */
export function cellDocText(node: Nodes, definitions: ReadonlyMap<string, string>): string {
  return trimSpaces(joinLines(inlineText(node, definitions)))
}

/**
 * Whether a cell's documentation text may differ from its text: whether it holds a link, a link reference or HTML (an
 * anchor); without any, `cellDocText` gives `cellText`'s text.
 */
export function mayHoldLinks(node: Nodes): boolean {
  if (node.type === 'link' || node.type === 'linkReference' || node.type === 'html') return true
  return 'children' in node && node.children.some((child: Nodes) => mayHoldLinks(child))
}

/** Stands for the end of an HTML block (`</p>`, `<li>`) until the lines are joined. */
const lineBoundary = '\u0000'

/** HTML tags that end a line: paragraphs, lists, their items, divisions. */
const blockTagPattern = /^<\/?(?:p|ul|ol|li|div|dl|dt|dd)(?:\s[^>]*)?\/?>$/i

/** HTML tags a page shows as their content: inline formatting. */
const inlineTagPattern = /^<\/?(?:a|abbr|b|bdi|bdo|cite|code|data|del|dfn|em|i|ins|kbd|mark|q|s|samp|small|span|strike|strong|sub|sup|time|tt|u|var|wbr)(?:\s[^>]*)?\/?>$/i

/** Whether an inline HTML node is read (a line break, a block boundary, formatting), rather than kept as its source text. */
export function isReadHtml(value: string): boolean {
  return /^<br\s*\/?>$/i.test(value) || blockTagPattern.test(value) || inlineTagPattern.test(value)
}

function inlineText(node: Nodes, definitions: ReadonlyMap<string, string> | undefined): string {
  switch (node.type) {
    case 'text':
    case 'inlineCode':
      return node.value
    case 'break':
      return '\n'
    case 'html':
      return htmlText(node.value)
    case 'image':
    case 'imageReference':
      return node.alt || ''
    case 'footnoteReference':
      return '[^' + (node.label ?? node.identifier) + ']'
    case 'link':
    case 'linkReference': {
      const text = childrenText(node, definitions)
      const url = definitions && (node.type === 'link' ? node.url : definitions.get(node.identifier))
      return url === undefined ? text : markdownLink(text, url)
    }
    default:
      return childrenText(node, definitions)
  }
}

function childrenText(node: Nodes, definitions: ReadonlyMap<string, string> | undefined): string {
  if (!('children' in node)) return ''
  const children: ReadonlyArray<Nodes> = node.children
  let text = ''
  for (let index = 0; index < children.length; index++) {
    const child = children[index] as Nodes
    const anchor = definitions && htmlAnchor(children, index)
    if (anchor) {
      text += markdownLink(children.slice(index + 1, anchor.end).map((inner) => inlineText(inner, definitions)).join(''), anchor.url)
      index = anchor.end
    } else {
      text += inlineText(child, definitions)
    }
  }
  return text
}

/** An HTML link among a cell's nodes (`<a href="https://…">docs</a>`): its URL and the index of its closing tag. */
function htmlAnchor(children: ReadonlyArray<Nodes>, index: number): {url: string, end: number} | undefined {
  const open = children[index]
  const url = open?.type === 'html' ? /^<a\s[^>]*?\bhref\s*=\s*(?:"([^"]*)"|'([^']*)')[^>]*>$/i.exec(open.value) : null
  const end = children.findIndex((child, at) => at > index && child.type === 'html' && /^<\/a\s*>$/i.test(child.value))
  const target = url?.[1] ?? url?.[2]
  return target && end > index ? {url: target.replace(/&amp;/g, '&'), end} : undefined
}

function htmlText(value: string): string {
  if (/^<br\s*\/?>$/i.test(value)) return '\n'
  if (blockTagPattern.test(value)) return lineBoundary
  return inlineTagPattern.test(value) ? '' : value
}

/**
 * `[docs](https://…)`; a bare URL (`https://…`, a GFM autolink) as itself, unless it holds `@` or `*\/`, which the
 * JSDoc escapes with a backslash: that would end an autolink, while in a link's destination it is a CommonMark escape
 * (so an email address is written `[a@b.example](mailto:a@b.example)`). In the destination, backslashes are escaped
 * and line ends and control characters percent-encoded, so that the link reads back as its URL.
 */
function markdownLink(text: string, url: string): string {
  const bare = text === url || 'mailto:' + text === url
  if (bare && !/@|\*\//.test(url)) return text
  const encoded = url.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, encodeURIComponent).replace(/\\/g, '\\\\')
  const target = /[\s()<>]/.test(encoded) ? '<' + encoded.replace(/[<>]/g, encodeURIComponent) + '>' : encoded
  return '[' + text.replace(/[[\]\\]/g, '\\$&') + '](' + target + ')'
}

/** Block boundaries as single line breaks: none at the start or end, one between blocks (with a `<br>` next to it too). */
function joinLines(text: string): string {
  return text.replace(/\n?(?:[ \t]*\u0000[ \t]*)+\n?/g, '\n')
}

/** Strip the spaces, tabs and line breaks around a cell's text (but not other white space, which is content). */
function trimSpaces(text: string): string {
  return text.replace(/^[ \t\n]+|[ \t\n]+$/g, '')
}

/** Whether a cell's text is empty or white space only. */
export function isBlank(text: string): boolean {
  return /^\s*$/.test(text)
}

/** Whether a cell's text is all struck through (`~~*message*~~`). */
export function isStruckThrough(cell: TableCell): boolean {
  const content = cell.children.filter((child) => !(child.type === 'text' && child.value.trim() === ''))
  return content.length > 0 && content.every((child) => child.type === 'delete')
}

/**
 * How a Message cell differs from one emphasis span of plain text, as a phrase; undefined when it is one (also when it
 * is struck through, as a deprecated message is).
 */
export function messageMarkup(cell: TableCell): string | undefined {
  const [first, ...others] = cell.children
  const inner = first?.type === 'delete' && others.length === 0 && first.children.length === 1 ? first.children[0] : first
  if (inner && others.length === 0) {
    if (inner.type === 'emphasis') {
      return inner.children.every((child) => child.type === 'text') ? undefined : 'with markup inside its emphasis'
    }
    if (inner.type === 'strong') return 'in strong emphasis'
    if (inner.type === 'inlineCode') return 'in a code span'
  }
  if (cell.children.some((child) => child.type === 'emphasis')) return 'with text outside its emphasis'
  if (cell.children.every((child) => child.type === 'text')) return 'in plain text'
  return 'with other markup'
}

/** The inline HTML of a cell that is kept as its source text: not a line break, a block boundary or formatting (`</script>`, `<!-- note -->`). */
export function unreadHtml(node: Nodes): Array<string> {
  if (node.type === 'html') return isReadHtml(node.value) ? [] : [node.value]
  return 'children' in node ? node.children.flatMap((child) => unreadHtml(child)) : []
}
