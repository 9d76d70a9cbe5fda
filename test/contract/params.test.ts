/** The contract of message parameters: a parameter added to a message or resolve text is a breaking change (`--against` a real git revision, `--allow-breaking`, the release notes), one removed is an edit. */
import {execFileSync} from 'node:child_process'
import {readFile, writeFile} from 'node:fs/promises'
import path from 'node:path'
import {describe, expect, test} from 'vitest'
import type {Diagnostic} from '../../generator/types.js'
import {project, runInProcess} from '../support/helpers.js'

/** A git repository holding the seed document, committed. */
async function repository(): Promise<string> {
  const directory = await project()
  git(directory, 'init', '--quiet')
  commit(directory, 'seed')
  return directory
}

function git(directory: string, ...args: Array<string>): void {
  execFileSync('git', ['-c', 'user.name=errgen', '-c', 'user.email=errgen@localhost', ...args], {cwd: directory})
}

function commit(directory: string, message: string): void {
  git(directory, 'add', '.')
  git(directory, 'commit', '--quiet', '--message', message)
}

async function edit(directory: string, change: (text: string) => string): Promise<void> {
  const file = path.join(directory, 'input', 'error-codes.md')
  await writeFile(file, change(await readFile(file, 'utf8')))
}

/** Run errgen; its exit code and the contract's messages (not the seed's own warnings). */
async function compare(directory: string, args: Array<string>): Promise<{code: number, lines: Array<string>}> {
  const result = await runInProcess([...args, '--format', 'json'], directory)
  const contract = (JSON.parse(result.stdout) as Array<Diagnostic>).filter((message) => !/^duplicate-|^long-name/.test(message.ruleId))
  return {code: result.code, lines: contract.map((d) => `${d.file}:${d.line}:${d.column}  ${d.severity}  ${d.message}  ${d.ruleId}`)}
}

const withParams = (text: string): string =>
  text.replace('*type missing*', '*type {type} missing*').replace('Include your Client ID so we know who you are.', 'Include your Client ID {clientId} so we know who you are.')

describe('--against a git revision', () => {
  test('a parameter added to a message or a resolve text is breaking, at its cell; the derived name stays', async () => {
    const directory = await repository()
    await edit(directory, withParams)
    expect(await compare(directory, ['--against', 'HEAD'])).toEqual({
      code: 1,
      lines: [
        'input/error-codes.md:8:23  error  Parameter `type` added to code 1001 since HEAD: code that makes its message must now pass it  added-param',
        'input/error-codes.md:8:23  info  Message of code 1001 edited since HEAD  edited-message',
        'input/error-codes.md:14:43  error  Parameter `clientId` added to code 1100 since HEAD: code that makes its message must now pass it  added-param',
        'input/error-codes.md:14:43  info  Resolve text of code 1100 edited since HEAD  edited-resolve'
      ]
    })
    const allowed = await compare(directory, ['--against', 'HEAD', '--allow-breaking'])
    expect(allowed.code).toBe(0)
    expect(allowed.lines[0]).toBe('input/error-codes.md:8:23  warning  Parameter `type` added to code 1001 since HEAD: code that makes its message must now pass it (allowed by --allow-breaking)  added-param')
  })

  test('a parameter removed is an edit, not a breaking change', async () => {
    const directory = await repository()
    await edit(directory, withParams)
    expect((await runInProcess(['--quiet', '--allow-breaking'], directory)).code).toBe(0)
    commit(directory, 'parameters')
    await edit(directory, (text) => text.replace(' {clientId}', ''))
    expect(await compare(directory, ['--against', 'HEAD'])).toEqual({
      code: 0,
      lines: ['input/error-codes.md:14:43  info  Resolve text of code 1100 edited since HEAD  edited-resolve']
    })
  })

  test('the release notes list an added parameter among the breaking changes', async () => {
    const directory = await repository()
    await edit(directory, withParams)
    const result = await runInProcess(['--against', 'HEAD', '--format', 'markdown', '--allow-breaking'], directory)
    expect([result.code, result.stderr]).toEqual([0, ''])
    expect(result.stdout).toContain(
      '### Breaking changes\n\n' +
        '- Parameter `type` added to code 1001 since HEAD: code that makes its message must now pass it (allowed by --allow-breaking)\n' +
        '- Parameter `clientId` added to code 1100 since HEAD: code that makes its message must now pass it (allowed by --allow-breaking)\n'
    )
  })
})

describe('names generated before a message was read with parameters', () => {
  test('stay as they are: the new derived name is a renamed-code error, and --pin-names keeps the old one', async () => {
    const directory = await project({params: []})
    await edit(directory, (text) => text.replace('*type missing*', '*type {kind} missing*'))
    expect((await runInProcess(['--quiet'], directory)).code).toBe(0)
    const typescript = () => readFile(path.join(directory, 'output', 'error-codes.ts'), 'utf8')
    expect(await typescript()).toContain('TypeKindMissing = 1001,')

    await writeFile(path.join(directory, 'errgen.config.json'), '{}\n')
    const renamed = await runInProcess(['--quiet'], directory)
    expect([renamed.code, renamed.stderr]).toEqual([
      1,
      'input/error-codes.md:8:23-8:44  error  Name of code 1001 changed from `TypeKindMissing` to `TypeMissing` since output; keep the old name with a Name column (run again with --pin-names to write it) or accept the new one with --allow-breaking  renamed-code\n✖ 1 error\n'
    ])
    expect((await runInProcess(['--pin-names', '--quiet'], directory)).code).toBe(0)
    expect((await runInProcess(['--quiet'], directory)).code).toBe(0)
    expect(await typescript()).toContain('TypeKindMissing = 1001,')
    expect(await typescript()).toContain('formatMessage')
  })
})
