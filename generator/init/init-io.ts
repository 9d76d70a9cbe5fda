/** init-io: a project directory in, errgen set up in it out — errgen.config.json (its `$schema`, the documents with an error table found there), the editor's .remarkrc.json, the formatters' ignore entries, and the package.json script and CI step printed; no file is ever overwritten. */
import {appendFile, readdir, readFile, writeFile} from 'node:fs/promises'
import path from 'node:path'
import {glob} from 'tinyglobby'
import {VFile} from 'vfile'
import {configFileName, defaultOut} from '../config/defaults.js'
import {resolve} from '../config/resolve.js'
import {errorCode, ioError} from '../diagnostics/io-error.js'
import {readIfExists} from '../read/files-io.js'

/** Where `init` prints, and the project it sets up. */
export interface InitIo {
  readonly cwd: string
  readonly stdout: (text: string) => void
}

/** The markdown files searched for an error table: not in dependencies, build outputs or version control. */
const searchIgnore = ['**/node_modules/**', '**/.git/**', '**/dist/**', '**/build/**', '**/coverage/**']

/** The most markdown files `init` reads, and the largest, in bytes: a project's pages, not a vendored archive. */
const searchLimit = 200
const largestSearched = 1024 * 1024

/** Where the configuration's `$schema` points: the schema errgen ships. */
const schemaPath = './node_modules/errgen/dist/config/config.schema.json'

/** Set errgen up in the working directory; exit 0, or 2 when a file cannot be written. */
export async function init(io: InitIo): Promise<number> {
  const found = await documentsWithTables(io.cwd)
  const input = found.length === 0 ? ['docs/errors.md'] : found
  const out = defaultOut
  const config = {$schema: schemaPath, input: input.length === 1 ? input[0] : input, out}
  const chosen = found.length === 0 ? 'no document with an error table found; write yours in docs/errors.md' : 'input: ' + found.join(', ') + ', found in the project'
  await createFile(io, configFileName, JSON.stringify(config, null, 2) + '\n', chosen)
  await setUpEditor(io)
  await ignoreOutputs(io, out + '/')
  io.stdout(
    '\nAdd to the "scripts" of package.json:\n  "errors": "errgen",\n  "errors:check": "errgen --check"\n' +
      '\nAdd to CI (GitHub Actions), after npm ci:\n  - run: npx errgen --check --format github\n'
  )
  return 0
}

/** The markdown files of the project that hold an error table as errgen reads them, relative to it and sorted. */
async function documentsWithTables(cwd: string): Promise<Array<string>> {
  const names = (await glob('**/*.md', {cwd, ignore: searchIgnore, onlyFiles: true, followSymbolicLinks: false})).sort().slice(0, searchLimit)
  const files: Array<VFile> = []
  for (const name of names) {
    const bytes = await readIfExists(path.join(cwd, name), name, largestSearched).catch(() => undefined)
    if (bytes) files.push(new VFile({path: name, value: bytes.toString('utf8')}))
  }
  if (files.length === 0) return []
  // The reader of a run: a page is found when errgen would read an error table in it.
  const [{catalogOf}, {parseInThisThread}] = await Promise.all([import('../spine.js'), import('../parse/parse.js')])
  const {tables} = await catalogOf(files, resolve({}, {}, {cwd, base: cwd, version: undefined}), parseInThisThread)
  return [...new Set(tables.map((table) => table.file.path))]
}

/** .remarkrc.json with errgen's plugin, unless remark is configured already (then say what to add). */
async function setUpEditor(io: InitIo): Promise<void> {
  const existing = (await namesIn(io.cwd)).find((name) => /^\.remarkrc(\.(json|js|cjs|mjs|yml|yaml))?$/.test(name))
  const inPackage = (await packageJson(io.cwd))['remarkConfig']
  if (existing || inPackage !== undefined) {
    const where = existing ?? 'package.json'
    const text = existing ? (await readFile(path.join(io.cwd, existing), 'utf8').catch(() => '')) : JSON.stringify(inPackage)
    if (text.includes('errgen/remark')) io.stdout('errgen: ' + where + ' has errgen/remark already\n')
    else io.stdout('errgen: remark is configured in ' + where + ': add "errgen/remark" to its plugins for errgen\'s checks in the editor\n')
    return
  }
  const remarkrc = JSON.stringify({plugins: ['remark-gfm', 'errgen/remark']}, null, 2) + '\n'
  await createFile(io, '.remarkrc.json', remarkrc, 'errgen\'s checks in the editor and in remark-cli')
}

/** The output directory in the ignore files of prettier and eslint, when the project configures them. */
async function ignoreOutputs(io: InitIo, entry: string): Promise<void> {
  const names = await namesIn(io.cwd)
  const manifest = await packageJson(io.cwd)
  const prettier = names.some((name) => /^(\.prettierrc(\..+)?|prettier\.config\..+)$/.test(name)) || manifest['prettier'] !== undefined
  if (prettier) await addIgnoreEntry(io, '.prettierignore', entry)
  const flatConfig = names.find((name) => /^eslint\.config\.(js|cjs|mjs|ts|cts|mts)$/.test(name))
  if (flatConfig) io.stdout('errgen: add ignores: ["' + entry + '"] to ' + flatConfig + ', so that eslint leaves the generated files alone\n')
  else if (names.some((name) => /^\.eslintrc(\..+)?$/.test(name)) || manifest['eslintConfig'] !== undefined) await addIgnoreEntry(io, '.eslintignore', entry)
}

/** Add a line to an ignore file (created when missing), unless it has it. */
async function addIgnoreEntry(io: InitIo, name: string, entry: string): Promise<void> {
  const file = path.join(io.cwd, name)
  const text = (await readIfExists(file, name))?.toString('utf8')
  if (text === undefined) return createFile(io, name, entry + '\n', 'the generated files are left alone')
  if (text.split(/\r?\n/).some((line) => line.trim() === entry || line.trim() === entry.slice(0, -1))) {
    io.stdout('errgen: ' + name + ' has ' + entry + ' already\n')
    return
  }
  await appendFile(file, (text === '' || text.endsWith('\n') ? '' : '\n') + entry + '\n').catch((cause: unknown) => {
    throw ioError(cause, 'cannot write ' + name)
  })
  io.stdout('errgen: added ' + entry + ' to ' + name + '\n')
}

/** Create a file, never replacing one: an existing file is left as it is, and said. */
async function createFile(io: InitIo, name: string, text: string, why: string): Promise<void> {
  try {
    await writeFile(path.join(io.cwd, name), text, {flag: 'wx'})
    io.stdout('errgen: wrote ' + name + ' (' + why + ')\n')
  } catch (cause) {
    if (errorCode(cause) !== 'EEXIST') throw ioError(cause, 'cannot write ' + name)
    io.stdout('errgen: ' + name + ' exists: left as it is\n')
  }
}

async function namesIn(directory: string): Promise<Array<string>> {
  return (await readdir(directory)).sort()
}

/** The project's package.json as an object; empty when there is none or it is not JSON. */
async function packageJson(directory: string): Promise<Record<string, unknown>> {
  try {
    const value: unknown = JSON.parse(await readFile(path.join(directory, 'package.json'), 'utf8'))
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {}
  } catch {
    return {}
  }
}
