/** Sliced parsing: a document cut into slices (tables, their rows, link definitions) parses, slice by slice through the worker encoding, to the tree of a whole-document parse — on the seed and on random documents, with the definitions a slice uses copied or as labels taken as defined — or declines the slices; test/parse/parallel.test.ts runs the spine on both paths. */
import {readFile} from 'node:fs/promises'
import {isDeepStrictEqual} from 'node:util'
import type {Root} from 'mdast'
import fc from 'fast-check'
import {VFile} from 'vfile'
import {describe, expect, test} from 'vitest'
import {parse, parseRequest} from '../../generator/parse/parse.js'
import {fresh, join, settle, stitch} from '../../generator/parse/join.js'
import {type DefinitionsAs, planSlices, type Slice} from '../../generator/parse/slices.js'
import {decodeTree, encodeTree, type ParseRequest, sliceRequest} from '../../generator/parse/messages.js'
import {documentText} from '../support/documents.js'
import {requestsParsedOnce, seed} from '../support/helpers.js'

/** More runs of the property tests on demand (`PROPERTY_RUNS_FACTOR=4 npx vitest run …`); 1 in `npm test`. */
const runsFactor = Number(process.env.PROPERTY_RUNS_FACTOR || 1)

/** Both ways a slice gets the definitions it uses: the workers' (labels) and the remark plugin's (copies). */
const both: ReadonlyArray<DefinitionsAs> = ['labels', 'copies']

/** A slice's tree as a worker parses it: its text, with the labels it takes as defined. */
function parseSlice(slice: Slice): Root {
  return parseRequest(sliceRequest(slice))
}

/** Slice requests parsed once each, kept as a worker posts them (encoded): each decoding a tree of its own, as a second parse would give. */
function encodedOnce(): (request: ParseRequest) => Root {
  return requestsParsedOnce(encodeTree, decodeTree)
}

/**
 * Parse `text` in slices of `rowsPerSlice` rows here, each tree through the worker encoding, and join them; undefined
 * when the document is not sliced or the slices are declined.
 *
 * @param parseOnce how each slice is parsed (by default once per call: the other way of giving them definitions asks
 *   most of them alike), each tree through the worker encoding
 */
function parseSliced(text: string, rowsPerSlice: number, definitionsAs: DefinitionsAs = 'labels', parseOnce = encodedOnce()): Root | undefined {
  const plan = planSlices(text, rowsPerSlice, definitionsAs)
  if (!plan) return undefined
  const trees = plan.slices.map((slice) => parseOnce(sliceRequest(slice)))
  return stitch(plan, trees)
}

const seedText = await readFile(seed, 'utf8')

