/** The TypeScript module printed from its structure alone is byte for byte the full text of a ts-morph source file created from it; and its `ErrorCode` members written straight to ts-morph's writer (the text and the bytes the command writes) are byte for byte the members ts-morph prints from their structures. */
import fc from 'fast-check'
import {describe, expect, test} from 'vitest'
import {emitTypeScript, encodeTypeScript} from '../../../generator/targets/typescript/source-file.js'
import {reasonPhrase, statusName} from '../../../generator/catalog/names.js'
import type {Catalog} from '../../../generator/types.js'
import {generateSeed} from '../../support/helpers.js'
import {emitTypeScriptThroughProject, printedStructure} from '../../support/typescript-project.js'

/** Texts with what JSDoc, string literals and code-block-writer treat specially. */
const text = fc.oneof(
  fc.string({minLength: 1, maxLength: 20}),
  fc.array(fc.constantFrom('a', ' ', '*/', '/*', '@x', '`', '"', "'", '\\', '\n', '\r\n', '\u2028', '${x}', '//', '{', '}', 'é'), {minLength: 1, maxLength: 8}).map((parts) => parts.join(''))
)

const place = {start: {line: 1, column: 1}, end: {line: 1, column: 2}}
const places = {row: place, status: place, code: place, message: place, resolve: place, name: place, deprecated: place}

/** A random catalog: unique codes and names, statuses in use, groups and deprecations, with or without statuses and resolve texts, or with them on some entries only. */
const catalog: fc.Arbitrary<Catalog> = fc
  .record({
    rows: fc.uniqueArray(
      fc.record({
        code: fc.integer({min: 1, max: 1e6}),
        status: fc.constantFrom(400, 404, 499, 500),
        message: text,
        resolve: text,
        group: fc.option(text, {nil: undefined}),
        deprecated: fc.option(fc.constant({replacement: undefined}), {nil: undefined}),
        /** A column its table lacks while others have it (`optionalColumns`). */
        lacks: fc.constantFrom(undefined, 'status' as const, 'resolve' as const)
      }),
      {selector: (entry) => entry.code, maxLength: 12}
    ),
    hasStatus: fc.boolean(),
    hasResolve: fc.boolean()
  })
  .map(({rows, hasStatus, hasResolve}) => {
    const entries = rows
      .sort((a, b) => a.code - b.code)
      .map(({lacks, ...row}) => ({
        ...row,
        status: hasStatus && lacks !== 'status' ? row.status : undefined,
        resolve: hasResolve && lacks !== 'resolve' ? row.resolve : undefined,
        name: 'Code' + row.code,
        source: {file: 'input/x.md', places}
      }))
    const codes = [...new Set(entries.flatMap((entry) => (entry.status === undefined ? [] : [entry.status])))].sort((a, b) => a - b)
    return {
      sources: ['input/x.md'],
      codeKind: 'integer' as const,
      hasStatus: codes.length > 0,
      hasResolve: entries.some((entry) => entry.resolve !== undefined),
      entries,
      statuses: codes.map((code) => ({code, name: statusName(code), phrase: reasonPhrase(code)})),
      groups: [...new Set(rows.flatMap((row) => (row.group === undefined ? [] : [row.group])))]
    }
  })

describe('emitTypeScript', () => {
  test('prints the seed as a ts-morph source file reads', async () => {
    const {catalog: seedCatalog} = await generateSeed()
    expect(emitTypeScript(seedCatalog)).toBe(emitTypeScriptThroughProject(seedCatalog))
    expect(emitTypeScript(seedCatalog, 'const')).toBe(emitTypeScriptThroughProject(seedCatalog, 'const'))
  })

  test('prints any catalog as a ts-morph source file reads', () => {
    fc.assert(
      fc.property(catalog, fc.constantFrom('enum' as const, 'const' as const), (given, style) => {
        expect(emitTypeScript(given, style)).toBe(emitTypeScriptThroughProject(given, style))
      }),
      {numRuns: 150}
    )
  })
})

/** Names ts-morph writes quoted (its reserved words), and names like them that it does not. */
const nameCandidates = ['default', 'do', 'eval', 'arguments', 'instanceof', 'yield', 'Default', 'Do', '_', '_1', 'x', 'IF', 'async', 'await', 'of', 'type']

/** A random catalog whose entries are named from `nameCandidates` where there are enough, and whose codes are strings or integers. */
const namedCatalog: fc.Arbitrary<Catalog> = fc
  .tuple(catalog, fc.shuffledSubarray(nameCandidates), fc.boolean())
  .map(([given, names, stringCodes]) => {
    const entries = given.entries.map((entry, index) => ({...entry, name: names[index] ?? entry.name, ...(stringCodes ? {code: 'E_' + entry.code} : {})}))
    return {...given, entries, codeKind: stringCodes ? ('string' as const) : ('integer' as const)}
  })

/** The module the command writes, as text. */
function encoded(given: Catalog): string {
  return new TextDecoder().decode(encodeTypeScript(given, 'enum'))
}

describe('encodeTypeScript', () => {
  test('writes the members of any catalog as ts-morph prints their structures: quoted names, string codes, docs with comment marks and line breaks', () => {
    fc.assert(
      fc.property(namedCatalog, (given) => {
        const printed = printedStructure(given, 'enum')
        expect(encoded(given)).toBe(printed)
        expect(emitTypeScript(given, 'enum')).toBe(printed)
      }),
      {numRuns: 200}
    )
  })

  test('writes the members of a catalog of several batches as ts-morph prints them, commas at the batches\' ends included', async () => {
    const {catalog: seedCatalog} = await generateSeed()
    const entries = Array.from({length: 600}, (_, index) => {
      const entry = seedCatalog.entries[index % seedCatalog.entries.length]
      if (entry === undefined) throw new Error('expected the seed to have entries')
      return {...entry, code: 100_000 + index, name: 'Code' + index, deprecated: undefined}
    })
    const large: Catalog = {...seedCatalog, entries}
    const text = encoded(large)
    expect(text).toBe(printedStructure(large, 'enum'))
    expect(text.match(/^  Code\d+ = \d+,$/gm)).toHaveLength(599)
  })
})

