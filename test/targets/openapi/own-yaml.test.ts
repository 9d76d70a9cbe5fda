/** The line reader of errgen's own YAML gives exactly what `yaml`'s parse gives, or declines: on the writer's output for random data, on random edits of it, and on every OpenAPI output of the fixtures. */
import {readFile} from 'node:fs/promises'
import path from 'node:path'
import fc from 'fast-check'
import {glob} from 'tinyglobby'
import {describe, expect, test} from 'vitest'
import {parse} from 'yaml'
import {writeKeptYaml, writeYaml} from '../../../generator/targets/openapi/block-yaml.js'
import {readOwnYaml} from '../../../generator/targets/openapi/own-yaml.js'
import {root} from '../../support/helpers.js'

/** What errgen's read-back parsed with before: `yaml`, without its search for duplicate keys. */
function withYaml(text: string): unknown {
  return parse(text, {uniqueKeys: false})
}

/** Pieces that make the writer quote, escape or change style, or that `yaml` reads as something other than a string. */
const tricky = [
  ': ', ' #', '#', '-', '- ', '?', '? ', '"', "'", '\\', '\\"', '\t', ' ', ':', '---', '...', '%', '@', '`', '&', '*', '!', '|',
  '>', '[', ']', '{', '}', ',', 'null', 'Null', 'true', 'FALSE', '~', '0', '1.5', '0x1F', '0o7', '1e3', '.inf', '.NaN',
  '-1', '+2', 'yes', 'Off', 'y', 'N', '1:20', '0b11', '010', 'e5', '<<', '\n', '\r', '\u0085', '\u00a0', '\u2028', '\u0007',
  '\ud83d\ude00', '\ud800', '\ufeff', 'é', 'a', 'B_c', '__proto__', '400', '9007199254740993'
]

const trickyString = fc.oneof(
  fc.array(fc.constantFrom(...tricky), {maxLength: 5}).map((parts) => parts.join('')),
  fc.string({maxLength: 12}),
  fc.constantFrom('AccessTokenMissing', '#/components/schemas/X', '400 Bad Request: error codes 1000, 1001', "We're here", 'a "b" c')
)

/** Strings, integers, booleans, and collections of them nested up to `depth` levels. */
function dataOf(depth: number): fc.Arbitrary<unknown> {
  const scalar = fc.oneof(trickyString, fc.integer({min: -1000, max: 1e9}), fc.boolean(), fc.constantFrom(Number.MAX_SAFE_INTEGER, -0))
  if (depth === 0) return scalar
  const inner = dataOf(depth - 1)
  return fc.oneof(scalar, fc.array(inner, {maxLength: 4}), fc.dictionary(trickyString, inner, {maxKeys: 4}))
}

const document = fc.dictionary(trickyString, dataOf(3), {minKeys: 1, maxKeys: 5})

