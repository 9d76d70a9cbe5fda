/** resolve: a configuration as written and the overrides in, the resolved configuration out — the defaults, then the file (its paths relative to its own directory), then the flags; the outputs and each target's settings as the target registry resolves them. */
import path from 'node:path'
import {isDynamicPattern} from 'tinyglobby'
import {normalizeHeader} from '../catalog/names.js'
import {displayPath} from '../diagnostics/io-error.js'
import type {Config, ConfigFile, Field, TypeScriptStyle} from '../types.js'
import {resolveOutputs, resolveTargetSettings} from '../targets/index.js'
import {defaultBody, defaultInput, defaultOut} from './defaults.js'
import {checkLocaleTag} from '../locales/tags.js'

/** Settings from the command line or the library API, over the configuration file. */
export interface Overrides {
  /** Documents, relative to the working directory. */
  readonly input?: ReadonlyArray<string> | undefined
  /** The output directory, relative to the working directory. */
  readonly out?: string | undefined
  /** The configuration file; false to read none. */
  readonly config?: string | false | undefined
  readonly style?: TypeScriptStyle | undefined
  /** A git revision or directory to compare with; false for none. */
  readonly against?: string | false | undefined
}

/** Where the configuration was found, and the project's version. */
export interface ResolveContext {
  readonly cwd: string
  /** The configuration file's directory (the working directory when there is none). */
  readonly base: string
  readonly version: string | undefined
}

/** Defaults, then the configuration file (its paths relative to its own directory), then the overrides. */
export function resolve(written: ConfigFile, overrides: Overrides, context: ResolveContext): Config {
  const rebase = (file: string): string => displayPath(path.resolve(context.base, file), context.cwd)
  const writtenInput = typeof written.input === 'string' ? [written.input] : written.input
  const input = overrides.input ?? writtenInput?.map((pattern) => rebase(pattern)) ?? [defaultInput]
  const baseName = baseNameOf(input[0] || defaultInput)
  const outputs = resolveOutputs(written.outputs, baseName)
  return {
    input: [...input],
    out: overrides.out ?? (written.out === undefined ? defaultOut : rebase(written.out)),
    outputs,
    ...resolveTargetSettings(written, outputs, {baseName, version: context.version, style: overrides.style}),
    columns: normalizeColumns(written.columns || {}),
    optionalColumns: written.optionalColumns || [],
    codes: written.codes || 'auto',
    headings: written.headings || [],
    rules: written.rules ?? {},
    ...(written.params === undefined ? {} : {params: [...written.params]}),
    ...(written.locales === undefined ? {} : {locales: resolveLocales(written.locales, rebase)}),
    ...(written.defaultLocale === undefined ? {} : {defaultLocale: checkLocaleTag(written.defaultLocale).tag}),
    body: {
      fields: written.body?.fields ?? defaultBody.fields,
      extraFields: written.body?.extraFields ?? defaultBody.extraFields,
      ...(written.body?.params === undefined ? {} : {params: written.body.params}),
      ...(written.body?.messages === undefined ? {} : {messages: written.body.messages})
    },
    against: overrides.against === false ? undefined : (overrides.against ?? written.against),
    ...(written.problem === undefined ? {} : {problem: {type: written.problem.type}})
  }
}

/** Each locale's document relative to the working directory, by its tag in canonical case (`de-de` is `de-DE`). */
function resolveLocales(locales: Readonly<Record<string, string>>, rebase: (file: string) => string): Record<string, string> {
  return Object.fromEntries(Object.entries(locales).map(([tag, file]) => [checkLocaleTag(tag).tag, rebase(file)]))
}

/** The base of the output names: the first document's name without extension (`error-codes`), `errors` for a glob. */
function baseNameOf(input: string): string {
  return isDynamicPattern(input) ? 'errors' : path.basename(input, path.extname(input))
}

/** Header texts as validate compares them: lower case, single spaces. */
function normalizeColumns(columns: Readonly<Record<string, Field>>): Record<string, Field> {
  return Object.fromEntries(Object.entries(columns).map(([header, field]) => [normalizeHeader(header), field]))
}
