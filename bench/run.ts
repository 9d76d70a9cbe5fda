/** bench/run: `npm run bench [-- --runs N]` — times errgen as a whole process on synthetic documents against a bare Node start (B) and an import of its dependencies (F); prints medians, spread, peak RSS and each target with whether it holds. */
import {spawn} from 'node:child_process'
import {mkdtemp, readFile, rm, writeFile} from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import process from 'node:process'
import {fileURLToPath} from 'node:url'
import {parseArgs} from 'node:util'
import {syntheticDocument} from './documents.js'

/**
 * @typedef Case
 * @property {string} id
 * @property {string} label
 * @property {(scratch: Scratch) => Promise<Array<string>>} args the node arguments of one run (may prepare a directory)
 * @property {boolean} errgen whether it runs errgen (its peak RSS is recorded, its exit code checked)
 */

/**
 * @typedef Scratch
 * @property {string} directory the bench's temporary directory: documents, and outputs under it
 * @property {() => Promise<string>} emptyDirectory a new empty output directory
 */

/**
 * @typedef Sample
 * @property {number} ms wall time, spawn to exit
 * @property {number | undefined} rssMb peak RSS
 */

/**
 * @typedef Target
 * @property {string} label
 * @property {number} value
 * @property {number} limit
 * @property {string} unit how the value is printed: `×F`, `×B`, `MB`, `×`
 */

const root = fileURLToPath(new URL('..', import.meta.url))
const bin = path.join(root, 'generator', 'cli.js')
const floor = path.join(root, 'bench', 'floor.js')
const peakRss = path.join(root, 'bench', 'peak-rss.js')
const sizes = /** @type {const} */ ([39, 2000, 20000])

const {values} = parseArgs({options: {runs: {type: 'string', default: '9'}}})
const runs = Number(values.runs)

await main()

async function main() {
  const directory = await mkdtemp(path.join(os.tmpdir(), 'errgen-bench-'))
  try {
    await writeDocuments(directory)
    const scratch = {directory, emptyDirectory: () => mkdtemp(path.join(directory, 'out-'))}
    await prepareUpToDate(directory)
    const cases = benchCases()
    process.stdout.write(heading())
    const samples = await measure(cases, scratch)
    process.stdout.write(table(cases, samples) + '\n' + targetLines(targets(samples)) + '\n')
  } finally {
    await rm(directory, {recursive: true, force: true})
  }
}

/**
 * @param {string} directory
 */
async function writeDocuments(directory) {
  for (const rows of sizes) await writeFile(path.join(directory, documentName(rows)), syntheticDocument(rows))
}

/**
 * @param {number} rows
 * @returns {string}
 */
function documentName(rows) {
  return 'errors-' + rows + '.md'
}

/**
 * Generate the 39-row document once into `current/`, for the up-to-date cases.
 *
 * @param {string} directory
 */
async function prepareUpToDate(directory) {
  await runOnce(['--import', peakRss, bin, '--input', documentName(39), '--out', 'current'], directory, true)
}

/**
 * @returns {Array<Case>}
 */
function benchCases() {
  return [
    {id: 'B', label: 'B: node -e ""', errgen: false, args: async () => ['-e', '']},
    {id: 'F', label: 'F: import the runtime dependencies', errgen: false, args: async () => [floor]},
    {id: 'full39', label: '39 rows, full generation', errgen: true, args: generation(39)},
    {id: 'current39', label: '39 rows, outputs up to date', errgen: true, args: async () => errgen(39, 'current')},
    {id: 'check39', label: '39 rows, --check, up to date', errgen: true, args: async () => [...errgen(39, 'current'), '--check']},
    {id: 'full2000', label: '2,000 rows, full generation', errgen: true, args: generation(2000)},
    {id: 'full20000', label: '20,000 rows, full generation', errgen: true, args: generation(20000)}
  ]
}

