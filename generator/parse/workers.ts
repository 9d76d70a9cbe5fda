/** workers: markdown VFiles in, their mdast trees out (a promise) — parsed in worker threads, a large table in slices whose trees join into the tree a whole-document parse gives (a document whose slices do not parse as planned is parsed whole); with a cache, only the texts the last run did not parse. */
import os from 'node:os'
import {Worker} from 'node:worker_threads'
import {charactersIn} from '../read/limits.js'
import {threadOptions} from '../threads.js'
import type {ParseCache} from './cache.js'
import {fresh, join, type Placed, settle} from './join.js'
import {planSlices} from './slices.js'
import {decodeTree, type EncodedTree, type ParseRequest, requestKey, sliceRequest} from './messages.js'
import type {Root} from 'mdast'
import type {VFile} from 'vfile'
import type {Plan} from './slices.js'

/** A text to parse, and the promise its encoded tree settles. */
interface Job {
  request: ParseRequest
  resolve: (tree: EncodedTree) => void
  reject: (cause: unknown) => void
}

/**
 * Body rows per slice. micromark's cost a row grows with the table's length (events spliced into a growing list):
 * measured on 5,000 rows, slices of 50 rows parse in 1.2 s, of 250 in 1.75 s, of 1,000 in 2.6 s (a whole 20,000-row
 * table, 11 s); below 25 rows, parsing the header again for each slice costs more than it saves.
 */
const defaultRowsPerSlice = 50

/**
 * The worker's script. Built (dist/parse/workers.js), this module has worker.js beside it; run from its TypeScript
 * source (vitest runs generator/parse/workers.ts), it has no worker.js beside it and Node cannot start the .ts one,
 * so it starts the built dist/parse/worker.js (vitest's global setup builds dist/ before any test).
 */
const workerUrl = import.meta.url.endsWith('.ts')
  ? new URL('../../dist/parse/worker.js', import.meta.url)
  : new URL('./worker.js', import.meta.url)

