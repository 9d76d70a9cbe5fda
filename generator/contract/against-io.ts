/** against-io: a git revision or an old output directory in, the catalog as it was there out — the documents (and the locales' documents of translations) read with `git show REF:<path>` and checked as now, or the entries read back from the outputs. */
import {execFile} from 'node:child_process'
import {stat} from 'node:fs/promises'
import path from 'node:path'
import {promisify} from 'node:util'
import picomatch from 'picomatch'
import {isDynamicPattern} from 'tinyglobby'
import {VFile} from 'vfile'
import {decodeUtf8} from '../read/utf8.js'
import {IoError} from '../diagnostics/io-error.js'
import {parseInThisThread} from '../parse/parse.js'
import {fromOutputs} from './outputs-io.js'
import {problemTypeOrUndefined} from '../config/settings/problem-template.js'
import {catalogOf} from '../spine.js'
import type {Before} from './compare.js'
import type {Config} from '../types.js'

const run = promisify(execFile)

/** The catalog at `against`: an output directory when one exists at that path, else a git revision. */
export async function loadBefore(against: string, config: Config, cwd: string): Promise<Before> {
  const directory = path.resolve(cwd, against)
  const isDirectory = await stat(directory).then((info) => info.isDirectory(), () => false)
  // Named in messages and release notes as it was given, like a revision: not as a path of this machine.
  return isDirectory ? fromOutputs(directory, config, cwd, against) : fromGit(against, config, cwd)
}

/** Read the documents at a git revision and build their catalog with the current configuration. */
async function fromGit(ref: string, config: Config, cwd: string): Promise<Before> {
  const top = await git(['rev-parse', '--show-toplevel'], cwd, 'cannot compare with ' + ref + ': not in a git repository')
  await git(['rev-parse', '--verify', '--quiet', ref + '^{commit}'], cwd, 'cannot compare with ' + ref + ': no such file, directory or git revision')
  const root = top.trim()
  const tracked = await trackedFiles(ref, root)
  const locales = localesAt(config, cwd, root, tracked)
  const paths = [...new Set([...pathsAt(config, cwd, root, tracked), ...Object.values(locales)])]

  const documents: Array<VFile> = []
  for (const file of paths) {
    const shown = ref + ':' + file
    const content = await git(['show', ref + ':' + file], root, 'cannot read ' + shown, 'buffer')
    const decoded = decodeUtf8(content)
    if (!('text' in decoded)) throw new IoError('cannot compare with ' + ref + ': ' + file + ' is not UTF-8 there')
    documents.push(new VFile({path: shown, value: decoded.text}))
  }

  const atRevision = Object.fromEntries(Object.entries(locales).map(([locale, file]) => [locale, ref + ':' + file]))
  const {catalog} = await catalogOf(documents, {...config, locales: config.locales === undefined ? undefined : atRevision}, parseInThisThread)
  const problem = documents.flatMap((file) => file.messages).find((message) => message.fatal)
  if (problem) throw new IoError('cannot compare with ' + ref + ': its documents have errors, first ' + problem.file + ':' + problem.line + ':' + problem.column + ' ' + problem.reason)
  for (const file of documents) file.messages.length = 0

  const byPath = new Map(documents.map((file) => [file.path, file]))
  return {
    label: ref,
    codeKind: catalog.codeKind,
    hasStatus: catalog.hasStatus,
    hasResolve: catalog.hasResolve,
    entries: catalog.entries.map((entry) => ({
      code: entry.code,
      name: entry.name,
      status: entry.status,
      message: entry.message,
      resolve: entry.resolve,
      deprecated: entry.deprecated !== undefined,
      type: problemTypeOrUndefined(config.problem, entry),
      ...(entry.translations ? {translations: entry.translations} : {}),
      file: byPath.get(entry.source.file),
      place: entry.source.places.code
    })),
    statuses: catalog.statuses.map(({code, name}) => ({code, name})),
    file: documents[0] ?? new VFile({path: ref}),
    files: documents
  }
}

/** The files of the revision, relative to the repository's top directory. */
async function trackedFiles(ref: string, root: string): Promise<Array<string>> {
  const listing = await git(['ls-tree', '-r', '--name-only', '-z', ref], root, 'cannot list the files of ' + ref)
  return String(listing).split('\0').filter(Boolean)
}

/** The document of each locale's translations (`locales`) that the revision has, relative to the repository: a locale without one there had no translations then. */
function localesAt(config: Config, cwd: string, root: string, tracked: ReadonlyArray<string>): Record<string, string> {
  const relative = Object.entries(config.locales ?? {}).map(([locale, file]) => [locale, path.relative(root, path.resolve(cwd, file)).split(path.sep).join('/')] as const)
  return Object.fromEntries(relative.filter(([, file]) => tracked.includes(file)))
}

/**
 * The documents' paths (relative to the repository) at the revision: each path that exists there, and the files
 * there that a glob matches.
 *
 * @param root the repository's top directory
 */
function pathsAt(config: Config, cwd: string, root: string, tracked: ReadonlyArray<string>): Array<string> {
  const found = new Set<string>()
  for (const pattern of config.input) {
    const relative = path.relative(root, path.resolve(cwd, pattern)).split(path.sep).join('/')
    if (isDynamicPattern(pattern)) {
      const matches = picomatch(relative)
      for (const file of tracked.filter((file) => matches(file)).sort()) found.add(file)
    } else if (tracked.includes(relative)) {
      found.add(relative)
    }
  }
  return [...found]
}

/** Run git; an IoError with `failure` when it fails. */
async function git(args: Array<string>, cwd: string, failure: string): Promise<string>
async function git(args: Array<string>, cwd: string, failure: string, encoding: 'buffer'): Promise<Buffer>
async function git(args: Array<string>, cwd: string, failure: string, encoding: 'buffer' | 'utf8' = 'utf8'): Promise<string | Buffer> {
  try {
    const {stdout} = await run('git', args, {cwd, encoding, maxBuffer: 256 * 1024 * 1024})
    return stdout
  } catch (cause) {
    throw new IoError(failure, {cause})
  }
}
