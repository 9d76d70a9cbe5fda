/** Property test: random mutations of the real document (cells deleted, duplicated, swapped, pipes and text inserted, lines dropped or repeated, bytes flipped) make errgen generate or report; it never throws, never hangs, never writes a partial output. */
import {mkdir, readFile, rm, writeFile} from 'node:fs/promises'
import path from 'node:path'
import {Worker} from 'node:worker_threads'
import fc from 'fast-check'
import {VFile} from 'vfile'
import {afterAll, beforeAll, describe, expect, test} from 'vitest'
import {decodeUtf8Lossy} from '../../generator/read/utf8.js'
import {run} from '../support/pipeline.js'
import {configFor, readTree, runInProcess, seed, snapshot, tempDirectory, writeEarlierFiles} from '../support/helpers.js'

/** Multiplies every property's number of runs: `PROPERTY_RUNS_FACTOR=20 npx vitest run test/mutations.test.js` to hunt longer. */
const runsFactor = Number(process.env.PROPERTY_RUNS_FACTOR || 1)

/** How long one run may take before it counts as a hang: generous, this is about hangs, not speed. */
const budget = 20_000

/**
 * @typedef {{code: number, stdout: string, stderr: string} | {thrown: string}} Outcome
 *
 * @typedef {{kind: 'delete-cell' | 'duplicate-cell', line: number, cell: number}
 *   | {kind: 'swap-cells', line: number, cell: number, otherLine: number, otherCell: number}
 *   | {kind: 'insert-pipe' | 'delete-byte', offset: number}
 *   | {kind: 'flip-byte', offset: number, bit: number}
 *   | {kind: 'delete-line' | 'duplicate-line', line: number}
 *   | {kind: 'insert-text', offset: number, text: string}} Mutation
 */

/** @type {Buffer} */
let original
/** @type {Map<string, Buffer>} */
let earlierOutputs
/** @type {Worker} */
let worker

beforeAll(async () => {
  original = await readFile(seed)
  const directory = await tempDirectory()
  const result = await runInProcess(['--input', seed, '--out', directory, '--quiet'])
  if (result.code !== 0) throw new Error(result.stderr)
  earlierOutputs = await readTree(directory)
  worker = new Worker(new URL('../support/mutation-worker.js', import.meta.url))
})

afterAll(async () => {
  await worker.terminate()
})

/** @type {fc.Arbitrary<Mutation>} */
const mutationArbitrary = fc.oneof(
  fc.record({kind: fc.constant(/** @type {const} */ ('delete-cell')), line: fc.nat(), cell: fc.nat()}),
  fc.record({kind: fc.constant(/** @type {const} */ ('duplicate-cell')), line: fc.nat(), cell: fc.nat()}),
  fc.record({kind: fc.constant(/** @type {const} */ ('swap-cells')), line: fc.nat(), cell: fc.nat(), otherLine: fc.nat(), otherCell: fc.nat()}),
  fc.record({kind: fc.constant(/** @type {const} */ ('insert-pipe')), offset: fc.nat()}),
  fc.record({kind: fc.constant(/** @type {const} */ ('delete-byte')), offset: fc.nat()}),
  fc.record({kind: fc.constant(/** @type {const} */ ('flip-byte')), offset: fc.nat(), bit: fc.integer({min: 0, max: 7})}),
  fc.record({kind: fc.constant(/** @type {const} */ ('delete-line')), line: fc.nat()}),
  fc.record({kind: fc.constant(/** @type {const} */ ('duplicate-line')), line: fc.nat()}),
  fc.record({
    kind: fc.constant(/** @type {const} */ ('insert-text')),
    offset: fc.nat(),
    text: fc.oneof(fc.string({unit: 'binary', maxLength: 8}), fc.constantFrom('|', '\\|', '`', '```', '*', '\n', '\r\n', '<br>', '---', '| --- |', '\uFEFF'))
  })
)

/**
 * Apply mutations to a document; the text is handled as Latin-1 so that every byte survives every step.
 *
 * @param {Buffer} bytes
 * @param {ReadonlyArray<Mutation>} mutations
 * @returns {Buffer}
 */
function mutate(bytes, mutations) {
  let text = bytes.toString('latin1')
  for (const mutation of mutations) text = applyMutation(text, mutation)
  return Buffer.from(text, 'latin1')
}