describe('sliced parsing', () => {
  test.each([1, 2, 5, 19])('the seed in slices of %i rows parses to the whole-document tree', (rowsPerSlice) => {
    const sliced = parseSliced(seedText, rowsPerSlice)
    expect(sliced).toBeDefined()
    expect(sliced).toStrictEqual(parse(new VFile({value: seedText})))
  })

  test('a random document parses in slices to the whole-document tree, or is parsed whole', () => {
    let sliced = 0
    fc.assert(
      fc.property(documentText, fc.integer({min: 1, max: 4}), (text, rowsPerSlice) => {
        const tree = parseSliced(text, rowsPerSlice)
        if (tree === undefined) return
        sliced++
        // Node's deep strict equality first (quick on equal trees), vitest's on a difference, for its diff.
        const whole = parse(new VFile({value: text}))
        if (!isDeepStrictEqual(tree, whole)) expect(tree).toStrictEqual(whole)
      }),
      {numRuns: runsFactor * 300}
    )
    // The property is not vacuous: many random documents are sliced (91 to 125 of 300 in eleven runs, so a bound of
    // 100 failed about one run in five, on main too).
    expect(sliced).toBeGreaterThan(runsFactor * 75)
  })

  test('a document of several tables under headings is cut in each of them, and parses to the whole-document tree', () => {
    const rows = (from: number) => Array.from({length: 7}, (_, index) => '400 | ' + (from + index) + ' | *m* [x](http://a.b) <b>c</b>').join('\n')
    const text = Array.from({length: 4}, (_, index) => '## Group ' + index + '\n\nHTTP | Code | Message\n--- | --- | ---\n' + rows(index * 10)).join('\n\nText between.\n\n') + '\n'
    for (const rowsPerSlice of [1, 2, 3]) {
      const plan = planSlices(text, rowsPerSlice)
      // Every table is cut: a slice starts in each of the four (a group is 14 lines; a slice cut at line L has lineShift L - 2).
      const groups = new Set(plan?.slices.flatMap((slice) => (slice.continued ? [Math.floor((slice.lineShift + 2) / 14)] : [])))
      expect([...groups]).toEqual([0, 1, 2, 3])
      expect(parseSliced(text, rowsPerSlice)).toStrictEqual(parse(new VFile({value: text})))
    }
  })

  test.each([
    ['a footnote definition', 'HTTP | Code\n--- | ---\n400 | [^x]\n400 | 2\n400 | 3\n\n[^x]: a note\n'],
    ['`]:` in a row', 'HTTP | Code\n--- | ---\n400 | [x]: y\n400 | 2\n400 | 3\n\n[x]: http://example.com\n'],
    ['a definition over two lines', 'HTTP | Code\n--- | ---\n400 | [x]\n400 | 2\n400 | 3\n\n[x]:\n  http://example.com\n'],
    ['too few rows', 'HTTP | Code\n--- | ---\n400 | 1\n'],
    ['no table', 'HTTP | Code\n\ntext\n']
  ])('is not planned for %s', (_, text) => {
    expect(planSlices(text, 1)).toBeUndefined()
  })

  test.each([
    ['after the table', 'HTTP | Code\n--- | ---\n400 | [x]\n400 | [y][x]\n400 | 3\n400 | [X]\n\n[x]: http://example.com "A title"\n'],
    ['before the table, in a list after it', '[x]: <http://a.b/c d>\n\nHTTP | Code\n--- | ---\n400 | [x]\n400 | 2\n400 | [x][]\n400 | 4\n\n- [x]\n'],
    ['twice, and at the end of a file without a line ending', 'HTTP | Code\n--- | ---\n400 | [x]\n400 | 2\n400 | 3\n400 | 4\n\n[x]: http://one\n[x]: http://two']
  ])('a document with a link reference definition %s parses in slices to the whole-document tree', (_, text) => {
    for (const definitionsAs of both) {
      for (const rowsPerSlice of [1, 2]) {
        const sliced = parseSliced(text, rowsPerSlice, definitionsAs)
        expect(sliced).toBeDefined()
        expect(sliced).toStrictEqual(parse(new VFile({value: text})))
      }
    }
  })

  test('a slice gets a copy of only the definitions whose labels it holds, matched as micromark matches labels', () => {
    const rows = ['400 | [Foo  bar]', '400 | 2', '400 | [t][x]', '400 | 4', '400 | `[unused]`', '400 | 6']
    const text = 'HTTP | Code\n--- | ---\n' + rows.join('\n') + '\n\n[foo BAR]: http://a\n[x]: http://b\n[y]: http://c\n[unused]: http://d\n'
    const plan = planSlices(text, 2)
    // The last slice holds the definitions, each in brackets: it needs no copy of them.
    expect(plan?.slices.map((slice) => slice.definitions)).toEqual([1, 1, 0])
    expect(plan?.slices[0]?.text).toMatch(/\| \[Foo {2}bar\]\n400 \| 2\n\n\n\[foo BAR\]: http:\/\/a\n$/)
    expect(plan?.slices[1]?.text).toMatch(/\[t\]\[x\]\n400 \| 4\n\n\n\[x\]: http:\/\/b\n$/)
    expect(parseSliced(text, 2, 'copies')).toStrictEqual(parse(new VFile({value: text})))
  })

  test('a slice planned with labels gets the labels of only the definitions it uses, and its own text alone', () => {
    const rows = ['400 | [Foo  bar] [foo BAR]', '400 | 2', '400 | [t][x] ![x]', '400 | 4', '400 | `[unused]`', '400 | 6']
    const text = 'HTTP | Code\n--- | ---\n' + rows.join('\n') + '\n\n[foo BAR]: http://a\n[x]: http://b\n[y]: http://c\n[unused]: http://d\n'
    const plan = planSlices(text, 2, 'labels')
    expect(plan?.slices.map((slice) => [slice.definitions, slice.defined])).toEqual([[0, ['FOO BAR']], [0, ['X']], [0, []]])
    expect(plan?.labels).toEqual(['FOO BAR', 'X', 'Y', 'UNUSED'])
    expect(plan?.slices[0]?.text).toBe('HTTP | Code\n--- | ---\n' + rows.slice(0, 2).join('\n') + '\n')
    expect(parseSliced(text, 2, 'labels')).toStrictEqual(parse(new VFile({value: text})))
    // The first slice's tree holds the references and no definition.
    const first = plan?.slices[0] && parseSlice(plan.slices[0])
    expect(JSON.stringify(first)).toContain('"type":"linkReference"')
    expect(JSON.stringify(first)).not.toContain('"type":"definition"')
  })

  test('a join declines a document whose definition at a planned line has another label than the plan\'s', () => {
    const text = 'HTTP | Code\n--- | ---\n400 | [x]\n400 | 2\n400 | 3\n400 | 4\n\n[x]: http://example.com\n'
    for (const definitionsAs of both) {
      const plan = planSlices(text, 2, definitionsAs)
      if (!plan) throw new Error('not planned')
      expect(stitch(plan, plan.slices.map((slice) => parseSlice(slice)))).toStrictEqual(parse(new VFile({value: text})))
      expect(stitch({...plan, labels: ['Y']}, plan.slices.map((slice) => parseSlice(slice)))).toBeUndefined()
    }
  })

  test('a random document with definitions of random labels parses in slices to the whole-document tree', () => {
    const label = fc.constantFrom('x', 'X', ' x ', 'a b', 'A\tB', 'a  b', 'a\\]b', 'é', 'ẞ', 'ss', '*x*', 'x\\[')
    const cell = fc.oneof(
      fc.constantFrom('1', '[', ']', '`[x]`', '[[x]]'),
      label.map((text) => '[' + text + ']'),
      label.map((text) => '![' + text + ']'),
      fc.tuple(label, label).map(([text, target]) => '[' + text + '][' + target + ']'),
      label.map((text) => '[' + text + '][]')
    )
    // Definitions mostly unindented (a run of them is cut), some indented, some after what they may continue.
    const definition = fc.record({label, indent: fc.constantFrom('', '', '', '', ' ', '  ')})
    const lead = fc.oneof({weight: 8, arbitrary: fc.constant('\n')}, fc.constantFrom('', '\ntext\n', '\n- item\n\n', '\n> quote\n', '\n```\n'))
    const documentWithDefinitions = fc
      .record({
        rows: fc.array(fc.array(cell, {minLength: 1, maxLength: 3}), {minLength: 2, maxLength: 12}),
        before: fc.array(definition, {maxLength: 8}),
        lead,
        after: fc.array(definition, {maxLength: 14})
      })
      .map(({rows, before, lead, after}) => {
        const definitions = (labels: Array<{label: string, indent: string}>) => labels.map(({label, indent}, index) => indent + '[' + label + ']: http://example.com/' + index + '\n').join('')
        const body = rows.map((cells) => '400 | ' + cells.join(' ')).join('\n')
        return definitions(before) + '\nHTTP | Code\n--- | ---\n' + body + '\n' + lead + definitions(after)
      })
    let sliced = 0
    let cutInDefinitions = 0
    let withLabels = 0
    fc.assert(
      fc.property(documentWithDefinitions, fc.integer({min: 1, max: 3}), (text, rowsPerSlice) => {
        const whole = parse(new VFile({value: text}))
        const parseOnce = encodedOnce()
        const trees = both.map((definitionsAs) => parseSliced(text, rowsPerSlice, definitionsAs, parseOnce))
        // Labels join whatever copies join (and more: a copy after an open fence is code, a label is defined anyway).
        if (trees[1] !== undefined) expect(trees[0]).toBeDefined()
        if (trees[0] === undefined) return
        sliced++
        if (planSlices(text, rowsPerSlice)?.slices.some((slice) => slice.kind !== 'first' && !slice.continued)) cutInDefinitions++
        if (planSlices(text, rowsPerSlice, 'labels')?.slices.some((slice) => slice.defined.length > 0)) withLabels++
        for (const tree of trees) if (tree !== undefined && !isDeepStrictEqual(tree, whole)) expect(tree).toStrictEqual(whole)
      }),
      {numRuns: runsFactor * 200}
    )
    expect(sliced).toBeGreaterThan(runsFactor * 100)
    expect(cutInDefinitions).toBeGreaterThan(runsFactor * 30)
    expect(withLabels).toBeGreaterThan(runsFactor * 50)
  })

  test('a long run of definitions is cut into slices of their own, each with no copies, and parses to the whole-document tree', () => {
    const rows = Array.from({length: 12}, (_, index) => '400 | ' + index + (index % 3 === 0 ? ' [d' + index + ']' : ''))
    const definitions = Array.from({length: 12}, (_, index) => '[d' + index + ']: http://example.com/' + index + '\n')
    const text = 'HTTP | Code\n--- | ---\n' + rows.join('\n') + '\n\n' + definitions.join('')
    const plan = planSlices(text, 2)
    // 6 slices of the table's rows, then the 12 definitions 4 a slice: the first 4 ending the table's last slice.
    expect(plan?.slices.map((slice) => [slice.continued === undefined, slice.definitions])).toEqual([
      [true, 1], [false, 1], [false, 0], [false, 1], [false, 1], [false, 0], [true, 0], [true, 0]
    ])
    expect(plan?.slices.at(-2)?.text).toBe(definitions.slice(4, 8).join(''))
    expect(plan?.slices.at(-1)?.lineShift).toBe(2 + 12 + 1 + 8)
    // With labels, the same slices, each its own text: the labels are those the copies would define.
    const labelled = planSlices(text, 2, 'labels')
    expect(labelled?.slices.map((slice) => slice.defined)).toEqual([['D0'], ['D3'], [], ['D6'], ['D9'], [], [], []])
    expect(labelled?.slices.map((slice) => slice.text)).toEqual(plan?.slices.map((slice) => slice.text.slice(0, slice.end.offset)))
    for (const definitionsAs of both) expect(parseSliced(text, 2, definitionsAs)).toStrictEqual(parse(new VFile({value: text})))
  })

  test.each([
    ['continue a paragraph', 'text\n'],
    ['stand in a fenced code block', '```\n'],
    ['continue a block quote\'s paragraph', '> quote\n']
  ])('a run of lines like definitions that %s in the whole document declines the slices', (_, lead) => {
    const definitions = Array.from({length: 9}, (_, index) => '[d' + index + ']: http://example.com/' + index + '\n')
    const text = 'HTTP | Code\n--- | ---\n400 | [d1]\n400 | 2\n400 | 3\n400 | 4\n\n' + lead + definitions.join('')
    for (const definitionsAs of both) {
      const plan = planSlices(text, 1, definitionsAs)
      expect(plan?.slices.filter((slice) => slice.continued === undefined).length).toBeGreaterThan(2)
      if (!plan) return
      expect(stitch(plan, plan.slices.map((slice) => parseSlice(slice)))).toBeUndefined()
    }
  })

  test('slices settled as they arrive, in any order, join to the tree of a join alone; a declined slice is left where it is', () => {
    let sliced = 0
    fc.assert(
      fc.property(documentText, fc.integer({min: 1, max: 4}), fc.integer(), (text, rowsPerSlice, seed) => {
        const plan = planSlices(text, rowsPerSlice, 'labels')
        if (!plan) return
        // Each slice parsed once; each decoding a tree of its own, as a second parse would give.
        const parseOnce = encodedOnce()
        const treesOf = () => plan.slices.map((slice) => fresh(parseOnce(sliceRequest(slice))))
        const placed = treesOf()
        const order = placed.map((_, index) => index).sort((a, b) => ((a * 7919 + seed) % 13) - ((b * 7919 + seed) % 13))
        for (const index of order) settle(placed[index] as (typeof placed)[number], plan, index)
        const settledJoin = join(plan, placed)
        const joined = join(plan, treesOf())
        if (!isDeepStrictEqual(settledJoin, joined)) expect(settledJoin).toStrictEqual(joined)
        if (settledJoin === undefined) return
        sliced++
        const whole = parse(new VFile({value: text}))
        if (!isDeepStrictEqual(settledJoin, whole)) expect(settledJoin).toStrictEqual(whole)
      }),
      {numRuns: runsFactor * 200}
    )
    expect(sliced).toBeGreaterThan(runsFactor * 50)
  })

  test('a line like a definition that is not one in the whole document (a paragraph\'s continuation) declines the slices', () => {
    const text = 'HTTP | Code\n--- | ---\n400 | [x]\n400 | 2\n400 | 3\n\ntext\n[x]: http://example.com\n'
    for (const definitionsAs of both) {
      const plan = planSlices(text, 1, definitionsAs)
      expect(plan).toBeDefined()
      if (!plan) return
      expect(stitch(plan, plan.slices.map((slice) => parseSlice(slice)))).toBeUndefined()
    }
  })

  test('a slice that does not parse as planned is declined', () => {
    // The plan cuts after the first row, but the second row line is a block quote in the whole document too.
    const text = 'a | b\n--- | ---\n1 | 2\n> 3 | 4\n5 | 6\n'
    const plan = planSlices(text, 1)
    expect(plan).toBeDefined()
    if (!plan) return
    const trees = plan.slices.map((slice) => parse(new VFile({value: slice.text})))
    expect(stitch(plan, trees)).toBeUndefined()
  })
})
