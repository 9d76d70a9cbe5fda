/** threads: nothing in, the options every worker thread errgen starts is given out — none of the host's Node.js options, and the compile cache this thread uses, if any. */
import nodeModule from 'node:module'
import type {WorkerOptions} from 'node:worker_threads'

/** Node's compile cache API, where the Node.js version has it (22.8 and later; the `errgen` command enables the cache). */
const compileCache = nodeModule as {getCompileCacheDir?: () => string | undefined}

/**
 * A worker's options: no `execArgv` (`--input-type`, `--import`, `-e` and the like are the host's business, and some
 * stop a worker from starting at all); and when this thread uses Node's compile cache, its directory in the worker's
 * environment (a worker takes it from there, not from the thread that starts it), so that the modules the worker
 * loads — the parser, ts-morph — are cached too. The host's own environment is left as it is.
 */
export function threadOptions(): Pick<WorkerOptions, 'execArgv' | 'env'> {
  const directory = compileCache.getCompileCacheDir?.()
  return directory === undefined ? {execArgv: []} : {execArgv: [], env: {...process.env, NODE_COMPILE_CACHE: directory}}
}
