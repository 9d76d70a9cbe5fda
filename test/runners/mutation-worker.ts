/** Worker for the mutation property: an errgen command line in, its exit code and output (or the exception it threw) out; a worker so that a hang can be timed out and ended. */
import {parentPort} from 'node:worker_threads'
import {runMain} from './run-main.js'

parentPort?.on('message', async (/** @type {{argv: Array<string>, cwd: string}} */ {argv, cwd}) => {
  try {
    parentPort?.postMessage(await runMain(argv, cwd))
  } catch (error) {
    parentPort?.postMessage({thrown: error instanceof Error ? error.stack : String(error)})
  }
})
