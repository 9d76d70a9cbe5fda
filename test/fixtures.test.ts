/** Golden fixtures: each test/fixtures/<case>/ holds an input.md (or an errgen.config.json naming its documents), the exact diagnostics errgen prints for it, and, when it is valid, the outputs. Run with UPDATE_FIXTURES=1 to rewrite the expectations. */
import {mkdir, readdir, readFile, rm, stat, writeFile} from 'node:fs/promises'
import path from 'node:path'
import {beforeAll, describe, expect, test} from 'vitest'
import {readTree, root, runCli, runInProcess, snapshot, tempDirectory, writeEarlierFiles} from './support/helpers.js'
import {expectValidOutputs, typeCheckAhead} from './support/validators.js'

const fixtures = path.join(root, 'test', 'fixtures')
const update = process.env.UPDATE_FIXTURES === '1'
const cases = (await readdir(fixtures, {withFileTypes: true})).filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort()

/**
 * Outputs of an earlier run that every fixture starts from: a rejected document must leave them as they are. Its one
 * code is one no fixture has, so that no fixture renames it, and it is deprecated, so that removing it is no breaking change.
 */
let previous: Map<string, Buffer>
beforeAll(async () => {
  const directory = await tempDirectory()
  await writeFile(path.join(directory, 'input.md'), 'HTTP | Code | Message | Resolve\n--- | --- | --- | ---\n400 | 999999 | ~~*earlier*~~ | An earlier run.\n')
  const result = await runInProcess(['--input', 'input.md', '--out', 'output'], directory)
  if (result.code !== 0) throw new Error(result.stderr)
  previous = await readTree(path.join(directory, 'output'))
})

// The TypeScript of every fixture's expected outputs in one program, so that checking each generated set (which must
// equal them) needs no compiler set-up of its own.
beforeAll(async () => {
  const expected = cases.map((name) => path.join(fixtures, name, 'output'))
  const present = await Promise.all(expected.map((directory) => stat(directory).then(() => directory, () => undefined)))
  await typeCheckAhead(await Promise.all(present.filter((directory) => directory !== undefined).map((directory) => readTree(directory))))
})

async function readOptional(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8')
  } catch {
    return undefined
  }
}

/** An output directory holding the earlier run's files, aged an hour so that a rewrite shows. */
async function outputOfEarlierRun(): Promise<string> {
  const out = await tempDirectory()
  await writeEarlierFiles(out, previous)
  return out
}

/** The exit code a fixture's diagnostics call for: 2 for a one-line `errgen:` failure, 1 for an error, else 0. */
function expectedExitCode(diagnostics: string): number {
  if (diagnostics.startsWith('errgen: ')) return 2
  return /  error  /.test(diagnostics) ? 1 : 0
}

describe('fixtures', () => {
  test.each(cases)('%s', async (name) => {
    const directory = path.join(fixtures, name)
    const configured = (await readOptional(path.join(directory, 'errgen.config.json'))) !== undefined
    const args = configured ? [] : ['--input', 'input.md']
    const out = configured ? await tempDirectory() : await outputOfEarlierRun()
    const before = await snapshot(out)
    const result = await runInProcess([...args, '--out', out, '--allow-outside'], directory)
    const expectedOutput = path.join(directory, 'output')
    const diagnosticsFile = path.join(directory, 'diagnostics.txt')

    if (update) {
      await writeFile(diagnosticsFile, result.stderr)
      await rm(expectedOutput, {recursive: true, force: true})
      if (result.code === 0) {
        await mkdir(expectedOutput)
        for (const [file, bytes] of await readTree(out)) await writeFile(path.join(expectedOutput, file), bytes)
      }
    }

    const diagnostics = await readOptional(diagnosticsFile)
    expect(diagnostics, 'missing ' + diagnosticsFile + ' (run with UPDATE_FIXTURES=1)').toBeDefined()
    expect(result.stderr).toBe(diagnostics)
    const code = expectedExitCode(result.stderr)
    expect(result.code).toBe(code)
    if (code === 2) {
      // The command as the bin runs it too (the fast path first): one line on stderr, nothing thrown.
      expect(await runCli([...args, '--out', out, '--allow-outside'], directory)).toEqual({code: 2, stdout: '', stderr: diagnostics})
    }
    if (code === 0) {
      const generated = await readTree(out)
      const expected = await readTree(expectedOutput)
      expect([...generated.keys()]).toEqual([...expected.keys()])
      for (const [file, bytes] of generated) expect(bytes.toString('utf8'), file).toBe(expected.get(file)?.toString('utf8'))
      await expectValidOutputs(generated)
    } else {
      expect(await snapshot(out)).toEqual(before)
      await expect(stat(expectedOutput), 'a rejected document has no output/').rejects.toThrow(/ENOENT/)
    }
  })
})
