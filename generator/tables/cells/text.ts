/** text: table cells (mdast) in, their text as CommonMark renders it and what their markup says out (blank, struck through, not one emphasis span). */
import type {Nodes, TableCell} from 'mdast'

/** A cell's text as CommonMark renders it: code spans and emphasis give their text, `<br>` a line break, other HTML tags nothing, a footnote reference its `[^label]`. */
export function cellText(node: Nodes): string {
  return trimSpaces(inlineText(node))
}

function inlineText(node: Nodes): string {
  switch (node.type) {
    case 'text':
    case 'inlineCode':
      return node.value
    case 'break':
      return '\n'
    case 'html':
      return /^<br\s*\/?>$/i.test(node.value) ? '\n' : ''
    case 'image':
    case 'imageReference':
      return node.alt || ''
    case 'footnoteReference':
      return '[^' + (node.label ?? node.identifier) + ']'
    default:
      return 'children' in node ? node.children.map((child) => inlineText(child)).join('') : ''
  }
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
