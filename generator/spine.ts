/** spine: errgen's one composition, read first — options → config → documents → trees → tables → catalog → contract → files; reads, never writes (the CLI writes, the library returns). */
import path from 'node:path'
import type {Root} from 'mdast'
import type {VFile} from 'vfile'
import {buildCatalog, type CatalogOptions} from './catalog/build.js'
import {loadConfig} from './config/load-io.js'
import {type CompareOptions, compareWithEarlier, type Contract} from './contract/earlier.js'
import {IoError} from './diagnostics/io-error.js'
import {applyRuleSettings, isClean} from './diagnostics/messages.js'
import type {Progress} from './diagnostics/progress.js'
import type {EmitCache} from './emit/cache.js'
import type {EmitWorker} from './emit/parallel/outputs.js'
import {encodeOutput, located} from './emit/encoded.js'
import type {OneAtATime} from './emit/index.js'
import type {LocaleDocuments} from './locales/translate.js'
import type {ParseCache} from './parse/cache.js'
import type {Parser} from './parse/parse.js'
import {readDocuments} from './read/documents-io.js'
import {charactersIn, reportOversizedLines} from './read/limits.js'
import {reportNoCodes, validate} from './tables/validate.js'
import type {Catalog, Config, EmitOptions, GeneratedFile, GenerateOptions, OutputFile, ReadDocument, ReadOptions, TableInfo} from './types.js'

export type {CompareOptions, Contract} from './contract/earlier.js'

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
  /** The catalog compared with (`against`, or the outputs replaced) and the comparison; undefined when nothing was compared. */
  readonly contract?: Contract | undefined
  /** The error tables read, where they are and which columns they have. */
  readonly tables: ReadonlyArray<TableInfo>
}

/** How a run is prepared: the library's and the command's options, and what a run may keep for the next. */
export interface PrepareOptions extends CompareOptions {
  /** The trees of the last run's texts (`--watch`): a document or slice whose text is unchanged is not parsed again. */
  readonly parseCache?: ParseCache | undefined
  /**
   * Parse small documents (`parsedHereUpTo`) on this thread when there is no `parseCache`: a process that runs once
   * (the command) then starts no parse worker; a host that runs again keeps its workers between runs.
   */
  readonly smallHere?: boolean | undefined
  /**
   * Keep each output as its UTF-8 bytes, encoded as soon as it is emitted, its text decoded again only when asked
   * (the command, which writes bytes: one output's text alive at a time); the library keeps the texts.
   */
  readonly encodeOutputs?: boolean | undefined
  /** The texts of the last run's entries in each output (`--watch`): an entry that is unchanged is not written again. */
  readonly emitCache?: EmitCache | undefined
  /**
   * Told the configuration and the project's directory as soon as they are read, before any document is: the command
   * refuses an output directory outside the project here (a throw ends the run), not after parsing a large document.
   */
  readonly onConfig?: ((config: Config, base: string) => Promise<void>) | undefined
}

/** What a run adds to a compilation: the configuration file (for a body field's message), the progress line, the session's emit cache and how the outputs are settled. */
export interface CompileExtras {
  readonly configFile?: VFile | undefined
  readonly progress?: Progress | undefined
  readonly emitCache?: EmitCache | undefined
  readonly oneAtATime?: OneAtATime | undefined
}

/** The catalog and the outputs of some documents. */
export interface Compiled {
  readonly catalog: Catalog
  /** The outputs; empty when any document has an error. */
  readonly files: Array<OutputFile>
  /** Whether no document has an error. */
  readonly ok: boolean
  /** The error tables read. */
  readonly tables: ReadonlyArray<TableInfo>
}