/** Edits of a line that keep it YAML or not: comments, spaces, anchors, tags, flow collections, a key again, another indentation. */
const edits: ReadonlyArray<(line: string) => string> = [
  (line) => line + ' # note', (line) => line + ' ', (line) => ' ' + line, (line) => line.replace(/^( *)/, '$1  '), (line) => line.slice(2),
  (line) => line.replace(': ', ': &a '), (line) => line.replace(/: (\w)/, ': !!str $1'), (line) => line.replace(': ', ': *a'), () => '',
  () => '# comment', () => '---', (line) => line + '\n' + line, (line) => line.replace('- ', '-\n  '), (line) => line.replace(': ', ': [1, 2]'),
  (line) => line.replace(': ', ': {a: 1}'), (line) => line.replace(': ', ':\n'), (line) => line.replace(/"/, "'"), (line) => line.replace(': ', ': |-\n  '),
  (line) => line.replace(/: (.*)$/, ': "$1"'), (line) => line.replace(/: (.*)$/, ": '$1'"), (line) => line + '\r', (line) => '\t' + line
]

/** Either declined, or exactly `yaml`'s data; whether it was read. */
function readsAsYaml(text: string): boolean {
  let expected: unknown
  try {
    expected = withYaml(text)
  } catch {
    // Not YAML at all: the reader must not read it either.
    expect(readOwnYaml(text)).toBeUndefined()
    return false
  }
  const read = readOwnYaml(text)
  if (read === undefined) return false
  expect(read).toStrictEqual(expected)
  return true
}

describe('readOwnYaml', () => {
  test.each([
    ['a plain map', 'a: x\nb: 1\nc: true\nd: -5\n', {a: 'x', b: 1, c: true, d: -5}],
    ['nested collections', 'a:\n  b:\n    - 1\n    - c: d\n      e: []\n    - - 2\n      - 3\n  f: {}\n', {a: {b: [1, {c: 'd', e: []}, [2, 3]], f: {}}}],
    ['quoted strings', 'a: "x: y"\nb: it\'s\nc: \'"x" y\'\nd: "null"\ne: "#/x"\nf: ""\ng: "\\"x\\" it\'s"\n"400": "\\\\"\n', {a: 'x: y', b: "it's", c: '"x" y', d: 'null', e: '#/x', f: '', g: '"x" it\'s', 400: '\\'}],
    ['a comment before the document', '# Generated\n# twice\na: b\n', {a: 'b'}]
  ])('reads %s as yaml does', (_, text, want) => {
    expect(readOwnYaml(text)).toStrictEqual(want)
    expect(withYaml(text)).toStrictEqual(want)
  })

  test.each([
    ['a comment after a value', 'a: b # c\n'],
    ['a sequence at its key\'s column', 'a:\n- b\n'],
    ['an anchor and an alias', 'a: &x b\nc: *x\n'],
    ['a tag', 'a: !!str 1\n'],
    ['a flow collection', 'a: [1, 2]\n'],
    ['a key twice', 'a: 1\na: 2\n'],
    ['an escape other than \\" and \\\\', 'a: "\\t"\n'],
    ['a block scalar', 'a: |-\n  x\n  y\n'],
    ['a blank line', 'a: 1\n\nb: 2\n'],
    ['a number other than a safe integer', 'a: 1.5\nb: 9007199254740993\n'],
    ['a null', 'a:\nb: ~\n'],
    ['a plain scalar over two lines', 'a: b\n  c\n'],
    ['no line break at the end', 'a: b'],
    ['a line break in Windows style', 'a: b\r\n'],
    ['a document marker', '---\na: b\n']
  ])('declines %s', (_, text) => {
    expect(readOwnYaml(text)).toBeUndefined()
  })

  test('gives what yaml gives for any data errgen writes, reading all that the direct writer writes', () => {
    let direct = 0
    fc.assert(
      fc.property(document, (data) => {
        const text = writeYaml(data)
        const read = readsAsYaml(text)
        // What the direct writer writes (not `yaml`, for a line break or a character YAML 1.1 misreads) is always
        // read, but for a byte order mark anywhere (declined: `yaml` drops one at the start) and a key `__proto__`
        // (declined: an object's own property only when defined as one).
        if (writeKeptYaml(data) === undefined || text.includes('\ufeff') || text.includes('__proto__')) return
        direct++
        expect(read).toBe(true)
      }),
      {numRuns: 1000}
    )
    // Not vacuous: many documents are written by the direct writer.
    expect(direct).toBeGreaterThan(150)
  })

  test('gives what yaml gives, or declines, for the writer\'s text edited at random', () => {
    let read = 0
    fc.assert(
      fc.property(document, fc.array(fc.tuple(fc.nat(), fc.nat(edits.length - 1)), {minLength: 1, maxLength: 3}), (data, changes) => {
        const lines = writeYaml(data).split('\n')
        for (const [line, edit] of changes) {
          const index = line % lines.length
          lines[index] = (edits[edit] as (line: string) => string)(lines[index] ?? '')
        }
        if (readsAsYaml(lines.join('\n'))) read++
      }),
      {numRuns: 1000}
    )
    // Not vacuous: some edits keep the document the writer's (a quoted string re-quoted, a line break added at the end).
    expect(read).toBeGreaterThan(20)
  })

  test('reads every OpenAPI output of the fixtures as yaml does, or declines those yaml wrote itself (block scalars)', async () => {
    const files = await glob(['test/fixtures/**/*.openapi.yaml', 'output/*.yaml'], {cwd: root, absolute: true})
    expect(files.length).toBeGreaterThan(40)
    let read = 0
    for (const file of files) {
      const text = await readFile(file, 'utf8')
      const data = readOwnYaml(text)
      if (data === undefined) {
        expect(text, path.relative(root, file)).toMatch(/: [|>][-+]?\n|\\[^"\\]|\t/)
        continue
      }
      read++
      expect(data, path.relative(root, file)).toStrictEqual(withYaml(text))
    }
    expect(read).toBeGreaterThan(40)
  })
})
