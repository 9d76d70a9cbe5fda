/** written-io: the files a `--watch` session wrote in, their bytes out without reading them again — while a file's status (inode, size, modification and change times) is the one it had just after the write, and once the file was read back after its timestamps' granularity — and what was read back from those bytes. */
import {type FileHandle, open, stat} from 'node:fs/promises'
import type {BigIntStats} from 'node:fs'

/** A file as the session wrote it: its bytes, its status just after the write, and whether that status is trusted yet. */
interface Written {
  readonly bytes: Buffer
  readonly status: BigIntStats
  trusted: boolean
}

/**
 * How long after its change time a file's status may still be that of another write: a file system's clock ticks
 * (Linux stamps files with a clock of 1 to 10 ms; a file system that keeps whole seconds, FAT's 2 s). A write to the
 * file within the same tick as errgen's leaves the status as it was, so the file is read back once after the tick
 * (the "racily clean" files of git's index).
 */
function racyWindow(status: BigIntStats): bigint {
  const second = 1_000_000_000n
  return status.ctimeNs % second === 0n && status.mtimeNs % second === 0n ? 2n * second + second / 10n : 25_000_000n
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
  /** The files being read back once their status can be trusted. */
  readonly #settling = new Set<Promise<void>>()
  readonly #statusOf: (file: string) => Promise<BigIntStats | undefined>
  /** What reading a file's bytes gives, known when they were made (the emitters' kept values), by the bytes and the reading. */
  readonly #known = new WeakMap<Buffer, ReadonlyMap<string, () => unknown>>()

  /** @param statusOf how a file's status is read (a test gives a file system whose times never move) */
  constructor(statusOf: (file: string) => Promise<BigIntStats | undefined> = statusOfFile) {
    this.#statusOf = statusOf
  }

  /**
   * Remember the bytes just written to a file (renamed into place); a file whose status cannot be read is forgotten.
   * Its bytes are given once the file, read back after its timestamps' granularity, still holds them.
   *
   * @param known what reading these bytes gives, by reading (`entries:json-schema`), known without reading them
   */
  async remember(file: string, bytes: Buffer, known?: ReadonlyMap<string, () => unknown>): Promise<void> {
    const status = await this.#statusOf(file)
    if (known) this.#known.set(bytes, known)
    if (!status?.isFile() || status.size !== BigInt(bytes.length)) {
      this.#files.delete(file)
      return
    }
    const written: Written = {bytes, status, trusted: false}
    this.#files.set(file, written)
    const settling = this.#settle(file, written)
    this.#settling.add(settling)
    void settling.finally(() => this.#settling.delete(settling))
  }

  /** Until every file remembered so far is trusted or forgotten (tests, and a session that waits for it). */
  async settled(): Promise<void> {
    while (this.#settling.size > 0) await Promise.all(this.#settling)
  }

  /** Trust a file's status once its clock has ticked past the write and the file still holds the bytes written. */
  async #settle(file: string, written: Written): Promise<void> {
    const wait = written.status.ctimeNs + racyWindow(written.status) - BigInt(Date.now()) * 1_000_000n
    if (wait > 0n) await new Promise((resolve) => setTimeout(resolve, Number(wait / 1_000_000n) + 1).unref())
    const status = await this.#statusOf(file)
    const same = status !== undefined && sameStatus(status, written.status) && (await holdsBytes(file, written.bytes))
    if (this.#files.get(file) !== written) return
    if (same) written.trusted = true
    else this.#files.delete(file)
  }

  /** Forget a file (removed, or written by another path). */
  forget(file: string): void {
    this.#files.delete(file)
  }

  /** The bytes of a file the session wrote, while it has not changed since; undefined when it must be read. */
  async bytes(file: string): Promise<Buffer | undefined> {
    const written = this.#files.get(file)
    if (!written?.trusted) return undefined
    const status = await this.#statusOf(file)
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

/**
 * How many bytes of a file are read back at a time, into one buffer: a whole output read back at every save is memory
 * outside V8's heap, tens of megabytes of which make V8 mark the whole heap again.
 */
const readBackChunk = 1 << 20

/** Whether a file holds exactly these bytes, read back a chunk at a time; false when it cannot be read. */
async function holdsBytes(file: string, bytes: Buffer): Promise<boolean> {
  let handle: FileHandle | undefined
  try {
    handle = await open(file, 'r')
    const chunk = Buffer.allocUnsafeSlow(Math.min(readBackChunk, bytes.length + 1))
    for (let offset = 0; ;) {
      const {bytesRead} = await handle.read(chunk, 0, chunk.length, offset)
      if (bytesRead === 0) return offset === bytes.length
      if (offset + bytesRead > bytes.length || !chunk.subarray(0, bytesRead).equals(bytes.subarray(offset, offset + bytesRead))) return false
      offset += bytesRead
    }
  } catch {
    return false
  } finally {
    await handle?.close().catch(() => undefined)
  }
}

/** A file's status, with the times in nanoseconds; undefined when it cannot be read. */
function statusOfFile(file: string): Promise<BigIntStats | undefined> {
  return stat(file, {bigint: true}).catch(() => undefined)
}

/** Whether a file is still the one written: the same device, inode, size, modification and change times. */
function sameStatus(now: BigIntStats, then: BigIntStats): boolean {
  return now.isFile() && now.dev === then.dev && now.ino === then.ino && now.size === then.size && now.mtimeNs === then.mtimeNs && now.ctimeNs === then.ctimeNs
}
