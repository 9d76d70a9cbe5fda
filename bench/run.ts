/** bench/run: `npm run bench [-- --help] [-- --runs N] [--only consumers | --only cases] [--cases ID,…] [--timeout S] [--skip-warm-up]` from the repository root — times errgen's build (dist/) as a whole process on synthetic documents and the shapes that must cost no more than their size, those whose memory must not depend on their shape, and a one-cell edit under --watch, against a bare Node start (B) and an import of its dependencies (F); prints medians, spread, peak RSS and each target with whether it holds; then checks the outputs of 2,000 and 20,000 codes in their consumers and times tsc on them. */
import {spawn} from 'node:child_process'
import {readFileSync} from 'node:fs'
import {mkdtemp, readFile, rm, writeFile} from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import process from 'node:process'
import {fileURLToPath, pathToFileURL} from 'node:url'
import {parseArgs} from 'node:util'
import {checkConsumers} from './consumers.js'
import {definedDocument, syntheticDocument} from './documents.js'
import {heading, table, targetLines, type CaseLabel, type Sample} from './report.js'
import {memoryCases} from './memory-shapes.js'
import {shapeCases} from './shapes.js'
import {watchCases, type WatchCase} from './watch.js'

/** One case of the bench. */
interface Case extends CaseLabel {
  /** The node arguments of one run (may prepare a directory). */
  args: (scratch: Scratch) => Promise<Array<string>>
  /** Whether it runs errgen (its peak RSS is recorded, its exit code checked). */
  errgen: boolean
  /** The exit code errgen must end with; 0 unless said. */
  exitCode?: number
  /** The directory it runs in; the bench's temporary directory unless said. */
  cwd?: string
}

interface Scratch {
  /** The bench's temporary directory: documents, and outputs under it. */
  directory: string
  /** A new empty output directory. */
  emptyDirectory: () => Promise<string>
}

const root = repositoryRoot()
const bin = path.join(root, 'dist', 'cli', 'bin.js')
const floor = fileURLToPath(new URL('floor.js', import.meta.url))
const peakRss = fileURLToPath(new URL('peak-rss.js', import.meta.url))
const checkLibrary = fileURLToPath(new URL('check-library.js', import.meta.url))
const sizes = [39, 2000, 20000] as const
/** The 20,000-row document with a link reference definition. */
const definedName = 'errors-20000-defined.md'
/** A configuration that turns every target of the registry on. */
const allTargetsConfig = 'all-targets.config.json'
/** A configuration file naming the 39-row document and its own output directory, for the `-c FILE` case. */
const currentConfig = 'current.config.json'

/** What `--help` prints, and an unknown flag after its error. */
const usage = [
  'usage: npm run bench [-- [--runs N] [--tsc-runs N] [--only consumers | --only cases] [--cases ID,…] [--timeout S] [--skip-warm-up]]',
  '',
  '  --runs N          interleaved rounds of each case after the warm-up (default 9)',
  '  --tsc-runs N      runs of tsc on each generated module and its plain counterpart (default 3)',
  '  --only cases      the timed cases only; --only consumers: the consumers\' checks only',
  '  --cases ID,…      these cases only (B and F always run); an unknown id lists every case\'s id',
  '  --timeout S       the longest a run may take, in seconds (default 900)',
  '  --skip-warm-up    no warm-up round',
  ''
].join('\n')

const {values} = parseArgsOrUsage()
if (values.help) {
  process.stdout.write(usage)
  process.exit(0)
}
const runs = Number(values.runs)
const tscRuns = Number(values['tsc-runs'])
/** The longest a run may take; a run killed at it counts as this long (and the table says so). */
const timeoutMs = Number(values.timeout) * 1000
if (values.only !== undefined && values.only !== 'consumers' && values.only !== 'cases') throw new Error('bench: --only takes `consumers` or `cases`, not ' + values.only)
/** The cases to run (`--cases full39,markers1mb`); every case when not given. B and F are always run: the targets are ratios to them. */
const chosen = values.cases === undefined ? undefined : new Set(['B', 'F', ...values.cases.split(',')])

