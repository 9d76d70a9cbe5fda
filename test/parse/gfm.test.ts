/** The parse with only the GFM constructs a text can hold gives the tree of a parse with all of remark-gfm, positions included: on every fixture's markdown, the seed, and random documents full of those constructs and of near misses, whole and in slices. */
import {readFile} from 'node:fs/promises'
import path from 'node:path'
import {isDeepStrictEqual} from 'node:util'
import fc from 'fast-check'
import type {Root} from 'mdast'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import {glob} from 'tinyglobby'
import {unified} from 'unified'
import {VFile} from 'vfile'
import {describe, expect, test} from 'vitest'
import {constructsOf, optionalConstructs, parseDefining, processorWith} from '../../generator/parse/gfm.js'
import {sliceRequest} from '../../generator/parse/messages.js'
import {parse} from '../../generator/parse/parse.js'
import {stitch} from '../../generator/parse/join.js'
import {planSlices} from '../../generator/parse/slices.js'
import {requestsParsedOnce, root, seed} from '../support/helpers.js'

/** Multiplies the random documents' number: `PROPERTY_RUNS_FACTOR=20 npx vitest run test/parse/gfm.test.ts` to hunt longer. */
const runsFactor = Number(process.env.PROPERTY_RUNS_FACTOR || 1)

/** The reference: remark-parse with the whole of remark-gfm, as every text was parsed before. */
const allOfGfm = unified().use(remarkParse).use(remarkGfm).freeze()

function withAllOfGfm(text: string): Root {
  return allOfGfm.parse(new VFile({value: text}))
}

/**
 * The text parsed whole as errgen parses it, and, when it slices, in slices of `rowsPerSlice` rows joined (each with
 * the constructs its own text can hold, as the workers parse it), the definitions a slice uses copied into it (as the
 * remark plugin slices) and as labels taken as defined (as the workers slice). A slice that both ways ask to parse
 * alike (the same text, part scanned and labels: a slice that uses no definition) is parsed once, each way joining a
 * copy of its tree, as a join moves the trees it is given.
 */
function errgenTrees(text: string, rowsPerSlice: number): Array<Root> {
  const trees = [parse(new VFile({value: text}))]
  const treeOf = requestsParsedOnce((tree) => tree, (tree) => structuredClone(tree))
  // Every slice's tree taken before any join moves one.
  const plans = (['copies', 'labels'] as const).flatMap((definitionsAs) => planSlices(text, rowsPerSlice, definitionsAs) ?? [])
  const sliceTrees = plans.map((plan) => plan.slices.map((slice) => treeOf(sliceRequest(slice))))
  plans.forEach((plan, index) => {
    const stitched = stitch(plan, sliceTrees[index] ?? [])
    if (stitched) trees.push(stitched)
  })
  return trees
}

/** Each construct, and texts that come close to one without being one (or that are one only once decoded). */
const pieces = [
  'www.example.com', 'WWW.Example.COM/a?b=c', 'www', 'wwwx.com', 'www.', 'w.ww.x', 'www\\.example.com', 'www&period;example.com', '&#119;ww.example.com',
  'http://a.b', 'https://example.com/a_(b)', 'HTTP://X.Y', 'HTTP', 'Https', 'http&#58;//x.y', 'www&#46;x.co', 'wwwy', 'http\\x', 'http:/x.y', 'http', 'htt://x.y', 'http\\://x.y', 'https&colon;//x.y', '(https://x.y).',
  'user@example.com', 'a@b', '@', 'a@b.c_', 'a&#64;b.com', 'a&commat;b.com', 'a\\@b.com', 'mailto:a@b.co', 'xmpp:a@b.co/r', 'mailto:', 'xmpp:x',
  '~x~', '~~y~~', '~', '~~~', 'a~b', '\\~x\\~', '&#126;x&#126;', '~~*a*~~',
  '[^1]', '[^note]', '[^', '^]', '[ ^1]', '[\\^1]', '[&#94;1]', '[^x]: a note', '[[^1]]',
  '[ ]', '[x]', '[X]', '[y]', '[  ]', '[\t]', '[x]y',
  'text', 'a', '*em*', '**strong**', '`code`', '[link](http://x.y)', '<http://x.y>', '<a@b.co>', '&amp;', '&copy;', '\\*', '|', '!', '(', ')', '.',
  // Delimiter rows of tables and near misses (a line of these alone under a line of text is one, or not).
  ':-', '-:', ':-:', '---', '-', '|-', '-|', '| - |', ':', '::', ':--:|', '- | -', '\\|-', '-\t|'
]

