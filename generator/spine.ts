/** spine: errgen's one composition, read first — options → config → documents → trees → tables → catalog → contract → files; reads, never writes (the CLI writes, the library returns). */
import path from 'node:path'
import {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import type {Before} from './contract/compare.js'
import {buildCatalog, type CatalogOptions} from './catalog/build.js'
import {loadConfig} from './config/load-io.js'
import {displayPath, IoError} from './diagnostics/io-error.js'
import {reportIllFormed} from './diagnostics/messages.js'
import {sortMessages} from './diagnostics/report.js'
import type {Parser} from './parse/parse.js'
import {parseInWorkers} from './parse/workers.js'
import {anyExists, readBytes} from './read/files-io.js'
import {inputFiles} from './read/inputs-io.js'
import {reportOversizedLines} from './read/limits.js'
import {decodeUtf8Lossy} from './read/utf8.js'
import {validate} from './tables/validate.js'
import type {Catalog, Config, EmitOptions, GeneratedFile, GenerateOptions, OutputFile, ReadDocument, ReadOptions} from './types.js'

/** What `generate()` computes, with the VFiles the CLI reports from. */
export interface Prepared {
  readonly ok: boolean
  readonly config: Config | undefined
  readonly catalog: Catalog | undefined
  readonly files: Array<GeneratedFile>
  /** The configuration file and the documents (and an earlier catalog's), with their messages. */
  readonly reports: Array<VFile>
  readonly cwd: string
  /** The configuration file's directory (the working directory when there is none): with it, the project. */
  readonly base: string
  /** The documents read, relative to the working directory, with exactly the bytes that were parsed. */
  readonly documents: Array<{readonly path: string, readonly bytes: Uint8Array}>
  /** The catalog compared with (`against`) and the messages of the comparison; undefined when nothing was compared. */
  readonly contract?: Contract | undefined
}

/** The comparison with an earlier catalog. */
export interface Contract {
  readonly before: Before
  /** Every change, one message each, in document order. */
  readonly messages: ReadonlyArray<VFileMessage>
}

/** The catalog and the outputs of some documents. */
export interface Compiled {
  readonly catalog: Catalog
  /** The outputs; empty when any document has an error. */
  readonly files: Array<OutputFile>
  /** Whether no document has an error. */
  readonly ok: boolean
}

/** The whole run in memory: the configuration, the documents, their catalog and outputs, checked against the contract. */
export async function prepare(options: GenerateOptions): Promise<Prepared> {
  const cwd = path.resolve(options.cwd ?? process.cwd())
  const {config, file: configFile, base} = await loadConfig(cwd, options)
  const reports = configFile ? [configFile] : []
  if (!config) return {ok: false, config, catalog: undefined, files: [], reports, cwd, base, documents: []}

  const sources = options.documents
    ? options.documents.map((document) => ({path: displayPath(path.resolve(cwd, document.path), cwd), value: document.value}))
    : await readDocuments(config, cwd)
  const documents = sources.map((source) => decodeDocument(source.value, source.path))
  reports.push(...documents)

  const compiled = await compile(documents, config)
  const contract = compiled.ok ? await compareWithEarlier(compiled.catalog, documents, config, cwd, options, reports) : undefined
  const ok = compiled.ok && (contract === undefined || isClean([...documents, ...contract.before.files]))
  const out = path.resolve(cwd, config.out)
  const files = ok ? compiled.files.map((file) => ({...file, path: path.join(out, file.name)})) : []
  const read = sources.map((source) => ({path: source.path, bytes: bytesOf(source.value)}))
  return {ok, config, catalog: compiled.catalog, files, reports, cwd, base, documents: read, contract}
}

/**
 * Trees → tables → catalog → outputs. The documents are parsed in worker threads while this thread loads the
 * emitters; messages are added to the documents, and nothing is emitted when any is an error.
 */
export async function compile(documents: ReadonlyArray<VFile>, options: ReadOptions & EmitOptions, parser: Parser = parseInWorkers): Promise<Compiled> {
  const catalogging = catalogOf(documents, options, parser)
  const {emit} = await import('./emit/index.js')
  const {catalog, ok} = await catalogging
  return {catalog, files: ok ? emit(catalog, options) : [], ok}
}

/** Trees → tables → catalog: the part of the composition an earlier revision's documents go through too. */
export async function catalogOf(documents: ReadonlyArray<VFile>, options: ReadOptions & CatalogOptions, parser: Parser): Promise<{catalog: Catalog, ok: boolean}> {
  const parseable = documents.filter((file) => !reportOversizedLines(file))
  const trees = await parser(parseable)
  const tables = documents.map((file) => (parseable.includes(file) ? validate(treeAt(trees, parseable.indexOf(file)), file, options) : unread))
  const catalog = buildCatalog(tables, options, documents.map((file) => file.path))
  return {catalog, ok: documents.every((file) => file.messages.every((message) => !message.fatal))}
}

/** What a document that is not parsed gives: no rows. */
const unread: ReadDocument = {rows: [], codes: [], tables: []}

function treeAt<T>(trees: ReadonlyArray<T>, index: number): T {
  const tree = trees[index]
  if (tree === undefined) throw new Error('expected a tree for document ' + index + ', the parser gave ' + trees.length)
  return tree
}

/**
 * Compare the catalog with the one at `config.against`, adding a message per change; undefined when there is
 * nothing to compare with (no `against`, or, against the output directory itself, a first run with no outputs yet).
 *
 * @param reports receives the earlier catalog's files
 */
async function compareWithEarlier(
  catalog: Catalog,
  documents: ReadonlyArray<VFile>,
  config: Config,
  cwd: string,
  options: GenerateOptions,
  reports: Array<VFile>
): Promise<Contract | undefined> {
  const against = config.against
  if (against === undefined) return undefined
  if (path.resolve(cwd, against) === path.resolve(cwd, config.out) && !(await hasOutputs(config, cwd))) return undefined
  const {loadBefore} = await import('./contract/against-io.js')
  const {compareContract} = await import('./contract/compare.js')
  const before = await loadBefore(against, config, cwd)
  const files = [...new Set([...documents, ...before.files])]
  const earlier = new Map(files.map((file) => [file, file.messages.length]))
  compareContract(before, catalog, new Map(documents.map((file) => [file.path, file])), {allowBreaking: options.allowBreaking ?? false})
  reports.push(...before.files)
  const messages = files.flatMap((file) => sortMessages(file.messages.slice(earlier.get(file) ?? 0)))
  return {before, messages}
}

/** Whether no file has an error. */
function isClean(files: ReadonlyArray<VFile>): boolean {
  return files.every((file) => file.messages.every((message) => !message.fatal))
}

/** Whether any output the configuration names exists in its output directory. */
function hasOutputs(config: Config, cwd: string): Promise<boolean> {
  const names = Object.values(config.outputs).filter((name) => typeof name === 'string')
  return anyExists(names.map((name) => path.resolve(cwd, config.out, name)))
}

/** Read every document the configuration names, once: these bytes are parsed, and fingerprinted. */
async function readDocuments(config: Config, cwd: string): Promise<Array<{path: string, value: Uint8Array}>> {
  const files = await inputFiles(config.input, cwd)
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
