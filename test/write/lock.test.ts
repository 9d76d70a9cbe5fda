/** The output directory's lock: runs started at once into one output directory never mix their files; a run waits a bounded time for another's lock and then says so; a killed run's lock goes stale; --check never locks; a run killed mid-write leaves no temporary file. */
import {spawn} from 'node:child_process'
import {mkdir, readdir, readFile, utimes, writeFile} from 'node:fs/promises'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import {Worker} from 'node:worker_threads'
import {parse} from 'yaml'
import {describe, expect, test} from 'vitest'
import {contentHash} from '../../generator/write/manifest-io.js'
import {lockName, lockOutputDirectory} from '../../generator/write/lock-io.js'
import {runnersOut} from '../setup/build.js'
import {project, root, runInProcess, tempDirectory, type Outcome} from '../support/helpers.js'

/** A project whose one document has three codes of its own (`k01`–`k03`). */
async function projectWithCodes(k: number): Promise<string> {
  const directory = await tempDirectory()
  await mkdir(path.join(directory, 'input'))
  const rows = [1, 2, 3].map((n) => '400 | ' + (k * 100 + n) + ' | *error ' + k + ' ' + n + '* | Fix ' + n + '.\n').join('')
  await writeFile(path.join(directory, 'input', 'error-codes.md'), 'HTTP | Code | Message | Resolve\n--- | --- | --- | ---\n' + rows)
  return directory
}

/** Run errgen in a worker thread; its outcome. */
function runIn(worker: Worker, argv: ReadonlyArray<string>, cwd: string): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    worker.once('message', (outcome: Outcome | {thrown: string}) => ('thrown' in outcome ? reject(new Error(outcome.thrown)) : resolve(outcome)))
    worker.postMessage({argv, cwd})
  })
}

/** The codes each output of a directory holds, and whether the manifest lists exactly those outputs' bytes. */
async function outputSet(out: string): Promise<{codes: Array<string>, manifestMatches: boolean, names: Array<string>}> {
  const names = (await readdir(out)).sort()
  const typescript = await readFile(path.join(out, 'error-codes.ts'), 'utf8')
  const schema = JSON.parse(await readFile(path.join(out, 'error-codes.schema.json'), 'utf8'))
  const openapi = parse(await readFile(path.join(out, 'error-codes.openapi.yaml'), 'utf8'))
  const errorCodes = /export enum ErrorCode \{([^}]*)\}/.exec(typescript)?.[1] ?? ''
  const fromTypeScript = [...errorCodes.matchAll(/ = (\d+)/g)].map((match) => match[1]).join(',')
  const codes = [fromTypeScript, schema.$defs.ErrorCode.enum.join(','), openapi.components.schemas.ErrorCode.enum.join(',')]
  const manifest = JSON.parse(await readFile(path.join(out, '.errgen-manifest.json'), 'utf8')) as {outputs: Record<string, string>}
  const hashes = await Promise.all(Object.keys(manifest.outputs).map(async (name) => contentHash(await readFile(path.join(out, name))) === manifest.outputs[name]))
  return {codes, manifestMatches: hashes.every(Boolean), names}
}

