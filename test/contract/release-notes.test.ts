/** Release notes: `errgen --against REF --format markdown` renders the changes of a real two-commit git history as a changelog section — breaking changes with their hints, then deprecated, added and edited codes — and nothing when nothing changed. */
import {execFileSync} from 'node:child_process'
import {readFile, writeFile} from 'node:fs/promises'
import path from 'node:path'
import {describe, expect, test} from 'vitest'
import {project, runInProcess} from '../support/helpers.js'

/** Run git in `directory` as a fixed user. */
function git(directory: string, ...args: Array<string>): void {
  execFileSync('git', ['-c', 'user.name=errgen', '-c', 'user.email=errgen@localhost', ...args], {cwd: directory})
}

/** A repository with the seed committed, then a second commit that changes it. */
async function history(change: (text: string) => string): Promise<string> {
  const directory = await project()
  git(directory, 'init', '--quiet')
  git(directory, 'add', '.')
  git(directory, 'commit', '--quiet', '--message', 'seed')
  const file = path.join(directory, 'input', 'error-codes.md')
  await writeFile(file, change(await readFile(file, 'utf8')))
  git(directory, 'commit', '--quiet', '--all', '--message', 'changes')
  return directory
}

describe('release notes', () => {
  test('breaking changes first, then deprecated, added and edited codes', async () => {
    const directory = await history((text) =>
      text
        .replace('*type missing*', '*type parameter missing*')
        .replace('```402```| ```1200```', '```403```| ```1200```')
        .replace('*secret missing*', '~~*secret missing*~~')
        .replace('Include your Client ID so we know who you are.', 'Include your Client ID.')
        .replace(/\n$/, '\n```503```| ```1800```|*down for maintenance*|Try again later.\n')
    )
    const result = await runInProcess(['--against', 'HEAD~1', '--format', 'markdown', '--allow-breaking'], directory)
    expect(result.stderr).toBe('')
    expect(result.code).toBe(0)
    expect(result.stdout).toBe(
      [
        '## Changes since HEAD~1',
        '',
        '### Breaking changes',
        '',
        '- Name of code 1001 changed from `TypeMissing` to `TypeParameterMissing` since HEAD~1 (allowed by --allow-breaking)',
        '- HTTP status of code 1200 changed from 402 to 403 since HEAD~1 (allowed by --allow-breaking)',
        '',
        '### Deprecated',
        '',
        '- Code 1101 deprecated since HEAD~1',
        '',
        '### Added',
        '',
        '| Code | Name | HTTP | Message |',
        '| --- | --- | --- | --- |',
        '| `1800` | `DownForMaintenance` | 503 | down for maintenance |',
        '',
        '### Edited',
        '',
        '- Message of code 1001 edited since HEAD~1: `type missing` → `type parameter missing`',
        '- Resolve text of code 1100 edited since HEAD~1: `Include your Client ID so we know who you are.` → `Include your Client ID.`',
        ''
      ].join('\n')
    )
    const again = await runInProcess(['--against', 'HEAD~1', '--format', 'markdown', '--allow-breaking'], directory)
    expect(again.stdout).toBe(result.stdout)
  })

  test('--against DIR: the heading names the directory as it was given, and edits give the old and the new text', async () => {
    const directory = await project()
    expect((await runInProcess(['--out', 'releases/v1', '--quiet'], directory)).code).toBe(0)
    const file = path.join(directory, 'input', 'error-codes.md')
    await writeFile(file, (await readFile(file, 'utf8')).replace('Options need to be JSON or stringified JSON.', 'Send the options as JSON.'))
    const notes = await runInProcess(['--against', './releases/v1/', '--format', 'markdown'], directory)
    expect(notes).toEqual({
      code: 0,
      stdout: '## Changes since ./releases/v1/\n\n### Edited\n\n- Resolve text of code 1004 edited since ./releases/v1/: `Options need to be JSON or stringified JSON.` → `Send the options as JSON.`\n',
      stderr: ''
    })
  })

  test('a breaking change exits 1 without --allow-breaking, the notes still printed; nothing changed prints nothing', async () => {
    const directory = await history((text) => text.replace('```402```| ```1200```', '```403```| ```1200```'))
    const breaking = await runInProcess(['--against', 'HEAD~1', '--format', 'markdown'], directory)
    expect(breaking.code).toBe(1)
    expect(breaking.stdout).toContain('### Breaking changes\n\n- HTTP status of code 1200 changed from 402 to 403 since HEAD~1\n')
    expect(await runInProcess(['--against', 'HEAD', '--format', 'markdown'], directory)).toEqual({code: 0, stdout: '', stderr: ''})
  })

  test('without --against it is a usage error', async () => {
    const directory = await project()
    const result = await runInProcess(['--format', 'markdown'], directory)
    expect(result.code).toBe(2)
    expect(result.stderr).toBe('errgen: --format markdown prints the changes since a revision or earlier outputs: give --against REF\nTry `errgen --help`.\n')
  })
})
