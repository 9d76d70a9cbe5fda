/** output-io: writes that replace every output or none — a rename that fails part-way puts back what was already replaced — and an output directory that is not a directory. */
import {execFile} from 'node:child_process'
import {chmod, lstat, readdir, readFile, stat, symlink, utimes, writeFile} from 'node:fs/promises'
import path from 'node:path'
import {describe, expect, test, vi} from 'vitest'
import {tempDirectory} from '../support/helpers.js'

/** The file name whose rename fails (no space left on device), or '' for none. */
const failing = vi.hoisted(() => ({name: ''}))

vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:fs/promises')>()
  const rename = async (from: string, to: string): Promise<void> => {
    if (failing.name !== '' && to.endsWith('/' + failing.name)) throw Object.assign(new Error('no space'), {code: 'ENOSPC'})
    return actual.rename(from, to)
  }
  return {...actual, rename}
})

// Loaded afresh, so that they import the mock above even when another test file of this worker loaded them first.
vi.resetModules()
const {IoError} = await import('../../generator/diagnostics/io-error.js')
const {checkOutputDirectory, encoded, writeAtomically} = await import('../../generator/write/output-io.js')

/** The id of a process that has exited. */
async function deadPid(): Promise<number> {
  return new Promise((resolve) => {
    const child = execFile(process.execPath, ['-e', ''], () => resolve(child.pid ?? 0))
  })
}

describe('writeAtomically', () => {
  test('never writes through a link planted where an earlier version put its temporary file', async () => {
    const directory = await tempDirectory()
    const outside = path.join(await tempDirectory(), 'precious.txt')
    await writeFile(outside, 'keep me\n')
    await symlink(outside, path.join(directory, '.a.ts.' + process.pid + '.tmp'))
    await writeAtomically(directory, [{name: 'a.ts', text: 'new a\n'}], 'out')
    expect(await readFile(outside, 'utf8')).toBe('keep me\n')
    expect((await lstat(path.join(directory, 'a.ts'))).isSymbolicLink()).toBe(false)
    expect(await readFile(path.join(directory, 'a.ts'), 'utf8')).toBe('new a\n')
  })

  test('removes the temporary files of runs that were killed, and keeps a live run’s', async () => {
    const directory = await tempDirectory()
    const dead = await deadPid()
    await writeFile(path.join(directory, '.a.ts.' + dead + '.0123456789ab.tmp'), 'half')
    await writeFile(path.join(directory, '.a.ts.' + dead + '.tmp'), 'half, as earlier versions named it')
    await writeFile(path.join(directory, '.a.ts.' + process.pid + '.ba9876543210.tmp'), 'a live run')
    await writeFile(path.join(directory, '.notes.' + dead + '.tmp'), 'not an output of this run')
    await writeAtomically(directory, [{name: 'a.ts', text: 'new a\n'}], 'out')
    expect((await readdir(directory)).sort()).toEqual(['.a.ts.' + process.pid + '.ba9876543210.tmp', '.notes.' + dead + '.tmp', 'a.ts'])
  })

  test('writes every file, replacing the earlier ones, and leaves no temporary file', async () => {
    const directory = await tempDirectory()
    await writeFile(path.join(directory, 'a.ts'), 'old a\n')
    await writeAtomically(directory, [{name: 'a.ts', text: 'new a\n'}, {name: 'b.json', text: 'new b\n'}], 'out')
    expect((await readdir(directory)).sort()).toEqual(['a.ts', 'b.json'])
    expect(await readFile(path.join(directory, 'a.ts'), 'utf8')).toBe('new a\n')
    expect(await readFile(path.join(directory, 'b.json'), 'utf8')).toBe('new b\n')
  })

  test('writes the bytes encoded once per file, the same Buffer its comparison and its hash use', async () => {
    const directory = await tempDirectory()
    const file = {name: 'c.ts', text: 'é ü 😀 \u2028 code\n'}
    const bytes = encoded(file)
    expect(encoded(file)).toBe(bytes)
    expect(encoded({...file})).not.toBe(bytes)
    expect(bytes.equals(Buffer.from(file.text, 'utf8'))).toBe(true)
    await writeAtomically(directory, [file], 'out')
    expect((await readFile(path.join(directory, 'c.ts'))).equals(bytes)).toBe(true)
  })

  test('a rename that fails part-way puts back the files it replaced (bytes and times) and removes the new ones', async () => {
    const directory = await tempDirectory()
    await writeFile(path.join(directory, 'a.ts'), 'old a\n')
    const earlier = new Date('2020-01-01T00:00:00Z')
    await utimes(path.join(directory, 'a.ts'), earlier, earlier)
    const files = [{name: 'a.ts', text: 'new a\n'}, {name: 'b.json', text: 'new b\n'}, {name: 'c.yaml', text: 'new c\n'}]

    // The third rename fails after two succeeded.
    failing.name = 'c.yaml'
    const failure = await writeAtomically(directory, files, 'out').then(() => undefined, (cause: unknown) => cause)
    failing.name = ''
    expect(failure).toBeInstanceOf(IoError)
    expect((failure as Error).message).toBe('cannot write to out: no space left on device')
    expect(await readdir(directory)).toEqual(['a.ts'])
    expect(await readFile(path.join(directory, 'a.ts'), 'utf8')).toBe('old a\n')
    expect((await stat(path.join(directory, 'a.ts'))).mtime).toEqual(earlier)
  })
})

describe('checkOutputDirectory', () => {
  test('a missing directory is fine (it is created when first written); a file is an IoError', async () => {
    const directory = await tempDirectory()
    await expect(checkOutputDirectory(path.join(directory, 'output'), 'output')).resolves.toBeUndefined()
    await writeFile(path.join(directory, 'output'), '')
    await expect(checkOutputDirectory(path.join(directory, 'output'), 'output')).rejects.toThrow(
      new IoError('cannot use output as the output directory: it is not a directory')
    )
  })
})

describe('a replaced output', () => {
  test('keeps its file mode', async () => {
    const directory = await tempDirectory()
    const file = path.join(directory, 'a.ts')
    await writeFile(file, 'old a\n')
    await chmod(file, 0o640)
    await writeAtomically(directory, [{name: 'a.ts', text: 'new a\n'}], 'out')
    expect((await stat(file)).mode & 0o777).toBe(0o640)
    expect(await readFile(file, 'utf8')).toBe('new a\n')
  })
})