/** The seed document, copied beside the synthetic ones: a real page, with warnings. */
const seedName = 'seed.md'

/**
 * The ways of running errgen on outputs that are current, each answered by the manifest: the flags a run generated
 * with (into an output directory of its own), and the flags added when it is asked again.
 */
const upToDate: ReadonlyArray<{id: string, label: string, generated: ReadonlyArray<string>, asked: ReadonlyArray<string>}> = [
  {id: 'current39', label: '39 rows, outputs up to date', generated: ['--input', documentName(39), '--out', 'current'], asked: ['--quiet']},
  {id: 'check39', label: '39 rows, --check, up to date', generated: ['--input', documentName(39), '--out', 'current'], asked: ['--check']},
  {id: 'github39', label: '39 rows, --check --format github (the CI recipe), up to date', generated: ['--input', documentName(39), '--out', 'current'], asked: ['--check', '--format', 'github']},
  {id: 'json39', label: '39 rows, --check --format json, up to date', generated: ['--input', documentName(39), '--out', 'current'], asked: ['--check', '--format', 'json']},
  {id: 'warned39', label: 'the seed (5 warnings), outputs up to date, warnings printed', generated: ['--input', seedName, '--out', 'current-seed'], asked: []},
  {id: 'stylish39', label: 'the seed (5 warnings), --format stylish, up to date, warnings printed', generated: ['--input', seedName, '--out', 'current-seed'], asked: ['--format', 'stylish']},
  {id: 'config39', label: '39 rows, -c FILE --check, up to date', generated: ['--config', currentConfig], asked: ['--check']},
  {id: 'noConfig39', label: '39 rows, --no-config --check, up to date', generated: ['--no-config', '--input', documentName(39), '--out', 'current-no-config'], asked: ['--check']},
  {id: 'style39', label: '39 rows, --style const --check, up to date', generated: ['--style', 'const', '--input', documentName(39), '--out', 'current-const'], asked: ['--check']},
  {id: 'inputs39', label: 'two documents, -i A -i B --check, up to date', generated: ['-i', documentName(39), '-i', seedName, '--out', 'current-two'], asked: ['--check']},
  {id: 'glob39', label: 'a glob, -i "errors-3*.md" --check, up to date', generated: ['-i', 'errors-3*.md', '--out', 'current-glob'], asked: ['--check']}
]

await main()

/** The working directory, which npm makes the package root; it must be errgen's, as the compiled bench runs from a cache directory. */
function repositoryRoot(): string {
  const cwd = process.cwd()
  if (packageName(cwd) !== 'errgen') throw new Error('bench: run it from the errgen repository with `npm run bench`; ' + cwd + ' is not errgen\'s root')
  return cwd
}

/** The name in a directory's package.json; undefined when it has none. */
function packageName(directory: string): unknown {
  try {
    return (JSON.parse(readFileSync(path.join(directory, 'package.json'), 'utf8')) as {name?: unknown}).name
  } catch {
    return undefined
  }
}

/** The bench's flags; on a flag it does not know, the error and the usage, and exit code 2. */
function parseArgsOrUsage() {
  const options = {runs: {type: 'string', default: '9'}, 'tsc-runs': {type: 'string', default: '3'}, only: {type: 'string'}, cases: {type: 'string'}, timeout: {type: 'string', default: '900'}, 'skip-warm-up': {type: 'boolean', default: false}, help: {type: 'boolean', short: 'h', default: false}} as const
  try {
    return parseArgs({options})
  } catch (error) {
    process.stderr.write('bench: ' + (error as Error).message + '\n' + usage)
    process.exit(2)
  }
}

