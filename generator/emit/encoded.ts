/** encoded: an output's text (whole, or written piece by piece) in, the output kept as its UTF-8 bytes out — its text decoded only when asked (a stale output's diff), so that a run holds one output's text at a time, or none. */
import type {GeneratedFile, OutputFile} from '../types.js'

/** An output held as its bytes: encoded once, right after it is emitted, for comparing, hashing and writing. */
export class EncodedOutput implements OutputFile {
  readonly kind: OutputFile['kind']
  readonly name: string
  readonly bytes: Buffer
  /** What reading the bytes back gives, known without reading them (`readingName` → a function that gives it); a session's only. */
  readonly readings: Readings | undefined

  constructor(kind: OutputFile['kind'], name: string, bytes: Buffer, readings?: Readings) {
    this.kind = kind
    this.name = name
    this.bytes = bytes
    this.readings = readings
  }

  /** The text, decoded again from the bytes on each call. */
  get text(): string {
    return this.bytes.toString('utf8')
  }
}

/** An encoded output with the path it would be written to. */
export class EncodedFile extends EncodedOutput implements GeneratedFile {
  readonly path: string

  constructor(output: EncodedOutput, path: string) {
    super(output.kind, output.name, output.bytes, output.readings)
    this.path = path
  }
}

/** The output as its bytes; its text is free to be collected once the caller drops it. */
export function encodeOutput(file: OutputFile): EncodedOutput {
  return file instanceof EncodedOutput ? file : new EncodedOutput(file.kind, file.name, Buffer.from(file.text, 'utf8'))
}

/** The output with its path in the output directory, kept as bytes when it was encoded (its text is not decoded to copy it). */
export function located(file: OutputFile, path: string): GeneratedFile {
  return file instanceof EncodedOutput ? new EncodedFile(file, path) : {kind: file.kind, name: file.name, text: file.text, path}
}

/** What reading an output's bytes back gives, by reading (`readingName`): each a function that gives it. */
export type Readings = ReadonlyMap<string, () => unknown>

/** A reading of an output's bytes: which reading (`entries`), of which kind of output. */
export function readingName(what: string, kind: OutputFile['kind']): string {
  return what + ':' + kind
}

/** The readings known of an encoded output's bytes; undefined for one held as text, or without any. */
export function readingsOf(file: object): Readings | undefined {
  return file instanceof EncodedOutput ? file.readings : undefined
}

/** The bytes of an encoded output; undefined for one held as text. */
export function bytesOf(file: object): Buffer | undefined {
  return file instanceof EncodedOutput ? file.bytes : undefined
}

/** Where an emitter writes an output's text, piece by piece, in order. */
export interface TextSink {
  push(piece: string): void
}

/** Text written in small pieces, joined every few thousand so that the pieces never take much memory. */
export class TextChunks implements TextSink {
  #chunks: Array<string> = []
  #pieces: Array<string> = []

  push(piece: string): void {
    this.#pieces.push(piece)
    if (this.#pieces.length >= 8192) this.#chunks.push(this.#pieces.splice(0).join(''))
  }

  /** The whole text. */
  toString(): string {
    return this.#chunks.join('') + this.#pieces.join('')
  }
}

/**
 * A piece this long or longer is encoded into the buffer by itself; shorter ones are joined first: a call per piece
 * costs more than copying a piece of a few thousand characters. A `--watch` save writes each output mostly from the
 * session's kept fragments, one short piece after another; at 5,000 rows a save took 392 ms against 415 ms with pieces
 * of 64 characters or more encoded one by one (bench medians, docs/performance.md).
 */
const ownPiece = 8192

/** Short pieces are joined and encoded once they hold about this many characters. */
const chunkLength = 1 << 14

/** The first buffer's size, unless told one; each next one is twice as large. */
const initialCapacity = 1 << 20

/**
 * Text written in pieces, each encoded as UTF-8 into one buffer as it comes (short pieces joined a few thousand
 * characters at a time), which doubles when it is full: an output written entry by entry is never held as one string
 * (which V8 stores as two bytes a character as soon as one is not Latin-1), nor joined into chunks before it is
 * encoded (copying every character twice, into strings large enough to be allocated as old objects), nor held as
 * chunks of bytes beside the buffer they would be copied into. A piece is a whole string of the output, so that no
 * surrogate pair is cut between two. The bytes are a view of that buffer; the pages of its free end are never
 * written, so the system does not give them memory.
 */
export class ByteChunks implements TextSink {
  #pieces: Array<string> = []
  #length = 0
  #buffer: Buffer
  #size = 0
  readonly #taken: ((size: number) => void) | undefined

  /**
   * @param capacity the first buffer's size: the bytes expected, when they are known (a session's last run of the output)
   * @param taken told the size of the bytes when they are taken
   */
  constructor(capacity = initialCapacity, taken?: (size: number) => void) {
    this.#buffer = Buffer.allocUnsafeSlow(capacity)
    this.#taken = taken
  }

  push(piece: string): void {
    if (piece.length >= ownPiece) {
      this.#encode()
      this.#write(piece)
      return
    }
    this.#pieces.push(piece)
    this.#length += piece.length
    if (this.#length >= chunkLength) this.#encode()
  }

  /** The bytes of everything written. */
  bytes(): Buffer {
    this.#encode()
    this.#taken?.(this.#size)
    return this.#buffer.subarray(0, this.#size)
  }

  /** Encode the short pieces written since the last encoding, joined. */
  #encode(): void {
    if (this.#pieces.length === 0) return
    const text = this.#pieces.join('')
    this.#pieces = []
    this.#length = 0
    this.#write(text)
  }

  #write(text: string): void {
    // A UTF-16 code unit is at most 3 bytes of UTF-8; where that much may not fit, the text's own length is counted (a buffer of the bytes expected is then grown only when they are more).
    const most = this.#size + text.length * 3
    this.#reserve(most <= this.#buffer.length ? most : this.#size + Buffer.byteLength(text, 'utf8'))
    this.#size += this.#buffer.write(text, this.#size, 'utf8')
  }

  /** Make room for this many bytes in all: a buffer twice as large (or more), with the bytes so far copied in. */
  #reserve(size: number): void {
    if (size <= this.#buffer.length) return
    let capacity = this.#buffer.length * 2
    while (capacity < size) capacity *= 2
    const grown = Buffer.allocUnsafeSlow(capacity)
    this.#buffer.copy(grown, 0, 0, this.#size)
    this.#buffer = grown
  }
}