/** Line starts that make a line a list item (where a task list check may stand), a quote, a heading or a table row. */
const starts = ['', '', '', '- ', '* ', '+ ', '1. ', '2) ', '- [ ] ', '- [x] ', '* [X] ', '1. [ ] ', '- [ ]', '-  [ ] ', '> ', '> - [ ] ', '# ', '    ', '| ']

/** A line of pieces, separated by spaces or nothing. */
const line = fc
  .record({
    start: fc.constantFrom(...starts),
    pieces: fc.array(fc.constantFrom(...pieces), {minLength: 1, maxLength: 5}),
    joiner: fc.constantFrom(' ', ' ', '', ' | ')
  })
  .map(({start, pieces, joiner}) => start + pieces.join(joiner))

/** A table whose cells are pieces, long enough to be sliced. */
const table = fc
  .array(fc.array(fc.constantFrom(...pieces), {minLength: 1, maxLength: 3}), {minLength: 2, maxLength: 10})
  .map((rows) => ['HTTP | Code | Message', '--- | --- | ---', ...rows.map((cells, index) => '400 | ' + (1000 + index) + ' | ' + cells.join(' '))].join('\n'))

/** A random document of lines and tables. */
const documentText = fc
  .record({
    blocks: fc.array(fc.oneof({weight: 3, arbitrary: line}, {weight: 1, arbitrary: fc.constant('')}, {weight: 2, arbitrary: table}), {minLength: 1, maxLength: 8}),
    ending: fc.constantFrom('\n', '\n', '\r\n')
  })
  .map(({blocks, ending}) => blocks.join('\n').replace(/\n/g, ending) + ending)

describe('the constructs a text can hold', () => {
  test.each([
    ['plain text | 400 | `x`', []],
    ['see www.example.com', ['autolinkLiteral']],
    ['HTTPS://x.y', ['autolinkLiteral']],
    ['HTTP | Code | www', []],
    ['http\\://x.y', ['autolinkLiteral']],
    ['a&#64;b.co', ['autolinkLiteral']],
    ['[^1] and ~x~', ['footnote', 'strikethrough']],
    ['- [ ] to do', ['taskListItem']],
    ['- [x] done, mail a@b.co', ['autolinkLiteral', 'taskListItem']],
    ['a\n:-', ['table']],
    ['> a | b\n> -|-  \r\ntext', ['table']],
    ['a\n---\n- item\n\n:: not a row', []],
    ['a | b\n-- | -- x', []],
    ['[y]: http://a.b/c-d', ['autolinkLiteral']]
  ])('%j can hold %j', (text, expected) => {
    expect(constructsOf(text)).toEqual(expected)
  })

  test('each subset of the constructs gets one processor, and all of them give remark-gfm\'s', () => {
    expect(processorWith(['footnote'])).toBe(processorWith(['footnote']))
    expect(processorWith(['footnote'])).not.toBe(processorWith([]))
    const everything = processorWith(optionalConstructs)
    const text = '~a~ www.b.co [^1]\n\n- [x] c\n\n[^1]: d\n'
    expect(everything.parse(text)).toStrictEqual(withAllOfGfm(text))
  })
})

describe('a parse taking labels as defined', () => {
  /** The tree of `text` followed by definitions of `labels`, without the definitions' nodes and with the text's end. */
  function withDefinitions(text: string, labels: ReadonlyArray<string>): Root {
    const tree = withAllOfGfm(text + '\n\n' + labels.map((label, index) => '[' + label + ']: http://example.com/' + index).join('\n') + '\n')
    const own = withAllOfGfm(text)
    return {...tree, children: tree.children.slice(0, own.children.length), position: own.position}
  }

  const texts = [
    'a [x] b [X][] c [t][ x ] ![x] [y] [^x] ~[x]~ www.x.co',
    'a [x] b [X][] c [t][ x ] ![x] [y]',
    'HTTP | Code\n--- | ---\n400 | [Foo  bar]\n400 | [t][foo bar] [[foo bar]]\n',
    '- [x] task, not a link\n- [ x ] [x]\n\n> [x]\n',
    '[x\n] over lines, `[x]` in code, \\[x] escaped, [x](http://y) a link'
  ]

  test.each(texts)('%j gives the tree of the text with the definitions, but for their nodes', (text) => {
    // With all of GFM, and with the constructs the text can hold (fewer, for some).
    for (const constructs of [optionalConstructs, constructsOf(text)]) {
      const tree = parseDefining(processorWith(constructs, true), new VFile({value: text}), ['X', 'FOO BAR'])
      expect(tree).toStrictEqual(withDefinitions(text, ['x', 'foo bar']))
    }
  })

  test('takes them for that parse only: the next parse of the same processor takes none', () => {
    const processor = processorWith(optionalConstructs, true)
    // A text with no `]` never gives the labels to micromark: they are not left for the next parse either.
    expect(parseDefining(processor, new VFile({value: 'no label'}), ['X'])).toStrictEqual(withAllOfGfm('no label'))
    expect(processor.parse(new VFile({value: '[x]'}))).toStrictEqual(withAllOfGfm('[x]'))
    expect(parseDefining(processor, new VFile({value: '[x]'}), ['X'])).toStrictEqual(withDefinitions('[x]', ['x']))
    expect(processor.parse(new VFile({value: '[x]'}))).toStrictEqual(withAllOfGfm('[x]'))
    expect(processorWith(optionalConstructs, true)).toBe(processor)
    expect(processorWith(optionalConstructs)).not.toBe(processor)
  })
})

