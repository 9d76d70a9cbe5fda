/** targets/python/text: text in, the pieces of Python source that hold it out — string literals and docstrings that give the text back exactly, whatever it holds (quotes, backslashes, line ends, control characters). */

/** Characters JSON leaves as they are but that are best escaped in source: DEL, C1 controls, line and paragraph separators, the byte-order mark. */
const unsafe = /[\u007f-\u009f\u2028\u2029\ufeff]/g

/**
 * A Python string literal of the text: JSON's escaping, whose escapes (`\"`, `\\`, `\n`, `\uXXXX`) mean the same in
 * Python, plus the characters above written as `\uXXXX`; `JSON.parse` reads it back.
 */
export function pyString(text: string): string {
  return JSON.stringify(text).replace(unsafe, (character) => '\\u' + character.charCodeAt(0).toString(16).padStart(4, '0'))
}

/**
 * A docstring: the text between triple quotes, with backslashes and quotes escaped (so that no text ends it early),
 * line ends as line feeds, other control characters escaped; lines after the first indented.
 */
export function docstring(text: string, indent: string): Array<string> {
  const body = text
    .replace(/\r\n?|[\u2028\u2029\u0085]/g, '\n')
    .replace(/\\/g, '\\\\')
    .replace(/"/g, '\\"')
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\ufeff]/g, (character) => '\\u' + character.charCodeAt(0).toString(16).padStart(4, '0'))
  const lines = body.split('\n')
  if (lines.length === 1) return [indent + '"""' + body + '"""']
  return [indent + '"""' + lines[0], ...lines.slice(1).map((line) => (line === '' ? '' : indent + line)), indent + '"""']
}
