/** bench/report: the samples of every case in, the bench's printed text out — the heading, the table of medians, spread and peak RSS, and each target with whether it holds. */
import os from 'node:os'
import process from 'node:process'
import {memoryTargets} from './memory-shapes.js'

/** One case of the bench, as the report names it. */
export interface CaseLabel {
  id: string
  label: string
}

/** One run of a case. */
export interface Sample {
  /** Wall time, spawn to exit. */
  ms: number
  /** Peak RSS. */
  rssMb: number | undefined
  /** Killed at the bench's timeout: `ms` is the timeout. */
  timedOut?: boolean
}

/** One of the bench's targets, measured. */
interface Target {
  label: string
  value: number
  limit: number
  /** How the value is printed: `×F`, `×B`, `MB`, `×`. */
  unit: string
  /** The cases it is measured on: it is left out when one of them was not run (`--cases`). */
  cases: ReadonlyArray<string>
}

/** @param fraction 0.5 for the median */
function quantile(values: ReadonlyArray<number>, fraction: number): number {
  const sorted = [...values].sort((a, b) => a - b)
  const position = (sorted.length - 1) * fraction
  const below = sorted[Math.floor(position)] ?? Number.NaN
  const above = sorted[Math.ceil(position)] ?? Number.NaN
  return below + (above - below) * (position - Math.floor(position))
}

function medianMs(samples: ReadonlyArray<Sample>): number {
  return quantile(samples.map((sample) => sample.ms), 0.5)
}

function samplesOf(samples: Map<string, Array<Sample>>, id: string): Array<Sample> {
  return samples.get(id) || []
}

/** The first lines: Node's version, the CPUs and how the cases are run. */
export function heading(runs: number, warmUp: boolean): string {
  const cpus = os.availableParallelism()
  return (
    'errgen bench: node ' + process.version + ', ' + cpus + ' CPU' + (cpus === 1 ? '' : 's') + ', ' + runs +
    ' interleaved runs of each case' + (warmUp ? ' after one warm-up' : ', no warm-up') + '; wall time of the whole process; load average ' +
    os.loadavg().map((load) => load.toFixed(2)).join(', ') + '\n\n'
  )
}

/** The measurements: median, min–max and interquartile range of the wall time; median peak RSS. */
export function table(cases: ReadonlyArray<CaseLabel>, samples: Map<string, Array<Sample>>): string {
  const header = ['case', 'median ms', 'min–max ms', 'IQR ms', 'peak RSS MB']
  const rows = cases.map((item) => {
    const times = samplesOf(samples, item.id).map((sample) => sample.ms)
    const rss = samplesOf(samples, item.id).flatMap((sample) => (sample.rssMb === undefined ? [] : [sample.rssMb]))
    const killed = samplesOf(samples, item.id).filter((sample) => sample.timedOut).length
    return [
      item.label + (killed > 0 ? ' (' + killed + ' killed at the timeout)' : ''),
      (killed > 0 ? '≥ ' : '') + round(quantile(times, 0.5)),
      round(Math.min(...times)) + '–' + round(Math.max(...times)),
      round(quantile(times, 0.25)) + '–' + round(quantile(times, 0.75)),
      rss.length > 0 ? round(quantile(rss, 0.5)) + ' (max ' + round(Math.max(...rss)) + ')' : ''
    ]
  })
  return formatTable([header, ...rows])
}

