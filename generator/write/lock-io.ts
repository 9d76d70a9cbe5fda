/** lock-io: an output directory in, a lock on it out — held while a run compares and writes its outputs there, so that runs started at once never mix their files; another run waits for it a bounded time, then is refused with a clear message. */
import path from 'node:path'
import lockfile from 'proper-lockfile'
import {errorCode, IoError, ioError} from '../diagnostics/io-error.js'
import {ensureDirectory} from './output-io.js'

/** The lock, a directory inside the output directory (created atomically, removed when released or when its holder dies). */
export const lockName = '.errgen-lock'

/** How long a lock whose holder stopped refreshing it stands: then the holder is taken for dead (killed) and the lock for stale. */
const staleAfter = 10_000

/** How long a run waits for another's lock: longer than a stale lock stands, so that a killed run's lock never stops the next; any other failure (a read-only directory) is reported at once. */
const waitRetries: Wait = {retries: 300, delay: 50}

/** How a run waits for a lock: this many tries, this many milliseconds apart. */
export interface Wait {
  readonly retries: number
  readonly delay: number
}

/**
 * Lock the output directory (created when missing) for this run's writes; resolves to the release. A run that holds
 * it for longer than the wait (or a lock of a dead run not yet stale) makes this an IoError, and so does, at once, a
 * directory the lock cannot be made in.
 *
 * @param shown the directory as messages show it
 * @param wait how often, and how long apart, to try again while another run holds it
 */
export async function lockOutputDirectory(out: string, shown: string, wait: Wait = waitRetries): Promise<() => Promise<void>> {
  await ensureDirectory(out, shown)
  let compromised: Error | undefined
  let release: () => Promise<void>
  try {
    release = await lockWhenFree(out, wait, (cause) => {
      compromised = cause
    })
  } catch (cause) {
    if (errorCode(cause) !== 'ELOCKED') throw ioError(cause, 'cannot write to ' + shown)
    throw new IoError(
      'cannot write to ' + shown + ': another errgen run is writing there (it holds ' + shown + '/' + lockName + ') and did not finish within ' +
        (wait.retries * wait.delay) / 1000 + ' s; run errgen again when it has'
    )
  }
  return async () => {
    await release().catch((cause: unknown) => {
      if (!compromised) throw ioError(cause, 'cannot unlock ' + shown)
    })
    if (compromised) throw new IoError('the lock on ' + shown + ' was lost while writing (' + compromised.message + '): another run may have written there too; run errgen again')
  }
}

/**
 * Take the lock, trying again while another run holds it (proper-lockfile's own retries would also wait out an error
 * that cannot pass, such as a directory that is read-only); the last error when it never came free.
 */
async function lockWhenFree(out: string, wait: Wait, onCompromised: (cause: Error) => void): Promise<() => Promise<void>> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await lockfile.lock(out, {lockfilePath: path.join(out, lockName), realpath: false, stale: staleAfter, retries: 0, onCompromised})
    } catch (cause) {
      if (errorCode(cause) !== 'ELOCKED' || attempt >= wait.retries) throw cause
      await new Promise((resolve) => setTimeout(resolve, wait.delay))
    }
  }
}
