/** bench/memory-shapes: the bench's scratch directory in, the cases whose peak memory must not depend on the document's shape out — 20,000 rows in 20 tables under headings, with a link or inline HTML in every row, with long cells, and 100,000 rows in one table — with their documents written, and their targets. */
import {writeFile} from 'node:fs/promises'
import path from 'node:path'
import {syntheticRow} from './documents.js'

/** A case of the bench, as run.ts runs it. */
export interface MemoryCase {
  id: string
  label: string
  errgen: true
  args: (scratch: {emptyDirectory: () => Promise<string>}) => Promise<Array<string>>
}

/** One of the bench's targets on the samples' peak RSS. */
export interface MemoryTarget {
  label: string
  value: number
  limit: number
  unit: string
  cases: ReadonlyArray<string>
}

const preamble = '#Error Codes#\n\nBelow you will find details for our various response codes.\n\n'
const header = 'HTTP | Code | Message | Resolve\n--- | --- | --- | --- \n'

/** The shapes: id, label, document, peak RSS limit in MB. */
const shapes: ReadonlyArray<{id: string, label: string, document: () => string, limitMb: number}> = [
  {id: 'tables20000', label: '20,000 rows in 20 tables under headings', document: () => tablesDocument(20000, 20), limitMb: 600},
  {id: 'links20000', label: '20,000 rows, a link in every row', document: () => rowsDocument(20000, (index) => ' See [the guide](https://example.com/guide/' + index + ').'), limitMb: 600},
  {id: 'html20000', label: '20,000 rows, inline HTML in every row', document: () => rowsDocument(20000, () => ' See <b>the guide</b>.'), limitMb: 600},
  {id: 'long20000', label: '20,000 rows, long cells (about 560 characters a row)', document: () => rowsDocument(20000, () => ' ' + 'More words about how to resolve this error in detail. '.repeat(8).trimEnd()), limitMb: 600},
  {id: 'full100000', label: '100,000 rows, one table', document: () => rowsDocument(100000, () => ''), limitMb: 1024}
]

/** Write the shapes' documents; their cases. */
export async function memoryCases(directory: string, bin: string, peakRss: string): Promise<Array<MemoryCase>> {
  const cases: Array<MemoryCase> = []
  for (const shape of shapes) {
    const name = 'errors-' + shape.id + '.md'
    await writeFile(path.join(directory, name), shape.document())
    cases.push({id: shape.id, label: shape.label, errgen: true, args: async (scratch) => ['--import', peakRss, bin, '--input', name, '--out', await scratch.emptyDirectory(), '--quiet']})
  }
  return cases
}

/** Each shape's peak RSS (the largest of its runs) against its limit. */
export function memoryTargets(rssOf: (id: string) => ReadonlyArray<number>): Array<MemoryTarget> {
  return shapes.map((shape) => ({
    label: shape.label + ', peak RSS ≤ ' + (shape.limitMb === 1024 ? '1 GB' : shape.limitMb + ' MB') + ' (largest of the runs)',
    value: Math.max(...rssOf(shape.id)),
    limit: shape.limitMb,
    unit: 'MB',
    cases: [shape.id]
  }))
}

/** The rows of the seed's format, each with `extra` after its resolve text. */
function rowsDocument(rows: number, extra: (index: number) => string): string {
  const lines = [preamble, header]
  for (let index = 0; index < rows; index++) lines.push(syntheticRow(index).replace(/\n$/, extra(index) + '\n'))
  return lines.join('')
}

/** The rows in `tables` tables of equal length, each under a heading of its own. */
function tablesDocument(rows: number, tables: number): string {
  const lines = [preamble]
  const each = Math.ceil(rows / tables)
  for (let table = 0; table < tables; table++) {
    lines.push('## Group ' + (table + 1) + '\n\n', header)
    for (let index = table * each; index < Math.min(rows, (table + 1) * each); index++) lines.push(syntheticRow(index))
    lines.push('\n')
  }
  return lines.join('')
}