/**
 * @param {string} text the document as Latin-1
 * @param {Mutation} mutation
 * @returns {string}
 */
function applyMutation(text, mutation) {
  const lines = text.split('\n')
  const rows = lines.flatMap((line, index) => (line.includes('|') ? [index] : []))
  switch (mutation.kind) {
    case 'delete-cell':
    case 'duplicate-cell': {
      return editCells(lines, rows, mutation.line, (cells) => {
        const index = mutation.cell % cells.length
        cells.splice(index, mutation.kind === 'delete-cell' ? 1 : 0, ...(mutation.kind === 'delete-cell' ? [] : [/** @type {string} */ (cells[index])]))
      })
    }
    case 'swap-cells': {
      const first = cellAt(lines, rows, mutation.line, mutation.cell)
      const second = cellAt(lines, rows, mutation.otherLine, mutation.otherCell)
      if (!first || !second) return text
      const firstText = first.cells[first.index]
      const secondText = second.cells[second.index]
      first.cells[first.index] = /** @type {string} */ (secondText)
      lines[first.line] = first.cells.join('|')
      const again = /** @type {string} */ (lines[second.line]).split('|')
      again[second.index] = /** @type {string} */ (firstText)
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
      lines.splice(index, mutation.kind === 'delete-line' ? 1 : 0, ...(mutation.kind === 'delete-line' ? [] : [/** @type {string} */ (lines[index])]))
      return lines.join('\n')
    }
    case 'insert-text':
      return insertAt(text, mutation.offset, Buffer.from(mutation.text).toString('latin1'))
  }
}

/**
 * @param {Array<string>} lines
 * @param {ReadonlyArray<number>} rows the indices of the lines with a pipe
 * @param {number} pick
 * @param {(cells: Array<string>) => void} edit
 * @returns {string}
 */
function editCells(lines, rows, pick, edit) {
  if (rows.length > 0) {
    const index = /** @type {number} */ (rows[pick % rows.length])
    const cells = /** @type {string} */ (lines[index]).split('|')
    edit(cells)
    lines[index] = cells.join('|')
  }
  return lines.join('\n')
}

/**
 * @param {ReadonlyArray<string>} lines
 * @param {ReadonlyArray<number>} rows
 * @param {number} pickLine
 * @param {number} pickCell
 */
function cellAt(lines, rows, pickLine, pickCell) {
  if (rows.length === 0) return undefined
  const line = /** @type {number} */ (rows[pickLine % rows.length])
  const cells = /** @type {string} */ (lines[line]).split('|')
  return {line, cells, index: pickCell % cells.length}
}

/**
 * @param {string} text
 * @param {number} offset taken modulo the length
 * @param {string} inserted
 * @returns {string}
 */
function insertAt(text, offset, inserted) {
  const at = offset % (text.length + 1)
  return text.slice(0, at) + inserted + text.slice(at)
}

/**
 * Run errgen in the worker; rejects when it takes longer than the budget (and replaces the hung worker).
 *
 * @param {ReadonlyArray<string>} argv
 * @param {string} cwd
 * @returns {Promise<Outcome>}
 */
function runInWorker(argv, cwd) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      worker.removeAllListeners()
      void worker.terminate()
      worker = new Worker(new URL('../support/mutation-worker.js', import.meta.url))
      reject(new Error('errgen did not finish within ' + budget + ' ms: a hang'))
    }, budget)
    worker.once('message', (/** @type {Outcome} */ outcome) => {
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

/**
 * The outputs the pipeline gives for a document, as the CLI names them in this project.
 *
 * @param {Buffer} bytes
 * @returns {Map<string, string>}
 */
function generated(bytes) {
  const file = new VFile({path: 'input/error-codes.md', value: decodeUtf8Lossy(bytes).text})
  const result = run([file], configFor([file.path], {openapi: {version: '0.0.0'}}))
  return new Map(result.files.map((output) => [output.name, output.text]))
}

describe('property: a mutated document is generated or reported, never half-written', () => {
  test('errgen never throws, never hangs, and leaves either the complete new outputs or the earlier ones untouched', async () => {
    const directory = await tempDirectory()
    const input = path.join(directory, 'input', 'error-codes.md')
    const out = path.join(directory, 'output')
    await mkdir(path.dirname(input))
    /** @type {Record<number, number>} */
    const exitCodes = {}

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
          const expected = generated(bytes)
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