/** The workers of this process, kept between runs (`--watch`, the library API) and never keeping the process alive while idle. */
const pool = new (class {
  #pool: ParsePool | undefined

  get(): ParsePool {
    this.#pool ??= new ParsePool(os.availableParallelism())
    return this.#pool
  }

  /** Stop the workers, giving their memory back; the next run starts new ones. */
  async close(): Promise<void> {
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
 * @param onRows told the rows of each slice parsed or taken from the cache (a document parsed whole tells none)
 * @param cache the trees of the last run's texts: a slice or a document whose text it holds is not parsed again
 */
export async function parseInWorkers(
  documents: ReadonlyArray<VFile>,
  rowsPerSlice = defaultRowsPerSlice,
  onRows?: (count: number) => void,
  cache?: ParseCache
): Promise<Array<Root>> {
  cache?.begin()
  const texts = documents.map((file) => String(file))
  const plans = texts.map((text) => planSlices(text, rowsPerSlice, 'labels'))
  const jobs = plans.reduce((sum, plan, index) => sum + (plan ? plan.slices.filter((slice) => !cached(cache, sliceRequest(slice))).length : cached(cache, texts[index] ?? '') ? 0 : 1), 0)
  const workers = pool.get()
  workers.plan(jobs)
  const parseText = (text: string) => parseCached(workers, text, cache)
  const placeRequest = (request: ParseRequest) => placedSlice(workers, request, cache)
  const trees = await Promise.all(texts.map((text, index) => parseDocument(parseText, placeRequest, text, plans[index], onRows)))
  if (jobs >= largeRun) await pool.close()
  return trees
}

/**
 * From this many characters of documents (about 1,500 rows of 135 characters: 30 slices) a run starts its workers as
 * soon as it has read them (`startParseWorkers`), before the documents' lines are checked and their slices planned.
 */
const startEarlyFrom = 200_000

/**
 * Start as many parse workers as there are cores now, for documents large enough to keep them all busy: each loads
 * the parser meanwhile (about 0.3 s), while this thread checks the documents and plans their slices. Small
 * documents start none here (a run parses them with fewer workers, or on its own thread).
 */
export function startParseWorkers(documents: ReadonlyArray<VFile>): void {
  if (charactersIn(documents) >= startEarlyFrom) pool.get().start()
}

/** Whether the cache holds the request's tree. */
function cached(cache: ParseCache | undefined, request: ParseRequest): boolean {
  return cache?.has(requestKey(request)) ?? false
}

/** A request's tree: a copy of the cached one, or parsed by a worker (and then cached). */
async function parseCached(workers: ParsePool, request: ParseRequest, cache: ParseCache | undefined): Promise<Root> {
  const key = requestKey(request)
  const tree = cache?.tree(key)
  if (tree) return tree
  const encoded = await workers.parse(request)
  cache?.keep(key, encoded)
  return decodeTree(encoded)
}

/** A slice's tree for a join: the session's shared one when the cache shares them, else a copy of its own. */
async function placedSlice(workers: ParsePool, request: ParseRequest, cache: ParseCache | undefined): Promise<Placed> {
  const key = requestKey(request)
  const shared = cache?.placed(key)
  if (shared) return shared
  if (cache?.shares && !cache.has(key)) {
    cache.keep(key, await workers.parse(request))
    const placed = cache.placed(key)
    if (placed) return placed
  }
  return fresh(await parseCached(workers, request, cache))
}

/** One document's tree: its slices' trees joined as planned, or (no plan, or the slices declined) the whole text's. */
async function parseDocument(
  parse: (text: string) => Promise<Root>,
  placeRequest: (request: ParseRequest) => Promise<Placed>,
  text: string,
  plan: Plan | undefined,
  onRows?: (count: number) => void
): Promise<Root> {
  if (plan) {
    const trees = await Promise.all(plan.slices.map(async (slice, index) => {
      const tree = await placeRequest(sliceRequest(slice))
      settle(tree, plan, index)
      onRows?.(slice.rows)
      return tree
    }))
    const tree = join(plan, trees)
    if (tree) return tree
  }
  return parse(text)
}

/**
 * Worker threads that parse markdown. Each worker is kept `depth` texts ahead, so that it goes on while this thread
 * is busy (loading ts-morph takes it a second); the rest wait here and go to whichever worker has the fewest. A
 * worker keeps the process alive only while it has work.
 */
class ParsePool {
  /** The jobs each worker was given, in order. */
  #workers = new Map<Worker, Array<Job>>()
  #queue: Array<Job> = []
  #cores: number
  #size = 1
  #depth = 1

  /** @param cores the most workers to start */
  constructor(cores: number) {
    this.#cores = cores
  }

  /** Start a worker for each core now, with no jobs yet (they keep the process alive only once given some). */
  start(): void {
    while (this.#workers.size < this.#cores) this.#start().unref()
  }

  /** Stop the workers. */
  async close(): Promise<void> {
    await Promise.all([...this.#workers.keys()].map((worker) => worker.terminate()))
  }

  /** Size the pool for a run of `jobs` texts: no more workers than texts, each given its share ahead. */
  plan(jobs: number): void {
    this.#size = Math.max(1, Math.min(this.#cores, jobs))
    this.#depth = Math.ceil(jobs / (2 * this.#size))
  }

  /** The encoded tree of a markdown text. */
  parse(request: ParseRequest): Promise<EncodedTree> {
    return new Promise((resolve, reject) => {
      this.#queue.push({request, resolve, reject})
      this.#dispatch()
    })
  }

  /** Give queued texts to the least busy workers, starting workers up to the pool's size. */
  #dispatch(): void {
    while (this.#queue.length > 0) {
      const worker = this.#leastBusy()
      if (!worker) return
      const job = this.#queue.shift() as Job
      this.#workers.get(worker)?.push(job)
      worker.ref()
      worker.postMessage(job.request)
    }
  }

  /** The worker with the fewest jobs, a new one while every worker has some, or none when all have `depth`. */
  #leastBusy(): Worker | undefined {
    let best: [Worker, Array<Job>] | undefined
    for (const entry of this.#workers) if (!best || entry[1].length < best[1].length) best = entry
    if ((!best || best[1].length > 0) && this.#workers.size < this.#size) return this.#start()
    return best && best[1].length < this.#depth ? best[0] : undefined
  }

  /** Start a worker, with no jobs yet (and none of the host's Node.js options: `threadOptions`). */
  #start(): Worker {
    const worker = new Worker(workerUrl, threadOptions())
    worker.on('message', (encoded: EncodedTree) => this.#settle(worker, encoded))
    worker.on('error', (cause) => this.#fail(worker, workerFailure(cause instanceof Error ? cause.message : String(cause), cause)))
    worker.on('exit', (code) => this.#fail(worker, workerFailure('it exited with code ' + code)))
    this.#workers.set(worker, [])
    return worker
  }

  /** A worker gave the tree of its oldest job. */
  #settle(worker: Worker, encoded: EncodedTree): void {
    const jobs = this.#workers.get(worker)
    jobs?.shift()?.resolve(encoded)
    if (jobs?.length === 0) worker.unref()
    this.#dispatch()
  }

  /** A worker failed: its jobs and every queued one fail, and it is not used again. */
  #fail(worker: Worker, cause: Error): void {
    if (!this.#workers.has(worker)) return
    const jobs = this.#workers.get(worker) || []
    this.#workers.delete(worker)
    for (const job of [...jobs, ...this.#queue.splice(0)]) job.reject(cause)
  }
}

/** The error a run rejects with when a parse worker fails, naming the cause. */
function workerFailure(reason: string, cause?: unknown): Error {
  return new Error("errgen's markdown parse worker failed: " + reason, cause === undefined ? {} : {cause})
}
