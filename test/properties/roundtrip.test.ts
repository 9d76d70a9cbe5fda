/** Property tests: random catalogs (arbitrary Unicode text, codes, statuses, names) rendered to a markdown table come out of errgen exactly, and their outputs compile, evaluate, validate and parse back to the same values. */
import {Validator} from '@seriousme/openapi-schema-validator'
import {Ajv2020} from 'ajv/dist/2020.js'
import fc from 'fast-check'
import ts from 'typescript'
import {VFile} from 'vfile'
import {describe, expect, test} from 'vitest'
import {parse as parseYaml} from 'yaml'
import {buildCatalog} from '../../generator/catalog/build.js'
import {decodeUtf8Lossy} from '../../generator/read/utf8.js'
import {identifierPattern} from '../../generator/catalog/names.js'
import {parse, parseInThisThread} from '../../generator/parse/parse.js'
import {compile} from '../../generator/spine.js'
import {validate} from '../../generator/tables/validate.js'
import type {Catalog} from '../../generator/types.js'
import {configFor, escapeMarkdown, evaluate, typeCheck, typeCheckTogether} from '../support/helpers.js'

/** Multiplies every property's number of runs: `PROPERTY_RUNS_FACTOR=20 npx vitest run test/properties/roundtrip.test.ts` to hunt longer. */
const runsFactor = Number(process.env.PROPERTY_RUNS_FACTOR || 1)

/** One row of a random table. */
interface Entry {
  code: number
  status: number
  message: string
  resolve: string
  /** The Name cell, when the table has a Name column. */
  name: string | undefined
}

/** How a Code cell is written. */
type CodeStyle = 'plain' | 'span' | 'fenced' | 'strong'

/** A random table and how it is written. */
interface Table {
  entries: Array<Entry>
  nameColumn: boolean
  /** How Message cells are written. */
  messages: 'emphasis' | 'plain' | 'mixed'
  /** How each Code cell is written. */
  codeStyles: Array<CodeStyle>
  outerPipes: boolean
  lineEnding: '\n' | '\r\n'
  byteOrderMark: boolean
}

/** Pieces of text that mean something to markdown, JSDoc, JavaScript, JSON, YAML or HTML. */
const specials = [
  '*', '_', '`', '```', '|', '\\|', '\\', '<', '>', '&', '&amp;', '&#32;', '<br>', '[', ']', '(', ')', '!', '#', '~',
  '\n', '\r', '\r\n', '\t', ' ', '  ', '\u00a0', '\u3000', '\u2028', '\u2029', '\u0085', '\ufeff', '\u200d', '\u202e',
  '\u000b', '\u000c', '\u0007', '\u001b', '\u007f', '*/', '/*', '/**', '${x}', '"', "'", '</script>', '@param', '{@link x}',
  '- ', ': ', '? ', 'yes', 'no', 'null', '~', '1e3', '0x10', '🙂', '👩\u200d👧', 'e\u0301', 'שלום', 'مرحبا', 'error code',
  'ErrorBody', '__proto__'
]

/** One piece of text: mostly printable ASCII, any Unicode scalar value, or a special. */
const piece = fc.oneof(
  {weight: 4, arbitrary: fc.string({unit: 'grapheme-ascii', minLength: 1, maxLength: 1})},
  {weight: 2, arbitrary: fc.string({unit: 'binary', minLength: 1, maxLength: 1})},
  {weight: 3, arbitrary: fc.constantFrom(...specials)}
)

/**
 * Text a Message or Resolve cell can hold exactly. Not representable, by design or by CommonMark: U+0000 (CommonMark
 * replaces it), spaces, tabs and line feeds at either end (a cell is trimmed), and text that is only white space
 * (an empty-message or empty-resolve error). Left out too: text GFM reads as a literal autolink (an email address,
 * `www.`, a URL), escaped or not (remark-gfm finds them in the parsed text): it is a link, which the descriptions keep
 * as a markdown link (`[a@b.c](mailto:a@b.c)`), as test/emit/links.test.ts shows.
 */
const cellTextArbitrary = fc
  .string({unit: piece, minLength: 1, maxLength: 12})
  .filter((text) => !text.includes('\0') && !/^[ \t\n]|[ \t\n]$/.test(text) && !/^\s*$/.test(text) && !literalAutolink.test(text))

/** What GFM's literal autolinks could start from (wider than GFM: an `@` between word characters and a dot, `www.`, a scheme). */
const literalAutolink = /[\w.+-]@[\w-]+\.|www\.|[a-z]+:\/\/|mailto:|xmpp:/i

