/** The guarded reader: nothing errgen reads can hang or grow without bound — a FIFO or a link to /dev/zero at the configuration, package.json, a lockfile above, a document, the manifest or an output is refused or left aside at once — and nothing it writes or globs escapes the project through a symbolic link. */
import {execFileSync} from 'node:child_process'
import {mkdir, readdir, rm, symlink, writeFile} from 'node:fs/promises'
import path from 'node:path'
import {describe, expect, test} from 'vitest'
import {fastPath} from '../../generator/cli/fast-path.js'
import {readIfExists} from '../../generator/read/files-io.js'
import {project, runInProcess, tempDirectory, type Outcome} from '../support/helpers.js'

/** Run errgen in this process; a run that has not finished within five seconds fails the test (it would hang). */
async function quickly(argv: ReadonlyArray<string>, cwd: string): Promise<Outcome> {
  let timer: NodeJS.Timeout | undefined
  const hang = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('errgen did not finish within 5 s: it hangs on a file it reads')), 5_000)
  })
  try {
    return await Promise.race([runInProcess(argv, cwd), hang])
  } finally {
    clearTimeout(timer)
  }
}

/** Put a FIFO, or a link to /dev/zero, at a path. */
async function plant(kind: 'fifo' | 'zero', file: string): Promise<void> {
  await rm(file, {force: true})
  if (kind === 'fifo') execFileSync('mkfifo', [file])
  else await symlink('/dev/zero', file)
}

const kinds = ['fifo', 'zero'] as const

describe('files that are not regular files', () => {
  test.each(kinds)('the reader refuses a %s at once, and reads a regular file up to its limit only', async (kind) => {
    const directory = await tempDirectory()
    await plant(kind, path.join(directory, 'x'))
    await expect(readIfExists(path.join(directory, 'x'), 'x')).rejects.toThrow('cannot read x: it is not a regular file (a FIFO, a device or a socket)')
    await writeFile(path.join(directory, 'big'), Buffer.alloc(2048))
    await expect(readIfExists(path.join(directory, 'big'), 'big', 1024)).rejects.toThrow('cannot read big: it has 0.0 MiB, more than the 0.0 MiB errgen reads in a file')
    expect(await readIfExists(path.join(directory, 'missing'), 'missing')).toBeUndefined()
  })

  test.each(kinds)('a %s at the configuration or package.json: exit 2, one line', async (kind) => {
    for (const name of ['errgen.config.json', 'package.json']) {
      const directory = await project()
      await plant(kind, path.join(directory, name))
      expect(await quickly([], directory)).toEqual({code: 2, stdout: '', stderr: 'errgen: cannot read ' + name + ': it is not a regular file (a FIFO, a device or a socket)\n'})
    }
  })

  test.each(kinds)('a %s at a lockfile in a directory above is left aside: the run and the fast path go on', async (kind) => {
    const parent = await tempDirectory()
    const directory = path.join(parent, 'api')
    await mkdir(path.join(directory, 'input'), {recursive: true})
    await writeFile(path.join(directory, 'input', 'error-codes.md'), 'HTTP | Code | Message | Resolve\n--- | --- | --- | ---\n400 | 1 | *a* | A.\n')
    await plant(kind, path.join(parent, 'package-lock.json'))
    expect((await quickly(['--quiet'], directory)).code).toBe(0)
    expect(await fastPath(['--check'], {cwd: directory, stdout: () => undefined, stderr: () => undefined})).toBe(0)
  })

  test.each(kinds)('a %s at a document: exit 2; the fast path leaves it to the full run', async (kind) => {
    const directory = await project()
    expect((await quickly(['--quiet'], directory)).code).toBe(0)
    const document = path.join(directory, 'input', 'error-codes.md')
    await plant(kind, document)
    expect(await fastPath([], {cwd: directory, stdout: () => undefined, stderr: () => undefined})).toBeUndefined()
    expect(await quickly([], directory)).toEqual({code: 2, stdout: '', stderr: 'errgen: cannot read input/error-codes.md: it is not a regular file (a FIFO, a device or a socket)\n'})
  })

  test.each(kinds)('a %s at the manifest or at an output read back: exit 2, one line', async (kind) => {
    for (const name of ['.errgen-manifest.json', 'error-codes.schema.json']) {
      const directory = await project()
      expect((await quickly(['--quiet'], directory)).code).toBe(0)
      await plant(kind, path.join(directory, 'output', name))
      expect(await quickly(['--quiet'], directory)).toEqual({code: 2, stdout: '', stderr: 'errgen: cannot read output/' + name + ': it is not a regular file (a FIFO, a device or a socket)\n'})
    }
  })
})

describe('symbolic links out of the project', () => {
  test('an output directory that is a link outside is refused like `out: "/"`; --allow-outside accepts it; a link inside is fine', async () => {
    const directory = await project()
    const elsewhere = await tempDirectory()
    await symlink(elsewhere, path.join(directory, 'output'))
    const refused = await quickly([], directory)
    expect(refused.code).toBe(2)
    expect(refused.stderr).toBe(
      'errgen: refusing to use output as the output directory: it is a symbolic link, or is reached through one, to ' + elsewhere +
        ': it is outside the working directory and the configuration\'s; pass --allow-outside to use it\n'
    )
    expect(await readdir(elsewhere)).toEqual([])
    expect(await fastPath([], {cwd: directory, stdout: () => undefined, stderr: () => undefined})).toBeUndefined()
    expect((await quickly(['--quiet', '--allow-outside'], directory)).code).toBe(0)
    expect(await readdir(elsewhere)).toContain('error-codes.ts')

    const inside = await project()
    await mkdir(path.join(inside, 'generated'))
    await symlink(path.join(inside, 'generated'), path.join(inside, 'output'))
    expect((await quickly(['--quiet'], inside)).code).toBe(0)
  })

  test('an output directory reached through a link outside is refused', async () => {
    const directory = await project()
    const elsewhere = await tempDirectory()
    await symlink(elsewhere, path.join(directory, 'build'))
    const refused = await quickly(['--out', 'build/errors'], directory)
    expect([refused.code, refused.stderr.replace(/ to \S+:/, ' to …:')]).toEqual([
      2,
      'errgen: refusing to use build/errors as the output directory: it is a symbolic link, or is reached through one, to …: it is outside the working directory and the configuration\'s; pass --allow-outside to use it\n'
    ])
    expect(await readdir(elsewhere)).toEqual([])
  })

  test('a glob does not follow a link out of the project', async () => {
    const directory = await project()
    const outside = await tempDirectory()
    await writeFile(path.join(outside, 'secret.md'), 'HTTP | Code | Message | Resolve\n--- | --- | --- | ---\n400 | 7 | *secret* | S.\n')
    await symlink(outside, path.join(directory, 'docs'))
    const run = await quickly(['--input', 'docs/*.md'], directory)
    expect(run).toEqual({
      code: 2,
      stdout: '',
      stderr: 'errgen: refusing to read docs/secret.md: the glob `docs/*.md` reaches it through a symbolic link to a place outside the working directory and the configuration\'s; name a document outside them by its path\n'
    })
  })
})
