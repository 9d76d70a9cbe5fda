/** The library API: generate() returns the catalog, the files and the diagnostics without writing, and its types ship with the package. */
import {readdir, readFile, writeFile} from 'node:fs/promises'
import path from 'node:path'
import {generate, IoError} from 'errgen'
import ts from 'typescript'
import {describe, expect, test} from 'vitest'
import {project, tempDirectory, typeCheck} from './support/helpers.js'

describe('generate()', () => {
  test('returns the catalog, the files and the diagnostics, and writes nothing', async () => {
    const directory = await project()
    const result = await generate({cwd: directory})
    expect(result.ok).toBe(true)
    expect(result.catalog?.entries).toHaveLength(39)
    expect(result.files.map((file) => [file.kind, file.name, file.path])).toEqual([
      ['typescript', 'error-codes.ts', path.join(directory, 'output', 'error-codes.ts')],
      ['jsonSchema', 'error-codes.schema.json', path.join(directory, 'output', 'error-codes.schema.json')],
      ['openapi', 'error-codes.openapi.yaml', path.join(directory, 'output', 'error-codes.openapi.yaml')]
    ])
    expect(result.files[0]?.text).toBe(await readFile(new URL('../output/error-codes.ts', import.meta.url), 'utf8'))
    expect(result.diagnostics.map((diagnostic) => diagnostic.ruleId)).toEqual([
      'duplicate-name',
      'duplicate-message',
      'duplicate-message',
      'duplicate-name',
      'duplicate-message'
    ])
    expect(result.diagnostics[0]).toEqual({
      file: 'input/error-codes.md',
      line: 19,
      column: 23,
      endLine: 19,
      endColumn: 41,
      severity: 'warning',
      ruleId: 'duplicate-name',
      message:
        'Name `BadAccessToken` is derived from the messages of codes 1105, 1106, 1107: named `BadAccessToken_1105`, `BadAccessToken_1106`, `BadAccessToken_1107`; add a Name column to choose the names'
    })
    expect(await readdir(directory)).toEqual(['input'])
  })

  test('takes documents in memory and settings over the configuration', async () => {
    const directory = await tempDirectory()
    await writeFile(path.join(directory, 'errgen.config.json'), JSON.stringify({out: 'gen', typescript: {style: 'enum'}}))
    const result = await generate({
      cwd: directory,
      input: ['docs/errors.md'],
      style: 'const',
      documents: [{path: 'docs/errors.md', value: 'Code | Message | Resolve | HTTP\n--- | --- | --- | ---\n7 | *oops* | Retry. | 500\n'}]
    })
    expect(result.ok).toBe(true)
    expect(result.config?.typescript.style).toBe('const')
    expect(result.files.map((file) => path.relative(directory, file.path))).toEqual([
      path.join('gen', 'errors.ts'),
      path.join('gen', 'errors.schema.json'),
      path.join('gen', 'errors.openapi.yaml')
    ])
    expect(result.catalog?.entries).toMatchObject([{code: 7, name: 'Oops', status: 500, message: 'oops', resolve: 'Retry.', group: undefined, deprecated: undefined}])
    expect(result.catalog?.entries[0]?.source).toEqual({
      file: 'docs/errors.md',
      places: expect.objectContaining({code: {start: {line: 3, column: 1, offset: 54}, end: {line: 3, column: 2, offset: 55}}}),
      named: false
    })
  })

  test('an invalid document gives diagnostics and no files', async () => {
    const result = await generate({config: false, documents: [{path: 'a.md', value: 'HTTP | Code | Message | Resolve\n--- | --- | --- | ---\n400 | x1 | a | A.\n400 | 2 | b | B.\n400 | 3 | c | C.\n'}]})
    expect(result.ok).toBe(false)
    expect(result.files).toEqual([])
    expect(result.diagnostics).toEqual([
      {file: 'a.md', line: 3, column: 7, endLine: 3, endColumn: 9, severity: 'error', ruleId: 'invalid-code', message: 'Unexpected code `x1`, expected an integer'}
    ])
  })

  test('an invalid configuration gives located diagnostics', async () => {
    const directory = await tempDirectory()
    await writeFile(path.join(directory, 'errgen.config.json'), '{\n  "out": false\n}\n')
    const result = await generate({cwd: directory})
    expect(result).toMatchObject({ok: false, config: undefined, files: []})
    expect(result.diagnostics).toEqual([
      {file: 'errgen.config.json', line: 2, column: 10, endLine: 2, endColumn: 15, severity: 'error', ruleId: 'config-schema', message: 'Unexpected boolean false for `out`, expected a string'}
    ])
  })

  test('a missing document throws an IoError', async () => {
    const directory = await tempDirectory()
    await expect(generate({cwd: directory})).rejects.toThrow(new IoError('cannot read input/error-codes.md: no such file or directory'))
  })

  test('ships its types: a consumer type-checks against the package', () => {
    const consumer = `
import { generate, IoError } from 'errgen';
import type { Catalog, GenerateResult } from 'errgen';

export async function codes(): Promise<ReadonlyArray<number | string>> {
  const result: GenerateResult = await generate({ input: ["docs/errors.md"], style: "const" });
  const catalog: Catalog | undefined = result.catalog;
  for (const diagnostic of result.diagnostics) console.log(diagnostic.file, diagnostic.line, diagnostic.ruleId);
  return catalog ? catalog.entries.map((entry) => entry.code) : [];
}
export const isIo = (error: unknown): boolean => error instanceof IoError;
// @ts-expect-error: not an option
void generate({ inputs: [] });
`
    expect(typeCheck({'consumer.ts': consumer}, {
      strict: true,
      noEmit: true,
      skipLibCheck: true,
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      target: ts.ScriptTarget.ES2022,
      types: ['node']
    })).toEqual([])
  })
})
