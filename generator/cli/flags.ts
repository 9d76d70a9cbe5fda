/** flags: command-line arguments in, errgen's settings out — the one flag table (parsed with util.parseArgs), its usage text (the outputs listed from the target registry), and which settings the fast path can answer. */
import {parseArgs} from 'node:util'
import {type Format, formats} from '../diagnostics/lines.js'
import {targets} from '../targets/index.js'
import type {TypeScriptStyle} from '../types.js'

/** What the command line asks for. */
export interface Settings {
  readonly input: ReadonlyArray<string> | undefined
  readonly out: string | undefined
  readonly config: string | false | undefined
  readonly style: TypeScriptStyle | undefined
  readonly against: string | undefined
  readonly allowBreaking: boolean
  /** Write the old names of codes whose derived names changed into the documents' Name columns, and nothing else. */
  readonly pinNames: boolean
  readonly check: boolean
  readonly watch: boolean
  readonly printConfig: boolean
  readonly quiet: boolean
  readonly format: Format
  /** Overwrite files in the output directory that errgen did not generate. */
  readonly force: boolean
  /** Use an output directory outside the project (the working directory and the configuration's). */
  readonly allowOutside: boolean
  /** Fail the run (exit 1, nothing written) when there are more warnings than this; undefined for no limit. */
  readonly maxWarnings: number | undefined
  /** Fail the run on any warning (remark-cli's `--frail`). */
  readonly frail: boolean
}

/** The parsed command line: help, the version, or settings for a run. */
export interface Parsed {
  readonly help: boolean
  readonly version: boolean
  readonly settings: Settings
}

/** Every flag errgen takes. */
const options = {
  input: {type: 'string', short: 'i', multiple: true},
  out: {type: 'string', short: 'o'},
  config: {type: 'string', short: 'c'},
  'no-config': {type: 'boolean'},
  style: {type: 'string'},
  against: {type: 'string'},
  'allow-breaking': {type: 'boolean'},
  'pin-names': {type: 'boolean'},
  force: {type: 'boolean'},
  'allow-outside': {type: 'boolean'},
  check: {type: 'boolean'},
  watch: {type: 'boolean', short: 'w'},
  format: {type: 'string'},
  'print-config': {type: 'boolean'},
  quiet: {type: 'boolean', short: 'q'},
  'max-warnings': {type: 'string'},
  frail: {type: 'boolean'},
  help: {type: 'boolean', short: 'h'},
  version: {type: 'boolean', short: 'v'}
} as const

const styles: ReadonlyArray<TypeScriptStyle> = ['enum', 'const']

/** The commands named by the first argument; any other argument is a document. */
const subcommands: ReadonlyArray<string> = ['explain', 'init']

export const usage = `Usage: errgen [FILE...] [--input FILE]... [--out DIR] [--check] [options]
       errgen explain CODE [--input FILE]... [--config FILE]   print one documented error, and where it is
       errgen init                                             set errgen up in this project (overwrites nothing)

Generate code and schemas from the error tables of markdown documents.

Outputs (the configuration's "outputs" turns each on with a file name or true, off with false):
${outputLines()}

Options:
  -i, --input FILE     a document or glob (repeatable, or given as arguments: errgen docs/*.md; default: the
                       configuration's, else input/error-codes.md)
  -o, --out DIR        the output directory (default: the configuration's, else output)
  -c, --config FILE    the configuration file (default: errgen.config.json, else "errgen" in package.json)
      --no-config      read no configuration file
      --style STYLE    the TypeScript style: enum or const
      --check          write nothing; exit 1 when an output is missing or differs from what would be generated
      --against REF    compare with the catalog at a git revision or in a directory of earlier outputs;
                       exit 1 on a breaking change
      --allow-breaking report breaking changes as warnings and generate (for a major release): a renamed
                       code, and what --against finds
      --pin-names      keep the old names of codes whose derived names changed: write them into a Name
                       column of the documents (nothing else is written); then run errgen again
      --force          overwrite files in the output directory that errgen did not generate
      --allow-outside  use an output directory outside the working directory, the configuration's and the
                       repository (or workspace root) that holds them
  -w, --watch          regenerate whenever a document or the configuration changes
      --format NAME    diagnostics as text (default), stylish, json or github; markdown prints the release
                       notes of the changes since --against REF
      --print-config   print the resolved configuration and exit
  -q, --quiet          print errors only
      --max-warnings N fail (exit 1, write nothing) when there are more than N warnings
      --frail          fail (exit 1, write nothing) on any warning
  -h, --help           print this help
  -v, --version        print the version

Exit codes: 0 done or up to date, 1 invalid document, renamed code or stale outputs, 2 usage, configuration or I/O
error.
`