/**
 * The arguments of a full generation into a new empty directory.
 *
 * @param {number} rows
 * @returns {(scratch: Scratch) => Promise<Array<string>>}
 */
function generation(rows) {
  return async (scratch) => errgen(rows, await scratch.emptyDirectory())
}

/**
 * @param {number} rows
 * @param {string} out
 * @returns {Array<string>}
 */
function errgen(rows, out) {
  return ['--import', peakRss, bin, '--input', documentName(rows), '--out', out, '--quiet']
}

/**
 * One warm-up run of every case, then `runs` rounds that run every case once, interleaved so that the machine's
 * noise falls on all of them alike.
 *
 * @param {ReadonlyArray<Case>} cases
 * @param {Scratch} scratch
 * @returns {Promise<Map<string, Array<Sample>>>}
 */
async function measure(cases, scratch) {
  /** @type {Map<string, Array<Sample>>} */
  const samples = new Map(cases.map((item) => [item.id, []]))
  for (const item of cases) await runOnce(await item.args(scratch), scratch.directory, item.errgen)
  for (let round = 1; round <= runs; round++) {
    progress('\rround ' + round + ' of ' + runs)
    for (const item of cases) samples.get(item.id)?.push(await runOnce(await item.args(scratch), scratch.directory, item.errgen))
  }
  progress('\r' + ' '.repeat(20) + '\r')
  return samples
}

/**
 * Show progress on a terminal (not in a captured log).
 *
 * @param {string} text
 */
function progress(text) {
  if (process.stderr.isTTY) process.stderr.write(text)
}

/**
 * Run `node args` in `cwd`; its wall time and, for errgen, its peak RSS. Fails when errgen fails.
 *
 * @param {ReadonlyArray<string>} args
 * @param {string} cwd
 * @param {boolean} isErrgen
 * @returns {Promise<Sample>}
 */
async function runOnce(args, cwd, isErrgen) {
  const rssFile = path.join(cwd, 'rss.txt')
  const env = isErrgen ? {...process.env, ERRGEN_BENCH_RSS: rssFile} : process.env
  const started = process.hrtime.bigint()
  const {code, stderr} = await spawnNode(args, cwd, env)
  const ms = Number(process.hrtime.bigint() - started) / 1e6
  if (code !== 0) throw new Error('node ' + args.join(' ') + ' exited with ' + code + ':\n' + stderr)
  const rssMb = isErrgen ? Number(await readFile(rssFile, 'utf8')) / 1024 : undefined
  return {ms, rssMb}
}

/**
 * @param {ReadonlyArray<string>} args
 * @param {string} cwd
 * @param {NodeJS.ProcessEnv} env
 * @returns {Promise<{code: number | null, stderr: string}>}
 */
function spawnNode(args, cwd, env) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, {cwd, env, stdio: ['ignore', 'ignore', 'pipe']})
    let stderr = ''
    child.stderr.on('data', (chunk) => {
      stderr += chunk
    })
    child.on('error', reject)
    child.on('close', (code) => resolve({code, stderr}))
  })
}

/**
 * @param {ReadonlyArray<number>} values
 * @param {number} fraction 0.5 for the median
 * @returns {number}
 */
function quantile(values, fraction) {
  const sorted = [...values].sort((a, b) => a - b)
  const position = (sorted.length - 1) * fraction
  const below = sorted[Math.floor(position)] ?? Number.NaN
  const above = sorted[Math.ceil(position)] ?? Number.NaN
  return below + (above - below) * (position - Math.floor(position))
}

/**
 * @param {ReadonlyArray<Sample>} samples
 * @returns {number}
 */
function medianMs(samples) {
  return quantile(samples.map((sample) => sample.ms), 0.5)
}

/**
 * @param {Map<string, Array<Sample>>} samples
 * @param {string} id
 * @returns {Array<Sample>}
 */
function samplesOf(samples, id) {
  return samples.get(id) || []
}

/**
 * @returns {string}
 */
