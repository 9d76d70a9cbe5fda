/** The up-to-date fast path: it answers only when the full run would say the same, and then loads neither remark nor ts-morph. */
import {execFile} from 'node:child_process'
import {readFile, rm, writeFile} from 'node:fs/promises'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import fc from 'fast-check'
import {describe, expect, test} from 'vitest'
import {check} from '../../generator/check.js'
import {fastPath} from '../../generator/cli/fast-path.js'
import {runnersOut} from '../setup/build.js'
import {bin, project, runInProcess, tempDirectory, type Outcome} from '../support/helpers.js'

const logImports = pathToFileURL(path.join(runnersOut, 'log-imports.js'))

/** Run the bin as a real process and list the modules it loaded. */
async function runLogged(argv: ReadonlyArray<string>, cwd: string): Promise<Outcome & {modules: Array<string>}> {
  const log = path.join(await tempDirectory(), 'imports.log')
  const result = await new Promise<Outcome>((resolve) => {
    execFile(process.execPath, ['--import', logImports.href, bin, ...argv], {cwd, env: {...process.env, ERRGEN_IMPORT_LOG: log}}, (error, stdout, stderr) =>
      resolve({code: error ? (error.code as number) : 0, stdout, stderr})
    )
  })
  const modules = (await readFile(log, 'utf8').catch(() => '')).split('\n').filter(Boolean)
  return {...result, modules}
}

