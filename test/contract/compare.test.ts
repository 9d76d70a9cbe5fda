/** The API contract: deprecations in the document, and breaking-change detection against a real git repository (commit, edit, compare) or a directory of earlier outputs. */
import {execFileSync} from 'node:child_process'
import {cp, readdir, readFile, writeFile} from 'node:fs/promises'
import path from 'node:path'
import {describe, expect, test} from 'vitest'
import type {Diagnostic} from '../../generator/types.js'
import {generateFrom, project, runInProcess} from '../support/helpers.js'

/** A git repository holding the seed document, committed. */
async function repository(): Promise<string> {
  const directory = await project()
  git(directory, 'init', '--quiet')
  git(directory, 'add', '.')
  git(directory, 'commit', '--quiet', '--message', 'seed')
  return directory
}

/** Run git in `directory` as a fixed user. */
function git(directory: string, ...args: Array<string>): void {
  execFileSync('git', ['-c', 'user.name=errgen', '-c', 'user.email=errgen@localhost', ...args], {cwd: directory})
}

/** Edit the document with a function of its text. */
async function edit(directory: string, change: (text: string) => string): Promise<void> {
  const file = path.join(directory, 'input', 'error-codes.md')
  await writeFile(file, change(await readFile(file, 'utf8')))
}

/** Run errgen and keep the contract's messages (not the seed's own warnings). */
async function compare(directory: string, args: Array<string>): Promise<{code: number, lines: Array<string>}> {
  const result = await runInProcess([...args, '--format', 'json'], directory)
  const contract = (JSON.parse(result.stdout) as Array<Diagnostic>).filter((message) => !/^duplicate-/.test(message.ruleId))
  return {
    code: result.code,
    lines: contract.map((d) => `${d.file}:${d.line}:${d.column}  ${d.severity}  ${d.message}  ${d.ruleId}`)
  }
}

/** A definition of the JSON Schema output, as far as these tests read it. */
interface SchemaDefinition {
  properties?: {code?: {const?: number | string}}
  deprecated?: boolean
}

describe('deprecation in the document', () => {
  const table = 'HTTP | Code | Message | Resolve | Deprecated\n--- | --- | --- | --- | ---\n'

  test('a struck-through message or the Deprecated column marks an entry deprecated, with its replacement', async () => {
    const {catalog, outputs} = await generateFrom({
      'errors.md':
        table +
        '400 | 1 | ~~*old token*~~ | Use 3 instead. | |\n' +
        '400 | 2 | *old key* | Send a key. | yes\n' +
        '400 | 3 | *token missing* | Send a token. | |\n' +
        '400 | 4 | *key missing* | Send a key. | use 3\n' +
        '400 | 5 | ~~*legacy*~~ | Use the v2 endpoint. | no\n'
    })
    expect(catalog.entries.map((entry) => [entry.code, entry.deprecated])).toEqual([
      [1, {replacement: 3}],
      [2, {replacement: undefined}],
      [3, undefined],
      [4, {replacement: 3}],
      [5, {replacement: undefined}]
    ])
    const source = outputs['errors.ts'] as string
    expect(source).toContain('   * @deprecated Use {@link ErrorCode.TokenMissing} (3) instead.\n   */\n  OldToken = 1,')
    expect(source).toContain('   * @deprecated\n   */\n  OldKey = 2,')
    const schema = JSON.parse(outputs['errors.schema.json'] as string) as {$defs: Record<string, SchemaDefinition>}
    expect([1, 2, 3, 4, 5].map((code) => Object.values(schema.$defs).find((def) => def.properties?.code?.const === code)?.deprecated)).toEqual([true, true, undefined, true, true])
    expect(outputs['errors.openapi.yaml']).toContain('    OldToken:\n      title: OldToken\n      description: Use 3 instead.\n      deprecated: true\n')
  })

  test('a Deprecated cell that cannot be read, or names no documented code, is an error', async () => {
    const directory = await project()
    await edit(directory, () => table + '400 | 1 | *a* | A. | maybe not\n400 | 2 | *b* | B. | use 9\n')
    const result = await runInProcess([], directory)
    expect(result.code).toBe(1)
    expect(result.stderr).toBe(
      'input/error-codes.md:3:22-3:31  error  Unexpected Deprecated cell `maybe not`, expected yes, no, or the code that replaces it (`use 1234`)  invalid-deprecated\n' +
        'input/error-codes.md:4:22-4:27  error  Unexpected replacement `9` of deprecated code 2, expected another documented code  unknown-replacement\n' +
        '✖ 2 errors\n'
    )
  })
})

