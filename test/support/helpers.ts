/** Test helpers: run errgen in-process or as a real process, temp directories, documents through the pipeline in this thread, and the TypeScript compiler under the strict flags. */
import {execFile} from 'node:child_process'
import {createHash} from 'node:crypto'
import {cp, mkdir, mkdtemp, readdir, readFile, rm, stat, utimes, writeFile} from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import ts from 'typescript'
import {VFile} from 'vfile'
import {resolve} from '../../generator/config/resolve.js'
import type {ParseRequest} from '../../generator/parse/messages.js'
import {parse, parseInThisThread, parseRequest, type Parser} from '../../generator/parse/parse.js'
import {compile} from '../../generator/spine.js'
import type {Catalog, Config, ConfigFile} from '../../generator/types.js'
import type {Root} from 'mdast'
import {runCommand, runMain, type Outcome} from './run-main.js'

export {strictOptions, typeCheck, typeCheckProject, typeCheckTogether} from './type-check.js'

export type {Outcome} from './run-main.js'

export const root = fileURLToPath(new URL('../..', import.meta.url))
export const bin = path.join(root, 'dist', 'cli', 'bin.js')
export const seed = path.join(root, 'input', 'error-codes.md')
export const committedOutput = path.join(root, 'output')

const temporary: Array<string> = []

/** Remove the directories tempDirectory made; the setup file calls it after each test file. */
export async function removeTempDirectories(): Promise<void> {
  const made = temporary.splice(0)
  await Promise.all(made.map((directory) => rm(directory, {recursive: true, force: true})))
}

/** A new empty directory, removed after the test file. */
export async function tempDirectory(): Promise<string> {
  const directory = await mkdtemp(path.join(os.tmpdir(), 'errgen-test-'))
  temporary.push(directory)
  return directory
}

/** Run errgen's main in this process. */
export function runInProcess(argv: ReadonlyArray<string>, cwd: string = root): Promise<Outcome> {
  return runMain(argv, cwd)
}

/**
 * Run the `errgen` command in this process: what the bin runs (the fast path, then main), with what it prints and its
 * exit code kept; the tests that need a real process (its user, environment, signals, imports) use runProcess.
 */
export function runCli(argv: ReadonlyArray<string>, cwd: string = root): Promise<Outcome> {
  return runCommand(argv, cwd)
}

/** A user to run a process as. */
export interface User {
  uid: number
  gid: number
}

/**
 * A user to run errgen as in permission tests, so that they mean something when the tests run as root (who may read
 * and write anything): `nobody` when this process is root; undefined otherwise (the tests' own user is then bound by
 * permissions already), or when root and there is no `nobody`.
 */
export const unprivilegedUser = process.getuid?.() === 0 ? await lookUpUser('nobody') : undefined

/** Whether permission tests can fail: not root, or root with a user to run errgen as. */
export const permissionsApply = process.getuid?.() !== 0 || unprivilegedUser !== undefined

async function lookUpUser(name: string): Promise<User | undefined> {
  const passwd = await readFile('/etc/passwd', 'utf8').catch(() => '')
  const fields = passwd.split('\n').find((line) => line.startsWith(name + ':'))?.split(':')
  return fields ? {uid: Number(fields[2]), gid: Number(fields[3])} : undefined
}

/**
 * Run the `errgen` bin as a real process.
 *
 * @param env added to this process's environment
 * @param user the user to run it as (this process's by default)
 */
export function runProcess(argv: ReadonlyArray<string>, cwd: string = root, env: Record<string, string> = {}, user: User | undefined = undefined): Promise<Outcome> {
  return runFile(process.execPath, [bin, ...argv], cwd, env, user)
}

/** Run a program as a real process: its exit code (-1 when it has none) and output; a non-zero exit is not thrown. */
export function runFile(file: string, args: ReadonlyArray<string>, cwd: string = root, env: Record<string, string> = {}, user: User | undefined = undefined): Promise<Outcome> {
  return new Promise((resolve) => {
    execFile(file, [...args], {cwd, env: {...process.env, ...env}, ...user}, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0
      resolve({code, stdout, stderr})
    })
  })
}

/**
 * The files of a directory: name → bytes; errgen's manifest (a dotfile, which depends on errgen's own code) is left
 * out, tests of it read it by name.
 */
export async function readTree(directory: string): Promise<Map<string, Buffer>> {
  const names = (await readdir(directory)).filter((name) => !name.startsWith('.')).sort()
  const entries = await Promise.all(names.map(async (name) => [name, await readFile(path.join(directory, name))] as const))
  return new Map(entries)
}

/** One file of a snapshot. */
export interface SnapshotEntry {
  name: string
  digest: string
  mtime: number
}

/**
 * Each file of a directory with a digest of its bytes and its modification time: equal snapshots mean nothing was
 * written, renamed or touched.
 */
export async function snapshot(directory: string): Promise<Array<SnapshotEntry>> {
  const names = (await readdir(directory)).sort()
  return Promise.all(
    names.map(async (name) => {
      const file = path.join(directory, name)
      const digest = createHash('sha256').update(await readFile(file)).digest('hex')
      return {name, digest, mtime: (await stat(file)).mtimeMs}
    })
  )
}