/** The bench's targets, each as a ratio measured in this run. */
function targets(samples: Map<string, Array<Sample>>, upToDate: ReadonlyArray<CaseLabel>): Array<Target> {
  const median = (id: string) => medianMs(samplesOf(samples, id))
  const b = median('B')
  const f = median('F')
  const small = median('full39')
  const perRow = (rows: number) => (median('full' + rows) - small) / (rows - 39)
  const rss = samplesOf(samples, 'full20000').map((sample) => sample.rssMb || 0)
  const medianRss = (id: string) => quantile(samplesOf(samples, id).map((sample) => sample.rssMb || 0), 0.5)
  return [
    {label: '39 rows, full generation ≤ 1.2 × F', value: small / f, limit: 1.2, unit: '× F', cases: ['full39']},
    ...upToDate.map((item) => ({label: item.label + ' ≤ 2 × B', value: median(item.id) / b, limit: 2, unit: '× B', cases: [item.id]})),
    {label: '20,000 rows, full generation ≤ 6 × F', value: median('full20000') / f, limit: 6, unit: '× F', cases: ['full20000']},
    {label: '20,000 rows, peak RSS ≤ 600 MB (largest of the runs)', value: Math.max(...rss), limit: 600, unit: 'MB', cases: ['full20000']},
    {
      label: '20,000 rows and a link reference definition, peak RSS ≤ 1.25 × without it (medians)',
      value: medianRss('defined20000') / medianRss('full20000'),
      limit: 1.25,
      unit: '×',
      cases: ['defined20000', 'full20000']
    },
    {
      label: 'linear 2,000 → 20,000 rows: time per row above the 39-row run, 20,000 vs 2,000 ≤ 1.25',
      value: perRow(20000) / perRow(2000),
      limit: 1.25,
      unit: '×',
      cases: ['full39', 'full2000', 'full20000']
    },
    ...shapeTargets(median),
    ...memoryTargets((id) => samplesOf(samples, id).map((sample) => sample.rssMb || 0))
  ]
}

/** The shapes that must cost no more than their size, each against the plain document of its size (or F). */
function shapeTargets(median: (id: string) => number): Array<Target> {
  const versus = (id: string, plain: string) => median(id) / median(plain)
  return [
    {
      label: '2,000 rows, --check with every resolve text edited ≤ 3 × a full generation',
      value: versus('checkEdited2000', 'full2000'),
      limit: 3,
      unit: '×',
      cases: ['checkEdited2000', 'full2000']
    },
    {
      label: '20,000 rows, --against an output directory ≤ 3 × a full generation',
      value: versus('against20000', 'full20000'),
      limit: 3,
      unit: '×',
      cases: ['against20000', 'full20000']
    },
    {
      label: '20,000 rows, 5,000 link reference definitions ≤ 1.25 × without them',
      value: versus('definitions20000', 'full20000'),
      limit: 1.25,
      unit: '×',
      cases: ['definitions20000', 'full20000']
    },
    {
      label: '20,000 rows, body.params on without parameters ≤ 1.25 × a full generation',
      value: versus('params20000', 'full20000'),
      limit: 1.25,
      unit: '×',
      cases: ['params20000', 'full20000']
    },
    {label: '1 MB of paragraphs just under the marker limit ≤ 10 × F', value: versus('markers1mb', 'F'), limit: 10, unit: '× F', cases: ['markers1mb']},
    {
      label: '5,000 rows, --watch, one-cell edit saved → outputs written ≤ 3 × the seed\'s',
      value: versus('watch5000', 'watchSeed'),
      limit: 3,
      unit: '×',
      cases: ['watch5000', 'watchSeed']
    }
  ]
}

/** The targets measured from the samples, each with whether it holds. */
export function targetLines(samples: Map<string, Array<Sample>>, upToDate: ReadonlyArray<CaseLabel>): string {
  const measured = targets(samples, upToDate).filter((target) => target.cases.every((id) => samplesOf(samples, id).length > 0))
  const rows = measured.map((target) => [
    target.label,
    (target.unit === 'MB' ? round(target.value) : target.value.toFixed(2)) + ' ' + target.unit,
    target.value <= target.limit ? 'holds' : 'DOES NOT HOLD'
  ])
  return formatTable([['target', 'measured', ''], ...rows])
}

/** Columns padded to their widest cell, the first left-aligned, the others right-aligned. */
function formatTable(rows: ReadonlyArray<ReadonlyArray<string>>): string {
  const widths = (rows[0] || []).map((_, column) => Math.max(...rows.map((row) => (row[column] || '').length)))
  const lines = rows.map((row) =>
    row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column] || 0) : cell.padStart(widths[column] || 0))).join('  ')
  )
  return lines.join('\n') + '\n'
}

function round(value: number): string {
  return String(Math.round(value))
}
