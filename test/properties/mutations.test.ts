/** Property test: random mutations of the real document (cells deleted, duplicated, swapped, pipes and text inserted, lines dropped or repeated, bytes flipped) make errgen generate or report; it never throws, never hangs, never writes a partial output. */
import {mkdir, readFile, rm, writeFile} from 'node:fs/promises'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import {Worker} from 'node:worker_threads'
import fc from 'fast-check'
import {VFile} from 'vfile'
import {afterAll, beforeAll, describe, expect, test} from 'vitest'
import {parseInThisThread} from '../../generator/parse/parse.js'
import {decodeUtf8Lossy} from '../../generator/read/utf8.js'
import {compile} from '../../generator/spine.js'
import {runnersOut} from '../setup/build.js'
import {configFor, readTree, root, runInProcess, seed, snapshot, tempDirectory, writeEarlierFiles, type Outcome} from '../support/helpers.js'

/** Multiplies every property's number of runs: `PROPERTY_RUNS_FACTOR=20 npx vitest run test/properties/mutations.test.ts` to hunt longer. */
const runsFactor = Number(process.env.PROPERTY_RUNS_FACTOR || 1)

/** How long one run may take before it counts as a hang: generous, this is about hangs, not speed. */
const budget = 20_000

/** What the worker answers: errgen's outcome, or the exception it threw. */
type WorkerOutcome = Outcome | {thrown: string}

type Mutation =
  | {kind: 'delete-cell' | 'duplicate-cell', line: number, cell: number}
  | {kind: 'swap-cells', line: number, cell: number, otherLine: number, otherCell: number}
  | {kind: 'insert-pipe' | 'delete-byte', offset: number}
  | {kind: 'flip-byte', offset: number, bit: number}
  | {kind: 'delete-line' | 'duplicate-line', line: number}
  | {kind: 'insert-text', offset: number, text: string}

let original: Buffer
let earlierOutputs: Map<string, Buffer>
let worker: Worker

/** A worker that runs errgen's built main (dist/), as the mutation runs are timed and may hang. */
function startWorker(): Worker {
  return new Worker(path.join(runnersOut, 'mutation-worker.js'), {workerData: {main: pathToFileURL(path.join(root, 'dist/cli/main.js')).href}})
}

beforeAll(async () => {
  original = await readFile(seed)
  const directory = await tempDirectory()
  const result = await runInProcess(['--input', seed, '--out', directory, '--allow-outside', '--quiet'])
  if (result.code !== 0) throw new Error(result.stderr)
  earlierOutputs = await readTree(directory)
  worker = startWorker()
})

afterAll(async () => {
  await worker.terminate()
})

const mutationArbitrary: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({kind: fc.constant('delete-cell'), line: fc.nat(), cell: fc.nat()}),
  fc.record({kind: fc.constant('duplicate-cell'), line: fc.nat(), cell: fc.nat()}),
  fc.record({kind: fc.constant('swap-cells'), line: fc.nat(), cell: fc.nat(), otherLine: fc.nat(), otherCell: fc.nat()}),
  fc.record({kind: fc.constant('insert-pipe'), offset: fc.nat()}),
  fc.record({kind: fc.constant('delete-byte'), offset: fc.nat()}),
  fc.record({kind: fc.constant('flip-byte'), offset: fc.nat(), bit: fc.integer({min: 0, max: 7})}),
  fc.record({kind: fc.constant('delete-line'), line: fc.nat()}),
  fc.record({kind: fc.constant('duplicate-line'), line: fc.nat()}),
  fc.record({
    kind: fc.constant('insert-text'),
    offset: fc.nat(),
    text: fc.oneof(fc.string({unit: 'binary', maxLength: 8}), fc.constantFrom('|', '\\|', '`', '```', '*', '\n', '\r\n', '<br>', '---', '| --- |', '\uFEFF'))
  })
)

/** Apply mutations to a document; the text is handled as Latin-1 so that every byte survives every step. */
function mutate(bytes: Buffer, mutations: ReadonlyArray<Mutation>): Buffer {
  let text = bytes.toString('latin1')
  for (const mutation of mutations) text = applyMutation(text, mutation)
  return Buffer.from(text, 'latin1')
}

/** @param text the document as Latin-1 */
function applyMutation(text: string, mutation: Mutation): string {
  const lines = text.split('\n')
  const rows = lines.flatMap((line, index) => (line.includes('|') ? [index] : []))
  switch (mutation.kind) {
    case 'delete-cell':
    case 'duplicate-cell': {
      return editCells(lines, rows, mutation.line, (cells) => {
        const index = mutation.cell % cells.length
        cells.splice(index, mutation.kind === 'delete-cell' ? 1 : 0, ...(mutation.kind === 'delete-cell' ? [] : [cells[index] as string]))
      })
    }
    case 'swap-cells': {
      const first = cellAt(lines, rows, mutation.line, mutation.cell)
      const second = cellAt(lines, rows, mutation.otherLine, mutation.otherCell)
      if (!first || !second) return text
      const firstText = first.cells[first.index]
      const secondText = second.cells[second.index]
      first.cells[first.index] = secondText as string
      lines[first.line] = first.cells.join('|')
      const again = (lines[second.line] as string).split('|')
      again[second.index] = firstText as string
      lines[second.line] = again.join('|')
      return lines.join('\n')
    }
    case 'insert-pipe':
      return insertAt(text, mutation.offset, '|')
    case 'delete-byte': {
      const offset = mutation.offset % Math.max(text.length, 1)
      return text.slice(0, offset) + text.slice(offset + 1)
    }
    case 'flip-byte': {
      if (text.length === 0) return text
      const offset = mutation.offset % text.length
      const flipped = String.fromCharCode(text.charCodeAt(offset) ^ (1 << mutation.bit))
      return text.slice(0, offset) + flipped + text.slice(offset + 1)
    }
    case 'delete-line':
    case 'duplicate-line': {
      const index = mutation.line % lines.length
      lines.splice(index, mutation.kind === 'delete-line' ? 1 : 0, ...(mutation.kind === 'delete-line' ? [] : [lines[index] as string]))
      return lines.join('\n')
    }
    case 'insert-text':
      return insertAt(text, mutation.offset, Buffer.from(mutation.text).toString('latin1'))
  }
}

