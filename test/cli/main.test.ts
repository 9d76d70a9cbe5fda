/** The errgen command: exit codes, messages, writes that change only what changed, --check, unusable inputs and outputs, --force. */
import {chmod, chown, cp, mkdir, readFile, stat, writeFile} from 'node:fs/promises'
import path from 'node:path'
import {describe, expect, test} from 'vitest'
import {age, permissionsApply, project, readTree, root, runCli, runInProcess, runProcess, seed, snapshot, tempDirectory, unprivilegedUser, writeEarlierFiles, type User} from '../support/helpers.js'

const manifest = JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8'))

/** The seed's outputs, generated once for every project that needs earlier outputs. */
const seedOutputs = await generatedOutputs()

async function generatedOutputs(): Promise<Map<string, Buffer>> {
  const out = await tempDirectory()
  const result = await runInProcess(['--out', out, '--allow-outside', '--quiet'])
  if (result.code !== 0) throw new Error(result.stderr)
  return readTree(out)
}

/**
 * A project whose outputs were generated, then whose document changed so that every output must be rewritten;
 * readable by every user, so that errgen can run as one without privileges.
 */
async function projectWithStaleOutputs(): Promise<{directory: string, out: string}> {
  const directory = await project()
  await chmod(directory, 0o755)
  const out = path.join(directory, 'output')
  await mkdir(out)
  await writeEarlierFiles(out, seedOutputs)
  const input = path.join(directory, 'input', 'error-codes.md')
  // A resolve text, not a message: a message edit would rename the member, and the run would refuse it.
  await writeFile(input, (await readFile(input, 'utf8')).replace('from the original submit call.', 'from the submit call.'))
  return {directory, out}
}

