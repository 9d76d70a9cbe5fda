/** run: the CLI spine — command-line arguments in, an exit code out; reads through the library API, reports, and writes or checks the outputs. */
import {readFileSync} from 'node:fs'
import path from 'node:path'
import {parseArgs} from 'node:util'
import {VFile} from 'vfile'
import {prepare} from '../spine.js'
import {checkOutputDirectory, ensureDirectory, writeAtomically} from '../write/output-io.js'
import {displayPath, IoError} from '../diagnostics/io-error.js'
import {readIfExists} from '../read/files-io.js'
import {refuseForeignFiles} from '../write/foreign.js'
import {contentHash, fingerprint, manifestName, manifestText, outputArgs} from '../write/manifest-io.js'
import {formats, report} from '../diagnostics/report.js'

/**
 * @import {Prepared} from '../spine.js'
 * @import {Format} from '../diagnostics/report.js'
 * @import {GeneratedFile, TypeScriptStyle} from '../types.js'
 */

/**
 * @typedef Io
 * @property {string} cwd
 * @property {(text: string) => void} stdout
 * @property {(text: string) => void} stderr
 * @property {AbortSignal} [signal] stops `--watch`
 */

/**
 * @typedef Settings
 * @property {Array<string> | undefined} input
 * @property {string | undefined} out
 * @property {string | false | undefined} config
 * @property {TypeScriptStyle | undefined} style
 * @property {string | undefined} against
 * @property {boolean} allowBreaking
 * @property {boolean} check
 * @property {boolean} watch
 * @property {boolean} printConfig
 * @property {boolean} quiet
 * @property {Format} format
 * @property {boolean} force overwrite files in the output directory that errgen did not generate
 */

/**
 * @typedef Change an output whose bytes differ from the file on disk
 * @property {GeneratedFile} file
 * @property {Buffer | undefined} current the bytes on disk; undefined when missing
 */

const exitOk = 0
const exitInvalid = 1
const exitUsage = 2

export const version = /** @type {{version: string}} */ (
  JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'))
).version

const usage = `Usage: errgen [--input FILE]... [--out DIR] [--check] [options]

Generate TypeScript, a JSON Schema and OpenAPI components from the error tables of markdown documents.

Options:
  -i, --input FILE     a document or glob (repeatable; default: the configuration's, else input/error-codes.md)
  -o, --out DIR        the output directory (default: the configuration's, else output)
  -c, --config FILE    the configuration file (default: errgen.config.json, else "errgen" in package.json)
      --no-config      read no configuration file
      --style STYLE    the TypeScript style: enum or const
      --check          write nothing; exit 1 when an output is missing or differs from what would be generated
      --against REF    compare with the catalog at a git revision or in a directory of earlier outputs;
                       exit 1 on a breaking change
      --allow-breaking report breaking changes as warnings (for a major release)
      --force          overwrite files in the output directory that errgen did not generate
  -w, --watch          regenerate whenever a document or the configuration changes
      --format NAME    diagnostics as text (default), stylish, json or github
      --print-config   print the resolved configuration and exit
  -q, --quiet          print errors only
  -h, --help           print this help
  -v, --version        print the version

Exit codes: 0 done or up to date, 1 invalid document or stale outputs, 2 usage, configuration or I/O error.
`

/**
 * Run errgen with command-line arguments.
 *
 * @param {ReadonlyArray<string>} argv
 * @param {Io} io
 * @returns {Promise<number>} the exit code
 */
export async function main(argv, io) {
  /** @type {Settings} */
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

  if (settings.watch) {
    const {watch} = await import('./watch-io.js')
    return watch(() => guarded(() => once(settings, io), io), settings, io)
  }
  return guarded(() => once(settings, io), io)
}

/**
 * Run, turning an I/O error into one line and exit code 2.
 *
 * @param {() => Promise<number>} action
 * @param {Io} io
 * @returns {Promise<number>}
 */
async function guarded(action, io) {
  try {
    return await action()
  } catch (cause) {
    if (!(cause instanceof IoError)) throw cause
    io.stderr('errgen: ' + cause.message + '\n')
    return exitUsage
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
      config: {type: 'string', short: 'c'},
      'no-config': {type: 'boolean'},
      style: {type: 'string'},
      against: {type: 'string'},
      'allow-breaking': {type: 'boolean'},
      force: {type: 'boolean'},
      check: {type: 'boolean'},
      watch: {type: 'boolean', short: 'w'},
      format: {type: 'string'},
      'print-config': {type: 'boolean'},
      quiet: {type: 'boolean', short: 'q'},
      help: {type: 'boolean', short: 'h'},
      version: {type: 'boolean', short: 'v'}
    },
    strict: true,
    allowPositionals: false
  })
  const format = oneOf('--format', values.format ?? 'text', formats)
  const style = values.style === undefined ? undefined : oneOf('--style', values.style, /** @type {const} */ (['enum', 'const']))
  if (values.check && values.watch) throw new Error('--check and --watch cannot be used together')
  return {
    help: values.help ?? false,
    version: values.version ?? false,
    settings: {
      input: values.input,
      out: values.out,
      config: values['no-config'] ? false : values.config,
      style,
      against: values.against,
      allowBreaking: values['allow-breaking'] ?? false,
      check: values.check ?? false,
      watch: values.watch ?? false,
      printConfig: values['print-config'] ?? false,
      quiet: values.quiet ?? false,
      format,
      force: values.force ?? false
    }
  }
}

