/** documents-io: the configuration (or documents given in memory) in, each document read once and decoded out — its VFile, with every ill-formed UTF-8 sequence a located error, and the bytes that were parsed, for the fingerprint. */
import path from 'node:path'
import {VFile} from 'vfile'
import {displayPath, IoError} from '../diagnostics/io-error.js'
import {reportIllFormed} from '../diagnostics/messages.js'
import type {Config, GenerateOptions} from '../types.js'
import {readBytes} from './files-io.js'
import {inputFiles} from './inputs-io.js'
import {documentPatterns} from './patterns.js'
import {decodeUtf8Lossy} from './utf8.js'

/** The documents of a run: their VFiles, and their bytes as they were read. */
export interface Documents {
  readonly files: Array<VFile>
  /** Relative to the working directory, with exactly the bytes that were parsed. */
  readonly read: Array<{readonly path: string, readonly bytes: Uint8Array}>
}

/**
 * The documents given in memory, or else every document the configuration names.
 *
 * @param base the configuration's directory, which its globs may search besides the working directory
 */
export async function readDocuments(config: Config, given: GenerateOptions['documents'], cwd: string, base: string): Promise<Documents> {
  const sources = given
    ? given.map((document) => ({path: displayPath(path.resolve(cwd, document.path), cwd), value: document.value}))
    : await readFiles(config, cwd, base)
  return {
    files: sources.map((source) => decodeDocument(source.value, source.path)),
    read: sources.map((source) => ({path: source.path, bytes: bytesOf(source.value)}))
  }
}

/** Read every document the configuration names (the input, then each locale's translations), once: these bytes are parsed, and fingerprinted. */
async function readFiles(config: Config, cwd: string, base: string): Promise<Array<{path: string, value: Uint8Array}>> {
  const files = await inputFiles(documentPatterns(config), cwd, [cwd, base])
  return Promise.all(files.map(async (shown) => ({path: shown, value: await readBytes(path.resolve(cwd, shown), shown)})))
}

/** A document's bytes, for the fingerprint (a document given in memory as a string is encoded as UTF-8). */
function bytesOf(value: string | Uint8Array): Uint8Array {
  return typeof value === 'string' ? Buffer.from(value, 'utf8') : value
}

/**
 * Decode a document: every ill-formed UTF-8 sequence is a located error (never a silent U+FFFD), and the rest of the
 * document is still checked; an empty or blank file is an IoError.
 */
function decodeDocument(value: string | Uint8Array, shown: string): VFile {
  const {text, illFormed} = typeof value === 'string' ? {text: value.replace(/^\uFEFF/, ''), illFormed: []} : decodeUtf8Lossy(value)
  if (text === '') throw new IoError('cannot read ' + shown + ': the file is empty')
  if (text.trim() === '') throw new IoError('cannot read ' + shown + ': the file holds only white space')
  const file = new VFile({path: shown, value: text})
  reportIllFormed(file, illFormed)
  return file
}
