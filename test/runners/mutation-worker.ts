/** Worker for the mutation property: the URL of errgen's built main (workerData.main), then errgen command lines in, each one's exit code and output (or the exception it threw) out; a worker so that a hang can be timed out and ended. */
import {parentPort, workerData} from 'node:worker_threads'

/** What dist/cli/main.js exports, as far as this worker calls it. */
interface MainModule {
  main(argv: ReadonlyArray<string>, io: {cwd: string, stdout: (text: string) => void, stderr: (text: string) => void}): Promise<number>
}

const {main} = (await import((workerData as {main: string}).main)) as MainModule

/** Run errgen's main in this thread: its exit code and what it printed. */
async function runMain(argv: ReadonlyArray<string>, cwd: string): Promise<{code: number, stdout: string, stderr: string}> {
  let stdout = ''
  let stderr = ''
  const code = await main(argv, {
    cwd,
    stdout: (text: string) => {
      stdout += text
    },
    stderr: (text: string) => {
      stderr += text
    }
  })
  return {code, stdout, stderr}
}

parentPort?.on('message', async ({argv, cwd}: {argv: Array<string>, cwd: string}) => {
  try {
    parentPort?.postMessage(await runMain(argv, cwd))
  } catch (error) {
    parentPort?.postMessage({thrown: error instanceof Error ? error.stack : String(error)})
  }
})
