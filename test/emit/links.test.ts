/** Links in cells: the TypeScript JSDoc and the OpenAPI descriptions keep their URLs (`[docs](https://…)`), read back by a CommonMark parser as the same links, also for URLs with `@`, `*\/` or a line separator; the bodies, examples and JSON Schema keep the rendered text. */
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import ts from 'typescript'
import {unified} from 'unified'
import {describe, expect, test} from 'vitest'
import {parse} from 'yaml'
import type {Link, Nodes} from 'mdast'
import {evaluate, generateFrom, strictOptions, typeCheck} from '../support/helpers.js'

const document =
  '| HTTP | Code | Message | Resolve |\n| --- | --- | --- | --- |\n' +
  '| 400 | 1 | *bad [subject](https://example.com/s)* | Read the [docs](https://docs.example.com/errors#1). |\n' +
  '| 400 | 2 | *odd url* | See [docs](https://user@example.com/a*/b?to=ops@example.com) or <https://u@example.com/c*/d>. |\n' +
  '| 400 | 3 | *mail* | Write to <ops@example.com> or [a \\[b\\]](https://example.com/a(b)). |\n' +
  '| 400 | 4 | *separator* | Open [this](https://example.com/x\u2028y). |\n'

/** The rendered texts: what bodies carry. */
const rendered = [
  {code: 1, message: 'bad subject', resolve: 'Read the docs.'},
  {code: 2, message: 'odd url', resolve: 'See docs or https://u@example.com/c*/d.'},
  {code: 3, message: 'mail', resolve: 'Write to ops@example.com or a [b].'},
  {code: 4, message: 'separator', resolve: 'Open this.'}
]

/** The links each entry's JSDoc must hold, as a CommonMark reader sees them: [text, url]. */
const links: Record<number, Array<[string, string]>> = {
  1: [['subject', 'https://example.com/s'], ['docs', 'https://docs.example.com/errors#1']],
  2: [['docs', 'https://user@example.com/a*/b?to=ops@example.com'], ['https://u@example.com/c*/d', 'https://u@example.com/c*/d']],
  3: [['ops@example.com', 'mailto:ops@example.com'], ['a [b]', 'https://example.com/a(b)']],
  4: [['this', 'https://example.com/x%E2%80%A8y']]
}

/** The links of a markdown text as remark (CommonMark and GFM) reads them. */
function linksOf(markdown: string): Array<[string, string]> {
  const found: Array<[string, string]> = []
  const visit = (node: Nodes): void => {
    if (node.type === 'link') found.push([textOf(node), node.url])
    else if ('children' in node) for (const child of node.children) visit(child)
  }
  visit(unified().use(remarkParse).use(remarkGfm).parse(markdown))
  return found
}

function textOf(node: Link): string {
  return node.children.map((child) => ('value' in child ? child.value : '')).join('')
}

/** Each `ErrorCode` member's JSDoc text as TypeScript reads it, by member name. */
function memberDocs(source: string): Map<string, string> {
  const file = ts.createSourceFile('errors.ts', source, ts.ScriptTarget.ES2022, true)
  const docs = new Map<string, string>()
  const visit = (node: ts.Node): void => {
    if ((ts.isEnumMember(node) || ts.isPropertyAssignment(node)) && ts.isIdentifier(node.name)) {
      const comment = ts.getJSDocCommentsAndTags(node).map((doc) => (typeof doc.comment === 'string' ? doc.comment : '')).join('\n')
      if (comment) docs.set(node.name.text, comment)
    }
    ts.forEachChild(node, visit)
  }
  visit(file)
  return docs
}

describe.each(['enum', 'const'] as const)('links, %s style', (style) => {
  test('the JSDoc keeps each link, with its URL exactly, and no text closes the comment or starts a tag', async () => {
    const {catalog, outputs} = await generateFrom({'errors.md': document}, {typescript: {style}})
    const source = outputs['errors.ts'] as string
    expect(typeCheck({'errors.ts': source}, {...strictOptions, erasableSyntaxOnly: style === 'const'})).toEqual([])
    const docs = memberDocs(source)
    expect(source).toContain('Read the [docs](https://docs.example.com/errors#1).')
    expect(source).toContain('[docs](https://user\\@example.com/a*\\/b?to=ops\\@example.com)')
    for (const entry of catalog.entries) {
      const doc = docs.get(entry.name)
      expect(doc, entry.name).toBeDefined()
      expect(linksOf(doc as string), entry.name).toEqual(links[entry.code as number])
    }
    const file = ts.createSourceFile('errors.ts', source, ts.ScriptTarget.ES2022, true)
    const members = file.statements.flatMap((statement) => (ts.isEnumDeclaration(statement) && statement.name.text === 'ErrorCode' ? [...statement.members] : []))
    if (style === 'enum') expect(members.map((member) => member.getText(file).split('\n').at(-1)?.trim())).toEqual(catalog.entries.map((entry) => entry.name + ' = ' + entry.code))
    expect(members.flatMap((member) => ts.getJSDocTags(member).map((tag) => tag.tagName.text))).toEqual([])
  })

  test('the bodies, the catalog and the JSON Schema keep the rendered text, without the URLs', async () => {
    const {outputs} = await generateFrom({'errors.md': document}, {typescript: {style}})
    const module = await evaluate(outputs['errors.ts'] as string)
    expect(rendered.map((entry) => module.createErrorBody(entry.code))).toEqual(rendered)
    expect(Object.values(module.errorCatalog).map((entry) => (entry as {resolve: string}).resolve)).toEqual(rendered.map((entry) => entry.resolve))
    const schema = JSON.parse(outputs['errors.schema.json'] as string)
    const definitions = Object.entries(schema.$defs).filter(([name]) => name !== 'ErrorCode') as Array<[string, {description: string, examples: Array<unknown>}]>
    expect(definitions.map(([, definition]) => definition.description)).toEqual(rendered.map((entry) => entry.resolve))
    expect(definitions.map(([, definition]) => definition.examples[0])).toEqual(rendered)
    expect(outputs['errors.schema.json']).not.toContain('](')
    expect(outputs['errors.ts']?.split('\n').filter((line) => line.includes('resolve: "')).join('\n')).not.toContain('](')
  })
})

test('the OpenAPI descriptions, CommonMark, keep the links; its examples and enum descriptions the rendered text', async () => {
  const {catalog, outputs} = await generateFrom({'errors.md': document})
  const openapi = parse(outputs['errors.openapi.yaml'] as string)
  for (const entry of catalog.entries) {
    const schema = openapi.components.schemas[entry.name]
    expect(schema.description).toBe(entry.docs?.resolve)
    expect(linksOf(schema.description).slice(-1)).toEqual(links[entry.code as number]?.slice(-1))
    expect(schema.examples).toEqual([rendered.find((body) => body.code === entry.code)])
  }
  expect(openapi.components.schemas.ErrorCode['x-enum-descriptions']).toEqual(rendered.map((entry) => entry.resolve))
  const examples = Object.values(openapi.components.responses.BadRequest.content['application/json'].examples).map((example) => (example as {value: unknown}).value)
  expect(examples).toEqual(rendered)
})