async function main(): Promise<void> {
  const directory = await mkdtemp(path.join(os.tmpdir(), 'errgen-bench-'))
  try {
    await writeDocuments(directory)
    const scratch = {directory, emptyDirectory: () => mkdtemp(path.join(directory, 'out-'))}
    if (values.only !== 'consumers') {
      await prepareUpToDate(directory)
      const prepare = async (args: ReadonlyArray<string>, cwd: string) => void (await runOnce(args, cwd, false))
      const watching = await watchCases({directory, bin, root})
      const all = [...benchCases(), ...(await shapeCases({directory, bin, peakRss, root, prepare})), ...(await memoryCases(directory, bin, peakRss)), ...watching.cases]
      const cases = all.filter((item) => !chosen || chosen.has(item.id))
      const unknown = [...(chosen ?? [])].filter((id) => !all.some((item) => item.id === id))
      if (unknown.length > 0) throw new Error('bench: no case ' + unknown.join(', ') + '; the cases are ' + all.map((item) => item.id).join(', '))
      process.stdout.write(heading(runs, !values['skip-warm-up']))
      const samples = await measure(cases, scratch).finally(() => watching.stop())
      process.stdout.write(table(cases, samples) + '\n' + targetLines(samples, upToDateCases()) + '\nload average at the end: ' + os.loadavg().map((load) => load.toFixed(2)).join(', ') + '\n\n')
    }
    if (values.only !== 'cases') process.stdout.write(await checkConsumers(await consumerOutputs(directory), root, tscRuns))
  } finally {
    await rm(directory, {recursive: true, force: true})
  }
}

async function writeDocuments(directory: string): Promise<void> {
  for (const rows of sizes) await writeFile(path.join(directory, documentName(rows)), syntheticDocument(rows))
  // Every target of the build's registry (the bench runs dist/, as users do).
  const {targets} = (await import(pathToFileURL(path.join(root, 'dist', 'targets', 'index.js')).href)) as {targets: ReadonlyArray<{key: string}>}
  await writeFile(path.join(directory, allTargetsConfig), JSON.stringify({outputs: Object.fromEntries(targets.map((target) => [target.key, true]))}) + '\n')
  await writeFile(path.join(directory, definedName), definedDocument(20000))
}

/** Generate the documents of 2,000 and 20,000 rows into directories of their own, for the consumers. */
async function consumerOutputs(directory: string): Promise<Array<{rows: number, directory: string, base: string}>> {
  const outputs = []
  for (const rows of [2000, 20000]) {
    const out = 'consumers-' + rows
    await runOnce(['--import', peakRss, bin, '--input', documentName(rows), '--out', out, '--quiet'], directory, true)
    outputs.push({rows, directory: path.join(directory, out), base: 'errors-' + rows})
  }
  return outputs
}

function documentName(rows: number): string {
  return 'errors-' + rows + '.md'
}


/** Generate each up-to-date case's outputs once, and the library's, so that every case below is answered by its manifest. */
async function prepareUpToDate(directory: string): Promise<void> {
  await writeFile(path.join(directory, seedName), await readFile(path.join(root, 'input', 'error-codes.md')))
  await writeFile(path.join(directory, currentConfig), JSON.stringify({input: documentName(39), out: 'current-config'}) + '\n')
  for (const item of upToDate) await runOnce(['--import', peakRss, bin, ...item.generated, '--quiet'], directory, true)
  await runOnce(['--import', peakRss, bin, '--input', documentName(39), '--out', 'current-library', '--quiet'], directory, true)
}

/** The up-to-date cases, and the library's `check()` in a process of its own. */
function upToDateCases(): Array<Case> {
  const library = path.join(root, 'dist', 'index.js')
  return [
    ...upToDate.map((item) => ({id: item.id, label: item.label, errgen: true, args: async () => ['--import', peakRss, bin, ...item.generated, ...item.asked]})),
    {id: 'library39', label: "39 rows, the library's check(), up to date", errgen: true, args: async () => ['--import', peakRss, checkLibrary, library, documentName(39), 'current-library']}
  ]
}