/** Identifiers for the Name column, with the names JavaScript objects treat specially. */
const identifierArbitrary = fc.oneof(
  fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,11}$/),
  fc.constantFrom('constructor', 'toString', 'valueOf', 'hasOwnProperty', 'Infinity', 'NaN', 'delete', 'default', 'HttpStatus', 'ErrorEntry')
)

const entryArbitrary: fc.Arbitrary<Entry> = fc.record({
  code: fc.oneof(fc.integer({min: 1, max: 9999}), fc.integer({min: 1, max: Number.MAX_SAFE_INTEGER})),
  status: fc.integer({min: 100, max: 599}),
  message: cellTextArbitrary,
  resolve: cellTextArbitrary,
  name: fc.option(identifierArbitrary, {nil: undefined})
})

const tableArbitrary: fc.Arbitrary<Table> = fc
  .record({
    entries: fc.uniqueArray(entryArbitrary, {minLength: 1, maxLength: 8, selector: (entry) => entry.code}),
    nameColumn: fc.boolean(),
    messages: fc.constantFrom<Table['messages']>('emphasis', 'plain', 'mixed'),
    codeStyles: fc.array(fc.constantFrom<CodeStyle>('plain', 'span', 'fenced', 'strong'), {minLength: 8, maxLength: 8}),
    outerPipes: fc.boolean(),
    lineEnding: fc.constantFrom<Table['lineEnding']>('\n', '\r\n'),
    byteOrderMark: fc.boolean()
  })
  .filter(({entries, nameColumn}) => !nameColumn || namesAreUnique(entries))

function namesAreUnique(entries: ReadonlyArray<Entry>): boolean {
  const names = entries.flatMap((entry) => (entry.name ? [entry.name] : []))
  return new Set(names).size === names.length
}

/** The markdown document of a table, as bytes. */
function renderDocument(table: Table): Uint8Array {
  const header = ['HTTP', 'Code', 'Message', 'Resolve', ...(table.nameColumn ? ['Name'] : [])]
  const rows = table.entries.map((entry, index) => [
    String(entry.status),
    renderCode(entry.code, table.codeStyles[index % table.codeStyles.length] || 'plain'),
    renderMessage(entry.message, table.messages === 'emphasis' || (table.messages === 'mixed' && index % 2 === 0)),
    renderText(entry.resolve),
    ...(table.nameColumn ? [escapeMarkdown(entry.name || '')] : [])
  ])
  const outer = table.outerPipes || table.nameColumn
  const line = (cells: Array<string>) => (outer ? '| ' + cells.join(' | ') + ' |' : cells.join(' | '))
  const lines = ['# Errors', '', line(header), line(header.map(() => '---')), ...rows.map((cells) => line(cells)), '']
  const text = (table.byteOrderMark ? '\uFEFF' : '') + lines.join(table.lineEnding)
  return new TextEncoder().encode(text)
}

function renderCode(code: number, style: CodeStyle): string {
  return {plain: String(code), span: '`' + code + '`', fenced: '```' + code + '```', strong: '**' + code + '**'}[style]
}

/**
 * A Message cell: one emphasis span, or plain text. A vertical tab at either end cannot be emphasised: it is white
 * space next to the `*`, and its character reference is U+FFFD (a control character); such a message is plain.
 */
function renderMessage(text: string, emphasis: boolean): string {
  return emphasis && !/^\v|\v$/.test(text) ? '*' + renderText(text, true) + '*' : renderText(text)
}

/**
 * Markdown that CommonMark renders as exactly `text` inside a table cell: ASCII punctuation escaped, a line feed as
 * `<br>`, a carriage return as a character reference, and, inside emphasis, white space at either end as a character
 * reference too (`*` next to white space cannot open or close emphasis).
 */
function renderText(text: string, inEmphasis = false): string {
  const characters = [...text]
  return characters
    .map((character, index) => {
      const atEnd = index === 0 || index === characters.length - 1
      if (character === '\n') return '<br>'
      if (character === '\r' || (inEmphasis && atEnd && /[\s\p{Zs}]/u.test(character))) {
        return '&#x' + (character.codePointAt(0) as number).toString(16) + ';'
      }
      return escapeMarkdown(character)
    })
    .join('')
}

/** Read a rendered document the way the CLI does: decode, parse, validate, build the catalog. */
function readBack(bytes: Uint8Array): {file: VFile, catalog: Catalog, errors: Array<string>} {
  const file = new VFile({path: 'errors.md', value: decodeUtf8Lossy(bytes).text})
  const catalog = buildCatalog([validate(parse(file), file)], {codes: 'auto'}, [file.path])
  const errors = file.messages.filter((message) => message.fatal).map(String)
  return {file, catalog, errors}
}