describe('--against a git revision', () => {
  test('a code removed without being deprecated first breaks clients: exit 1, nothing written', async () => {
    const directory = await repository()
    await edit(directory, (text) => text.replace(/^```404```\| ```1610```.*\n/m, ''))
    expect(await compare(directory, ['--against', 'HEAD'])).toEqual({
      code: 1,
      lines: [
        'HEAD:input/error-codes.md:43:12  error  Code 1610 (`ItemNotFound`) was removed since HEAD without being deprecated first; deprecate it (strike its message through) in a release before removing it  removed-code'
      ]
    })
    expect(await readdir(directory)).not.toContain('output')
  })

  test('a code removed after a release that deprecated it is not breaking', async () => {
    const directory = await repository()
    await edit(directory, (text) => text.replace('*item not found*', '~~*item not found*~~'))
    git(directory, 'commit', '--quiet', '--all', '--message', 'deprecate 1610')
    git(directory, 'tag', 'v2')
    await edit(directory, (text) => text.replace(/^```404```\| ```1610```.*\n/m, ''))
    expect(await compare(directory, ['--against', 'v2'])).toEqual({
      code: 0,
      lines: ['v2:input/error-codes.md:43:12  info  Code 1610 (`ItemNotFound`) was removed since v2 after its deprecation  removed-deprecated-code']
    })
  })

  test('a changed HTTP status is breaking, located at the status cell', async () => {
    const directory = await repository()
    await edit(directory, (text) => text.replace('```402```| ```1200```', '```403```| ```1200```'))
    expect(await compare(directory, ['--against', 'HEAD'])).toEqual({
      code: 1,
      lines: ['input/error-codes.md:23:1  error  HTTP status of code 1200 changed from 402 to 403 since HEAD  changed-status']
    })
  })

  test('a message edit that renames the member is breaking, and says how to pin the old name', async () => {
    const directory = await repository()
    await edit(directory, (text) => text.replace('*type missing*', '*type parameter missing*'))
    expect(await compare(directory, ['--against', 'HEAD'])).toEqual({
      code: 1,
      lines: [
        'input/error-codes.md:8:23  error  Name of code 1001 changed from `TypeMissing` to `TypeParameterMissing` since HEAD; keep the old name with a Name column (run again with --pin-names to write it) or accept the new one with --allow-breaking  renamed-code',
        'input/error-codes.md:8:23  info  Message of code 1001 edited since HEAD  edited-message'
      ]
    })

    await edit(directory, (text) =>
      text
        .replace('HTTP | Code | Message | Resolve\n--- | --- | --- | --- ', 'HTTP | Code | Message | Resolve | Name\n--- | --- | --- | --- | ---')
        .replace(/^(```.*)$/gm, (row) => (row.includes('```1001```') ? row + ' | TypeMissing' : row + ' | |'))
    )
    expect(await compare(directory, ['--against', 'HEAD'])).toEqual({
      code: 0,
      lines: ['input/error-codes.md:8:23  info  Message of code 1001 edited since HEAD  edited-message']
    })
  })

  test('--pin-names with --against keeps the names of that revision', async () => {
    const directory = await repository()
    await edit(directory, (text) => text.replace('*type missing*', '*type parameter missing*'))
    const pin = await runInProcess(['--against', 'HEAD', '--pin-names'], directory)
    expect([pin.code, pin.stdout]).toEqual([0, 'errgen: input/error-codes.md: kept 1 name in a Name column (code 1001 `TypeMissing`); run errgen to regenerate the outputs\n'])
    expect(await readdir(directory)).not.toContain('output')
    expect(await compare(directory, ['--against', 'HEAD'])).toEqual({
      code: 0,
      lines: ['input/error-codes.md:8:23  info  Message of code 1001 edited since HEAD  edited-message']
    })
  })

  test('a duplicate name that appears (and adds `_<code>` suffixes) is breaking', async () => {
    const directory = await repository()
    await edit(directory, (text) => text.replace('*type missing*', '*email missing*'))
    const {code, lines} = await compare(directory, ['--against', 'HEAD'])
    expect(code).toBe(1)
    expect(lines.filter((line) => line.includes('renamed-code'))).toEqual([
      'input/error-codes.md:8:23  error  Name of code 1001 changed from `TypeMissing` to `EmailMissing_1001` since HEAD; keep the old name with a Name column (run again with --pin-names to write it) or accept the new one with --allow-breaking  renamed-code',
      'input/error-codes.md:9:23  error  Name of code 1002 changed from `EmailMissing` to `EmailMissing_1002` since HEAD; keep the old name with a Name column (run again with --pin-names to write it) or accept the new one with --allow-breaking  renamed-code'
    ])
  })

  test('a code number reused for another error is breaking', async () => {
    const directory = await repository()
    await edit(directory, (text) => text.replace('*access_token missing*', '*SWAP*').replace('*type missing*', '*access_token missing*').replace('*SWAP*', '*type missing*'))
    const {code, lines} = await compare(directory, ['--against', 'HEAD'])
    expect(code).toBe(1)
    expect(lines.filter((line) => line.includes('  error  '))).toEqual([
      'input/error-codes.md:7:12  error  Code 1000 was `AccessTokenMissing` in HEAD and is now `TypeMissing`, while `AccessTokenMissing` is now code 1001: clients that switch on `AccessTokenMissing` get another code  reused-code',
      'input/error-codes.md:8:12  error  Code 1001 was `TypeMissing` in HEAD and is now `AccessTokenMissing`, while `TypeMissing` is now code 1000: clients that switch on `TypeMissing` get another code  reused-code'
    ])
  })

  test('codes that change kind (integer to string) are breaking', async () => {
    const directory = await repository()
    await edit(directory, () => 'HTTP | Code | Message | Resolve\n--- | --- | --- | ---\n400 | E_TOKEN | *token missing* | Send one.\n400 | E_TYPE | *type missing* | Send one.\n')
    const {code, lines} = await compare(directory, ['--against', 'HEAD'])
    expect(code).toBe(1)
    expect(lines[0]).toBe('input/error-codes.md:1:1  error  Codes changed from integers to strings since HEAD  changed-code-kind')
  })

  test('a removed column is breaking', async () => {
    const directory = await project({optionalColumns: ['resolve']})
    git(directory, 'init', '--quiet')
    git(directory, 'add', '.')
    git(directory, 'commit', '--quiet', '--message', 'seed')
    await edit(directory, (text) =>
      text.replace(/^(```.*)\|[^|\n]*$/gm, '$1').replace('HTTP | Code | Message | Resolve\n--- | --- | --- | --- ', 'HTTP | Code | Message\n--- | --- | ---')
    )
    const {code, lines} = await compare(directory, ['--against', 'HEAD'])
    expect(code).toBe(1)
    expect(lines).toEqual(['input/error-codes.md:1:1  error  The Resolve column was removed since HEAD: bodies no longer carry a resolve text  removed-column'])
  })

  test('added codes, edited texts and new deprecations are not breaking: info, exit 0', async () => {
    const directory = await repository()
    await edit(directory, (text) =>
      text
        .replace('Include your Client ID so we know who you are.', 'Include your client ID.')
        .replace('*secret missing*', '~~*secret missing*~~')
        .concat('```503```| ```1800```|*maintenance*|Try again in a few minutes.\n')
    )
    expect(await compare(directory, ['--against', 'HEAD'])).toEqual({
      code: 0,
      lines: [
        'input/error-codes.md:14:43  info  Resolve text of code 1100 edited since HEAD  edited-resolve',
        'input/error-codes.md:15:23  info  Code 1101 deprecated since HEAD  deprecated-code',
        'input/error-codes.md:46:12  info  Code 1800 (`Maintenance`) added since HEAD  added-code'
      ]
    })
    expect((await readdir(path.join(directory, 'output'))).sort()).toEqual(['.errgen-manifest.json', 'error-codes.openapi.yaml', 'error-codes.schema.json', 'error-codes.ts'])
  })

  test('--allow-breaking turns the errors into warnings, for a deliberate major release', async () => {
    const directory = await repository()
    await edit(directory, (text) => text.replace(/^```404```\| ```1610```.*\n/m, ''))
    expect(await compare(directory, ['--against', 'HEAD', '--allow-breaking'])).toEqual({
      code: 0,
      lines: [
        'HEAD:input/error-codes.md:43:12  warning  Code 1610 (`ItemNotFound`) was removed since HEAD without being deprecated first; deprecate it (strike its message through) in a release before removing it (allowed by --allow-breaking)  removed-code'
      ]
    })
  })

  test('an unknown revision is one clear line with exit code 2', async () => {
    const directory = await repository()
    const result = await runInProcess(['--against', 'no-such-branch'], directory)
    expect(result).toEqual({code: 2, stdout: '', stderr: 'errgen: cannot compare with no-such-branch: no such file, directory or git revision\n'})
  })
})

