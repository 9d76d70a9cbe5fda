/** `--watch` through the built bin with real file saves: a bad configuration, a renamed document, a removed input folder or output directory, a glob whose folder does not exist yet; each is one located error, the last good outputs are kept, the process stays alive and the next good save recovers. */
import {type ChildProcess, spawn} from 'node:child_process'
import {cp, mkdir, readFile, rename, rm, writeFile} from 'node:fs/promises'
import path from 'node:path'
import {expect, test} from 'vitest'
import {bin, project, seed, tempDirectory} from '../support/helpers.js'

/** How long a condition on the watcher's output may take on a loaded machine. */
const patience = 45_000

/**
 * Each test's own time, and its retries: file-system events reach a watcher through the kernel and a loaded machine,
 * and one lost in a run of the whole suite (seen twice in several runs, never alone) fails a test that otherwise
 * passes in two seconds; a retry starts a new project and a new watcher, and every attempt asserts everything.
 */
const patient = {timeout: 4 * patience, retry: 2}

/** A running `errgen --watch`: what it printed so far, and a wait for more. */
interface Watcher {
  readonly child: ChildProcess
  /** Wait for a line of stdout matching `pattern` after the last one waited for (and, when given, a line of stderr matching `errors` after the last one). */
  until(pattern: RegExp, errors?: RegExp): Promise<void>
  stdout(): string
  stderr(): string
  stop(): Promise<number | null>
}

function startWatch(args: ReadonlyArray<string>, cwd: string): Watcher {
  const child = spawn(process.execPath, [bin, '--watch', ...args], {cwd})
  let out = ''
  let err = ''
  let read = {out: 0, err: 0}
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk))
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (err += chunk))
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
  return {
    child,
    stdout: () => out,
    stderr: () => err,
    async until(pattern, errors) {
      const started = Date.now()
      for (;;) {
        const line = nextMatch(out, read.out, pattern)
        const errorLine = errors ? nextMatch(err, read.err, errors) : 0
        if (line !== undefined && errorLine !== undefined) {
          read = {out: line, err: errors ? errorLine : read.err}
          return
        }
        if (child.exitCode !== null) throw new Error('errgen --watch exited with ' + child.exitCode + ':\n' + out + err)
        if (Date.now() - started > patience) throw new Error('waited in vain for ' + pattern + ' ' + (errors ?? '') + ':\n' + out + err)
        await new Promise((resolve) => setTimeout(resolve, 50))
      }
    },
    async stop() {
      child.kill('SIGINT')
      return exited
    }
  }
}

/** The end of the first line of `text` from `offset` that matches `pattern`; undefined when none does yet. */
function nextMatch(text: string, offset: number, pattern: RegExp): number | undefined {
  const lines = text.slice(offset).split('\n')
  let end = offset
  for (const line of lines.slice(0, -1)) {
    end += line.length + 1
    if (pattern.test(line)) return end
  }
  return undefined
}

const written = /^errgen: 39 codes, output\/ \d of 3 files written.*\(\d+ ms\)$/
const configErrors = /^errgen: configuration errors, kept the last good outputs \(\d+ ms\)$/
const fileErrors = /^errgen: a file cannot be read or written, kept the last good outputs \(\d+ ms\)$/