/** The modules of the full run among those loaded: remark, ts-morph, yaml, and errgen's own parse, tables and emit stages. */
const heavy = (modules: ReadonlyArray<string>) => modules.filter((url) => /node_modules\/(unified|remark-|micromark|ts-morph|yaml)\b|dist\/(parse|tables|emit)\//.test(url))

/** The fast path in this process: its exit code, or undefined when it leaves the run to the full path. */
async function fast(argv: ReadonlyArray<string>, cwd: string): Promise<{code: number | undefined, stdout: string}> {
  let stdout = ''
  const code = await fastPath(argv, {cwd, stdout: (text: string) => (stdout += text), stderr: () => {}})
  return {code, stdout}
}

describe('the fast path', () => {
  test('answers an up-to-date run and --check from the manifest, without loading remark or ts-morph', async () => {
    const directory = await project()
    const first = await runLogged([], directory)
    expect(first.code).toBe(0)
    expect(heavy(first.modules).length).toBeGreaterThan(0)

    const again = await runLogged([], directory)
    expect(again.stdout).toMatch(/^errgen: 39 codes, output\/ up to date \(\d+ ms\)\n$/)
    expect(heavy(again.modules)).toEqual([])

    const check = await runLogged(['--check'], directory)
    expect([check.code, check.stdout, check.stderr]).toEqual([0, '', ''])
    expect(heavy(check.modules)).toEqual([])
  })

  test("--check --format json, the library's check(), is answered too: the empty list of errors, as the full run prints it", async () => {
    const directory = await project()
    await runInProcess([], directory)
    expect(await fast(['--check', '--format', 'json'], directory)).toEqual({code: 0, stdout: '[]\n'})
    const full = await runInProcess(['--check', '--format', 'json'], directory)
    expect(full).toEqual({code: 0, stdout: '[]\n', stderr: ''})
    expect(await check({cwd: directory})).toEqual({ok: true, current: true, stale: [], diagnostics: []})
    expect(await fast(['--format', 'json'], directory)).toEqual({code: undefined, stdout: ''})
  })

  test('a hand-edited output is still detected: the full run decides', async () => {
    const directory = await project()
    await runInProcess([], directory)
    const file = path.join(directory, 'output', 'error-codes.ts')
    await writeFile(file, (await readFile(file, 'utf8')).replace('= 1000', '= 1001'))
    const check = await runLogged(['--check'], directory)
    expect(check.code).toBe(1)
    expect(check.stderr).toContain('output/error-codes.ts is stale')
    expect(heavy(check.modules).length).toBeGreaterThan(0)
  })

  test('leaves to the full run: changed documents, configuration or flags, a missing manifest, other flags', async () => {
    const directory = await project()
    await runInProcess([], directory)
    expect((await fast([], directory)).code).toBe(0)

    for (const argv of [['--style', 'const'], ['--out', 'elsewhere'], ['--format', 'json'], ['--against', 'HEAD'], ['--watch'], ['--print-config'], ['--pin-names'], ['--allow-breaking']]) {
      expect((await fast(argv, directory)).code, argv.join(' ')).toBeUndefined()
    }

    const input = path.join(directory, 'input', 'error-codes.md')
    await writeFile(input, (await readFile(input, 'utf8')) + '\nA note below the table.\n')
    expect((await fast([], directory)).code).toBeUndefined()
    await runInProcess([], directory)
    expect((await fast([], directory)).code).toBe(0)

    await writeFile(path.join(directory, 'errgen.config.json'), '{"typescript": {"style": "const"}}\n')
    expect((await fast([], directory)).code).toBeUndefined()
    await runInProcess([], directory)
    expect((await fast([], directory)).code).toBe(0)

    await rm(path.join(directory, 'output', '.errgen-manifest.json'))
    expect((await fast([], directory)).code).toBeUndefined()
  })

  test('after --pin-names edits the document, --check is left to the full run until the outputs are regenerated', async () => {
    const directory = await project()
    await runInProcess(['--quiet'], directory)
    const input = path.join(directory, 'input', 'error-codes.md')
    await writeFile(input, (await readFile(input, 'utf8')).replace('*type missing*', '*type parameter missing*'))
    expect((await runInProcess(['--pin-names', '--quiet'], directory)).code).toBe(0)
    expect((await fast(['--check'], directory)).code).toBeUndefined()
    expect((await runInProcess(['--check'], directory)).code).toBe(1)
    expect((await runInProcess(['--quiet'], directory)).code).toBe(0)
    expect((await fast(['--check'], directory)).code).toBe(0)
  })

  test('never answers differently from the full run (random edits of documents, outputs, configuration and manifest)', async () => {
    const directory = await project()
    const input = path.join(directory, 'input', 'error-codes.md')
    const original = await readFile(input, 'utf8')
    await runInProcess(['--quiet'], directory)
    let answered = 0
    const regenerate = async () => runInProcess(['--quiet'], directory).then(() => {})
    const edits: Array<fc.Arbitrary<(text: string) => Promise<void>>> = [
      fc.constant(regenerate),
      fc.constantFrom('*type missing*', '```401```', 'Resolve').map((needle) => async () => {
        await writeFile(input, (await readFile(input, 'utf8')).replace(needle, needle + 'x'))
      }),
      fc.constant(async () => writeFile(input, original)),
      fc.constantFrom('error-codes.ts', 'error-codes.schema.json', 'error-codes.openapi.yaml', '.errgen-manifest.json').map((name) => async () => {
        const file = path.join(directory, 'output', name)
        await writeFile(file, (await readFile(file, 'utf8').catch(() => '')) + ' ')
      }),
      fc.constantFrom('{"typescript": {"style": "const"}}\n', '{}\n').map((text) => async () => writeFile(path.join(directory, 'errgen.config.json'), text))
    ]
    await fc.assert(
      fc.asyncProperty(fc.array(fc.oneof(...edits), {minLength: 1, maxLength: 4}), async (steps) => {
        for (const step of steps) await step('')
        const answer = (await fast(['--check'], directory)).code
        const full = (await runInProcess(['--check'], directory)).code
        if (answer !== undefined) expect(answer).toBe(full)
        answered += answer === undefined ? 0 : 1
      }),
      {numRuns: 25, examples: [[[regenerate]]]}
    )
    expect(answered).toBeGreaterThan(0)
  })
})