describe('runs into one output directory', () => {
  test('30 trials of 4 runs with different documents started at once leave one run\'s complete set every time', async () => {
    // Each run in a thread of its own (the build's main), so that their writes really overlap, as processes' would.
    const projects = await Promise.all([1, 2, 3, 4].map((k) => projectWithCodes(k)))
    const workers = projects.map(() => new Worker(path.join(runnersOut, 'mutation-worker.js'), {workerData: {main: pathToFileURL(path.join(root, 'dist/cli/main.js')).href}}))
    try {
      for (let trial = 0; trial < 30; trial++) {
        const out = path.join(await tempDirectory(), 'output')
        const runs = await Promise.all(workers.map((worker, index) => runIn(worker, ['--quiet', '--allow-breaking', '--out', out, '--allow-outside'], projects[index] as string)))
        expect(runs.map((run) => run.code), runs.map((run) => run.stderr).join('')).toEqual([0, 0, 0, 0])
        const {codes, manifestMatches, names} = await outputSet(out)
        expect(names).toEqual(['.errgen-manifest.json', 'error-codes.openapi.yaml', 'error-codes.schema.json', 'error-codes.ts'])
        expect(new Set(codes).size, 'trial ' + trial + ': ' + codes.join(' | ')).toBe(1)
        expect(manifestMatches, 'trial ' + trial).toBe(true)
      }
    } finally {
      await Promise.all(workers.map((worker) => worker.terminate()))
    }
  })

  test('a run waits for the lock another holds, and writes once it is released', async () => {
    const directory = await project()
    const out = path.join(directory, 'output')
    const release = await lockOutputDirectory(out, 'output')
    const run = runInProcess(['--quiet'], directory)
    await new Promise((resolve) => setTimeout(resolve, 600))
    expect(await readdir(out)).toEqual([lockName])
    await release()
    expect((await run).code).toBe(0)
    expect(await readdir(out)).toContain('error-codes.ts')
  })

  test('a lock held past the wait is a clear one-line refusal; --check never takes the lock', async () => {
    const directory = await project()
    const out = path.join(directory, 'output')
    expect((await runInProcess(['--quiet'], directory)).code).toBe(0)
    const release = await lockOutputDirectory(out, 'output')
    try {
      await expect(lockOutputDirectory(out, 'output', {retries: 2, delay: 100})).rejects.toThrow(
        'cannot write to output: another errgen run is writing there (it holds output/' + lockName + ') and did not finish within 0.2 s; run errgen again when it has'
      )
      expect(await runInProcess(['--check'], directory)).toEqual({code: 0, stdout: '', stderr: ''})
    } finally {
      await release()
    }
  })

  test('a lock that cannot be made is refused at once, not waited for: only another run\'s lock is', async () => {
    // An output directory whose lock's path is longer than a path may be (whoever runs the test): mkdir fails at once.
    const directory = await tempDirectory()
    let out = directory
    while (out.length < 4090) out = path.join(out, 'd'.repeat(Math.max(1, Math.min(200, 4090 - out.length - 1))))
    expect(out.length).toBeLessThan(4096)
    expect((out + '/' + lockName).length).toBeGreaterThan(4095)
    // Were the failure waited out, the one try again would come an hour later, long past the test's time.
    await expect(lockOutputDirectory(out, 'output', {retries: 1, delay: 3_600_000})).rejects.toThrow(/^cannot write to output: ENAMETOOLONG/)
  })

  test('the lock of a run that was killed goes stale, and the next run takes it', async () => {
    const directory = await project()
    const out = path.join(directory, 'output')
    await mkdir(path.join(out, lockName), {recursive: true})
    const past = new Date(Date.now() - 60_000)
    await utimes(path.join(out, lockName), past, past)
    expect((await runInProcess(['--quiet'], directory)).code).toBe(0)
    expect(await readdir(out)).not.toContain(lockName)
  })
})

describe('a write killed midway', () => {
  test.each(['SIGTERM', 'SIGINT'] as const)('by %s leaves no temporary file beside the files it writes', async (signal) => {
    const directory = await tempDirectory()
    await writeFile(path.join(directory, 'doc.md'), 'before\n')
    const module = pathToFileURL(path.join(root, 'dist', 'write', 'output-io.js')).href
    const script =
      'const {writeAtomically} = await import(' + JSON.stringify(module) + ');' +
      'await writeAtomically(' + JSON.stringify(directory) + ', [{name: "doc.md", text: "x".repeat(256 * 1024 * 1024)}], "docs");'
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], {stdio: 'ignore'})
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_, how) => resolve(how)))
    // Wait for the temporary file to appear: a bound in time, not in tries, as a loaded machine starts Node slowly.
    const giveUp = Date.now() + 45_000
    while (Date.now() < giveUp && !(await readdir(directory)).some((name) => name.endsWith('.tmp'))) {
      await new Promise((resolve) => setTimeout(resolve, 10))
    }
    expect((await readdir(directory)).some((name) => name.endsWith('.tmp')), 'the temporary file was being written').toBe(true)
    child.kill(signal)
    expect(await exited).toBe(signal)
    expect(await readdir(directory)).toEqual(['doc.md'])
    expect(await readFile(path.join(directory, 'doc.md'), 'utf8')).toBe('before\n')
  }, 90_000)
})