test('a bad key, a trailing comma and a bad value in the configuration are located errors; the last good outputs and documents are kept', patient, async () => {
  const directory = await tempDirectory()
  await mkdir(path.join(directory, 'docs'))
  await cp(seed, path.join(directory, 'docs', 'errors.md'))
  const config = path.join(directory, 'errgen.config.json')
  await writeFile(config, '{"input": "docs/errors.md"}\n')
  const output = path.join(directory, 'output', 'errors.ts')
  const watcher = startWatch([], directory)
  try {
    await watcher.until(/^errgen: watching for changes/)
    const good = await readFile(output, 'utf8')

    await writeFile(config, '{"input": "docs/errors.md", "nope": 1}\n')
    await watcher.until(configErrors, /errgen\.config\.json:1:29-1:35 {2}error {2}Unexpected key `nope` in the configuration, expected one of .* {2}config-schema/)
    await writeFile(config, '{"input": "docs/errors.md",}\n')
    await watcher.until(configErrors, /errgen\.config\.json:1:28 {2}error {2}Unexpected JSON syntax: .* {2}config-syntax/)
    await writeFile(config, '{"input": "docs/errors.md", "typescript": {"style": "class"}}\n')
    await watcher.until(configErrors, /Unexpected "class" for `typescript.style`, expected one of "enum", "const" {2}config-schema/)
    expect(await readFile(output, 'utf8')).toBe(good)

    // The documents of the last good configuration are still watched.
    const document = path.join(directory, 'docs', 'errors.md')
    await writeFile(document, (await readFile(document, 'utf8')).replace('You need to include a type parameter.', 'Send a type parameter.'))
    await watcher.until(configErrors)

    await writeFile(config, '{"input": "docs/errors.md", "typescript": {"style": "const"}}\n')
    await watcher.until(/^errgen: 39 codes, output\/ \d of 3 files written/)
    const fixed = await readFile(output, 'utf8')
    expect(fixed).toContain('Send a type parameter.')
    expect(fixed).toContain('export const ErrorCode = Object.freeze({')
    expect(watcher.child.exitCode).toBe(null)
  } finally {
    expect(await watcher.stop()).toBe(0)
  }
  expect(watcher.stderr()).not.toMatch(/\n\s+at /)
})

test('a renamed document, a removed input folder and a removed output directory: one line each, and the next good save recovers', patient, async () => {
  const directory = await project()
  const input = path.join(directory, 'input')
  const watcher = startWatch([], directory)
  try {
    await watcher.until(/^errgen: watching for changes/)
    const good = await readFile(path.join(directory, 'output', 'error-codes.ts'), 'utf8')

    await rename(path.join(input, 'error-codes.md'), path.join(input, 'errors.md'))
    await watcher.until(fileErrors, /^errgen: cannot read input\/error-codes\.md: no such file or directory$/)
    expect(await readFile(path.join(directory, 'output', 'error-codes.ts'), 'utf8')).toBe(good)
    await writeFile(path.join(directory, 'errgen.config.json'), '{"input": "input/errors.md"}\n')
    await watcher.until(/^errgen: 39 codes, output\/ 3 of 3 files written, 3 no longer generated removed \(\d+ ms\)$/)
    expect(await readFile(path.join(directory, 'output', 'errors.ts'), 'utf8')).toBe(good.replaceAll('error-codes.md', 'errors.md'))

    await rm(input, {recursive: true})
    await watcher.until(fileErrors, /^errgen: cannot read input\/errors\.md: no such file or directory$/)
    await mkdir(input)
    await cp(seed, path.join(input, 'errors.md'))
    await watcher.until(/^errgen: 39 codes, output\/ up to date \(\d+ ms\)$/)

    await rm(path.join(directory, 'output'), {recursive: true})
    const edited = (await readFile(seed, 'utf8')).replace('You need to include a type parameter.', 'Send a type parameter.')
    await writeFile(path.join(input, 'errors.md'), edited)
    await watcher.until(written)
    expect(await readFile(path.join(directory, 'output', 'errors.ts'), 'utf8')).toContain('Send a type parameter.')
    expect(watcher.child.exitCode).toBe(null)
  } finally {
    expect(await watcher.stop()).toBe(0)
  }
})

test('a glob whose folder does not exist yet is one line; the folder made later is watched', patient, async () => {
  const directory = await tempDirectory()
  const watcher = startWatch(['-i', 'nodir/*.md'], directory)
  try {
    await watcher.until(/^errgen: watching for changes/, /^errgen: no document matches `nodir\/\*\.md`$/)
    expect(watcher.stdout()).toMatch(/^errgen: a file cannot be read or written, kept the last good outputs \(\d+ ms\)\nerrgen: watching for changes/)
    await mkdir(path.join(directory, 'nodir'))
    await cp(seed, path.join(directory, 'nodir', 'errors.md'))
    await watcher.until(/^errgen: 39 codes, output\/ 3 of 3 files written \(\d+ ms\)$/)
    expect(await readFile(path.join(directory, 'output', 'errors.ts'), 'utf8')).toContain('TypeMissing = 1001')
  } finally {
    expect(await watcher.stop()).toBe(0)
  }
})
