/** Worker for the mutation property: an errgen command line in, its exit code and output (or the exception it threw) out; a worker so that a hang can be timed out and ended. */
import {parentPort} from 'node:worker_threads'
import {main} from '../generator/run.js'

parentPort?.on('message', async (/** @type {{argv: Array<string>, cwd: string}} */ {argv, cwd}) => {
  let stdout = ''
  let stderr = ''
  try {
    const code = await main(argv, {
      cwd,
      stdout: (text) => {
        stdout += text
      },
      stderr: (text) => {
        stderr += text
      }
    })
    parentPort?.postMessage({code, stdout, stderr})
  } catch (error) {
    parentPort?.postMessage({thrown: error instanceof Error ? error.stack : String(error)})
  }
})