/** The whole run in memory: the configuration, the documents, their catalog and outputs, checked against the contract. */
export async function prepare(options: PrepareOptions): Promise<Prepared> {
  const cwd = path.resolve(options.cwd ?? process.cwd())
  const {config, file: configFile, base} = await loadConfig(cwd, options)
  const reports = configFile ? [configFile] : []
  if (!config) return {ok: false, config, catalog: undefined, files: [], reports, cwd, base, documents: [], tables: []}
  await options.onConfig?.(config, base)

  const progress = options.progress
  progress?.stage('reading the documents')
  const {files: documents, read} = await readDocuments(config, options.documents, cwd, base)
  reports.push(...documents)

  progress?.stage('parsing the documents')
  let parsedRows = 0
  const onRows = progress ? (rows: number) => progress.rowsRead((parsedRows += rows)) : undefined
  // Large documents' workers are started before the documents' lines are checked and their slices planned: they load the parser meanwhile.
  if (options.parseCache === undefined && !isSmall(documents)) startWorkersEarly(documents)
  const parser: Parser = (files) => (options.smallHere && options.parseCache === undefined && isSmall(files) ? parseHere(files) : parseThere(files, onRows, options.parseCache))
  const oneAtATime = options.encodeOutputs ? {settle: encodeOutput, collect: options.parseCache === undefined && options.emitCache === undefined} : undefined
  const compiled = await compile(documents, config, parser, {configFile, progress, emitCache: options.emitCache, oneAtATime})
  progress?.stage('comparing with the earlier outputs')
  const contract = compiled.ok ? await compareWithEarlier(compiled.catalog, documents, config, cwd, options, reports, compiled.files) : undefined
  const ok = compiled.ok && (contract === undefined || isClean([...documents, ...contract.before.files]))
  const out = path.resolve(cwd, config.out)
  const files = ok ? compiled.files.map((file) => located(file, path.join(out, file.name))) : []
  return {ok, config, catalog: compiled.catalog, files, reports, cwd, base, documents: read, contract, tables: compiled.tables}
}

/**
 * Trees → tables → catalog → outputs. The documents are parsed in worker threads while this thread loads the
 * emitters (with `oneAtATime`, the outputs are emitted one at a time, each settled before the next: see `emitWith`;
 * for large documents, a worker thread that emits all but the OpenAPI document at the same time is started then, and
 * loads its emitters once the documents are parsed);
 * messages are added to the documents (and, for a body field the tables lack, to the configuration file), and
 * nothing is emitted when any is an error.
 */
export async function compile(
  documents: ReadonlyArray<VFile>,
  options: ReadOptions & EmitOptions,
  parser: Parser = parseThere,
  {configFile, progress, emitCache, oneAtATime}: CompileExtras = {}
): Promise<Compiled> {
  // Once the documents are parsed, an emit worker loads its emitters (ts-morph, for the TypeScript module) on the core the parse no longer needs, while this thread builds the catalog.
  let worker: EmitWorker | undefined
  let parsed = false
  const parsing: Parser = async (files) => {
    const trees = await parser(files)
    parsed = true
    worker?.load()
    return trees
  }
  const catalogging = catalogOf(documents, options, parsing)
  // A failed parse is thrown where the catalog is awaited, below; until then (the emitters load for a second) it must not count as unhandled, which would end the host's process.
  catalogging.catch(() => undefined)
  const {loadEmitters, emitOutputs, startEmitWorker, checkBodyFields} = await loadEmitStage()
  worker = startEmitWorker(documents, options, {cache: emitCache, oneAtATime})
  if (parsed) worker?.load()
  // The worker's first output's emitter is not loaded here unless this thread emits it after all.
  const deferred = worker?.leads === undefined ? [] : [worker.leads]
  try {
    const emitters = await loadEmitters(options, (kind) => !deferred.includes(kind))
    const {catalog, ok: read, tables} = await catalogging
    progress?.rowsRead(catalog.entries.length)
    progress?.stage('generating the outputs')
    const ok = read && (await checkBodyFields(catalog, options.body, configFile, documents))
    return {catalog, files: ok ? await emitOutputs(emitters, catalog, options, {cache: emitCache, oneAtATime, worker, deferred}) : [], ok, tables}
  } finally {
    // Ended already when it emitted; stopped when the run did not need it.
    await worker?.stop()
  }
}

/**
 * The emit stage's modules, loaded here only, as the emitters are: a run answered from the manifest loads none of them
 * (nor Ajv and yaml, which placing a body field's error needs). Asked for together, in one round of the module loader
 * rather than three in turn.
 */
async function loadEmitStage() {
  const [emit, parallel, body] = await Promise.all([import('./emit/index.js'), import('./emit/parallel/outputs.js'), import('./config/settings/body.js')])
  return {loadEmitters: emit.loadEmitters, emitOutputs: parallel.emitOutputs, startEmitWorker: parallel.startEmitWorker, checkBodyFields: body.checkBodyFields}
}

