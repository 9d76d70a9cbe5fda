/** against: a git revision or an old output directory in, the catalog as it was there out — the documents read with `git show REF:<path>` and checked as now, or the entries read back from the outputs. */
import {execFile} from 'node:child_process'
import {stat} from 'node:fs/promises'
import path from 'node:path'
import {promisify} from 'node:util'
import picomatch from 'picomatch'
import {isDynamicPattern} from 'tinyglobby'
import {VFile} from 'vfile'
import {buildCatalog} from '../catalog/build.js'
import {decodeUtf8} from '../read/utf8.js'
import {displayPath, IoError} from '../diagnostics/io-error.js'
import {readIfExists} from '../read/files-io.js'
import {parse} from '../parse/parse.js'
import {readBack} from './read-back.js'
import {validate} from '../tables/validate.js'

/**
 * @import {Before} from './compare.js'
 * @import {Config, OutputKind, Snapshot} from '../types.js'
 */

const run = promisify(execFile)

/**
 * The catalog at `against`: an output directory when one exists at that path, else a git revision.
 *
 * @param {string} against
 * @param {Config} config
 * @param {string} cwd
 * @returns {Promise<Before>}
 */
export async function loadBefore(against, config, cwd) {
  const directory = path.resolve(cwd, against)
  const isDirectory = await stat(directory).then((info) => info.isDirectory(), () => false)
  return isDirectory ? fromOutputs(directory, config, cwd) : fromGit(against, config, cwd)
}

/** The outputs to read back, most complete first: OpenAPI and TypeScript hold statuses, the JSON Schema does not. */
const preference = /** @type {const} */ (['openapi', 'typescript', 'jsonSchema'])

/**
 * Read the entries back from the first output errgen generated there.
 *
 * @param {string} directory
 * @param {Config} config
 * @param {string} cwd
 * @returns {Promise<Before>}
 */
async function fromOutputs(directory, config, cwd) {
  for (const kind of preference) {
    const name = config.outputs[kind]
    if (!name) continue
    const file = path.join(directory, name)
    const shown = displayPath(file, cwd)
    const bytes = await readIfExists(file, shown)
    if (!bytes) continue
    /** @type {Array<Snapshot>} */
    let entries
    try {
      entries = await readBack(kind, bytes.toString('utf8'))
    } catch {
      throw new IoError('cannot compare with ' + shown + ': it is not an output errgen generated')
    }
    return snapshotBefore(displayPath(directory, cwd), kind, entries, new VFile({path: shown}))
  }
  throw new IoError('cannot compare with ' + displayPath(directory, cwd) + ': it holds no errgen output')
}

/**
 * @param {string} label
 * @param {OutputKind} kind
 * @param {Array<Snapshot>} entries
 * @param {VFile} file
 * @returns {Before}
 */
function snapshotBefore(label, kind, entries, file) {
  const knowsColumns = kind !== 'jsonSchema'
  return {
    label,
    codeKind: entries.some((entry) => typeof entry.code === 'string') ? 'string' : 'integer',
    hasStatus: knowsColumns ? entries.some((entry) => entry.status !== undefined) : undefined,
    hasResolve: knowsColumns ? entries.some((entry) => entry.resolve !== undefined) : undefined,
    entries,
    file,
    files: [file]
  }
}

/**
 * Read the documents at a git revision and build their catalog with the current configuration.
 *
 * @param {string} ref
 * @param {Config} config
 * @param {string} cwd
 * @returns {Promise<Before>}
 */
async function fromGit(ref, config, cwd) {
  const top = await git(['rev-parse', '--show-toplevel'], cwd, 'cannot compare with ' + ref + ': not in a git repository')
  await git(['rev-parse', '--verify', '--quiet', ref + '^{commit}'], cwd, 'cannot compare with ' + ref + ': no such file, directory or git revision')
  const root = top.trim()
  const paths = await pathsAt(ref, config, cwd, root)

  const documents = []
  for (const file of paths) {
    const shown = ref + ':' + file
    const content = await git(['show', ref + ':' + file], root, 'cannot read ' + shown, 'buffer')
    const decoded = decodeUtf8(content)
    if (!('text' in decoded)) throw new IoError('cannot compare with ' + ref + ': ' + file + ' is not UTF-8 there')
    documents.push(new VFile({path: shown, value: decoded.text}))
  }

  const read = documents.map((file) => validate(parse(file), file, config))
  const catalog = buildCatalog(read, config, documents.map((file) => file.path))
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
      file: byPath.get(entry.source.file),
      place: entry.source.places.code
    })),
    file: documents[0] ?? new VFile({path: ref}),
    files: documents
  }
}

/**
 * The documents' paths (relative to the repository) at the revision: each path that exists there, and the files
 * there that a glob matches.
 *
 * @param {string} ref
 * @param {Config} config
 * @param {string} cwd
 * @param {string} root the repository's top directory
 * @returns {Promise<Array<string>>}
 */
async function pathsAt(ref, config, cwd, root) {
  const listing = await git(['ls-tree', '-r', '--name-only', '-z', ref], root, 'cannot list the files of ' + ref)
  const tracked = String(listing).split('\0').filter(Boolean)
  /** @type {Set<string>} */
  const found = new Set()
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

/**
 * Run git; an IoError with `failure` when it fails.
 *
 * @overload
 * @param {Array<string>} args
 * @param {string} cwd
 * @param {string} failure
 * @returns {Promise<string>}
 */
/**
 * @overload
 * @param {Array<string>} args
 * @param {string} cwd
 * @param {string} failure
 * @param {'buffer'} encoding
 * @returns {Promise<Buffer>}
 */
/**
 * @param {Array<string>} args
 * @param {string} cwd
 * @param {string} failure
 * @param {'buffer' | 'utf8'} [encoding]
 * @returns {Promise<string | Buffer>}
 */
async function git(args, cwd, failure, encoding = 'utf8') {
  try {
    const {stdout} = await run('git', args, {cwd, encoding, maxBuffer: 256 * 1024 * 1024})
    return stdout
  } catch (cause) {
    throw new IoError(failure, {cause})
  }
}
