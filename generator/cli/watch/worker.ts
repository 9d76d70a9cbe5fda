/** watch/worker: the body of a `--watch` session's thread — the command line, its directory and whether stderr is a terminal in (its `workerData`), a stop from the main thread in (a message), the command's exit code out (the thread's). */
import process from 'node:process'
import {parentPort, workerData} from 'node:worker_threads'
import {runCommand} from '../fast-path.js'

/** What the thread is started with. */
export interface WatchThreadData {
  readonly argv: ReadonlyArray<string>
  readonly cwd: string
  readonly tty: boolean
}

const {argv, cwd, tty} = workerData as WatchThreadData
const stop = new AbortController()
// Signals reach the main thread only, which tells this one; the port alone does not keep the thread alive.
parentPort?.once('message', () => stop.abort())
parentPort?.unref()

process.exitCode = await runCommand(argv, {
  cwd,
  stdout: (text: string) => process.stdout.write(text),
  stderr: (text: string) => process.stderr.write(text),
  tty,
  signal: stop.signal
})
