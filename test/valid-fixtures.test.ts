/** The outputs of every valid fixture hold the exact strings (fixtures.test.ts runs them through the real tools): the JSON Schema and the OpenAPI document parse back to what the TypeScript holds, also for YAML 1.1 readers; and the exact strings of the fixtures that test text handling. */
import {readdir, readFile} from 'node:fs/promises'
import path from 'node:path'
import ts from 'typescript'
import {describe, expect, test} from 'vitest'
import {parse} from 'yaml'
import {generate} from '../generator/index.js'
import {evaluate, readTree, root} from './support/helpers.js'

const fixtures = path.join(root, 'test', 'fixtures')
const valid: Array<string> = []
for (const entry of await readdir(fixtures, {withFileTypes: true})) {
  if (entry.isDirectory() && (await readdir(path.join(fixtures, entry.name))).includes('output')) valid.push(entry.name)
}
valid.sort()

/** An entry as the generated TypeScript holds it. */
interface Entry {
  code: number | string
  status: number | undefined
  message: string
  resolve: string | undefined
}

/** A fixture's outputs by kind (named after its input, or as its configuration says). */
async function outputsOf(name: string): Promise<{typescript: string, schema: string, openapi: string}> {
  const tree = await readTree(path.join(fixtures, name, 'output'))
  const find = (extension: string) => String([...tree].find(([file]) => file.endsWith(extension))?.[1])
  return {typescript: find('.ts'), schema: find('.schema.json'), openapi: find('.openapi.yaml')}
}

/** The entries the generated TypeScript holds when it runs, sorted by code. */
async function evaluatedEntries(source: string): Promise<Array<Entry>> {
  const module = await evaluate(source)
  return Object.values(module.errorCatalog as Record<string, Entry>)
    .map(({code, status, message, resolve}) => ({code, status, message, resolve}))
    .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0))
}

/** The resolve texts with their links' URLs of a fixture's entries that have links, by code, as the library reads the fixture. */
async function linkedResolves(name: string): Promise<Map<number | string, string | undefined>> {
  const cwd = path.join(fixtures, name)
  const configured = (await readdir(cwd)).includes('errgen.config.json')
  const result = await generate({cwd, against: false, ...(configured ? {} : {input: ['input.md']})})
  return new Map((result.catalog?.entries ?? []).flatMap((entry) => (entry.docs ? [[entry.code, entry.docs.resolve]] : [])))
}

/**
 * A schema's message is the entry's: equal to it (or, with translations, the first of the messages it accepts); for a
 * message with parameters, described by it (the template), and matched by the example, whose message is filled in.
 */
function expectMessage(definition: {properties: {message: {const?: string, enum?: Array<string>, pattern?: string, description?: string}}, examples: Array<{message: string}>}, message: string): void {
  const schema = definition.properties.message
  if (schema.enum !== undefined) return void expect(schema.enum[0]).toBe(message)
  if (schema.pattern === undefined && schema.const === undefined) return void expect(schema.description).toBe(message + ' (or its translation)')
  if (schema.pattern === undefined) return void expect(schema.const).toBe(message)
  expect(schema.description?.startsWith(message + ' (with ')).toBe(true)
  expect(definition.examples[0]?.message).toMatch(new RegExp(schema.pattern, 'u'))
  expect(definition.examples[0]?.message).not.toBe(message)
}

describe.each(valid)('valid fixture %s', (name) => {
  test('the JSDoc holds no tag but errgen\'s own (@category, @deprecated): no text can make one', async () => {
    const {typescript} = await outputsOf(name)
    const file = ts.createSourceFile('input.ts', typescript, ts.ScriptTarget.ES2022, true)
    const members = file.statements.flatMap((statement) => (ts.isEnumDeclaration(statement) ? [...statement.members] : []))
    const tags = members.flatMap((member) => ts.getJSDocTags(member).map((tag) => tag.tagName.text))
    expect(tags.filter((tag) => tag !== 'category' && tag !== 'deprecated')).toEqual([])
  })

  test('the JSON Schema and the OpenAPI document hold the strings the TypeScript holds, also for a YAML 1.1 reader; OpenAPI descriptions keep the links', async () => {
    const {typescript, schema, openapi} = await outputsOf(name)
    const entries = await evaluatedEntries(typescript)
    const linked = await linkedResolves(name)
    const json = JSON.parse(schema)
    const yaml = parse(openapi)
    expect(parse(openapi, {version: '1.1'}), 'a YAML 1.1 parser reads the same document').toEqual(yaml)
    const names = new Map(Object.entries(json.$defs).flatMap(([key, definition]) => (key === 'ErrorCode' || key.startsWith('ErrorBody.') || key.startsWith('Problem.') ? [] : [[(definition as {properties: {code: {const: unknown}}}).properties.code.const, key]])))
    for (const entry of entries) {
      const key = String(names.get(entry.code))
      for (const definition of [json.$defs[key], yaml.components.schemas[key]]) expectMessage(definition, entry.message)
      expect(json.$defs[key].description).toBe(entry.resolve)
      expect(yaml.components.schemas[key].description).toBe(linked.get(entry.code) ?? entry.resolve)
    }
  })
})