/** Set the modification time of every file of a directory one hour back, so that a rewrite shows. */
export async function age(directory: string): Promise<void> {
  const past = new Date(Date.now() - 3_600_000)
  for (const name of await readdir(directory)) await utimes(path.join(directory, name), past, past)
}

/**
 * Write files into a directory, aged an hour: the outputs of an earlier run.
 *
 * @param files name → bytes
 */
export async function writeEarlierFiles(directory: string, files: ReadonlyMap<string, Uint8Array>): Promise<void> {
  for (const [name, bytes] of files) await writeFile(path.join(directory, name), bytes)
  await age(directory)
}

/** An evaluated module's exports: any, as their shape is what the tests check. */
export type Evaluated = Record<string, any>

/**
 * The modules evaluate made, by their TypeScript source: Node keeps one module for each data: URL, so the same source
 * gave the same module already; this spares compiling it again (the fixtures' outputs are evaluated by several files).
 */
const evaluated = new Map<string, Promise<Evaluated>>()

/** Compile a TypeScript module to JavaScript and import it (once for each source). */
export function evaluate(source: string): Promise<Evaluated> {
  let module = evaluated.get(source)
  if (module === undefined) {
    const {outputText} = ts.transpileModule(source, {
      compilerOptions: {target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext}
    })
    module = import('data:text/javascript;base64,' + Buffer.from(outputText).toString('base64')) as Promise<Evaluated>
    evaluated.set(source, module)
  }
  return module
}

/** The configuration the CLI resolves for documents, with a configuration file's settings over the defaults. */
export function configFor(input: ReadonlyArray<string>, written: ConfigFile = {}): Config {
  return resolve(written, {input}, {cwd: root, base: root, version: '0.1.0'})
}

/** What the pipeline gives for documents: the catalog, and each output's text by file name. */
export interface Generated {
  catalog: Catalog
  outputs: Record<string, string>
}

/**
 * Run the pipeline (parsing in this thread) on markdown documents; throws when they have errors.
 *
 * @param documents path → markdown
 * @param written configuration settings
 */
export async function generateFrom(documents: Record<string, string>, written: ConfigFile = {}): Promise<Generated> {
  const files = Object.entries(documents).map(([path, value]) => new VFile({path, value}))
  const result = await compile(files, configFor(Object.keys(documents), written), parseInThisThread)
  if (!result.ok) throw new Error(files.flatMap((file) => file.messages.map(String)).join('\n'))
  const outputs: Record<string, string> = Object.fromEntries(result.files.map((file) => [file.name, file.text]))
  return {catalog: result.catalog, outputs}
}

/** The seed document's catalog and outputs. */
export async function generateSeed(): Promise<Generated> {
  return generateFrom({'input/error-codes.md': await readFile(seed, 'utf8')})
}

/** Markdown that renders as exactly `text`: every ASCII punctuation character backslash-escaped. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[!-/:-@[-`{-~]/g, '\\$&')
}

/** A new project directory with the seed as input/error-codes.md, and optionally an errgen.config.json. */
export async function project(config?: object): Promise<string> {
  const directory = await tempDirectory()
  await mkdir(path.join(directory, 'input'))
  await cp(seed, path.join(directory, 'input', 'error-codes.md'))
  if (config) await writeFile(path.join(directory, 'errgen.config.json'), JSON.stringify(config, null, 2) + '\n')
  return directory
}

/**
 * A parser for tests that compare runs of the same texts: each text is parsed once, in this thread, and kept as `keep`
 * makes it; each call gets a tree of its own, made by `give` from what was kept (a parse of its own would give an
 * equal tree, and no run sees another's changes to it).
 *
 * @param most how many texts are kept; the oldest are dropped beyond it
 */
export function parsedOnce<T>(keep: (tree: Root) => T, give: (kept: T) => Root, most = Number.POSITIVE_INFINITY): Parser {
  const parseOne = parsedOnceBy((file: VFile) => parse(file), (file) => String(file), keep, give, most)
  return async (files) => files.map(parseOne)
}

/**
 * `parsedOnce` for parse workers' requests (a slice's text, the part of it scanned and the labels it takes as
 * defined): a request asked alike again (a slice that uses no definition, sliced with copies and with labels) is not
 * parsed again.
 */
export function requestsParsedOnce<T>(keep: (tree: Root) => T, give: (kept: T) => Root): (request: ParseRequest) => Root {
  return parsedOnceBy(parseRequest, (request) => JSON.stringify(request), keep, give)
}

/** What `parsedOnce` and `requestsParsedOnce` share: each input parsed once by its key, kept, and given anew to each call. */
function parsedOnceBy<I, T>(parseIt: (input: I) => Root, keyOf: (input: I) => string, keep: (tree: Root) => T, give: (kept: T) => Root, most = Number.POSITIVE_INFINITY): (input: I) => Root {
  const kept = new Map<string, T>()
  return (input) => {
    const key = keyOf(input)
    let value = kept.get(key)
    if (value === undefined) {
      if (kept.size >= most) kept.delete(kept.keys().next().value as string)
      value = keep(parseIt(input))
      kept.set(key, value)
    }
    return give(value)
  }
}
