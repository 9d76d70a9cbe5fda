/** Names given by a Name cell are the names: a message edit never renames them, editing the cell is a rename all the same; and the library keeps names as a run does, over one document or several. */
import {readFile, writeFile} from 'node:fs/promises'
import path from 'node:path'
import {describe, expect, test} from 'vitest'
import {project, runCli} from '../support/helpers.js'
import {documentOf, errors, renamedProject} from '../support/renamed.js'

describe('names given by a Name cell', () => {
  /** The seed with a Name column, 1001's cell holding `cell`, generated once. */
  async function namedProject(cell: string): Promise<{directory: string, document: ReturnType<typeof documentOf>}> {
    const directory = await project()
    const document = documentOf(directory)
    await document.edit((text) =>
      text
        .replace('HTTP | Code | Message | Resolve\n--- | --- | --- | --- ', 'HTTP | Code | Message | Resolve | Name\n--- | --- | --- | --- | ---')
        .replace(/^(```.*)$/gm, (row) => (row.includes('```1001```') ? row + ' | ' + cell + ' |' : row + ' | |'))
    )
    expect((await runCli(['--quiet'], directory)).code).toBe(0)
    return {directory, document}
  }

  test('a code named by its Name cell keeps its name whatever its message becomes', async () => {
    const {directory, document} = await namedProject('TypeMissing')
    await document.edit((text) => text.replace('*type missing*', '*type parameter missing*'))
    const run = await runCli(['--quiet'], directory)
    expect([run.code, run.stderr]).toEqual([0, ''])
  })

  test('editing the Name cell is a rename all the same: renamed-code at the cell, which --pin-names leaves alone', async () => {
    const {directory, document} = await namedProject('TypeMissing')
    await document.edit((text) => text.replace('| TypeMissing |', '| TypeParamMissing |'))
    const run = await runCli(['--quiet'], directory)
    expect([run.code, errors(run.stderr)]).toEqual([
      1,
      [
        'input/error-codes.md:8:119-8:135  error  Name of code 1001 changed from `TypeMissing` to `TypeParamMissing` by its Name cell since output; ' +
          'put `TypeMissing` back, or accept the rename with --allow-breaking  renamed-code'
      ]
    ])
    const edited = await document.read()
    const pin = await runCli(['--pin-names'], directory)
    expect([pin.code, pin.stdout]).toEqual([1, ''])
    expect(errors(pin.stderr)).toHaveLength(1)
    expect(await document.read()).toBe(edited)
    expect((await runCli(['--quiet', '--allow-breaking'], directory)).code).toBe(0)
  })

  test('an empty Name cell is filled in place; a cell with other text is unpinnable-name, and nothing is written', async () => {
    const {directory, document} = await namedProject('')
    await document.edit((text) => text.replace('*type missing*', '*type parameter missing*'))
    expect((await runCli(['--pin-names'], directory)).code).toBe(0)
    expect(await document.read()).toContain('```400```| ```1001```|*type parameter missing*|You need to include a type parameter. Ex. bofa, wells, amex, chase, citi, etc. | TypeMissing |\n')
    expect((await runCli(['--quiet'], directory)).code).toBe(0)

    const other = await namedProject('<b></b>')
    await other.document.edit((text) => text.replace('*type missing*', '*type parameter missing*'))
    const edited = await other.document.read()
    const pin = await runCli(['--pin-names'], other.directory)
    expect(pin.code).toBe(1)
    const unpinnable = 'Cannot keep the name `TypeMissing` of code 1001: its Name cell holds `<b></b>`, which errgen would lose; write the name there by hand'
    expect(errors(pin.stderr)).toEqual(['input/error-codes.md:8:129-8:136  error  ' + unpinnable + '  unpinnable-name'])
    expect(pin.stderr).toMatch(/\n✖ 1 error, ⚠ 5 warnings\n$/)
    expect(await other.document.read()).toBe(edited)
  })
  test('--pin-names --allow-breaking keeps the derived names and lets a Name cell\'s rename through as a warning', async () => {
    const {directory, document} = await namedProject('')
    await document.edit((text) =>
      text.replace('*type missing*', '*type parameter missing*').replace(/^(```400```\| ```1002```.*) \| \|$/m, '$1 | EmailAbsent |')
    )
    const refused = await runCli(['--pin-names'], directory)
    expect([refused.code, errors(refused.stderr).map((line) => line.replace(/ since .*/, ''))]).toEqual([
      1,
      ['input/error-codes.md:9:94-9:105  error  Name of code 1002 changed from `EmailMissing` to `EmailAbsent` by its Name cell']
    ])
    const pin = await runCli(['--pin-names', '--allow-breaking'], directory)
    expect(pin.code).toBe(0)
    expect(pin.stderr).toContain('warning  Name of code 1002 changed from `EmailMissing` to `EmailAbsent` by its Name cell since output (allowed by --allow-breaking)  renamed-code\n')
    expect(await document.read()).toContain('|*type parameter missing*|You need to include a type parameter. Ex. bofa, wells, amex, chase, citi, etc. | TypeMissing |\n')
    expect((await runCli(['--quiet', '--allow-breaking'], directory)).code).toBe(0)
    expect((await runCli(['--quiet'], directory)).code).toBe(0)
  })
})

describe('the library API', () => {
  test('generate() keeps the names of the outputs in its output directory too, unless `against: false`', async () => {
    const {generate} = await import('../../generator/index.js')
    const {directory} = await renamedProject()
    const result = await generate({cwd: directory})
    expect(result.ok).toBe(false)
    expect(result.files).toEqual([])
    expect(result.diagnostics.filter((d) => d.severity === 'error').map((d) => d.ruleId + ' ' + d.line + ':' + d.column)).toEqual(['renamed-code 8:23'])
    const unchecked = await generate({cwd: directory, against: false})
    expect(unchecked.ok).toBe(true)
    expect(unchecked.catalog?.entries.find((entry) => entry.code === 1001)?.name).toBe('TypeParameterMissing')
  })

  test('several documents: each gets its own names back, in one run, the others untouched', async () => {
    const directory = await project({input: 'docs/*.md'})
    const {mkdir} = await import('node:fs/promises')
    await mkdir(path.join(directory, 'docs'))
    const table = 'HTTP | Code | Message | Resolve\n--- | --- | --- | ---\n'
    await writeFile(path.join(directory, 'docs', 'a.md'), table + '400 | 1 | *token missing* | Send a token.\n')
    await writeFile(path.join(directory, 'docs', 'b.md'), '| HTTP | Code | Message | Resolve |\n| --- | --- | --- | --- |\n| 401 | 2 | *token expired* | Refresh it. |\n')
    const untouched = table + '500 | 3 | *server error* | Try again.\n'
    await writeFile(path.join(directory, 'docs', 'c.md'), untouched)
    expect((await runCli(['--quiet'], directory)).code).toBe(0)
    await writeFile(path.join(directory, 'docs', 'a.md'), table + '400 | 1 | *no token* | Send a token.\n')
    await writeFile(path.join(directory, 'docs', 'b.md'), '| HTTP | Code | Message | Resolve |\n| --- | --- | --- | --- |\n| 401 | 2 | *token is old* | Refresh it. |\n')
    const pin = await runCli(['--pin-names'], directory)
    expect([pin.code, pin.stdout]).toEqual([
      0,
      'errgen: docs/a.md: kept 1 name in a Name column (code 1 `TokenMissing`); run errgen to regenerate the outputs\n' +
        'errgen: docs/b.md: kept 1 name in a Name column (code 2 `TokenExpired`); run errgen to regenerate the outputs\n'
    ])
    expect(await readFile(path.join(directory, 'docs', 'a.md'), 'utf8')).toBe(table.replace('Resolve\n--- | --- | --- | ---', 'Resolve | Name\n--- | --- | --- | --- | ---') + '400 | 1 | *no token* | Send a token. | TokenMissing\n')
    expect(await readFile(path.join(directory, 'docs', 'b.md'), 'utf8')).toBe(
      '| HTTP | Code | Message | Resolve | Name |\n| --- | --- | --- | --- | --- |\n| 401 | 2 | *token is old* | Refresh it. | TokenExpired |\n'
    )
    expect(await readFile(path.join(directory, 'docs', 'c.md'), 'utf8')).toBe(untouched)
    expect((await runCli(['--quiet'], directory)).code).toBe(0)
  })
})
