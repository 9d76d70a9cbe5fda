/** bench/watch: the bench's scratch directory and errgen's build in, the cases of a one-cell edit under `errgen --watch` out — each sample one save of the document in a running `--watch` process, timed from the save to the line saying the outputs were written — on the seed and on 5,000 rows. */
import {type ChildProcess, spawn} from 'node:child_process'
import {copyFile, mkdir, readFile, writeFile} from 'node:fs/promises'
import path from 'node:path'
import {syntheticDocument} from './documents.js'
import type {Sample} from './report.js'

/** What the watch cases need of the bench. */
export interface WatchContext {
  /** The bench's temporary directory. */
  directory: string
  /** errgen's built command line. */
  bin: string
  /** The repository root, whose seed document is edited. */
  root: string
}

/** A case measured in a running process rather than by a process of its own. */
export interface WatchCase {
  id: string
  label: string
  errgen: false
  /** One edit, saved, until the outputs are written. */
  sample: () => Promise<Sample>
}

/** How long one save may take to reach the outputs. */
const patienceMs = 300_000

/** The line `--watch` prints once it wrote the outputs of a run. */
const writtenLine = /^errgen: \d+ codes, .* \d+ of \d+ files written.*\(\d+ ms\)$/m

/** The cases, and a function that stops their processes. */
export async function watchCases({directory, bin, root}: WatchContext): Promise<{cases: Array<WatchCase>, stop: () => void}> {
  const seedDirectory = path.join(directory, 'watch-seed')
  const largeDirectory = path.join(directory, 'watch-5000')
  await mkdir(seedDirectory)
  await mkdir(largeDirectory)
  await copyFile(path.join(root, 'input', 'error-codes.md'), path.join(seedDirectory, 'errors.md'))
  await writeFile(path.join(largeDirectory, 'errors.md'), syntheticDocument(5000))
  const watchers = [new Watcher(seedDirectory, bin), new Watcher(largeDirectory, bin)]
  const [seed, large] = watchers as [Watcher, Watcher]
  return {
    cases: [
      {id: 'watchSeed', label: 'seed (39 rows), --watch, one-cell edit saved → outputs written', errgen: false, sample: () => seed.edit()},
      {id: 'watch5000', label: '5,000 rows, --watch, one-cell edit saved → outputs written', errgen: false, sample: () => large.edit()}
    ],
    stop: () => watchers.forEach((watcher) => watcher.stop())
  }
}

/** A running `errgen --watch` on `errors.md` in a directory, started at its first edit. */
class Watcher {
  #child: ChildProcess | undefined
  #stdout = ''
  #stderr = ''
  #edits = 0
  readonly #directory: string
  readonly #bin: string

  constructor(directory: string, bin: string) {
    this.#directory = directory
    this.#bin = bin
  }

  /** Edit one resolve cell (a different row each time), save, and wait for the outputs; the time from the save. */
  async edit(): Promise<Sample> {
    if (!this.#child) await this.#start()
    const file = path.join(this.#directory, 'errors.md')
    const text = editedRow(await readFile(file, 'utf8'), this.#edits++)
    const from = this.#stdout.length
    const started = process.hrtime.bigint()
    await writeFile(file, text)
    await this.#until(writtenLine, from)
    return {ms: Number(process.hrtime.bigint() - started) / 1e6, rssMb: undefined}
  }

  stop(): void {
    this.#child?.kill('SIGINT')
  }

  async #start(): Promise<void> {
    const child = spawn(process.execPath, [this.#bin, '--watch', '--input', 'errors.md', '--out', 'out'], {cwd: this.#directory, stdio: ['ignore', 'pipe', 'pipe']})
    this.#child = child
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (this.#stdout += chunk))
    // The seed's warnings, printed on each run: kept for the error a failed wait throws, not printed.
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (this.#stderr = (this.#stderr + chunk).slice(-10_000)))
    await this.#until(/^errgen: watching for changes/m, 0)
  }

  /** Wait for a line matching `pattern` printed after `from`. */
  async #until(pattern: RegExp, from: number): Promise<void> {
    const started = Date.now()
    while (!pattern.test(this.#stdout.slice(from))) {
      if (this.#child?.exitCode !== null) throw new Error('errgen --watch exited:\n' + this.#stdout + this.#stderr)
      if (Date.now() - started > patienceMs) throw new Error('errgen --watch wrote no outputs in ' + patienceMs + ' ms:\n' + this.#stdout + this.#stderr)
      await new Promise((resolve) => setTimeout(resolve, 5))
    }
  }
}

/** The document with the resolve text of one row (the `edit`-th from the middle of the table) changed: a sentence added, or the one added before removed. */
function editedRow(text: string, edit: number): string {
  const lines = text.split('\n')
  const rows = lines.flatMap((line, index) => (/^```\d+```\|/.test(line) ? [index] : []))
  const index = rows[(Math.floor(rows.length / 2) + edit) % rows.length] ?? 0
  const line = lines[index] ?? ''
  lines[index] = line.endsWith(' Edited.') ? line.slice(0, -' Edited.'.length) : line + ' Edited.'
  return lines.join('\n')
}
