/** encode: each emitter's output written entry by entry as bytes (what the command keeps) is exactly the UTF-8 of its text (and the TypeScript module's text is ts-morph's printing of its whole structure) — for every valid fixture under every setting, and with cells that only `yaml` can write or that YAML and JSON must quote or escape. */
import {readdir, readFile} from 'node:fs/promises'
import path from 'node:path'
import fc from 'fast-check'
import {VFile} from 'vfile'
import {describe, expect, test} from 'vitest'
import {syntheticDocument} from '../../bench/documents.js'
import {loadEmitters} from '../../generator/emit/index.js'
import {parseInThisThread} from '../../generator/parse/parse.js'
import {compile} from '../../generator/spine.js'
import type {ConfigFile} from '../../generator/types.js'
import {configFor, root} from '../support/helpers.js'
import {printedStructure} from '../support/typescript-project.js'

/** The settings each document is emitted with: every target on, problem details, parameters, fewer fields, the const style. */
const settings: ReadonlyArray<ConfigFile> = [
  {outputs: {python: 'errors.py', go: 'errors.go', dictionary: 'errors.json'}},
  {problem: {type: 'https://example.com/errors/{code}'}},
  {body: {params: true}},
  {body: {fields: ['code', 'message']}},
  {typescript: {style: 'const'}}
] as ReadonlyArray<ConfigFile>

/** Cell texts YAML and JSON must quote or escape, or that only `yaml` can write (a tab, a line separator). */
const cells = ['yes', '1:20', 'a: b', '- x', '#hash', '"quoted"', 'it\'s', '~', 'null', '0x1F', '.5', '@at', 'a\tb', 'line\u2028break', 'é 😀', '*/ end', '--- x', '[docs](https://example.com/x)', '{name} left', '%s and %d']

/** How many of the emitters' outputs were compared, and how many of them through `encode`. */
const seen = {outputs: 0, encoded: 0}

/** Compile a document with these settings and compare each emitter's bytes with its text; whether it was valid. */
async function compareOutputs(text: string, written: ConfigFile): Promise<boolean> {
  const options = configFor(['input.md'], written)
  const compiled = await compile([new VFile({path: 'input.md', value: text})], options, parseInThisThread)
  if (!compiled.ok) return false
  for (const {kind, emitter} of await loadEmitters(options)) {
    const text = emitter.emit(compiled.catalog, options)
    // The TypeScript module's per-entry statements are written straight to ts-morph's writer: the text is ts-morph's printing of the whole structure.
    if (kind === 'typescript') expect(text).toBe(printedStructure(compiled.catalog, options.typescript.style, options.body, options.problem))
    const expected = Buffer.from(text, 'utf8')
    seen.outputs++
    if (!emitter.encode) continue
    seen.encoded++
    const bytes = emitter.encode(compiled.catalog, options)
    expect({kind, equal: bytes.equals(expected)}).toEqual({kind, equal: true})
  }
  return true
}

/** The documents and configurations of the valid fixtures (those with an `output/`). */
async function validFixtures(): Promise<Array<{name: string, text: string, written: ConfigFile}>> {
  const directory = path.join(root, 'test', 'fixtures')
  const names = (await readdir(directory)).sort()
  const found = []
  for (const name of names) {
    const files = await readdir(path.join(directory, name)).catch(() => [] as Array<string>)
    if (!files.includes('output') || !files.includes('input.md')) continue
    const text = await readFile(path.join(directory, name, 'input.md'), 'utf8')
    const config = files.includes('errgen.config.json') ? (JSON.parse(await readFile(path.join(directory, name, 'errgen.config.json'), 'utf8')) as Record<string, unknown>) : {}
    const {input: _input, ...written} = config
    found.push({name, text, written: written as ConfigFile})
  }
  return found
}

/** Add text to the end of the last cell of a table row (counted modulo the rows there are). */
function appendToRow(text: string, row: number, value: string): string {
  const lines = text.split('\n')
  const rows = lines.flatMap((line, index) => (/^\|?[^|]*\|/.test(line) && !/^\|?\s*:?-+/.test(line) ? [index] : []))
  const at = rows[row % Math.max(1, rows.length)]
  if (at === undefined) return text
  lines[at] = (lines[at] ?? '').replace(/\s*\|?\s*$/, (end) => ' ' + value + end)
  return lines.join('\n')
}

describe('outputs written entry by entry as bytes', () => {
  test('every valid fixture, under its own setting and two of the others in turn, gives the bytes of each output\'s text', async () => {
    const fixtures = await validFixtures()
    expect(fixtures.length).toBeGreaterThan(20)
    let valid = 0
    // Each fixture under its own setting and two others, in turn: every setting meets two fifths of the fixtures (the random test below mixes them further).
    for (const [index, {text, written}] of fixtures.entries()) {
      const others = [settings[index % settings.length], settings[(index + 2) % settings.length]]
      for (const extra of [{}, ...others]) if (await compareOutputs(text, {...written, ...extra} as ConfigFile)) valid++
    }
    expect(valid).toBeGreaterThan(fixtures.length * 2)
    expect(seen.encoded).toBeGreaterThan(valid * 3 - 1)
  })

  test('cells that YAML and JSON quote or escape, or only `yaml` writes, added to random rows, give the bytes of each output\'s text', async () => {
    const fixtures = await validFixtures()
    await fc.assert(
      fc.asyncProperty(fc.nat(fixtures.length - 1), fc.array(fc.tuple(fc.nat(), fc.constantFrom(...cells)), {minLength: 1, maxLength: 4}), fc.nat(settings.length), async (index, edits, setting) => {
        const fixture = fixtures[index] as (typeof fixtures)[number]
        const text = edits.reduce((edited, [row, cell]) => appendToRow(edited, row, cell), fixture.text)
        await compareOutputs(text, {...fixture.written, ...(settings[setting] ?? {})} as ConfigFile)
      }),
      {numRuns: 60}
    )
  })

  test('a catalog of 1,000 codes, a few hundred members at a time, gives the bytes of each output\'s text', async () => {
    expect(await compareOutputs(syntheticDocument(1000), {})).toBe(true)
    expect(await compareOutputs(syntheticDocument(1000).replace('resolve', 'resolve\u2028'), {typescript: {style: 'const'}})).toBe(true)
  })
})
