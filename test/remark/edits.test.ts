/** errgen/remark while editing: after each of successive random edits, a new processor (as an editor makes one for each check) gives the tree and the messages of a cold parse and check, and a one-cell edit parses one slice again; a processor whose settings cannot be told apart from another's is not cached. */
import {isDeepStrictEqual} from 'node:util'
import fc from 'fast-check'
import type {Root} from 'mdast'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import {VFile} from 'vfile'
import {describe, expect, test} from 'vitest'
import {syntheticDocument} from '../../bench/documents.js'
import remarkErrgen from '../../generator/remark/index.js'

/** What the processor's parser was asked to parse, in order: set by the counting plugin below. */
let parsed: Array<string> = []

/** A plugin, used before errgen's, that records the texts the processor's parser parses. */
function countParses(this: {parser?: ((document: string, file: VFile) => unknown) | undefined}): void {
  const parse = this.parser
  if (!parse) return
  this.parser = (document, file) => {
    parsed.push(document)
    return parse(document, file)
  }
}

/** The tree and messages the plugin gives in a new processor, as remark-language-server runs it on each change. */
async function edited(text: string): Promise<{tree: Root, messages: Array<unknown>}> {
  const file = new VFile({path: 'errors.md', value: text})
  const processor = unified().use(remarkParse).use(remarkGfm).use(countParses).use(remarkErrgen)
  const tree = processor.parse(file)
  const copy = structuredClone(tree)
  await processor.run(tree, file)
  return {tree: copy, messages: messagesOf(file)}
}

/** The tree and messages of a cold run: the document parsed whole by remark, then the plugin's check. */
async function cold(text: string): Promise<{tree: Root, messages: Array<unknown>}> {
  const file = new VFile({path: 'errors.md', value: text})
  const tree = unified().use(remarkParse).use(remarkGfm).parse(file)
  const copy = structuredClone(tree)
  await remarkErrgen()(tree, file)
  return {tree: copy, messages: messagesOf(file)}
}

function messagesOf(file: VFile): Array<unknown> {
  return file.messages.map((message) => ({reason: message.reason, place: message.place, ruleId: message.ruleId, fatal: message.fatal, source: message.source, url: message.url}))
}

/** Cells an edit puts in a row: valid, a duplicate code, a bad code or status, inline syntax, a pipe. */
const cells = ['```400```', '```10003```', '```10O1```', '404', '*new message*', 'Edited resolve.', '[link](http://x.y)', '', 'x | y', '`']

/** An edit: a cell of a row set to a text, a row deleted, or a row duplicated. */
const edit = fc.record({kind: fc.constantFrom('cell', 'cell', 'cell', 'delete', 'duplicate'), row: fc.nat(), cell: fc.nat(3), text: fc.constantFrom(...cells)})

/** The synthetic document's first body line (0-based): after the preamble, the header and the delimiter. */
const firstBody = 6

/** Apply an edit to a document's text (a row counted from the first body row, modulo the lines there are). */
function applyEdit(text: string, {kind, row, cell, text: value}: {kind: string, row: number, cell: number, text: string}): string {
  const lines = text.split('\n')
  const line = firstBody + (row % Math.max(1, lines.length - 1 - firstBody))
  if (kind === 'delete') lines.splice(line, 1)
  else if (kind === 'duplicate') lines.splice(line, 0, lines[line] ?? '')
  else {
    const parts = (lines[line] ?? '').split('|')
    parts[cell % parts.length] = value
    lines[line] = parts.join('|')
  }
  return lines.join('\n')
}

describe('remarkErrgen while editing', () => {
  test('a one-cell edit parses one slice again, and the tree and messages are a cold run\'s', async () => {
    const text = syntheticDocument(300)
    expect(await edited(text)).toEqual(await cold(text))
    parsed = []
    const changed = text.replace('```10150```', '```10151```')
    const result = await edited(changed)
    expect(parsed).toHaveLength(1)
    expect(result).toEqual(await cold(changed))
    expect(result.messages).toEqual([expect.objectContaining({ruleId: 'duplicate-code', fatal: true})])
  })

  test('a processor whose settings cannot be written out (a cycle) is not cached: each document is parsed whole, as remark parses it', async () => {
    const text = syntheticDocument(120)
    const file = new VFile({path: 'cyclic.md', value: text})
    const cyclic: Record<string, unknown> = {}
    cyclic['self'] = cyclic
    const processor = unified().use(remarkParse).use(remarkGfm).use(function (this: {data: (key: string, value: unknown) => void}) {
      this.data('settings', {cyclic})
    }).use(countParses).use(remarkErrgen)
    parsed = []
    const tree = processor.parse(file)
    expect(parsed).toEqual([text])
    expect(tree).toEqual((await cold(text)).tree)
  })

  test('successive random edits give a cold run\'s tree and messages each time', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({min: 120, max: 260}), fc.array(edit, {minLength: 2, maxLength: 5}), async (rows, edits) => {
        let text = syntheticDocument(rows)
        const expectCold = async () => {
          const [warm, expected] = [await edited(text), await cold(text)]
          // Node's deep strict equality first (quick on equal trees; equal by it is equal by toEqual), vitest's on a difference, for its diff.
          if (!isDeepStrictEqual(warm, expected)) expect(warm).toEqual(expected)
        }
        await expectCold()
        for (const change of edits) {
          text = applyEdit(text, change)
          await expectCold()
        }
      }),
      {numRuns: 8}
    )
  })
})