/** The entries a table documents, as errgen's catalog holds them (sorted by code). */
function expectedEntries(table: Table): Array<Pick<Entry, 'code' | 'status' | 'message' | 'resolve'>> {
  return [...table.entries]
    .sort((a, b) => a.code - b.code)
    .map(({code, status, message, resolve}) => ({code, status, message, resolve}))
}

describe('property: a random catalog rendered to markdown comes out of errgen exactly', () => {
  test('the catalog equals the original: codes, statuses, messages, resolves and Name cells; every name a unique identifier', () => {
    fc.assert(
      fc.property(tableArbitrary, (table) => {
        const {catalog, errors} = readBack(renderDocument(table))
        expect(errors).toEqual([])
        expect(catalog.entries.map(({code, status, message, resolve}) => ({code, status, message, resolve}))).toEqual(expectedEntries(table))
        const names = catalog.entries.map((entry) => entry.name)
        expect(new Set(names).size).toBe(names.length)
        for (const name of names) expect(name).toMatch(identifierPattern)
        if (table.nameColumn) {
          for (const entry of table.entries) {
            if (entry.name) expect(catalog.entries.find((other) => other.code === entry.code)?.name).toBe(entry.name)
          }
        }
      }),
      {numRuns: runsFactor * 500}
    )
  })

  test('the TypeScript compiles and evaluates to the same values, the schema accepts exactly the documented bodies, the OpenAPI document validates', async () => {
    const validator = new Validator()
    // Type-checked after the runs, all in one program (a module with diagnostics is then checked alone to name them).
    const sources: Array<string> = []
    await fc.assert(
      fc.asyncProperty(tableArbitrary, async (table) => {
        const file = new VFile({path: 'errors.md', value: decodeUtf8Lossy(renderDocument(table)).text})
        const result = await compile([file], configFor([file.path], {openapi: {version: '1.0.0'}}), parseInThisThread)
        expect(file.messages.filter((message) => message.fatal).map(String)).toEqual([])
        const [typescript, schema, openapi] = result.files.map((output) => output.text)
        const entries = result.catalog.entries
        expect(entries.map(({code, status, message, resolve}) => ({code, status, message, resolve}))).toEqual(expectedEntries(table))

        sources.push(typescript as string)
        const module = await evaluate(typescript as string)
        for (const entry of entries) {
          expect(module.ErrorCode[entry.name]).toBe(entry.code)
          expect(module.errorCatalog[entry.code]).toEqual({code: entry.code, status: entry.status, message: entry.message, resolve: entry.resolve})
          expect(module.isErrorCode(entry.code)).toBe(true)
        }
        expect(Object.keys(module.errorCatalog)).toHaveLength(entries.length)
        expectNoJSDocTags(typescript as string)

        const accepts = new Ajv2020({strict: true}).compile(JSON.parse(schema as string))
        for (const entry of entries) {
          expect(accepts({code: entry.code, message: entry.message, resolve: entry.resolve})).toBe(true)
          expect(accepts({code: entry.code, message: entry.message, resolve: 'anything'})).toBe(true)
          expect(accepts({code: entry.code, message: entry.message + 'x', resolve: ''})).toBe(false)
          expect(accepts({code: entry.code, message: entry.message})).toBe(false)
          for (const other of entries) {
            if (other.message !== entry.message) expect(accepts({code: entry.code, message: other.message, resolve: ''})).toBe(false)
          }
        }
        const undocumented = Math.max(...entries.map((entry) => Number(entry.code))) + 1
        expect(accepts({code: undocumented, message: entries[0]?.message, resolve: ''})).toBe(false)

        const document = parseYaml(openapi as string)
        expect(parseYaml(openapi as string, {version: '1.1'})).toEqual(document)
        for (const entry of entries) {
          expect(document.components.schemas[entry.name].properties.message.const).toBe(entry.message)
          expect(document.components.schemas[entry.name].description).toBe(entry.resolve)
        }
        const validation = await validator.validate(document)
        expect(validation.errors).toBeUndefined()
      }),
      {numRuns: runsFactor * 50}
    )
    typeCheckTogether(sources.map((source) => ({'errors.ts': source})))
    for (const source of sources) expect(typeCheck({'errors.ts': source}), source).toEqual([])
  })
})

/** No text can turn into a JSDoc tag or end a comment early: the ErrorCode members carry no tag. */
function expectNoJSDocTags(source: string): void {
  const file = ts.createSourceFile('errors.ts', source, ts.ScriptTarget.ES2022, true)
  const members = file.statements.flatMap((statement) => (ts.isEnumDeclaration(statement) ? [...statement.members] : []))
  const tags = members.flatMap((member) => ts.getJSDocTags(member).map((tag) => tag.tagName.text))
  expect(tags.filter((tag) => tag !== 'category' && tag !== 'deprecated')).toEqual([])
}
