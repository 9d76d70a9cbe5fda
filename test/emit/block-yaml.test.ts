/** The direct YAML writer gives exactly the text `yaml` gives, or hands the value back to `yaml`. */
import fc from 'fast-check'
import {describe, expect, test} from 'vitest'
import {stringify} from 'yaml'
import {blockYaml, yamlOptions} from '../../generator/emit/schema/block-yaml.js'

const options = yamlOptions

/** Pieces that make `yaml` quote, escape or change style, to mix into random strings. */
const tricky = [
  ': ', ' #', '#', '-', '- ', '?', '? ', '"', "'", '\\', '\t', ' ', ':', '---', '...', '%', '@', '`', '&', '*', '!', '|',
  '>', '[', ']', '{', '}', ',', 'null', 'Null', 'true', 'FALSE', '~', '0', '1.5', '0x1F', '0o7', '1e3', '.inf', '.NaN',
  '-1', '+2', 'yes', 'Off', 'y', 'N', '1:20', '0b11', '010', '\n', '\r', '\u0085', '\u00a0', '\u2028', '\u0007', '\u001b', '\ud83d\ude00', '\ud800', 'é', 'é', 'a', 'B_c'
]

const trickyString = fc.oneof(
  fc.array(fc.constantFrom(...tricky), {maxLength: 5}).map((parts) => parts.join('')),
  fc.string({maxLength: 12}),
  fc.string({unit: 'binary', maxLength: 8}),
  fc.constantFrom('AccessTokenMissing', '#/components/schemas/X', '400 Bad Request: error codes 1000, 1001', "We're here")
)

/** Strings, numbers, booleans, and collections of them nested up to `depth` levels. */
function dataOf(depth: number): fc.Arbitrary<unknown> {
  const scalar = fc.oneof(trickyString, fc.integer({min: -1000, max: 1e9}), fc.boolean())
  if (depth === 0) return scalar
  const inner = dataOf(depth - 1)
  return fc.oneof(scalar, fc.array(inner, {maxLength: 4}), fc.dictionary(trickyString, inner, {maxKeys: 4}))
}

describe('blockYaml', () => {
  test.each([
    ['a plain map', {given: {a: 'x', b: 1, c: true}, want: 'a: x\nb: 1\nc: true\n'}],
    ['nested collections', {given: {a: {b: [1, {c: 'd', e: []}, [2, 3]], f: {}}}, want: 'a:\n  b:\n    - 1\n    - c: d\n      e: []\n    - - 2\n      - 3\n  f: {}\n'}],
    ['quoting as yaml does', {given: {a: 'x: y', b: "it's", c: '"x" y', d: 'null', e: '#/x', f: '', g: '"x" it\'s'}, want: 'a: "x: y"\nb: it\'s\nc: \'"x" y\'\nd: "null"\ne: "#/x"\nf: ""\ng: "\\"x\\" it\'s"\n'}]
  ])('%s', (_, {given, want}) => {
    expect(blockYaml(given)).toBe(want)
    expect(stringify(given, options)).toBe(want)
  })

  test.each([
    ['a line break', {a: 'x\ny'}],
    ['a control character', {a: 'x\u0007'}],
    ['a key yaml quotes for its indentation', {'---': 1}],
    ['a document marker after a line separator', {'\u2028---': []}],
    ['a long key', {['k'.repeat(1025)]: 1}],
    ['a number that is not a safe integer', {a: 1.5}],
    ['an empty document', {}]
  ])('hands %s back to yaml', (_, given) => {
    expect(blockYaml(given)).toBeUndefined()
  })

  test('gives what yaml gives for any data it writes', () => {
    fc.assert(
      fc.property(fc.dictionary(trickyString, dataOf(3), {minKeys: 1, maxKeys: 5}), (given) => {
        const text = blockYaml(given)
        if (text !== undefined) expect(text).toBe(stringify(given, options))
      }),
      {numRuns: 2000}
    )
  })

  test('writes every single-line printable text itself', () => {
    fc.assert(
      fc.property(fc.string({unit: fc.constantFrom(...' !"#$%&\'()*+,-./09:;<=>?@AZ[\\]^_`az{|}~é\u2028'), maxLength: 20}), (text) => {
        fc.pre(!/^(?:%|---|\.\.\.)/m.test(text))
        expect(blockYaml({text, list: [text]})).toBe(stringify({text, list: [text]}, options))
      }),
      {numRuns: 2000}
    )
  })
})
