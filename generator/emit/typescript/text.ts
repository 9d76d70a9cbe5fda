/** emit/typescript/text: lines of TypeScript in, a statement of the module out — a block of text written as is (ts-morph structures would hang-indent or reorder it). */
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
