/** Worker for the mutation property: the URL of errgen's built main (workerData.main), then errgen command lines in, each one's exit code and output (or the exception it threw) out; a worker so that a hang can be timed out and ended. */
import {parentPort, workerData} from 'node:worker_threads'
import {capture, type Main} from './capture.js'

const {main} = (await import((workerData as {main: string}).main)) as {main: Main}

parentPort?.on('message', async ({argv, cwd}: {argv: Array<string>, cwd: string}) => {
  try {
    parentPort?.postMessage(await capture(main, argv, cwd))
  } catch (error) {
    parentPort?.postMessage({thrown: error instanceof Error ? error.stack : String(error)})
  }
})
