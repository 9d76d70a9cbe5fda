/** Random markdown documents for the parse tests: tables with cells that exercise the inline syntax, the validation rules and the table syntax, between lines that end, break or continue a table or start another block. */
import fc from 'fast-check'

/** Cell texts that exercise the inline syntax, the validation rules and the table syntax. */
export const cells = [
  '400', '401', '404', '399', '600', '4O4', '```400```', '`500`', '1000', '1001', '1000', '0100', '-5', '9007199254740993',
  '`10|01`', '`10\\|01`', '*access_token missing*', '**bad** token', '~~old~~ token', 'a <br> b', '<b>x</b>', '[link](http://x.y)',
  '[ref]', '[^note]', 'www.example.com', 'https://example.com/a', 'user@example.com', '\\*not em\\*', '&amp; &copy;', 'é ü 😀',
  'x\ty', '', ' ', '`', '*', '_a_', 'Name_1', 'ErrorCode', 'class', 'x | y'
]

/** Lines that may end, break or continue a table, or start another block. */
export const lines = [
  '', 'Some text.', '# Heading', '> quote | with pipe', '- item | with pipe', '1. item', '```', '```js', '    indented | code', '<div>',
  '---', '***', '| a | b |', 'a | b', 'text | more', '\\| escaped', '[x]: http://example.com', '[^note]: a footnote'
]

export const headers = [
  'HTTP | Code | Message | Resolve', '| Status | Error code | Error message | How to resolve |', 'Code | HTTP | Resolve | Message | Name',
  'HTTP | Code | Message', 'Code | Message | Resolve | Code', 'a | b'
]

/**
 * A random table: a header, its delimiter row, and body rows with about the header's number of cells.
 */
export const table = fc
  .record({
    header: fc.constantFrom(...headers),
    align: fc.constantFrom('---', ':--', '--:', ':-:'),
    outer: fc.boolean(),
    rows: fc.array(fc.array(fc.constantFrom(...cells), {minLength: 2, maxLength: 6}), {minLength: 0, maxLength: 14})
  })
  .map(({header, align, outer, rows}) => {
    const count = header.replace(/^\||\|$/g, '').split('|').length
    const wrap = (text: string) => (outer ? '| ' + text + ' |' : text)
    const delimiter = wrap(Array.from({length: count}, () => align).join(' | '))
    return [header, delimiter, ...rows.map((row) => wrap(row.join(' | ')))].join('\n')
  })

/** A random document: tables and other lines, joined by line endings. */
export const documentText = fc
  .record({
    blocks: fc.array(fc.oneof({weight: 3, arbitrary: table}, {weight: 2, arbitrary: fc.constantFrom(...lines)}), {minLength: 1, maxLength: 6}),
    ending: fc.constantFrom('\n', '\n', '\n', '\r\n'),
    final: fc.boolean()
  })
  .map(({blocks, ending, final}) => blocks.join('\n').replace(/\n/g, ending) + (final ? ending : ''))