describe('strings come through exactly as CommonMark renders the cells', () => {
  const longMessage = Array.from({length: 20}, () => 'very long message').join(' ')
  const longResolve = Array.from({length: 1500}, (_, index) => 'word' + index).join(' ')

  const cases: Array<[string, {given: string, want: Array<Entry>}]> = [
    [
      'escaped pipes, also inside code spans',
      {
        given: 'escaped-pipes',
        want: [
          {code: 1000, status: 400, message: 'type a|b missing', resolve: 'Send a|b or a | b.'},
          {code: 1001, status: 400, message: 'pipe in a code span', resolve: '| and a code span of two backticks: x|y.'},
          {code: 1002, status: 400, message: 'backslash pipe', resolve: 'A backslash and a pipe: \\\\| in code, \\| in text.'},
          {code: 1003, status: 400, message: 'pipes at the edges', resolve: '|both ends|'}
        ]
      }
    ],
    [
      'comment ends, template syntax, quotes, backslashes, HTML, separators, emoji, RTL, YAML words, control characters, entities, tags, very long cells',
      {
        given: 'hostile-text',
        want: [
          {code: 1, status: 400, message: 'ends a comment */ and opens /* one', resolve: 'Never */ close the JSDoc /** early.'},
          {code: 2, status: 400, message: 'a `template` with ${x} and "double" \'single\' quotes', resolve: 'Write `${x}` literally; \u201ccurly\u201d and \u2018curly\u2019 quotes too.'},
          {code: 3, status: 400, message: 'back\\slash \\n and C:\\path\\', resolve: 'A literal backslash-n: \\n, and a tab:\tbetween.'},
          {code: 4, status: 400, message: '</script> ends a script', resolve: 'Also <!-- and --> and ]]> and <![CDATA[.'},
          {code: 5, status: 400, message: 'line\u2028and paragraph\u2029separators', resolve: 'next\u0085line and form\ffeed and vertical\vtab'},
          {
            code: 6,
            status: 400,
            message: 'emoji 🙂👩\u200d👩\u200d👧 and RTL שלום עולם',
            resolve: 'e\u0301 is e and a combining accent; مرحبا \u200fwith a right-to-left mark.'
          },
          {code: 7, status: 400, message: 'yes', resolve: '- not a list: a #comment &anchor *alias !tag %percent {flow} [seq] ? key'},
          {code: 8, status: 400, message: 'null', resolve: '~'},
          {code: 9, status: 400, message: '0x10', resolve: '1e3'},
          {code: 10, status: 400, message: 'bell \u0007 and escape \u001b', resolve: 'NUL-free control characters: \u0001\u0002\u007f.'},
          {code: 11, status: 400, message: '& <tag> 😀 ©', resolve: '\u00a0non-breaking\u00a0spaces'},
          {code: 12, status: 400, message: '@deprecated is not a tag', resolve: 'mail@example.com and {@link x} and @param y.'},
          {code: 13, status: 400, message: longMessage, resolve: longResolve}
        ]
      }
    ]
  ]
  test.each(cases)('%s', async (_, {given, want}) => {
    const {typescript} = await outputsOf(given)
    expect(await evaluatedEntries(typescript)).toEqual(want)
  })

  test('CRLF line ends and a byte-order mark give the same outputs as LF, with no CR or U+FEFF in them', async () => {
    const input = await readFile(path.join(fixtures, 'crlf-bom', 'input.md'))
    expect(input.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]))
    expect(input.toString('utf8')).toMatch(/\r\n/)
    const crlf = await readTree(path.join(fixtures, 'crlf-bom', 'output'))
    const lf = await readTree(path.join(fixtures, 'several-tables', 'output'))
    expect([...crlf.keys()]).toEqual([...lf.keys()])
    for (const [file, bytes] of crlf) {
      expect(bytes.equals(lf.get(file) as Buffer), file).toBe(true)
      expect(bytes.toString('utf8'), file).not.toMatch(/[\r\uFEFF]/)
    }
  })
})
