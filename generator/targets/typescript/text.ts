/** targets/typescript/text: lines of TypeScript in, a statement of the module out — a block of text written as is (ts-morph structures would hang-indent or reorder it) — and safe string literals and doc text. */
import type {WriterFunction} from 'ts-morph'

/** A statement written as the given lines, after a blank line. Lines are written as they are: indent them. */
export function textStatement(lines: ReadonlyArray<string>): WriterFunction {
  return (writer) => {
    writer.blankLineIfLastNot()
    for (const line of lines) writer.writeLine(line)
  }
}

/** `/** text *\/` over one line or several, indented. */
export function docLines(doc: string, indent = ''): Array<string> {
  const lines = doc.split('\n')
  if (lines.length === 1) return [indent + '/** ' + doc + ' */']
  return [indent + '/**', ...lines.map((line) => (indent + ' * ' + line).trimEnd()), indent + ' */']
}

/** A string literal for TypeScript source: JSON's escaping, plus U+2028 and U+2029, which older tools take for line ends. */
export function stringLiteral(value: string): string {
  return JSON.stringify(value).replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029')
}

/**
 * Text that is safe inside a JSDoc comment: `*\/` cannot close it, `@` cannot start a tag (markdown escapes,
 * which editors render as the original characters), and every line end becomes a plain line feed.
 */
export function docText(text: string): string {
  return text
    .replace(/\r\n?|[\u2028\u2029\u0085]/g, '\n')
    .replace(/\*\//g, '*\\/')
    .replace(/@/g, '\\@')
}