/**
 * @template {string} T
 * @param {string} flag
 * @param {string} value
 * @param {ReadonlyArray<T>} allowed
 * @returns {T}
 */
function oneOf(flag, value, allowed) {
  const found = allowed.find((item) => item === value)
  if (found === undefined) throw new Error('unknown ' + flag + ' `' + value + '`, expected ' + allowed.join(', '))
  return found
}

/**
 * One run: read, report, and write or check.
 *
 * @param {Settings} settings
 * @param {Io} io
 * @returns {Promise<number>}
 */
async function once(settings, io) {
  const started = performance.now()
  const prepared = await prepare({
    cwd: io.cwd,
    input: settings.input,
    out: settings.out,
    config: settings.config,
    style: settings.style,
    against: settings.against,
    allowBreaking: settings.allowBreaking
  })
  const {config} = prepared
  if (config && settings.printConfig) {
    io.stdout(JSON.stringify(config, null, 2) + '\n')
    return exitOk
  }
  const out = config && path.resolve(io.cwd, config.out)
  const shownOut = out && displayPath(out, io.cwd)
  if (out && shownOut) await checkOutputDirectory(out, shownOut)

  const diagnostics = report(prepared.reports, {format: settings.format, quiet: settings.quiet || settings.check})
  if (diagnostics) (settings.format === 'json' || settings.format === 'github' ? io.stdout : io.stderr)(diagnostics)
  if (!out || !shownOut) return exitUsage
  if (!prepared.ok || !prepared.catalog) {
    if (settings.watch) io.stdout('errgen: invalid documents, kept the last good outputs (' + elapsed(started) + ')\n')
    return exitInvalid
  }

  const changed = await changedFiles(prepared, shownOut)
  if (settings.check) return check(changed, prepared, settings, io)
  await write(changed, prepared, settings, out, shownOut)
  if (!settings.quiet && settings.format !== 'json') {
    const written = changed.length === 0 ? 'up to date' : changed.length + ' of ' + prepared.files.length + ' files written'
    io.stdout('errgen: ' + prepared.catalog.entries.length + ' codes, ' + shownOut + '/ ' + written + ' (' + elapsed(started) + ')\n')
  }
  return exitOk
}

/**
 * Write the changed outputs and the manifest, all or none; refuse to replace a file errgen did not generate.
 *
 * @param {ReadonlyArray<Change>} changed
 * @param {Prepared} prepared
 * @param {Settings} settings
 * @param {string} out
 * @param {string} shownOut
 */
async function write(changed, prepared, settings, out, shownOut) {
  if (!settings.force) refuseForeignFiles(changed, shownOut)
  const manifest = await manifestFile(prepared, settings, out)
  const writes = [...changed.map(({file}) => file), ...(manifest ? [manifest] : [])]
  if (writes.length === 0) return
  await ensureDirectory(out, shownOut)
  await writeAtomically(out, writes, shownOut)
}

/**
 * @param {number} started
 * @returns {string}
 */
function elapsed(started) {
  return Math.round(performance.now() - started) + ' ms'
}

/**
 * The manifest that lets the next run prove the outputs current without generating them; undefined when the one in
 * the output directory is already right.
 *
 * @param {Prepared} prepared
 * @param {Settings} settings
 * @param {string} out
 * @returns {Promise<{name: string, text: string} | undefined>}
 */
async function manifestFile(prepared, settings, out) {
  const text = manifestText({
    generatedBy: 'errgen',
    fingerprint: await fingerprint({version, cwd: prepared.cwd, args: outputArgs(settings), documents: prepared.documents}),
    input: prepared.config?.input ?? [],
    documents: prepared.documents,
    codes: prepared.catalog?.entries.length ?? 0,
    outputs: Object.fromEntries(prepared.files.map((file) => [file.name, contentHash(file.text)]))
  })
  const current = await readIfExists(path.join(out, manifestName), manifestName)
  return current?.toString('utf8') === text ? undefined : {name: manifestName, text}
}

/**
 * The outputs whose bytes differ from the files on disk.
 *
 * @param {Prepared} prepared
 * @param {string} shownOut
 * @returns {Promise<Array<Change>>}
 */
async function changedFiles(prepared, shownOut) {
  const compared = await Promise.all(
    prepared.files.map(async (file) => ({file, current: await readIfExists(file.path, shownOut + '/' + file.name)}))
  )
  return compared.filter(({file, current}) => !current || !current.equals(Buffer.from(file.text)))
}

/**
 * Report stale and missing outputs — which codes each changes, and a short diff — and exit 1; or exit 0, silently.
 *
 * @param {ReadonlyArray<Change>} changed
 * @param {Prepared} prepared
 * @param {Settings} settings
 * @param {Io} io
 * @returns {Promise<number>}
 */
async function check(changed, prepared, settings, io) {
  if (changed.length === 0) return exitOk
  const {staleReport} = await import('../write/stale.js')
  /** @type {Array<VFile>} */
  const files = []
  /** @type {Array<string>} */
  const diffs = []
  for (const {file, current} of changed) {
    const stale = await staleReport(file, current, displayPath(file.path, prepared.cwd))
    files.push(stale.file)
    diffs.push(stale.text)
  }
  if (settings.format === 'text' || settings.format === 'stylish') {
    io.stderr(diffs.join(''))
    io.stderr('errgen: ' + changed.length + ' output' + (changed.length === 1 ? '' : 's') + ' out of date; run errgen to regenerate\n')
  } else {
    io.stdout(report(files, {format: settings.format}))
  }
  return exitInvalid
}