describe('--against a directory of earlier outputs', () => {
  test('reads the catalog back from the outputs', async () => {
    const directory = await project()
    await runInProcess([], directory)
    await cp(path.join(directory, 'output'), path.join(directory, 'release-1'), {recursive: true})
    await edit(directory, (text) => text.replace(/^```404```\| ```1610```.*\n/m, '').replace('```402```| ```1200```', '```403```| ```1200```'))
    expect(await compare(directory, ['--against', 'release-1'])).toEqual({
      code: 1,
      lines: [
        'input/error-codes.md:23:1  error  HTTP status of code 1200 changed from 402 to 403 since release-1  changed-status',
        'release-1/error-codes.openapi.yaml:null:null  error  Code 1610 (`ItemNotFound`) was removed since release-1 without being deprecated first; deprecate it (strike its message through) in a release before removing it  removed-code'
      ]
    })
  })

  test('"against" the output directory in the configuration keeps names stable from one run to the next', async () => {
    const directory = await project({against: 'output'})
    expect((await runInProcess([], directory)).code).toBe(0)
    const before = await readFile(path.join(directory, 'output', 'error-codes.ts'), 'utf8')
    await edit(directory, (text) => text.replace('*type missing*', '*type parameter missing*'))
    const {code, lines} = await compare(directory, [])
    expect(code).toBe(1)
    expect(lines[0]).toBe(
      'input/error-codes.md:8:23  error  Name of code 1001 changed from `TypeMissing` to `TypeParameterMissing` since output; keep the old name with a Name column (run again with --pin-names to write it) or accept the new one with --allow-breaking  renamed-code'
    )
    expect(await readFile(path.join(directory, 'output', 'error-codes.ts'), 'utf8')).toBe(before)
  })

  test('against the output directory, an output that cannot be read back is an error, not a silent pass', async () => {
    const directory = await project({against: 'output', outputs: {jsonSchema: false, typescript: false}})
    expect((await runInProcess([], directory)).code).toBe(0)
    await writeFile(path.join(directory, 'output', 'error-codes.openapi.yaml'), 'not: [an errgen output\n')
    expect(await runInProcess([], directory)).toEqual({
      code: 2,
      stdout: '',
      stderr: 'errgen: cannot compare with output/error-codes.openapi.yaml: it is not an output errgen generated\n'
    })
  })
})
