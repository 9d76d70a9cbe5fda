/** The up-to-date fast path: it answers only when the full run would say the same, and then loads neither remark nor ts-morph. */
import {execFile} from 'node:child_process'
import {readFile, rm, writeFile} from 'node:fs/promises'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import fc from 'fast-check'
import {describe, expect, test} from 'vitest'
import {check} from '../../generator/check.js'
import {fastPath} from '../../generator/cli/fast-path.js'
import {capture, type Main} from '../runners/capture.js'
import {compileCacheLine} from '../runners/log-imports-hooks.js'
import {runnersOut} from '../setup/build.js'
import {bin, project, root, runInProcess, tempDirectory, type Outcome} from '../support/helpers.js'

const logImports = pathToFileURL(path.join(runnersOut, 'log-imports.js'))

/** Run the bin as a real process (with these variables of its environment changed) and list the modules it loaded. */
async function runLogged(argv: ReadonlyArray<string>, cwd: string, env: Readonly<Record<string, string>> = {}): Promise<Outcome & {modules: Array<string>}> {
  const log = path.join(await tempDirectory(), 'imports.log')
  const result = await new Promise<Outcome>((resolve) => {
    execFile(process.execPath, ['--import', logImports.href, bin, ...argv], {cwd, env: {...process.env, ...env, ERRGEN_IMPORT_LOG: log}}, (error, stdout, stderr) =>
      resolve({code: error ? (error.code as number) : 0, stdout, stderr})
    )
  })
  const modules = (await readFile(log, 'utf8').catch(() => '')).split('\n').filter(Boolean)
  return {...result, modules}
}

/**
 * The build's main (dist/, which the bin runs) in this process, never answered from the manifest: it writes the outputs
 * and the manifest the bin would, for the runs whose loaded modules a test does not ask about.
 */
async function runBuilt(argv: ReadonlyArray<string>, cwd: string): Promise<Outcome> {
  const {main} = (await import(pathToFileURL(path.join(path.dirname(bin), 'main.js')).href)) as {main: Main}
  return capture(main, argv, cwd, false)
}

/**
 * The modules of the full run among those loaded: remark, ts-morph, yaml, and errgen's own parse, tables and emit stages.
 * ts-morph is required (CommonJS), which this log does not see: its loader, `targets/ts-morph`, stands for it.
 */
const heavy = (modules: ReadonlyArray<string>) => modules.filter((url) => /node_modules\/(unified|remark-|micromark|ts-morph|yaml|ajv|vfile)\b|dist\/(parse|tables|emit)\/|dist\/targets\/ts-morph\.js/.test(url))

/** The fast path in this process: its exit code, or undefined when it leaves the run to the full path, and what it printed. */
async function fast(argv: ReadonlyArray<string>, cwd: string): Promise<{code: number | undefined, stdout: string, stderr: string}> {
  let stdout = ''
  let stderr = ''
  const code = await fastPath(argv, {cwd, stdout: (text: string) => (stdout += text), stderr: (text: string) => (stderr += text)})
  return {code, stdout, stderr}
}

/** What a run printed, its duration aside. */
function printed(outcome: {stdout: string, stderr: string}): {stdout: string, stderr: string} {
  const timeless = (text: string) => text.replace(/\(\d+ ms\)/g, '(N ms)')
  return {stdout: timeless(outcome.stdout), stderr: timeless(outcome.stderr)}
}

/** A second document, for runs over several inputs and globs. */
const moreDocument = '# More errors\n\n| Code | HTTP | Message | Resolve |\n| --- | --- | --- | --- |\n| 9001 | 429 | quota exceeded | Wait a minute |\n'

/** The options a run may be given besides --check and --format: each changes what the manifest must prove. */
const optionSets: ReadonlyArray<ReadonlyArray<string>> = [
  [],
  ['-c', 'errgen.config.json'],
  ['--config', 'other.config.json'],
  ['--no-config'],
  ['--style', 'const'],
  ['-i', 'input/error-codes.md', '-i', 'input/more.md'],
  ['-i', 'input/*.md', '--out', 'all'],
  ['--quiet']
]

