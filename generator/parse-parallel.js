/** parse-parallel: markdown VFiles in, their mdast trees out (a promise) — parsed in worker threads, a large table in slices whose trees join into the tree a whole-document parse gives (a document whose slices do not parse as planned is parsed whole). */
import os from 'node:os'
import {Worker} from 'node:worker_threads'
import {planSlices, stitch} from './slices.js'
import {decodeTree} from './tree-codec.js'

/**
 * @import {Root} from 'mdast'
 * @import {VFile} from 'vfile'
 * @import {Plan} from './slices.js'
 * @import {EncodedTree} from './tree-codec.js'
 */

/**
 * @typedef Job
 * @property {string} text
 * @property {(tree: Root) => void} resolve
 * @property {(cause: unknown) => void} reject
 */

/** Body rows per slice: small slices balance the workers and keep each parse's garbage young (measured: 250 rows parse 30% faster a row than 4,000). */
export const defaultRowsPerSlice = 250

const workerUrl = new URL('parse-worker.js', import.meta.url)

/**
 * Parse documents in worker threads, as many as there are cores and jobs.
 *
 * @param {ReadonlyArray<VFile>} documents
 * @param {number} [rowsPerSlice]
 * @returns {Promise<Array<Root>>}
 */
export async function parseInWorkers(documents, rowsPerSlice = defaultRowsPerSlice) {
  const texts = documents.map((file) => String(file))
  const plans = texts.map((text) => planSlices(text, rowsPerSlice))
  const jobs = plans.reduce((sum, plan) => sum + (plan ? plan.slices.length : 1), 0)
  const pool = new ParsePool(Math.max(1, Math.min(os.availableParallelism(), jobs)))
  try {
    return await Promise.all(texts.map((text, index) => parseDocument(pool, text, plans[index])))
  } finally {
    await pool.close()
  }
}

/**
 * @param {ParsePool} pool
 * @param {string} text
 * @param {Plan | undefined} plan
 * @returns {Promise<Root>}
 */
async function parseDocument(pool, text, plan) {
  if (plan) {
    const trees = await Promise.all(plan.slices.map((slice) => pool.parse(slice.text)))
    const tree = stitch(plan, trees)
    if (tree) return tree
  }
  return pool.parse(text)
}

/** Worker threads that parse markdown, each given the next text when it is done with one. */
class ParsePool {
  /** @type {Array<Worker>} */
  #workers = []
  /** @type {Array<Job>} */
  #queue = []
  /** @type {Map<Worker, Job>} */
  #busy = new Map()
  #size

  /**
   * @param {number} size the most workers to start
   */
  constructor(size) {
    this.#size = size
  }

  /**
   * The tree of a markdown text.
   *
   * @param {string} text
   * @returns {Promise<Root>}
   */
  parse(text) {
    return new Promise((resolve, reject) => {
      this.#queue.push({text, resolve, reject})
      this.#dispatch()
    })
  }

  /** Stop the workers. */
  async close() {
    await Promise.all(this.#workers.map((worker) => worker.terminate()))
  }

  /** Give queued texts to idle workers, starting workers up to the pool's size. */
  #dispatch() {
    while (this.#queue.length > 0) {
      const worker = this.#workers.find((candidate) => !this.#busy.has(candidate)) || this.#start()
      if (!worker) return
      const job = /** @type {Job} */ (this.#queue.shift())
      this.#busy.set(worker, job)
      worker.postMessage(job.text)
    }
  }

  /**
   * @returns {Worker | undefined}
   */
  #start() {
    if (this.#workers.length >= this.#size) return undefined
    const worker = new Worker(workerUrl)
    worker.on('message', (/** @type {EncodedTree} */ encoded) => this.#settle(worker, (job) => job.resolve(decodeTree(encoded))))
    worker.on('error', (cause) => this.#fail(worker, cause))
    worker.on('exit', (code) => this.#fail(worker, new Error('parse worker exited with code ' + code)))
    this.#workers.push(worker)
    return worker
  }

  /**
   * @param {Worker} worker
   * @param {(job: Job) => void} settle
   */
  #settle(worker, settle) {
    const job = this.#busy.get(worker)
    this.#busy.delete(worker)
    if (job) settle(job)
    this.#dispatch()
  }

  /**
   * A worker failed: its job and every queued one fail.
   *
   * @param {Worker} worker
   * @param {unknown} cause
   */
  #fail(worker, cause) {
    this.#workers = this.#workers.filter((candidate) => candidate !== worker)
    this.#busy.get(worker)?.reject(cause)
    this.#busy.delete(worker)
    for (const job of this.#queue.splice(0)) job.reject(cause)
  }
}
