/** headings: a heading node (markdown, or an HTML `<h1>`–`<h6>` block) in, its text as the `headings` option and the groups compare it out — without a trailing `{#anchor}`. */
import type {Heading, Html} from 'mdast'
import {cellText} from './cells/text.js'

/** An HTML heading block: `<h3>Authentication</h3>`, `<h2 id="billing">Billing</h2>`. */
const htmlHeadingPattern = /^<h([1-6])(?:\s[^>]*)?>([\s\S]*?)<\/h\1\s*>\s*$/i

/** A heading's text: rendered, without a trailing `{#anchor}` (`Billing {#billing}` → `Billing`). */
export function headingText(node: Heading): string {
  return withoutAnchor(cellText(node))
}

/** The text of an HTML heading block, its tags removed and its entities for `&`, `<`, `>`, quotes read; undefined for other HTML. */
export function htmlHeadingText(node: Html): string | undefined {
  const inner = htmlHeadingPattern.exec(node.value.trim())?.[2]
  if (inner === undefined) return undefined
  const text = inner.replace(/<[^>]*>/g, '').replace(/&(amp|lt|gt|quot|#39|apos|nbsp);/g, (_, name: string) => entities[name] ?? '')
  return withoutAnchor(text.replace(/\s+/g, ' ').trim())
}

const entities: Readonly<Record<string, string>> = {amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", apos: "'", nbsp: ' '}

function withoutAnchor(text: string): string {
  return text.replace(/\s*\{#[^{}\s]*\}\s*$/, '')
}