function heading() {
  const cpus = os.availableParallelism()
  return (
    'errgen bench: node ' + process.version + ', ' + cpus + ' CPU' + (cpus === 1 ? '' : 's') + ', ' + runs +
    ' interleaved runs of each case after one warm-up; wall time of the whole process\n\n'
  )
}

/**
 * The measurements: median, min–max and interquartile range of the wall time; median peak RSS.
 *
 * @param {ReadonlyArray<Case>} cases
 * @param {Map<string, Array<Sample>>} samples
 * @returns {string}
 */
function table(cases, samples) {
  const header = ['case', 'median ms', 'min–max ms', 'IQR ms', 'peak RSS MB']
  const rows = cases.map((item) => {
    const times = samplesOf(samples, item.id).map((sample) => sample.ms)
    const rss = samplesOf(samples, item.id).flatMap((sample) => (sample.rssMb === undefined ? [] : [sample.rssMb]))
    return [
      item.label,
      round(quantile(times, 0.5)),
      round(Math.min(...times)) + '–' + round(Math.max(...times)),
      round(quantile(times, 0.25)) + '–' + round(quantile(times, 0.75)),
      rss.length > 0 ? round(quantile(rss, 0.5)) + ' (max ' + round(Math.max(...rss)) + ')' : ''
    ]
  })
  return formatTable([header, ...rows])
}

/**
 * The targets, each as a ratio measured in this run.
 *
 * @param {Map<string, Array<Sample>>} samples
 * @returns {Array<Target>}
 */
function targets(samples) {
  const median = (/** @type {string} */ id) => medianMs(samplesOf(samples, id))
  const b = median('B')
  const f = median('F')
  const small = median('full39')
  const perRow = (/** @type {number} */ rows) => (median('full' + rows) - small) / (rows - 39)
  const rss = samplesOf(samples, 'full20000').map((sample) => sample.rssMb || 0)
  return [
    {label: '39 rows, full generation ≤ 1.2 × F', value: small / f, limit: 1.2, unit: '× F'},
    {label: '39 rows, up to date ≤ 2 × B', value: median('current39') / b, limit: 2, unit: '× B'},
    {label: '39 rows, --check up to date ≤ 2 × B', value: median('check39') / b, limit: 2, unit: '× B'},
    {label: '20,000 rows, full generation ≤ 10 × F', value: median('full20000') / f, limit: 10, unit: '× F'},
    {label: '20,000 rows, peak RSS ≤ 600 MB (largest of the runs)', value: Math.max(...rss), limit: 600, unit: 'MB'},
    {
      label: 'linear 2,000 → 20,000 rows: time per row above the 39-row run, 20,000 vs 2,000 ≤ 1.25',
      value: perRow(20000) / perRow(2000),
      limit: 1.25,
      unit: '×'
    }
  ]
}

/**
 * @param {ReadonlyArray<Target>} list
 * @returns {string}
 */
function targetLines(list) {
  const rows = list.map((target) => [
    target.label,
    (target.unit === 'MB' ? round(target.value) : target.value.toFixed(2)) + ' ' + target.unit,
    target.value <= target.limit ? 'holds' : 'DOES NOT HOLD'
  ])
  return formatTable([['target', 'measured', ''], ...rows])
}

/**
 * Columns padded to their widest cell, the first left-aligned, the others right-aligned.
 *
 * @param {ReadonlyArray<ReadonlyArray<string>>} rows
 * @returns {string}
 */
function formatTable(rows) {
  const widths = (rows[0] || []).map((_, column) => Math.max(...rows.map((row) => (row[column] || '').length)))
  const lines = rows.map((row) =>
    row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column] || 0) : cell.padStart(widths[column] || 0))).join('  ')
  )
  return lines.join('\n') + '\n'
}

/**
 * @param {number} value
 * @returns {string}
 */
function round(value) {
  return String(Math.round(value))
}