describe('the fast path', () => {
  test('answers an up-to-date run and --check from the manifest, without loading remark or ts-morph', async () => {
    const directory = await project()
    const first = await runLogged([], directory, {CI: ''})
    expect(first.code).toBe(0)
    expect(heavy(first.modules).length).toBeGreaterThan(0)
    expect(first.modules.some((url) => url.endsWith('/dist/targets/ts-morph.js'))).toBe(true)
    // Node's compile cache is enabled before any of errgen's modules is resolved but the bin and its test of CI: they are all cached.
    const enabledAt = first.modules.indexOf(compileCacheLine)
    expect(enabledAt).toBeGreaterThan(0)
    expect(first.modules.slice(0, enabledAt).filter((url) => url.includes('/dist/') && !/\/dist\/(cli\/bin|diagnostics\/progress)\.js$/.test(url))).toEqual([])

    const again = await runLogged([], directory)
    expect(again.stdout).toMatch(/^errgen: 39 codes, output\/ up to date \(\d+ ms\)\n$/)
    expect(heavy(again.modules)).toEqual([])

    // In CI, where the cache rarely outlives the job, the command does not enable it.
    const check = await runLogged(['--check'], directory, {CI: 'true'})
    expect([check.code, check.stdout, check.stderr]).toEqual([0, '', ''])
    expect(heavy(check.modules)).toEqual([])
    expect(check.modules).not.toContain(compileCacheLine)
    expect(check.modules.some((url) => url.endsWith('/dist/cli/fast-path.js'))).toBe(true)

    const warned = await runLogged(['--format', 'github'], directory)
    expect(warned.stdout).toMatch(/^(::warning file=input\/error-codes\.md,line=\d+,.*\n){5}errgen: 39 codes, output\/ up to date \(\d+ ms\)\n$/)
    expect(heavy(warned.modules)).toEqual([])

    // The CI recipe, a named configuration, and the formats: the same manifest answers them all.
    await writeFile(path.join(directory, 'ci.config.json'), '{"input": "input/error-codes.md"}\n')
    for (const argv of [['--check', '--format', 'github'], ['--check', '--format', 'json'], ['--check', '--format', 'stylish'], ['--check', '--no-config'], ['--check', '-c', 'ci.config.json', '--format', 'github']]) {
      if (argv.includes('ci.config.json')) expect((await runBuilt(['-c', 'ci.config.json', '--quiet'], directory)).code).toBe(0)
      const answered = await runLogged(argv, directory)
      expect([answered.code, answered.stdout, answered.stderr], argv.join(' ')).toEqual([0, argv.includes('json') ? '[]\n' : '', ''])
      expect(heavy(answered.modules), argv.join(' ')).toEqual([])
    }
  })

  test("the committed output/ is answered by its manifest with the build in dist/: a fresh clone's `npm run generate` is fast and rewrites nothing", async () => {
    // The manifest's fingerprint covers errgen's code; the build removes files of deleted sources, which a developer's dist/ would otherwise hash.
    const committed = await readFile(path.join(root, 'output', '.errgen-manifest.json'), 'utf8')
    const checked = await runLogged(['--check'], root)
    expect([checked.code, checked.stdout, checked.stderr]).toEqual([0, '', ''])
    expect(heavy(checked.modules)).toEqual([])
    expect(await readFile(path.join(root, 'output', '.errgen-manifest.json'), 'utf8')).toBe(committed)
    // The build left no file of a deleted source, and wrote the hash of the code it built, which the fast path reads instead of hashing the code.
    const {staleFiles} = (await import(pathToFileURL(path.join(root, 'dist', 'build', 'finish-io.js')).href)) as {staleFiles: () => Array<string>}
    const {codeHash} = (await import(pathToFileURL(path.join(root, 'dist', 'write', 'manifest-io.js')).href)) as {codeHash: (directory: string) => string}
    expect(staleFiles()).toEqual([])
    expect(await readFile(path.join(root, 'dist', 'code-hash.txt'), 'utf8')).toBe(codeHash(path.join(root, 'dist')) + '\n')
  })

  test('the run itself answers from the manifest: main(), as a library caller runs it, loads no parser, ts-morph, yaml or Ajv', async () => {
    const directory = await project()
    expect((await runBuilt(['--quiet'], directory)).code).toBe(0)
    const script = path.join(directory, 'run-main.mjs')
    const main = pathToFileURL(path.join(path.dirname(bin), 'main.js')).href
    await writeFile(script, [
      'const {main} = await import(' + JSON.stringify(main) + ')',
      "let printed = ''",
      "const code = await main(['--check', '--format', 'github'], {cwd: process.cwd(), stdout: (text) => (printed += text), stderr: (text) => (printed += text)})",
      'process.stdout.write(code + ":" + printed)',
      ''
    ].join('\n'))
    const log = path.join(await tempDirectory(), 'imports.log')
    const stdout = await new Promise<string>((resolve) => {
      execFile(process.execPath, ['--import', logImports.href, script], {cwd: directory, env: {...process.env, ERRGEN_IMPORT_LOG: log}}, (_, out) => resolve(out))
    })
    expect(stdout).toBe('0:')
    const modules = (await readFile(log, 'utf8')).split('\n').filter(Boolean)
    expect(modules.filter((url) => /node_modules\/(unified|remark-|micromark|ts-morph|yaml|ajv)\b|dist\/targets\/ts-morph\.js/.test(url))).toEqual([])
  })

  test("--check --format json, the library's check(), is answered too: the empty list of errors, as the full run prints it", async () => {
    const directory = await project()
    await runInProcess([], directory)
    expect(await fast(['--check', '--format', 'json'], directory)).toEqual({code: 0, stdout: '[]\n', stderr: ''})
    const full = await runInProcess(['--check', '--format', 'json'], directory)
    expect(full).toEqual({code: 0, stdout: '[]\n', stderr: ''})
    expect(await check({cwd: directory})).toEqual({ok: true, current: true, stale: [], diagnostics: []})
    // The warnings of the run that wrote the outputs, as the full run prints them.
    expect(await fast(['--format', 'json'], directory)).toEqual(await runInProcess(['--format', 'json'], directory))
  })

  test('a hand-edited output is still detected: the full run decides', async () => {
    const directory = await project()
    // Written by the build the bin runs, so that its manifest would answer but for the edit.
    expect((await runBuilt([], directory)).code).toBe(0)
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

    for (const argv of [['--style', 'const'], ['--out', 'elsewhere'], ['--format', 'markdown'], ['--against', 'HEAD'], ['--watch'], ['--print-config'], ['--pin-names'], ['--allow-breaking'], ['--force'], ['--help']]) {
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
        // The full run is the reference of an answer (and --check writes nothing): run when the fast path answers.
        if (answer === undefined) return
        expect(answer).toBe((await runInProcess(['--check'], directory)).code)
        answered++
      }),
      {numRuns: 25, examples: [[[regenerate]]]}
    )
    expect(answered).toBeGreaterThan(0)
  })

  test('never answers differently from the full run, in every format and with every option (random edits and runs)', async () => {
    const directory = await project()
    const input = path.join(directory, 'input', 'error-codes.md')
    await writeFile(path.join(directory, 'input', 'more.md'), moreDocument)
    await writeFile(path.join(directory, 'other.config.json'), '{"out": "other", "typescript": {"style": "const"}}\n')
    const original = await readFile(input, 'utf8')
    const options = fc.constantFrom(...optionSets)
    const format = fc.constantFrom('text', 'stylish', 'json', 'github')
    let answered = 0
    const edits: Array<fc.Arbitrary<() => Promise<unknown>>> = [
      options.map((given) => () => runInProcess([...given, '--quiet'], directory)),
      fc.constantFrom('*type missing*', 'Resolve').map((needle) => async () => writeFile(input, (await readFile(input, 'utf8')).replace(needle, needle + 'x'))),
      fc.constant(() => writeFile(input, original)),
      fc.constant(() => writeFile(path.join(directory, 'input', 'more.md'), moreDocument.replace('9001', '9002'))),
      fc.constantFrom('{"typescript": {"style": "const"}}\n', '{}\n', '{"out": "other"}\n').map((text) => () => writeFile(path.join(directory, 'errgen.config.json'), text)),
      fc.constant(() => rm(path.join(directory, 'errgen.config.json'), {force: true})),
      fc.constantFrom('error-codes.ts', '.errgen-manifest.json').map((name) => async () => {
        const file = path.join(directory, 'output', name)
        await writeFile(file, (await readFile(file, 'utf8').catch(() => '')) + ' ')
      })
    ]
    // `fresh`: the outputs were just generated with the options asked with (a reworded message accepted), so the manifest can answer; after the edits alone it mostly cannot.
    const run = fc.record({given: options, format, check: fc.boolean(), fresh: fc.boolean()})
    await fc.assert(
      fc.asyncProperty(fc.array(fc.oneof(...edits), {minLength: 1, maxLength: 3}), run, async (steps, {given, format, check, fresh}) => {
        for (const step of steps) await step()
        if (fresh) await runInProcess([...given, '--quiet', '--allow-breaking'], directory)
        const argv = [...given, '--format', format, ...(check ? ['--check'] : [])]
        const answer = await fast(argv, directory)
        // The full run is the reference of an answer: a --check writes nothing, so it runs only when the fast path answers
        // (a run that writes runs either way, as the next steps start from what it wrote).
        if (answer.code === undefined && check) return
        const full = await runInProcess(argv, directory)
        if (answer.code !== undefined) expect({code: answer.code, ...printed(answer)}, argv.join(' ')).toEqual({code: full.code, ...printed(full)})
        answered += answer.code === undefined ? 0 : 1
      }),
      {numRuns: 40, examples: [[[async () => runInProcess([], directory)], {given: [], format: 'github', check: true, fresh: false}], [[async () => runInProcess(['-i', 'input/*.md', '--out', 'all'], directory)], {given: ['-i', 'input/*.md', '--out', 'all'], format: 'stylish', check: false, fresh: false}]]}
    )
    expect(answered).toBeGreaterThan(5)
  }, 600_000)
})