/** @param rows the indices of the lines with a pipe */
function editCells(lines: Array<string>, rows: ReadonlyArray<number>, pick: number, edit: (cells: Array<string>) => void): string {
  if (rows.length > 0) {
    const index = rows[pick % rows.length] as number
    const cells = (lines[index] as string).split('|')
    edit(cells)
    lines[index] = cells.join('|')
  }
  return lines.join('\n')
}

/** The cell a pick lands on: its line, that line's cells and its index; undefined when no line has a pipe. */
function cellAt(lines: ReadonlyArray<string>, rows: ReadonlyArray<number>, pickLine: number, pickCell: number): {line: number, cells: Array<string>, index: number} | undefined {
  if (rows.length === 0) return undefined
  const line = rows[pickLine % rows.length] as number
  const cells = (lines[line] as string).split('|')
  return {line, cells, index: pickCell % cells.length}
}

/** @param offset taken modulo the length */
function insertAt(text: string, offset: number, inserted: string): string {
  const at = offset % (text.length + 1)
  return text.slice(0, at) + inserted + text.slice(at)
}

/** Run errgen in the worker; rejects when it takes longer than the budget (and replaces the hung worker). */
function runInWorker(argv: ReadonlyArray<string>, cwd: string): Promise<WorkerOutcome> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      worker.removeAllListeners()
      void worker.terminate()
      worker = startWorker()
      reject(new Error('errgen did not finish within ' + budget + ' ms: a hang'))
    }, budget)
    worker.once('message', (outcome: WorkerOutcome) => {
      clearTimeout(timer)
      worker.removeAllListeners('error')
      resolve(outcome)
    })
    worker.once('error', (error) => {
      clearTimeout(timer)
      worker.removeAllListeners('message')
      reject(error)
    })
    worker.postMessage({argv, cwd})
  })
}

/** The outputs the pipeline gives for a document, as the CLI names them in this project. */
async function generated(bytes: Buffer): Promise<Map<string, string>> {
  const file = new VFile({path: 'input/error-codes.md', value: decodeUtf8Lossy(bytes).text})
  const result = await compile([file], configFor([file.path], {openapi: {version: '0.0.0'}}), parseInThisThread)
  return new Map(result.files.map((output) => [output.name, output.text]))
}

describe('property: a mutated document is generated or reported, never half-written', () => {
  test('errgen never throws, never hangs, and leaves either the complete new outputs or the earlier ones untouched', async () => {
    const directory = await tempDirectory()
    const input = path.join(directory, 'input', 'error-codes.md')
    const out = path.join(directory, 'output')
    await mkdir(path.dirname(input))
    const exitCodes: Record<number, number> = {}

    await fc.assert(
      fc.asyncProperty(fc.array(mutationArbitrary, {minLength: 1, maxLength: 4}), async (mutations) => {
        const bytes = mutate(original, mutations)
        await writeFile(input, bytes)
        await rm(out, {recursive: true, force: true})
        await mkdir(out)
        await writeEarlierFiles(out, earlierOutputs)
        const before = await snapshot(out)

        const outcome = await runInWorker([], directory)
        if ('thrown' in outcome) throw new Error('errgen threw: ' + outcome.thrown)
        exitCodes[outcome.code] = (exitCodes[outcome.code] || 0) + 1

        if (outcome.code === 0) {
          const expected = await generated(bytes)
          const after = await readTree(out)
          expect([...after.keys()]).toEqual([...earlierOutputs.keys()])
          for (const [name, text] of expected) expect(after.get(name)?.toString('utf8'), name).toBe(text)
        } else {
          expect(outcome.code).toBeOneOf([1, 2])
          expect(outcome.stderr).toMatch(outcome.code === 1 ? /  error  / : /^errgen: [^\n]+\n$/)
          expect(await snapshot(out)).toEqual(before)
        }
      }),
      {numRuns: runsFactor * 200}
    )
    if (runsFactor > 1) console.log('exit codes', exitCodes)
    // The mutations must exercise both paths, or the property says little.
    expect(exitCodes[0], JSON.stringify(exitCodes)).toBeGreaterThan(0)
    expect(exitCodes[1], JSON.stringify(exitCodes)).toBeGreaterThan(0)
  })
})
