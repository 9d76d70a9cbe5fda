/** watch/thread-io: the command line of a `--watch` session in, the session run in a worker thread whose young generation holds a save of a large document out — its exit code, with SIGINT and SIGTERM passed on as a stop. The command's only: the library runs a session in its caller's thread, with its caller's settings. */
import process from 'node:process'
import {Worker, type WorkerOptions} from 'node:worker_threads'
import {parseFlags} from '../flags.js'
import {threadOptions} from '../../threads.js'
import type {WatchThreadData} from './worker.js'

/**
 * The thread's script. Built, this module has worker.js beside it; run from its TypeScript source (vitest), it starts
 * the built dist/cli/watch/worker.js, as the parse workers do.
 */
const workerUrl = import.meta.url.endsWith('.ts')
  ? new URL('../../../dist/cli/watch/worker.js', import.meta.url)
  : new URL('./worker.js', import.meta.url)

/**
 * The young generation of the session's thread, in MB: three times a semi-space of 64 MB, where V8's default is 16 MB.
 * A save of 5,000 rows allocates about 70 MB; with the default, V8 collected the young generation four or five times a
 * save and moved some 14 MB a save to the old generation, which it then marked again at every save. After a pause
 * (a writer reading between saves) V8 gives the young generation back to the system, and the next save takes every
 * page of it afresh. Measured with saves 20 s apart at 5,000 rows: 550 ms a save in the process's own thread, 464 ms
 * in this thread (docs/performance.md). The space grows to this size only for saves that allocate that much: a small
 * document's session stays as small. A `--max-semi-space-size` given to Node still decides: V8's flags win.
 */
export const youngGenerationMb = 192

/** Whether the command line starts a `--watch` session (help, version and a usage error do not). */
export function startsSession(argv: ReadonlyArray<string>): boolean {
  try {
    const {help, version, settings} = parseFlags(argv)
    return settings.watch && !help && !version
  } catch {
    return false
  }
}

/** The session thread's options: those of every thread errgen starts, what it runs, and its young generation. */
export function watchThreadOptions(argv: ReadonlyArray<string>, cwd: string, tty: boolean): WorkerOptions {
  const data: WatchThreadData = {argv: [...argv], cwd, tty}
  return {...threadOptions(), workerData: data, resourceLimits: {maxYoungGenerationSizeMb: youngGenerationMb}}
}

/**
 * Run the command line in a worker thread: what it prints goes to this process's stdout and stderr, its exit code is
 * the command's, and the signal stops the session; without one, the first SIGINT or SIGTERM does, as it would in this
 * thread (a second one ends the process, as it does then).
 *
 * @param tty whether stderr is an interactive terminal (where a long run shows its progress)
 */
export function runInWatchThread(argv: ReadonlyArray<string>, cwd: string, tty: boolean, signal?: AbortSignal): Promise<number> {
  const worker = new Worker(workerUrl, watchThreadOptions(argv, cwd, tty))
  const stop = () => worker.postMessage('stop')
  if (signal?.aborted) stop()
  else if (signal) signal.addEventListener('abort', stop, {once: true})
  else {
    process.once('SIGINT', stop)
    process.once('SIGTERM', stop)
  }
  return new Promise((resolve) => {
    worker.on('error', (error) => process.stderr.write('errgen: ' + (error.stack ?? String(error)) + '\n'))
    worker.on('exit', (code) => {
      signal?.removeEventListener('abort', stop)
      process.off('SIGINT', stop)
      process.off('SIGTERM', stop)
      resolve(code)
    })
  })
}