/** Trees → tables → catalog: the part of the composition an earlier revision's documents go through too. */
export async function catalogOf(
  documents: ReadonlyArray<VFile>,
  options: ReadOptions & CatalogOptions,
  parser: Parser
): Promise<{catalog: Catalog, ok: boolean, tables: Array<TableInfo>}> {
  const parseable = documents.filter((file) => !reportOversizedLines(file))
  const trees = await parser(parseable)
  const treeOf = new Map(parseable.map((file, index) => [file, treeAt(trees, index)]))
  const tables = documents.map((file) => {
    const tree = treeOf.get(file)
    return tree ? validate(tree, file, options) : unread
  })
  const {main, locales} = byLocale(documents, tables, options.locales)
  const catalog = buildCatalog(main.map(([, table]) => table), options, main.map(([file]) => file.path), locales)
  if (options.rules) applyRuleSettings(documents, options.rules)
  if (catalog.entries.length === 0 && isClean(documents)) reportNoCodes(documents)
  return {catalog, ok: isClean(documents), tables: tables.flatMap((table) => table.tables)}
}

/**
 * The configuration, how its documents' error tables are read (the column of each header cell) and their catalog,
 * with the documents' messages: what `--print-config` and `explain` show. The tables are undefined, with the reason,
 * when the documents cannot be read.
 */
export async function describeTables(
  options: GenerateOptions
): Promise<{config: Config | undefined, reports: Array<VFile>, tables?: ReadonlyArray<TableInfo>, catalog?: Catalog, unread?: string}> {
  const cwd = path.resolve(options.cwd ?? process.cwd())
  const {config, file: configFile, base} = await loadConfig(cwd, options)
  const reports = configFile ? [configFile] : []
  if (!config) return {config, reports}
  try {
    const {files} = await readDocuments(config, options.documents, cwd, base)
    // Loaded here only, as a run loads it for small documents only (the workers parse the others).
    const {parseInThisThread} = await import('./parse/parse.js')
    reports.push(...files)
    const {tables, catalog} = await catalogOf(files, config, parseInThisThread)
    return {config, reports, tables, catalog}
  } catch (cause) {
    if (!(cause instanceof IoError)) throw cause
    return {config, reports, unread: cause.message}
  }
}

/**
 * Up to this many characters (about 150 rows), the command (`smallHere`) parses its documents on this thread:
 * a parse worker's start and its own load of remark cost more CPU than the parse (the seed: 0.13 s of CPU saved, of
 * about 1 s), and the documents are one slice anyway.
 */
const parsedHereUpTo = 20_000

function isSmall(documents: ReadonlyArray<VFile>): boolean {
  return charactersIn(documents) <= parsedHereUpTo
}

/** The documents' trees, parsed in worker threads (their module loaded only by a run that parses there). */
async function parseThere(documents: ReadonlyArray<VFile>, onRows?: (rows: number) => void, cache?: ParseCache): Promise<Array<Root>> {
  const {parseInWorkers} = await import('./parse/workers.js')
  return parseInWorkers(documents, undefined, onRows, cache)
}

/** The parse workers started now for documents large enough to keep them busy (`startParseWorkers`): they load the parser while this thread checks the documents' lines and plans their slices. */
function startWorkersEarly(documents: ReadonlyArray<VFile>): void {
  import('./parse/workers.js').then(({startParseWorkers}) => startParseWorkers(documents), () => undefined)
}

/** The documents' trees, parsed on this thread. */
async function parseHere(documents: ReadonlyArray<VFile>): Promise<Array<Root>> {
  const {parseInThisThread} = await import('./parse/parse.js')
  return parseInThisThread(documents)
}

/** The documents of the default locale, and those of each other locale's translations (`locales` in the configuration), with what each gives. */
function byLocale(
  documents: ReadonlyArray<VFile>,
  tables: ReadonlyArray<ReadDocument>,
  locales: Readonly<Record<string, string>> | undefined
): {main: Array<[VFile, ReadDocument]>, locales: Array<LocaleDocuments>} {
  const localeOf = new Map(Object.entries(locales ?? {}).map(([tag, file]) => [file, tag]))
  const pairs = documents.map((file, index) => [file, tables[index] ?? unread] as [VFile, ReadDocument])
  const translated = Object.keys(locales ?? {}).map((locale) => ({locale, documents: pairs.filter(([file]) => localeOf.get(file.path) === locale).map(([, table]) => table)}))
  return {main: pairs.filter(([file]) => !localeOf.has(file.path)), locales: translated}
}

/** What a document that is not parsed gives: no rows. */
const unread: ReadDocument = {rows: [], codes: [], tables: []}

function treeAt<T>(trees: ReadonlyArray<T>, index: number): T {
  const tree = trees[index]
  if (tree === undefined) throw new Error('expected a tree for document ' + index + ', the parser gave ' + trees.length)
  return tree
}
