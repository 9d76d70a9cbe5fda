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

/**
 * Body rows per slice. micromark's cost a row grows with the table's length (events spliced into a growing list):
 * measured on 5,000 rows, slices of 50 rows parse in 1.2 s, of 250 in 1.75 s, of 1,000 in 2.6 s (a whole 20,000-row
 * table, 11 s); below 25 rows, parsing the header again for each slice costs more than it saves.
 */
const defaultRowsPerSlice = 50

const workerUrl = new URL('./worker.js', import.meta.url)

/** The workers of this process, kept between runs (`--watch`, the library API) and never keeping the process alive while idle. */
const pool = new (class {
  /** @type {ParsePool | undefined} */
  #pool

  get() {
    this.#pool ??= new ParsePool(os.availableParallelism())
    return this.#pool
  }

  /** Stop the workers, giving their memory back; the next run starts new ones. */
  async close() {
    const workers = this.#pool
    this.#pool = undefined
    await workers?.close()
  }
})()

/**
 * From this many texts (slices of 50 rows: 2,000 rows) a run stops the workers once its trees are parsed: their heaps
 * hold a few hundred megabytes that the emitters then need, and starting workers again costs less than such a run.
 */
const largeRun = 40

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
  const workers = pool.get()
  workers.plan(jobs)
  const trees = await Promise.all(texts.map((text, index) => parseDocument(workers, text, plans[index])))
  if (jobs >= largeRun) await pool.close()
  return trees
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

/**
 * Worker threads that parse markdown. Each worker is kept `depth` texts ahead, so that it goes on while this thread
 * is busy (loading ts-morph takes it a second); the rest wait here and go to whichever worker has the fewest. A
 * worker keeps the process alive only while it has work.
 */
class ParsePool {
  /** @type {Map<Worker, Array<Job>>} the jobs each worker was given, in order */
  #workers = new Map()
  /** @type {Array<Job>} */
  #queue = []
  #cores
  #size = 1
  #depth = 1

  /**
   * @param {number} cores the most workers to start
   */
  constructor(cores) {
    this.#cores = cores
  }

  /** Stop the workers. */
  async close() {
    await Promise.all([...this.#workers.keys()].map((worker) => worker.terminate()))
  }

  /**
   * Size the pool for a run of `jobs` texts: no more workers than texts, each given its share ahead.
   *
   * @param {number} jobs
   */
  plan(jobs) {
    this.#size = Math.max(1, Math.min(this.#cores, jobs))
    this.#depth = Math.ceil(jobs / (2 * this.#size))
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

  /** Give queued texts to the least busy workers, starting workers up to the pool's size. */
  #dispatch() {
    while (this.#queue.length > 0) {
      const worker = this.#leastBusy()
      if (!worker) return
      const job = /** @type {Job} */ (this.#queue.shift())
      this.#workers.get(worker)?.push(job)
      worker.ref()
      worker.postMessage(job.text)
    }
  }

  /**
   * The worker with the fewest jobs, a new one while every worker has some, or none when all have `depth`.
   *
   * @returns {Worker | undefined}
   */
  #leastBusy() {
    /** @type {[Worker, Array<Job>] | undefined} */
    let best
    for (const entry of this.#workers) if (!best || entry[1].length < best[1].length) best = entry
    if ((!best || best[1].length > 0) && this.#workers.size < this.#size) return this.#start()
    return best && best[1].length < this.#depth ? best[0] : undefined
  }

  /**
   * @returns {Worker}
   */
  #start() {
    const worker = new Worker(workerUrl)
    worker.on('message', (/** @type {EncodedTree} */ encoded) => this.#settle(worker, encoded))
    worker.on('error', (cause) => this.#fail(worker, cause))
    worker.on('exit', (code) => this.#fail(worker, new Error('parse worker exited with code ' + code)))
    this.#workers.set(worker, [])
    return worker
  }

  /**
   * A worker gave the tree of its oldest job.
   *
   * @param {Worker} worker
   * @param {EncodedTree} encoded
   */
  #settle(worker, encoded) {
    const jobs = this.#workers.get(worker)
    jobs?.shift()?.resolve(decodeTree(encoded))
    if (jobs?.length === 0) worker.unref()
    this.#dispatch()
  }

  /**
   * A worker failed: its jobs and every queued one fail.
   *
   * @param {Worker} worker
   * @param {unknown} cause
   */
  #fail(worker, cause) {
    const jobs = this.#workers.get(worker) || []
    this.#workers.delete(worker)
    for (const job of [...jobs, ...this.#queue.splice(0)]) job.reject(cause)
  }
}