/** A real process through the built bin for --help, --version and a first run; the others run the command in this process. */
describe('errgen command line', () => {
  test('--help and --version', async () => {
    const help = await runProcess(['--help'])
    expect(help.code).toBe(0)
    expect(help.stdout).toMatch(/^Usage: errgen \[FILE\.\.\.\] \[--input FILE\]\.\.\. \[--out DIR\] \[--check\]/)
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
    const schema = path.join(out, 'error-codes.schema.json')
    await writeFile(schema, (await readFile(schema, 'utf8')).replace('"const": 1000', '"const": 1001'))
    await age(out)
    const before = new Map((await snapshot(out)).map((file) => [file.name, file]))
    const result = await runInProcess([], directory)
    expect(result.stdout).toMatch(/1 of 3 files written/)
    const after = new Map((await snapshot(out)).map((file) => [file.name, file]))
    for (const name of ['.errgen-manifest.json', 'error-codes.openapi.yaml', 'error-codes.ts']) expect(after.get(name), name).toEqual(before.get(name))
    expect(after.get('error-codes.schema.json')?.mtime).toBeGreaterThan(before.get('error-codes.schema.json')?.mtime as number)
  })

  test('--check is silent and exits 0 when outputs are up to date', async () => {
    const directory = await project()
    await runInProcess([], directory)
    expect(await runCli(['--check'], directory)).toEqual({code: 0, stdout: '', stderr: ''})
  })

  test('--check exits 1 on a hand-edited output, with a short diff, and writes nothing', async () => {
    const directory = await project()
    const out = path.join(directory, 'output')
    await runInProcess([], directory)
    const file = path.join(out, 'error-codes.ts')
    const edited = (await readFile(file, 'utf8')).replace('AccessTokenMissing = 1000', 'AccessTokenMissing = 1001')
    await writeFile(file, edited)
    const before = await snapshot(out)
    const result = await runCli(['--check'], directory)
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
      'input/error-codes.md:8:12-8:22  error  Unexpected code `10O1`, expected an integer  invalid-code',
      'input/error-codes.md:12:12-12:22  error  Duplicate code 1000, first defined at 7:12  duplicate-code',
      'input/error-codes.md:32:1-32:10  error  Unexpected HTTP status `4O4`, expected an integer from 100 to 599  invalid-status'
    ])
    expect(result.stderr).toMatch(/✖ 3 errors, ⚠ 5 warnings\n$/)
    expect(await snapshot(out)).toEqual(before)
  })

  test('an --out that is a file is one clear line with exit code 2', async () => {
    const directory = await project()
    await writeFile(path.join(directory, 'out'), 'x')
    const result = await runCli(['--out', 'out'], directory)
    expect(result).toEqual({code: 2, stdout: '', stderr: 'errgen: cannot use out as the output directory: it is not a directory\n'})
  })

  test('an unknown option is a usage error with exit code 2', async () => {
    expect(await runCli(['--bogus'])).toEqual({
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

  test('an --out whose parent is a file is one clear line with exit code 2', async () => {
    const directory = await project()
    await writeFile(path.join(directory, 'out'), 'x')
    const result = await runCli(['--out', 'out/gen'], directory)
    expect(result).toEqual({code: 2, stdout: '', stderr: 'errgen: cannot use out/gen as the output directory: a parent is not a directory\n'})
  })
})

describe('an input errgen cannot use: one clear line, exit code 2, the earlier outputs untouched', () => {
  // In this process, but for a file only another user cannot read: errgen runs as that user in a real process.
  const cases: Array<[string, {input: string, prepare: (file: string) => Promise<void>, stderr: string, asUser?: boolean}]> = [
    ['a missing file', {input: 'input/nope.md', prepare: async () => {}, stderr: 'errgen: cannot read input/nope.md: no such file or directory\n'}],
    ['a directory', {input: 'input', prepare: async () => {}, stderr: 'errgen: cannot read input: it is a directory\n'}],
    ['an empty file', {input: 'input/empty.md', prepare: (file) => writeFile(file, ''), stderr: 'errgen: cannot read input/empty.md: the file is empty\n'}],
    ['a byte-order mark alone', {input: 'input/bom.md', prepare: (file) => writeFile(file, '\uFEFF'), stderr: 'errgen: cannot read input/bom.md: the file is empty\n'}],
    ['white space only', {input: 'input/blank.md', prepare: (file) => writeFile(file, ' \n\t\r\n'), stderr: 'errgen: cannot read input/blank.md: the file holds only white space\n'}],
    ['a path below a file', {input: 'input/error-codes.md/x.md', prepare: async () => {}, stderr: 'errgen: cannot read input/error-codes.md/x.md: a parent is not a directory\n'}]
  ]
  if (permissionsApply) {
    cases.push(['an unreadable file', {input: 'input/error-codes.md', prepare: (file) => chmod(file, 0o000), stderr: 'errgen: cannot read input/error-codes.md: permission denied\n', asUser: true}])
  }
  test.each(cases)('%s', async (_, {input, prepare, stderr, asUser}) => {
    const {directory, out} = await projectWithStaleOutputs()
    await prepare(path.join(directory, input))
    const before = await snapshot(out)
    const run = asUser ? runProcess(['--input', input], directory, {}, unprivilegedUser) : runCli(['--input', input], directory)
    expect(await run).toEqual({code: 2, stdout: '', stderr})
    expect(await snapshot(out)).toEqual(before)
  })
  test.skipIf(permissionsApply)('an unreadable file: skipped, as the tests run as root and there is no user nobody to run errgen as', () => {})
})

describe('errgen never loses data', () => {
  test('refuses to overwrite a file it did not generate, naming it, and writes nothing; --force overwrites it', async () => {
    const directory = await project()
    const out = path.join(directory, 'output')
    await mkdir(out)
    const mine = 'export const mine = 1;\n'
    await writeFile(path.join(out, 'error-codes.ts'), mine)
    expect(await runCli(['--quiet'], directory)).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'errgen: refusing to overwrite output/error-codes.ts: it was not generated by errgen (no `Generated by errgen` line at the top); move it away or pass --force\n'
    })
    const tree = await readTree(out)
    expect([...tree.keys()]).toEqual(['error-codes.ts'])
    expect(tree.get('error-codes.ts')?.toString()).toBe(mine)

    const check = await runInProcess(['--check'], directory)
    expect(check.code).toBe(1)
    expect(check.stderr).toContain('output/error-codes.ts is stale')

    const forced = await runInProcess(['--force'], directory)
    expect(forced.code).toBe(0)
    expect(forced.stdout).toMatch(/3 of 3 files written/)
    expect((await readFile(path.join(out, 'error-codes.ts'), 'utf8')).split('\n')[1]).toMatch(/^ \* Generated by errgen from input\/error-codes\.md\./)
  })

  test('names every file it refuses to overwrite', async () => {
    const directory = await project()
    const out = path.join(directory, 'output')
    await mkdir(out)
    await writeFile(path.join(out, 'error-codes.ts'), '')
    await writeFile(path.join(out, 'error-codes.schema.json'), '{}\n')
    const result = await runCli(['--quiet'], directory)
    expect(result.code).toBe(2)
    expect(result.stderr).toBe(
      'errgen: refusing to overwrite output/error-codes.ts, output/error-codes.schema.json: they were not generated by errgen (no `Generated by errgen` line at the top); move them away or pass --force\n'
    )
  })

  test.skipIf(!permissionsApply)('an output directory that turned read-only: exit 2, the earlier outputs intact, no temporary file left', async () => {
    const {directory, out} = await projectWithStaleOutputs()
    await chmod(out, 0o555)
    const before = await snapshot(out)
    try {
      const result = await runProcess(['--quiet'], directory, {}, unprivilegedUser)
      expect(result).toEqual({code: 2, stdout: '', stderr: 'errgen: cannot write to output: permission denied\n'})
      expect(await snapshot(out)).toEqual(before)
    } finally {
      await chmod(out, 0o755)
    }
  })

  // Two users are needed for a rename to fail after others succeeded: a sticky directory lets errgen (as nobody)
  // replace its own files but not root's. Without root the test cannot be set up.
  test.skipIf(unprivilegedUser === undefined)('a rename that fails part-way puts back the outputs it already replaced: exit 2, bytes and times intact', async () => {
    const user = unprivilegedUser as User
    const {directory, out} = await projectWithStaleOutputs()
    await chmod(out, 0o1777)
    await chown(path.join(out, 'error-codes.ts'), user.uid, user.gid)
    await chown(path.join(out, 'error-codes.schema.json'), user.uid, user.gid)
    const before = await snapshot(out)
    const result = await runProcess(['--quiet'], directory, {}, user)
    expect(result).toEqual({code: 2, stdout: '', stderr: 'errgen: cannot write to output: operation not permitted\n'})
    expect(await snapshot(out)).toEqual(before)
  })
})
