/** run: the spine — command-line arguments in, an exit code out; the only stage that reads and writes files. */
import {readFileSync} from 'node:fs'
import path from 'node:path'
import {parseArgs} from 'node:util'
import {VFile} from 'vfile'
import {error} from './diagnostics.js'
import {checkOutputDirectory, decodeUtf8, ensureDirectory, IoError, readBytes, readIfExists, writeAtomically} from './io.js'
import {report} from './report.js'

/**
 * @import {EmitOptions, OutputFile} from './types.js'
 */

/**
 * @typedef Io
 * @property {string} cwd
 * @property {(text: string) => void} stdout
 * @property {(text: string) => void} stderr
 */

/**
 * @typedef Settings
 * @property {Array<string>} inputs
 * @property {string} out
 * @property {boolean} check
 * @property {boolean} quiet
 * @property {'text' | 'stylish'} format
 */

export const exitOk = 0
export const exitInvalid = 1
export const exitUsage = 2

export const version = /** @type {{version: string}} */ (
  JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'))
).version

const usage = `Usage: errgen [--input FILE]... [--out DIR] [--check] [options]

Generate TypeScript, a JSON Schema and OpenAPI components from the error tables of markdown documents.

Options:
  -i, --input FILE   a markdown document with an error table (repeatable; default input/error-codes.md)
  -o, --out DIR      the output directory (default output)
      --check        write nothing; exit 1 when an output is missing or differs from what would be generated
      --format NAME  how to print diagnostics: text (one line each, default) or stylish (grouped by file)
  -q, --quiet        print errors only
  -h, --help         print this help
  -v, --version      print the version

Exit codes: 0 done or up to date, 1 invalid input or stale outputs, 2 usage or I/O error.
`

/**
 * Run errgen with command-line arguments.
 *
 * @param {ReadonlyArray<string>} argv
 * @param {Io} io
 * @returns {Promise<number>} the exit code
 */
export async function main(argv, io) {
  /** @type {Settings | string} */
  let settings
  try {
    const parsed = parseArguments(argv)
    if (parsed.help) {
      io.stdout(usage)
      return exitOk
    }
    if (parsed.version) {
      io.stdout(version + '\n')
      return exitOk
    }
    settings = parsed.settings
  } catch (cause) {
    io.stderr('errgen: ' + (cause instanceof Error ? cause.message : String(cause)) + '\nTry `errgen --help`.\n')
    return exitUsage
  }

  try {
    return await generate(settings, io)
  } catch (cause) {
    if (cause instanceof IoError) {
      io.stderr('errgen: ' + cause.message + '\n')
      return exitUsage
    }
    throw cause
  }
}

/**
 * @param {ReadonlyArray<string>} argv
 * @returns {{help: boolean, version: boolean, settings: Settings}}
 */
function parseArguments(argv) {
  const {values} = parseArgs({
    args: [...argv],
    options: {
      input: {type: 'string', short: 'i', multiple: true},
      out: {type: 'string', short: 'o'},
      check: {type: 'boolean'},
      format: {type: 'string'},
      quiet: {type: 'boolean', short: 'q'},
      help: {type: 'boolean', short: 'h'},
      version: {type: 'boolean', short: 'v'}
    },
    strict: true,
    allowPositionals: false
  })
  const format = values.format ?? 'text'
  if (format !== 'text' && format !== 'stylish') {
    throw new Error('unknown --format `' + format + '`, expected text or stylish')
  }
  return {
    help: values.help ?? false,
    version: values.version ?? false,
    settings: {
      inputs: values.input ?? ['input/error-codes.md'],
      out: values.out ?? 'output',
      check: values.check ?? false,
      quiet: values.quiet ?? false,
      format
    }
  }
}

/**
 * Read the documents, generate, report, and write or check the outputs.
 *
 * @param {Settings} settings
 * @param {Io} io
 * @returns {Promise<number>}
 */
async function generate(settings, io) {
  const started = performance.now()
  const outDirectory = path.resolve(io.cwd, settings.out)
  const shownOut = displayPath(outDirectory, io.cwd)
  await checkOutputDirectory(outDirectory, shownOut)
  const documents = await Promise.all(settings.inputs.map((input) => readDocument(input, io.cwd)))
  const options = emitOptions(settings, io.cwd)
  const {runParallel} = await import('./parallel.js')
  const result = documents.some((file) => file.messages.length > 0)
    ? {ok: false, files: [], catalog: undefined}
    : await runParallel(documents, options)

  const diagnostics = report(documents, {format: settings.format, quiet: settings.quiet || settings.check})
  if (diagnostics) io.stderr(diagnostics)
  if (!result.ok || !result.catalog) return exitInvalid

  const changed = await changedFiles(outDirectory, result.files, shownOut)

  if (settings.check) return check(changed, shownOut, io)

  if (changed.length > 0) {
    await ensureDirectory(outDirectory, shownOut)
    await writeAtomically(outDirectory, changed.map(({file}) => file), shownOut)
  }
  if (!settings.quiet) {
    const codes = result.catalog.entries.length
    const written = changed.length === 0 ? 'up to date' : changed.length + ' of ' + result.files.length + ' files written'
    const time = Math.round(performance.now() - started) + ' ms'
    io.stdout('errgen: ' + codes + ' codes, ' + shownOut + '/ ' + written + ' (' + time + ')\n')
  }
  return exitOk
}

