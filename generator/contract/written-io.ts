/** written-io: the files a `--watch` session wrote in, their bytes out without reading them again — while a file's status (inode, size, modification and change times) is the one it had just after the write — and what was read back from those bytes. */
import {stat} from 'node:fs/promises'
import type {BigIntStats} from 'node:fs'

/** A file as the session wrote it: its bytes, and its status just after the write. */
interface Written {
  readonly bytes: Buffer
  readonly status: BigIntStats
}

/**
 * The files a session wrote, by absolute path, each with its bytes and its status just after the write. A file whose
 * status on disk is still that one holds those bytes (any write to it, or a file put in its place, changes its change
 * time or its inode, which no program can set back), so a run after a save neither reads the outputs the last run
 * wrote nor parses them again to compare the names. Only a session has one: a single run pays nothing for it.
 */
export class WrittenFiles {
  readonly #files = new Map<string, Written>()
  /** What was read from a file's bytes, by the bytes and then by what was read (`entries:json-schema`). */
  readonly #derived = new WeakMap<Buffer, Map<string, Promise<unknown>>>()
  /** What reading a file's bytes gives, known when they were made (the emitters' kept values), by the bytes and the reading. */
  readonly #known = new WeakMap<Buffer, ReadonlyMap<string, () => unknown>>()

  /**
   * Remember the bytes just written to a file (renamed into place); a file whose status cannot be read is forgotten.
   *
   * @param known what reading these bytes gives, by reading (`entries:json-schema`), known without reading them
   */
  async remember(file: string, bytes: Buffer, known?: ReadonlyMap<string, () => unknown>): Promise<void> {
    const status = await statusOf(file)
    if (known) this.#known.set(bytes, known)
    if (status?.isFile() && status.size === BigInt(bytes.length)) this.#files.set(file, {bytes, status})
    else this.#files.delete(file)
  }

  /** Forget a file (removed, or written by another path). */
  forget(file: string): void {
    this.#files.delete(file)
  }

  /** The bytes of a file the session wrote, while it has not changed since; undefined when it must be read. */
  async bytes(file: string): Promise<Buffer | undefined> {
    const written = this.#files.get(file)
    if (!written) return undefined
    const status = await statusOf(file)
    if (status && sameStatus(status, written.status)) return written.bytes
    this.#files.delete(file)
    return undefined
  }

  /**
   * What `read` gives for these bytes: read once for each kind of reading while the session holds the bytes; what was
   * known of them when they were made (`remember`) is not read.
   *
   * @param what which reading (`entries:json-schema`), the same for the same `read`
   */
  derived<T>(bytes: Buffer, what: string, read: () => Promise<T>): Promise<T> {
    let readings = this.#derived.get(bytes)
    if (!readings) {
      readings = new Map()
      this.#derived.set(bytes, readings)
    }
    let reading = readings.get(what) as Promise<T> | undefined
    if (!reading) {
      const known = this.#known.get(bytes)?.get(what)
      reading = known ? Promise.resolve().then(() => known() as T) : read()
      readings.set(what, reading)
      // A reading that fails is tried again the next time, and fails the same way where it is awaited.
      reading.catch(() => readings.delete(what))
    }
    return reading
  }
}

/** A file's status, with the times in nanoseconds; undefined when it cannot be read. */
function statusOf(file: string): Promise<BigIntStats | undefined> {
  return stat(file, {bigint: true}).catch(() => undefined)
}

/** Whether a file is still the one written: the same device, inode, size, modification and change times. */
function sameStatus(now: BigIntStats, then: BigIntStats): boolean {
  return now.isFile() && now.dev === then.dev && now.ino === then.ino && now.size === then.size && now.mtimeNs === then.mtimeNs && now.ctimeNs === then.ctimeNs
}
