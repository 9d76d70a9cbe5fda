/** The direct YAML writer gives exactly the text `yaml` gives, or hands the value back to `yaml`. */
import fc from 'fast-check'
import {describe, expect, test} from 'vitest'
import {Document, stringify} from 'yaml'
import {Later} from '../../../generator/emit/cache.js'
import {TextChunks} from '../../../generator/emit/encoded.js'
import {blockYaml, nonStringTagPatterns, tagStarts, writeKeptYaml, writeKeptYamlInto, yamlOptions} from '../../../generator/targets/openapi/block-yaml.js'

const options = yamlOptions

/** Pieces that make `yaml` quote, escape or change style, to mix into random strings. */
const tricky = [
  ': ', ' #', '#', '-', '- ', '?', '? ', '"', "'", '\\', '\t', ' ', ':', '---', '...', '%', '@', '`', '&', '*', '!', '|',
  '>', '[', ']', '{', '}', ',', 'null', 'Null', 'true', 'FALSE', '~', '0', '1.5', '0x1F', '0o7', '1e3', '.inf', '.NaN',
  '-1', '+2', 'yes', 'Off', 'y', 'N', '1:20', '0b11', '010', 'e5', 'E1', '.5e3', '<<', '\n', '\r', '\u0085', '\u00a0', '\u2028', '\u0007', '\u001b', '\ud83d\ude00', '\ud800', 'é', 'é', 'a', 'B_c'
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

/** Whether any string of the data, keys included, must be double-quoted for a YAML 1.1 reader (a character it misreads, or only spaces and breaks with a space before a break). */
function needsDoubleQuotes(value: unknown): boolean {
  if (typeof value === 'string') return /[\t\x7f-\x9f\u2028\u2029\ufffe\uffff]/.test(value) || (/^[ \n]*$/.test(value) && / \n/.test(value))
  if (Array.isArray(value)) return value.some((item) => needsDoubleQuotes(item))
  if (typeof value !== 'object' || value === null) return false
  return Object.entries(value).some(([key, item]) => needsDoubleQuotes(key) || needsDoubleQuotes(item))
}

describe('writeKeptYaml and writeKeptYamlInto', () => {
  test('give what blockYaml gives, unless a string needs double quotes, also in values made as they are written', () => {
    fc.assert(
      fc.property(fc.dictionary(trickyString, dataOf(3), {minKeys: 1, maxKeys: 5}), (given) => {
        const plain = blockYaml(given)
        const want = plain === undefined || needsDoubleQuotes(given) ? undefined : plain
        expect(writeKeptYaml(given)).toBe(want)
        const later = Object.fromEntries(Object.entries(given).map(([key, value]) => [key, new Later(() => value)]))
        const out = new TextChunks()
        expect(writeKeptYamlInto(later, out)).toBe(want !== undefined)
        if (want !== undefined) expect(out.toString()).toBe(want)
      }),
      {numRuns: 2000}
    )
  })

  test.each([
    ['a tab', {a: {b: ['x\ty']}}],
    ['a line separator', {a: 'x\u2028'}],
    ['U+FFFE', {a: [{b: 'x\ufffe'}]}],
    ['a key with a tab', {'k\t': 'x'}]
  ])('refuse %s (which blockYaml writes), made now or not', (_, given) => {
    expect(blockYaml({...given, z: 1})).toBeDefined()
    expect(writeKeptYaml(given)).toBeUndefined()
    expect(writeKeptYamlInto({a: 1, b: new Later(() => given)}, new TextChunks())).toBe(false)
  })
})

describe('the tags a plain string could be read as', () => {
  test("are the installed yaml's own, in its order (the writer keeps a copy of them, so as not to load yaml)", () => {
    const {tags, compat} = new Document(null, {compat: yamlOptions.compat}).schema
    const own = [...tags, ...(compat ?? [])].filter((tag) => tag.default && tag.tag !== 'tag:yaml.org,2002:str' && tag.test)
    expect(nonStringTagPatterns()).toEqual(own.map((tag) => tag.test?.source))
    expect(own.map((tag) => tag.test?.flags)).toEqual(own.map(() => ''))
  })

  test('are the patterns tagStarts was read from: another yaml must be looked at again', () => {
    expect(nonStringTagPatterns()).toEqual([
      '^(?:~|[Nn]ull|NULL)?$',
      '^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$',
      '^0o[0-7]+$',
      '^[-+]?[0-9]+$',
      '^0x[0-9a-fA-F]+$',
      '^(?:[-+]?\\.(?:inf|Inf|INF)|\\.nan|\\.NaN|\\.NAN)$',
      '^[-+]?(?:\\.[0-9]+|[0-9]+(?:\\.[0-9]*)?)[eE][-+]?[0-9]+$',
      '^[-+]?(?:\\.[0-9]+|[0-9]+\\.[0-9]*)$',
      '^(?:~|[Nn]ull|NULL)?$',
      '^(?:Y|y|[Yy]es|YES|[Tt]rue|TRUE|[Oo]n|ON)$',
      '^(?:N|n|[Nn]o|NO|[Ff]alse|FALSE|[Oo]ff|OFF)$',
      '^[-+]?0b[0-1_]+$',
      '^[-+]?0[0-7_]+$',
      '^[-+]?[0-9][0-9_]*$',
      '^[-+]?0x[0-9a-fA-F_]+$',
      '^(?:[-+]?\\.(?:inf|Inf|INF)|\\.nan|\\.NaN|\\.NAN)$',
      '^[-+]?(?:[0-9][0-9_]*)?(?:\\.[0-9_]*)?[eE][-+]?[0-9]+$',
      '^[-+]?(?:[0-9][0-9_]*)?\\.[0-9_]*$',
      '^<<$',
      '^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+$',
      '^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\\.[0-9_]*$',
      '^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})(?:(?:t|T|[ \\t]+)([0-9]{1,2}):([0-9]{1,2}):([0-9]{1,2}(\\.[0-9]+)?)(?:[ \\t]*(Z|[-+][012]?[0-9](?::[0-9]{2})?))?)?$'
    ])
  })

  test('never match a string that starts otherwise than tagStarts says', () => {
    const patterns = nonStringTagPatterns().map((source) => new RegExp(source))
    const taggedLike = fc.array(fc.constantFrom(...tricky), {minLength: 1, maxLength: 4}).map((parts) => parts.join(''))
    fc.assert(
      fc.property(fc.oneof(fc.string({maxLength: 12}), taggedLike), (value) => {
        if (value === '' || tagStarts.test(value)) return
        expect(patterns.filter((pattern) => pattern.test(value))).toEqual([])
      }),
      {numRuns: 2000}
    )
    for (const value of ['e5', 'E1', '<<', '~', 'yes', 'On', '.inf', '-1', '2026-12-01']) expect(tagStarts.test(value)).toBe(true)
  })
})