function benchCases(): Array<Case> {
  return [
    {id: 'B', label: 'B: node -e ""', errgen: false, args: async () => ['-e', '']},
    {id: 'F', label: 'F: import the runtime dependencies', errgen: false, args: async () => [floor, root]},
    {id: 'full39', label: '39 rows, full generation', errgen: true, args: generation(39)},
    ...upToDateCases(),
    {
      id: 'configFull39',
      label: '39 rows, -c FILE, full generation',
      errgen: true,
      args: async (scratch) => ['--import', peakRss, bin, '--config', currentConfig, '--out', await scratch.emptyDirectory(), '--quiet']
    },
    {id: 'full2000', label: '2,000 rows, full generation', errgen: true, args: generation(2000)},
    {id: 'full20000', label: '20,000 rows, full generation', errgen: true, args: generation(20000)},
    {
      id: 'all20000',
      label: '20,000 rows, every target on',
      errgen: true,
      args: async (scratch) => ['--import', peakRss, bin, '--input', documentName(20000), '--config', allTargetsConfig, '--out', await scratch.emptyDirectory(), '--quiet']
    },
    {
      id: 'defined20000',
      label: '20,000 rows and a link reference definition',
      errgen: true,
      args: async (scratch) => ['--import', peakRss, bin, '--input', definedName, '--out', await scratch.emptyDirectory(), '--quiet']
    }
  ]
}

/** The arguments of a full generation into a new empty directory. */
function generation(rows: number): (scratch: Scratch) => Promise<Array<string>> {
  return async (scratch) => errgen(rows, await scratch.emptyDirectory())
}

function errgen(rows: number, out: string): Array<string> {
  return ['--import', peakRss, bin, '--input', documentName(rows), '--out', out, '--quiet']
}

/**
 * One warm-up run of every case (unless `--skip-warm-up`; for a `--watch` case, its process's start and first edit), then `runs` rounds that run every case once, interleaved so that the machine's
 * noise falls on all of them alike.
 */
async function measure(cases: ReadonlyArray<Case | WatchCase>, scratch: Scratch): Promise<Map<string, Array<Sample>>> {
  const samples = new Map<string, Array<Sample>>(cases.map((item) => [item.id, []]))
  const once = async (item: Case | WatchCase) => ('sample' in item ? item.sample() : runOnce(await item.args(scratch), item.cwd ?? scratch.directory, item.errgen, item.exitCode))
  if (!values['skip-warm-up']) for (const item of cases) await once(item)
  for (let round = 1; round <= runs; round++) {
    progress('\rround ' + round + ' of ' + runs)
    for (const item of cases) samples.get(item.id)?.push(await once(item))
  }
  progress('\r' + ' '.repeat(20) + '\r')
  return samples
}

/** Show progress on a terminal (not in a captured log). */
function progress(text: string): void {
  if (process.stderr.isTTY) process.stderr.write(text)
}

/**
 * Run `node args` in `cwd`; its wall time and, for errgen, its peak RSS. Fails when it ends with another exit code
 * than `exitCode`; a run past the timeout is killed and counts as the timeout, without its peak RSS.
 */
async function runOnce(args: ReadonlyArray<string>, cwd: string, isErrgen: boolean, exitCode = 0): Promise<Sample> {
  const rssFile = path.join(cwd, 'rss.txt')
  const env = isErrgen ? {...process.env, ERRGEN_BENCH_RSS: rssFile} : process.env
  const started = process.hrtime.bigint()
  const {code, stderr, timedOut} = await spawnNode(args, cwd, env)
  const ms = Number(process.hrtime.bigint() - started) / 1e6
  if (timedOut) return {ms: timeoutMs, rssMb: undefined, timedOut}
  if (code !== exitCode) throw new Error('node ' + args.join(' ') + ' exited with ' + code + ', expected ' + exitCode + ':\n' + stderr)
  const rssMb = isErrgen ? Number(await readFile(rssFile, 'utf8')) / 1024 : undefined
  return {ms, rssMb}
}

function spawnNode(args: ReadonlyArray<string>, cwd: string, env: NodeJS.ProcessEnv): Promise<{code: number | null, stderr: string, timedOut: boolean}> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, {cwd, env, stdio: ['ignore', 'ignore', 'pipe']})
    let stderr = ''
    let timedOut = false
    const timer = setTimeout(() => {
      timedOut = true
      child.kill('SIGKILL')
    }, timeoutMs)
    child.stderr.on('data', (chunk) => {
      stderr += chunk
    })
    child.on('error', reject)
    child.on('close', (code) => {
      clearTimeout(timer)
      resolve({code, stderr, timedOut})
    })
  })
}
