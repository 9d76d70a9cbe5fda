import {cp, readFile, stat, utimes, writeFile} from 'node:fs/promises'
import path from 'node:path'
import {describe, expect, test} from 'vitest'
import {project, readTree, root, runInProcess, runProcess, seed} from './helpers.js'

const manifest = JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8'))

/**
 * Each file's bytes and modification time.
 *
 * @param {string} directory
 */
async function snapshot(directory) {
  const tree = await readTree(directory)
  const times = await Promise.all([...tree.keys()].map(async (name) => (await stat(path.join(directory, name))).mtimeMs))
  return {tree, times}
}

/**
 * Set every file's modification time one hour back, so that a rewrite shows.
 *
 * @param {string} directory
 */
async function age(directory) {
  const past = new Date(Date.now() - 3_600_000)
  for (const name of (await readTree(directory)).keys()) await utimes(path.join(directory, name), past, past)
}

/** Real processes where the process itself matters (exit codes, messages); the others run in this process. */
describe('errgen command line', () => {
  test('--help and --version', async () => {
    const help = await runProcess(['--help'])
    expect(help.code).toBe(0)
    expect(help.stdout).toMatch(/^Usage: errgen \[--input FILE\]\.\.\. \[--out DIR\] \[--check\]/)
    const version = await runProcess(['--version'])
    expect(version).toEqual({code: 0, stdout: manifest.version + '\n', stderr: ''})
  })

  test('generates into output/ by default and prints one summary line', async () => {
    const directory = await project()
    const result = await runProcess([], directory)
    expect(result.code).toBe(0)
    expect(result.stdout).toMatch(/^errgen: 39 codes, output\/ 3 of 3 files written \(\d+ ms\)\n$/)
    expect([...(await readTree(path.join(directory, 'output'))).keys()]).toEqual([
      'error-codes.openapi.yaml',
      'error-codes.schema.json',
      'error-codes.ts'
    ])
  })

  test('a second run writes nothing: files keep their bytes and modification times', async () => {
    const directory = await project()
    const out = path.join(directory, 'output')
    await runInProcess([], directory)
    await age(out)
    const before = await snapshot(out)
    const result = await runInProcess([], directory)
    expect(result.code).toBe(0)
    expect(result.stdout).toMatch(/^errgen: 39 codes, output\/ up to date \(\d+ ms\)\n$/)
    expect(await snapshot(out)).toEqual(before)
  })

  test('only the changed file is rewritten', async () => {
    const directory = await project()
    const out = path.join(directory, 'output')
    await runInProcess([], directory)
    await writeFile(path.join(out, 'error-codes.schema.json'), '{}\n')
    await age(out)
    const before = await snapshot(out)
    const result = await runInProcess([], directory)
    expect(result.stdout).toMatch(/1 of 3 files written/)
    const after = await snapshot(out)
    expect(after.times[0]).toBe(before.times[0])
    expect(after.times[1]).toBeGreaterThan(/** @type {number} */ (before.times[1]))
    expect(after.times[2]).toBe(before.times[2])
  })

  test('--check is silent and exits 0 when outputs are up to date', async () => {
    const directory = await project()
    await runInProcess([], directory)
    expect(await runProcess(['--check'], directory)).toEqual({code: 0, stdout: '', stderr: ''})
  })

  test('--check exits 1 on a hand-edited output, with a short diff, and writes nothing', async () => {
    const directory = await project()
    const out = path.join(directory, 'output')
    await runInProcess([], directory)
    const file = path.join(out, 'error-codes.ts')
    const edited = (await readFile(file, 'utf8')).replace('AccessTokenMissing = 1000', 'AccessTokenMissing = 1001')
    await writeFile(file, edited)
    const before = await snapshot(out)
    const result = await runProcess(['--check'], directory)
    expect(result.code).toBe(1)
    expect(result.stdout).toBe('')
    expect(result.stderr).toContain('output/error-codes.ts is stale: code 1000 added\n')
    expect(result.stderr).toContain('  -  AccessTokenMissing = 1001,\n  +  AccessTokenMissing = 1000,\n')
    expect(result.stderr).toMatch(/errgen: 1 output out of date; run errgen to regenerate\n$/)
    expect(await snapshot(out)).toEqual(before)
  })

  test('--check exits 1 on missing outputs and creates nothing', async () => {
    const directory = await project()
    const result = await runInProcess(['--check'], directory)
    expect(result.code).toBe(1)
    expect(result.stderr).toContain('output/error-codes.ts is missing\n')
    expect(result.stderr).toContain('output/error-codes.schema.json is missing\n')
    expect(result.stderr).toContain('output/error-codes.openapi.yaml is missing\n')
    await expect(stat(path.join(directory, 'output'))).rejects.toThrow(/ENOENT/)
  })

  test('an invalid document exits 1 with located messages and leaves the outputs untouched', async () => {
    const directory = await project()
    const out = path.join(directory, 'output')
    await runInProcess([], directory)
    await age(out)
    const before = await snapshot(out)
    const input = path.join(directory, 'input', 'error-codes.md')
    const text = await readFile(input, 'utf8')
    await writeFile(input, text.replace('```1001```', '```10O1```').replace('```1005```', '```1000```').replace('```404```| ```1300```', '```4O4```| ```1300```'))
    const result = await runInProcess([], directory)
    expect(result.code).toBe(1)
    expect(result.stdout).toBe('')
    expect(result.stderr.split('\n').filter((line) => line.includes('  error  '))).toEqual([
      'input/error-codes.md:8:12-8:22  error  Unexpected code `10O1`, expected a positive integer  invalid-code',
      'input/error-codes.md:12:12-12:22  error  Duplicate code 1000, first defined at 7:12  duplicate-code',
      'input/error-codes.md:32:1-32:10  error  Unexpected HTTP status `4O4`, expected an integer from 100 to 599  invalid-status'
    ])
    expect(result.stderr).toMatch(/✖ 3 errors, ⚠ 5 warnings\n$/)
    expect(await snapshot(out)).toEqual(before)
  })

  test('a missing input is one clear line with exit code 2', async () => {
    const directory = await project()
    expect(await runProcess(['--input', 'input/nope.md'], directory)).toEqual({
      code: 2,
      stdout: '',
      stderr: 'errgen: cannot read input/nope.md: no such file or directory\n'
    })
  })

  test('an input that is a directory is one clear line with exit code 2', async () => {
    const directory = await project()
    expect(await runProcess(['--input', 'input'], directory)).toEqual({
      code: 2,
      stdout: '',
      stderr: 'errgen: cannot read input: it is a directory\n'
    })
  })

  test('an --out that is a file is one clear line with exit code 2', async () => {
    const directory = await project()
    await writeFile(path.join(directory, 'out'), 'x')
    const result = await runProcess(['--out', 'out'], directory)
    expect(result).toEqual({code: 2, stdout: '', stderr: 'errgen: cannot use out as the output directory: it is not a directory\n'})
  })

  test('an unknown option is a usage error with exit code 2', async () => {
    expect(await runProcess(['--bogus'])).toEqual({
      code: 2,
      stdout: '',
      stderr: "errgen: Unknown option '--bogus'\nTry `errgen --help`.\n"
    })
  })

  test('--input and --out take other paths; outputs are named after the input', async () => {
    const directory = await project()
    await cp(seed, path.join(directory, 'api-errors.md'))
    const result = await runInProcess(['--input', 'api-errors.md', '--out', 'gen/types'], directory)
    expect(result.code).toBe(0)
    const tree = await readTree(path.join(directory, 'gen', 'types'))
    expect([...tree.keys()]).toEqual(['api-errors.openapi.yaml', 'api-errors.schema.json', 'api-errors.ts'])
    expect(tree.get('api-errors.ts')?.toString()).toContain('Generated by errgen from api-errors.md.')
  })
})
