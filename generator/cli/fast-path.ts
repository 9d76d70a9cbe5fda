/** fast-path: command-line arguments in, exit code 0 when the manifest proves the outputs current (remark and ts-morph are never loaded); undefined when a full run must decide. */
import {readFile} from 'node:fs/promises'
import path from 'node:path'
import {parseArgs} from 'node:util'
import {currentManifest, outputArgs} from '../write/manifest-io.js'

/**
 * @import {Io} from './main.js'
 */

/**
 * Answer a plain run or `--check` from the manifest, or leave it to the full run (any other flag, a configuration
 * that compares against a revision, a missing or outdated manifest, a changed output).
 *
 * @param {ReadonlyArray<string>} argv
 * @param {Io} io
 * @returns {Promise<number | undefined>}
 */
export async function fastPath(argv, io) {
  const started = performance.now()
  const flags = plainFlags(argv)
  const config = flags && (await configuration(io.cwd))
  if (!flags || !config || config.against !== undefined) return undefined

  const out = flags.out ?? (typeof config.out === 'string' ? config.out : 'output')
  const version = JSON.parse(await readFile(new URL('../../package.json', import.meta.url), 'utf8')).version
  const manifest = await currentManifest(path.resolve(io.cwd, out), {version, cwd: io.cwd, args: outputArgs(flags)}, (patterns) =>
    documentsOf(patterns, io.cwd)
  ).catch(() => undefined)
  if (!manifest) return undefined

  if (!flags.check && !flags.quiet) {
    const shown = out.replace(/\/+$/, '')
    io.stdout('errgen: ' + manifest.codes + ' codes, ' + shown + '/ up to date (' + Math.round(performance.now() - started) + ' ms)\n')
  }
  return 0
}

/**
 * The documents the patterns name; the glob library is loaded only for globs.
 *
 * @param {ReadonlyArray<string>} patterns
 * @param {string} cwd
 * @returns {Promise<Array<string>>}
 */
async function documentsOf(patterns, cwd) {
  if (patterns.some((pattern) => /[*?[\]{}()!]/.test(pattern))) {
    const {inputFiles} = await import('../read/inputs-io.js')
    return inputFiles(patterns, cwd)
  }
  return [...new Set(patterns.map((pattern) => path.relative(cwd, path.resolve(cwd, pattern)).split(path.sep).join('/')))]
}

/**
 * The flags when they are only those the fast path answers: `--input`, `--out`, `--check`, `--quiet`, `--format text`.
 *
 * @param {ReadonlyArray<string>} argv
 * @returns {{input?: Array<string>, out?: string, check: boolean, quiet: boolean} | undefined}
 */
function plainFlags(argv) {
  try {
    const {values} = parseArgs({
      args: [...argv],
      options: {
        input: {type: 'string', short: 'i', multiple: true},
        out: {type: 'string', short: 'o'},
        check: {type: 'boolean'},
        quiet: {type: 'boolean', short: 'q'},
        format: {type: 'string'}
      },
      strict: true,
      allowPositionals: false
    })
    if (values.format !== undefined && values.format !== 'text') return undefined
    return {input: values.input, out: values.out, check: values.check ?? false, quiet: values.quiet ?? false}
  } catch {
    return undefined
  }
}

/**
 * The configuration as written (errgen.config.json, else "errgen" in package.json, else none: `{}`); undefined when
 * it cannot be read, which the full run reports.
 *
 * @param {string} cwd
 * @returns {Promise<Record<string, unknown> | undefined>}
 */
async function configuration(cwd) {
  try {
    const own = await readFile(path.join(cwd, 'errgen.config.json'), 'utf8').catch(() => undefined)
    if (own !== undefined) return JSON.parse(own)
    const manifest = await readFile(path.join(cwd, 'package.json'), 'utf8').catch(() => undefined)
    return (manifest === undefined ? undefined : JSON.parse(manifest).errgen) ?? {}
  } catch {
    return undefined
  }
}