/** One line per output target, from the registry: its key, what it gives, and whether it is on by default. */
function outputLines(): string {
  const width = Math.max(...targets.map((target) => target.key.length)) + 2
  return targets.map((target) => '  ' + target.key.padEnd(width) + target.summary + (target.enabledByDefault ? ' (on by default)' : '')).join('\n')
}

/** Parse the command line; a usage error throws, with a message for the user. */
export function parseFlags(argv: ReadonlyArray<string>): Parsed {
  const {values, positionals} = parseArguments(argv)
  const inputs = [...(values.input ?? []), ...positionals]
  const format = oneOf('--format', values.format ?? 'text', formats)
  const style = values.style === undefined ? undefined : oneOf('--style', values.style, styles)
  if (values.check && values.watch) throw new Error('--check and --watch cannot be used together')
  for (const other of ['check', 'watch'] as const) {
    if (values['pin-names'] && values[other]) throw new Error('--pin-names and --' + other + ' cannot be used together')
  }
  if (values['pin-names'] && format === 'markdown') throw new Error('--pin-names and --format markdown cannot be used together')
  return {
    help: values.help ?? false,
    version: values.version ?? false,
    settings: {
      input: inputs.length === 0 ? undefined : inputs,
      out: values.out,
      config: values['no-config'] ? false : values.config,
      style,
      against: values.against,
      allowBreaking: values['allow-breaking'] ?? false,
      pinNames: values['pin-names'] ?? false,
      check: values.check ?? false,
      watch: values.watch ?? false,
      printConfig: values['print-config'] ?? false,
      quiet: values.quiet ?? false,
      format,
      force: values.force ?? false,
      allowOutside: values['allow-outside'] ?? false,
      maxWarnings: values['max-warnings'] === undefined ? undefined : warningCount(values['max-warnings']),
      frail: values.frail ?? false
    }
  }
}

/** util.parseArgs over the flag table; an unknown option's message without its hint about `--` (documents do not start with `-`). */
function parseArguments(argv: ReadonlyArray<string>) {
  try {
    return parseArgs({args: [...argv], options, strict: true, allowPositionals: true})
  } catch (cause) {
    if (cause instanceof Error && 'code' in cause && cause.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') throw new Error(cause.message.replace(/\. To specify a positional argument.*$/s, ''))
    throw cause
  }
}

/** `--max-warnings`: a whole number, 0 or more; else a usage error. */
function warningCount(value: string): number {
  if (!/^\d+$/.test(value)) throw new Error('--max-warnings takes a number of warnings (0 or more), not `' + value + '`')
  return Number(value)
}

/** The value when it is one of `allowed`; else a usage error naming them. */
function oneOf<T extends string>(flag: string, value: string, allowed: ReadonlyArray<T>): T {
  const found = allowed.find((item) => item === value)
  if (found === undefined) throw new Error('unknown ' + flag + ' `' + value + '`, expected ' + allowed.join(', '))
  return found
}

/**
 * The settings when the manifest can answer them: a plain run or `--check`, with `--input`, `--out`, `--quiet` and
 * `--format text` at most (or `--check --format json`, the library's `check()`); undefined for anything else (it needs the full run) or a usage error (which it reports).
 */
export function plainSettings(argv: ReadonlyArray<string>): Settings | undefined {
  if (subcommands.includes(argv[0] ?? '')) return undefined
  let parsed: Parsed
  try {
    parsed = parseFlags(argv)
  } catch {
    return undefined
  }
  const {help, version, settings} = parsed
  const plain =
    !help && !version && settings.config === undefined && settings.style === undefined && settings.against === undefined &&
    !settings.allowBreaking && !settings.pinNames && !settings.watch && !settings.printConfig && !settings.force && !settings.allowOutside &&
    settings.maxWarnings === undefined && !settings.frail &&
    (settings.format === 'text' || (settings.format === 'json' && settings.check))
  return plain ? settings : undefined
}

/**
 * The flags that decide the outputs, in a fixed order: the fingerprint of a run with other flags differs. The
 * configuration file is not among them: the fingerprint covers the one found (its name and text), however it was named.
 */
export function outputArgs(settings: Pick<Settings, 'input' | 'out' | 'style'>): Array<string> {
  return [
    ...(settings.input ?? []).flatMap((input) => ['--input', input]),
    ...(settings.out === undefined ? [] : ['--out', settings.out]),
    ...(settings.style === undefined ? [] : ['--style', settings.style])
  ]
}