/**
 * Read and decode one document; a document that is not UTF-8 gets a located error instead of its text.
 *
 * @param {string} input
 * @param {string} cwd
 * @returns {Promise<VFile>}
 */
async function readDocument(input, cwd) {
  const absolute = path.resolve(cwd, input)
  const shown = displayPath(absolute, cwd)
  const bytes = await readBytes(absolute, shown)
  const decoded = decodeUtf8(bytes)
  if ('text' in decoded) {
    if (decoded.text.trim() === '') throw new IoError('cannot read ' + shown + ': the file is empty')
    return new VFile({path: shown, value: decoded.text})
  }
  const file = new VFile({path: shown, value: ''})
  const before = new TextDecoder().decode(bytes.subarray(0, decoded.invalidAt))
  const lines = before.split('\n')
  const point = {line: lines.length, column: (lines.at(-1)?.length ?? 0) + 1}
  const byte = bytes[decoded.invalidAt]?.toString(16).toUpperCase().padStart(2, '0')
  const reason = 'Unexpected byte 0x' + byte + ' at byte offset ' + decoded.invalidAt + ', expected UTF-8 text'
  error(file, reason, {start: point, end: point}, 'invalid-utf8')
  return file
}

/**
 * @param {Settings} settings
 * @param {string} cwd
 * @returns {EmitOptions}
 */
function emitOptions(settings, cwd) {
  const first = settings.inputs[0] || 'errors.md'
  const baseName = path.basename(first, path.extname(first))
  return {baseName, title: humanize(baseName), version: projectVersion(cwd)}
}

/**
 * `error-codes` → `Error codes`
 *
 * @param {string} name
 * @returns {string}
 */
function humanize(name) {
  const words = name.replace(/[-_.]+/g, ' ').trim()
  return words.charAt(0).toUpperCase() + words.slice(1)
}

/**
 * The version in the working directory's package.json, for OpenAPI `info.version`.
 *
 * @param {string} cwd
 * @returns {string}
 */
function projectVersion(cwd) {
  try {
    const manifest = JSON.parse(readFileSync(path.join(cwd, 'package.json'), 'utf8'))
    if (typeof manifest.version === 'string' && manifest.version) return manifest.version
  } catch {
    // No package.json (or not JSON): fall back.
  }
  return '0.0.0'
}

/**
 * The outputs whose bytes differ from the files on disk, each with the bytes there (undefined when missing).
 *
 * @param {string} directory
 * @param {ReadonlyArray<OutputFile>} files
 * @param {string} shownOut
 * @returns {Promise<Array<{file: OutputFile, current: Buffer | undefined}>>}
 */
async function changedFiles(directory, files, shownOut) {
  const compared = await Promise.all(
    files.map(async (file) => ({file, current: await readIfExists(path.join(directory, file.name), shownOut + '/' + file.name)}))
  )
  return compared.filter(({file, current}) => !current || !current.equals(Buffer.from(file.text)))
}

/**
 * Report stale and missing outputs with a short diff.
 *
 * @param {ReadonlyArray<{file: OutputFile, current: Buffer | undefined}>} changed
 * @param {string} shownOut
 * @param {Io} io
 * @returns {Promise<number>}
 */
async function check(changed, shownOut, io) {
  if (changed.length === 0) return exitOk
  const {shortDiff} = await import('./diff.js')
  for (const {file, current} of changed) {
    const shown = shownOut + '/' + file.name
    if (current) {
      io.stderr(shown + ' is stale: it differs from what the documents generate\n' + shortDiff(shown, current.toString('utf8'), file.text))
    } else {
      io.stderr(shown + ' is missing\n')
    }
  }
  io.stderr('errgen: ' + changed.length + ' output' + (changed.length === 1 ? '' : 's') + ' out of date; run errgen to regenerate\n')
  return exitInvalid
}

/**
 * A path as messages show it: relative to the working directory, with `/`.
 *
 * @param {string} absolute
 * @param {string} cwd
 * @returns {string}
 */
function displayPath(absolute, cwd) {
  const relative = path.relative(cwd, absolute) || '.'
  return relative.split(path.sep).join('/')
}
