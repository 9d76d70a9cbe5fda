/** The manifest of a project with a locale's document: the fast path answers it from the manifest, and an edit of the translations alone is a change that the next run writes (the document is part of what the manifest proves). */
import {cp, readFile, writeFile} from 'node:fs/promises'
import path from 'node:path'
import {describe, expect, test} from 'vitest'
import {root, runInProcess, tempDirectory} from '../support/helpers.js'

describe('a project with locales', () => {
  test('is answered from the manifest while its documents stand, and regenerated when a translation changes', async () => {
    const directory = await tempDirectory()
    await cp(path.join(root, 'test', 'fixtures', 'localized-documents'), directory, {recursive: true})
    expect((await runInProcess(['--quiet'], directory)).code).toBe(0)
    const manifest = JSON.parse(await readFile(path.join(directory, 'output', '.errgen-manifest.json'), 'utf8')) as {input: Array<string>, documents: Array<string>}
    expect([manifest.input, manifest.documents]).toEqual([['errors.md', 'errors.fr.md', 'errors.ru.md'], ['errors.md', 'errors.fr.md', 'errors.ru.md']])

    const again = await runInProcess([], directory)
    expect(again.stdout).toMatch(/^errgen: 3 codes, output\/ up to date \(\d+ ms\)\n$/)
    expect((await runInProcess(['--check'], directory)).code).toBe(0)

    const russian = path.join(directory, 'errors.ru.md')
    await writeFile(russian, (await readFile(russian, 'utf8')) + '| NOT_FOUND | Ресурс не найден |\n')
    expect((await runInProcess(['--check'], directory)).code).toBe(1)
    const written = await runInProcess([], directory)
    expect(written.stdout).toMatch(/^errgen: 3 codes, output\/ 3 of 3 files written/)
    expect(await readFile(path.join(directory, 'output', 'errors.ts'), 'utf8')).toContain('"Ресурс не найден"')
  })
})
