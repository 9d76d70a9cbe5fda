/** targets/go/text: names and text in, the pieces of Go source that hold them out — exported identifiers in Go's spelling, string literals that give the text back exactly, and doc comments. */

/** Characters JSON leaves as they are but Go source should not hold raw: DEL, C1 controls, line and paragraph separators, the byte-order mark (which Go refuses inside a file). */
const unsafe = /[\u007f-\u009f\u2028\u2029\ufeff]/g

/** A Go string literal of the text: JSON's escaping, whose escapes mean the same in Go, plus the characters above as `\uXXXX`. */
export function goString(text: string): string {
  return JSON.stringify(text).replace(unsafe, (character) => '\\u' + character.charCodeAt(0).toString(16).padStart(4, '0'))
}

/**
 * A name in Go's exported spelling: each `_`-separated word with its first letter upper-cased, and in a name of
 * several words a word in capitals only written as a capitalised word (`NOT_FOUND` → `NotFound`, `card_declined` →
 * `CardDeclined`, `AccessTokenMissing` and `AADSTS50020` as they are, `BadAccessToken_1105` → `BadAccessToken1105`).
 */
export function exported(name: string): string {
  const words = name.split('_').filter((word) => word !== '')
  const spelled = words.map((word) => (words.length > 1 && /^[A-Z0-9]+$/.test(word) && /[A-Z]/.test(word) ? word.charAt(0) + word.slice(1).toLowerCase() : word.charAt(0).toUpperCase() + word.slice(1)))
  return spelled.join('')
}

/** A doc comment: each line of the text after `// ` (an empty line as `//`), line ends as line feeds, control characters escaped, no trailing space. */
export function goComment(text: string, indent: string): Array<string> {
  return text
    .replace(/\r\n?|[\u2028\u2029\u0085]/g, '\n')
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\ufeff]/g, (character) => '\\u' + character.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0'))
    .split('\n')
    .map((line) => (indent + '// ' + line).trimEnd())
}