describe('the parse with only the constructs a text can hold', () => {
  test('gives remark-gfm\'s tree, positions included, on every markdown file of the fixtures and on the seed', async () => {
    const files = [seed, ...(await glob('test/fixtures/**/*.md', {cwd: root, absolute: true, ignore: ['**/output/**']}))].sort()
    expect(files.length).toBeGreaterThan(80)
    for (const file of files) {
      const text = await readFile(file, 'utf8')
      for (const tree of errgenTrees(text, 2)) expect(tree, path.relative(root, file)).toStrictEqual(withAllOfGfm(text))
    }
  })

  test('gives remark-gfm\'s tree on random documents with the constructs and near misses, whole and in slices', () => {
    let sliced = 0
    let without = 0
    fc.assert(
      fc.property(documentText, fc.integer({min: 1, max: 3}), (text, rowsPerSlice) => {
        const trees = errgenTrees(text, rowsPerSlice)
        if (trees.length > 1) sliced++
        if (constructsOf(text).length < optionalConstructs.length) without++
        // The reference parsed once per text; Node's deep strict equality first (quick on equal trees), vitest's on a difference, for its diff.
        const reference = withAllOfGfm(text)
        for (const tree of trees) if (!isDeepStrictEqual(tree, reference)) expect(tree).toStrictEqual(reference)
      }),
      {numRuns: 500 * runsFactor}
    )
    // Not vacuous: many documents are sliced, and many are parsed without some construct (each about a fifth of the
    // runs or more; the bound leaves room for the random draw, which once gave 98 of 500).
    expect(sliced).toBeGreaterThan(50 * runsFactor)
    expect(without).toBeGreaterThan(50 * runsFactor)
  })

  test('gives remark-gfm\'s tree on random documents whose rows link to definitions holding the constructs, in slices with the constructs of their own text', () => {
    const label = fc.constantFrom('x', 'www.x.co', 'a@b.co', '~y~', 'x y', 'X')
    const destination = fc.constantFrom('https://x.y/~a', 'www.example.com', 'mailto:a@b.co', '<http://a.b/c d>', 'x')
    const title = fc.constantFrom('', ' "www.x.co ~b~"', " 'a@b.co'", ' (https://x.y)')
    const definition = fc.tuple(label, destination, title).map(([text, target, about]) => '[' + text + ']: ' + target + about)
    const cell = fc.oneof(fc.constantFrom(...pieces), label.map((text) => '[' + text + ']'))
    const linked = fc
      .record({
        rows: fc.array(fc.array(cell, {minLength: 1, maxLength: 3}), {minLength: 2, maxLength: 10}),
        definitions: fc.array(definition, {minLength: 1, maxLength: 10})
      })
      .map(({rows, definitions}) => ['HTTP | Code', '--- | ---', ...rows.map((cells) => '400 | ' + cells.join(' ')), '', ...definitions].join('\n') + '\n')
    let copied = 0
    let defined = 0
    fc.assert(
      fc.property(linked, fc.integer({min: 1, max: 3}), (text, rowsPerSlice) => {
        const trees = errgenTrees(text, rowsPerSlice)
        const plan = planSlices(text, rowsPerSlice)
        // Slices with copies whose own text can hold fewer constructs than the whole slice's text.
        if (trees.length > 1 && plan?.slices.some((slice) => constructsOf(slice.scanned).length < constructsOf(slice.text).length)) copied++
        if (trees.length > 2 && planSlices(text, rowsPerSlice, 'labels')?.slices.some((slice) => slice.defined.length > 0)) defined++
        const reference = withAllOfGfm(text)
        for (const tree of trees) if (!isDeepStrictEqual(tree, reference)) expect(tree).toStrictEqual(reference)
      }),
      {numRuns: 200 * runsFactor}
    )
    expect(copied).toBeGreaterThan(30 * runsFactor)
    expect(defined).toBeGreaterThan(30 * runsFactor)
  })
})
