/** encoded: an output's text in, the output kept as its UTF-8 bytes out — its text decoded only when asked (a stale output's diff), so that a run holds one output's text at a time. */
import type {GeneratedFile, OutputFile} from '../types.js'

/** An output held as its bytes: encoded once, right after it is emitted, for comparing, hashing and writing. */
export class EncodedOutput implements OutputFile {
  readonly kind: OutputFile['kind']
  readonly name: string
  readonly bytes: Buffer

  constructor(kind: OutputFile['kind'], name: string, bytes: Buffer) {
    this.kind = kind
    this.name = name
    this.bytes = bytes
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
    super(output.kind, output.name, output.bytes)
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

/** The bytes of an encoded output; undefined for one held as text. */
export function bytesOf(file: object): Buffer | undefined {
  return file instanceof EncodedOutput ? file.bytes : undefined
}
