/** The contract of translations: an edited translation is a message edit (`--against` a real git revision, and the release notes with its locale, old and new text), a translation added is no change, and a parameter added to a translation alone is a translation-params error. */
import {execFileSync} from 'node:child_process'
import {readFile, writeFile} from 'node:fs/promises'
import path from 'node:path'
import {describe, expect, test} from 'vitest'
import type {Diagnostic} from '../../generator/types.js'
import {runInProcess, tempDirectory} from '../support/helpers.js'

const page = [
  '| HTTP | Code | Message | Message (fr) | Message (es) |',
  '| --- | --- | --- | --- | --- |',
  '| 404 | 1000 | User {email} not found | Utilisateur {email} introuvable | |',
  '| 409 | 1001 | Conflict | Conflit | Conflicto |',
  ''
].join('\n')

function git(directory: string, ...args: Array<string>): void {
  execFileSync('git', ['-c', 'user.name=errgen', '-c', 'user.email=errgen@localhost', ...args], {cwd: directory})
}

/** A git repository holding the page and its configuration, committed. */
async function repository(): Promise<string> {
  const directory = await tempDirectory()
  await writeFile(path.join(directory, 'errors.md'), page)
  await writeFile(path.join(directory, 'errgen.config.json'), JSON.stringify({input: 'errors.md', rules: {'missing-translation': 'off'}}))
  git(directory, 'init', '--quiet')
  git(directory, 'add', '.')
  git(directory, 'commit', '--quiet', '--message', 'page')
  return directory
}

async function edit(directory: string, change: (text: string) => string): Promise<void> {
  const file = path.join(directory, 'errors.md')
  await writeFile(file, change(await readFile(file, 'utf8')))
}

/** Run errgen; its exit code and its messages. */
async function compare(directory: string, args: Array<string>): Promise<{code: number, lines: Array<string>}> {
  const result = await runInProcess([...args, '--format', 'json'], directory)
  return {code: result.code, lines: (JSON.parse(result.stdout) as Array<Diagnostic>).map((d) => `${d.file}:${d.line}:${d.column}  ${d.severity}  ${d.message}  ${d.ruleId}`)}
}

describe('--against a git revision', () => {
  test('an edited translation is a message edit, at the code\'s Message cell', async () => {
    const directory = await repository()
    await edit(directory, (text) => text.replace('Utilisateur {email} introuvable', 'Utilisateur {email} inconnu'))
    expect(await compare(directory, ['--against', 'HEAD'])).toEqual({code: 0, lines: ['errors.md:3:16  info  Message of code 1000 edited since HEAD  edited-message']})
  })

  test('a translation added is no change', async () => {
    const directory = await repository()
    await edit(directory, (text) => text.replace('introuvable | |', 'introuvable | Usuario {email} no encontrado |'))
    expect(await compare(directory, ['--against', 'HEAD'])).toEqual({code: 0, lines: []})
  })

  test('a parameter added to a translation alone is a translation-params error', async () => {
    const directory = await repository()
    await edit(directory, (text) => text.replace('| Conflit |', '| Conflit sur {id} |'))
    expect(await compare(directory, ['--against', 'HEAD'])).toEqual({
      code: 1,
      lines: ['errors.md:4:27  error  Unexpected parameter `{id}` in the fr translation of the message of code 1001, expected none, as the message has none  translation-params']
    })
  })

  test('the release notes give the edited translation with its locale, old and new text', async () => {
    const directory = await repository()
    await edit(directory, (text) => text.replace('| Conflicto |', '| Conflicto de estado |'))
    const result = await runInProcess(['--against', 'HEAD', '--format', 'markdown'], directory)
    expect([result.code, result.stderr]).toEqual([0, ''])
    expect(result.stdout).toContain('### Edited\n\n- Message of code 1001 (es) edited since HEAD: `Conflicto` → `Conflicto de estado`\n')
    expect(result.stdout).not.toContain('`Conflict` → `Conflict`')
  })

  test('a translation edited in a locale\'s own document is a message edit too; a locale whose document the revision lacks is no change', async () => {
    const directory = await repository()
    await writeFile(path.join(directory, 'errors.de.md'), '| Code | Message |\n| --- | --- |\n| 1000 | Benutzer {email} nicht gefunden |\n| 1001 | Konflikt |\n')
    await writeFile(path.join(directory, 'errgen.config.json'), JSON.stringify({input: 'errors.md', locales: {de: 'errors.de.md'}, rules: {'missing-translation': 'off'}}))
    expect(await compare(directory, ['--against', 'HEAD'])).toEqual({code: 0, lines: []})
    git(directory, 'add', '.')
    git(directory, 'commit', '--quiet', '--message', 'German')
    await writeFile(path.join(directory, 'errors.de.md'), '| Code | Message |\n| --- | --- |\n| 1000 | Benutzer {email} unbekannt |\n| 1001 | Konflikt |\n')
    expect(await compare(directory, ['--against', 'HEAD'])).toEqual({code: 0, lines: ['errors.md:3:16  info  Message of code 1000 edited since HEAD  edited-message']})
    const notes = await runInProcess(['--against', 'HEAD', '--format', 'markdown'], directory)
    expect(notes.stdout).toContain('- Message of code 1000 (de) edited since HEAD: `Benutzer {email} nicht gefunden` → `Benutzer {email} unbekannt`\n')
  })
})
