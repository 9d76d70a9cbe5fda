/** errgen's shared types: the readonly Catalog that is the only thing the emitters see, the configuration and the library API's types (the rows validate reads are in tables/types). */
import type {Position} from 'unist'
import type {RuleSettings} from './diagnostics/rules.js'
import type {BodyMessages, CatalogLocales, Translation} from './locales/types.js'
import type {EntryTemplates, MessageParam, ParamSyntax} from './params/types.js'
import type {OutputKind, OutputNames, TargetSettingsValues, WrittenTargetSettings} from './targets/index.js'

export type {OutputKind, OutputNames} from './targets/index.js'

/** The columns errgen reads from an error table. */
export type Column = 'status' | 'code' | 'message' | 'resolve' | 'name' | 'deprecated'

export type {BodyMessages, CatalogLocales, Translation} from './locales/types.js'
export type {EntryTemplates, MessageParam, ParamSyntax, Template} from './params/types.js'
export type {CodeCell, HeaderCell, HeaderLocale, ReadDocument, Row, RowDeprecation, RowTranslation, TableInfo} from './tables/types.js'

/** One documented error. */
export interface CatalogEntry {
  /** The code: a safe integer (zero and negative ones too), or a string without spaces (one kind per catalog). */
  readonly code: number | string
  /** A TypeScript identifier, unique in the catalog: from the Name column, or derived from the message (or a string code). */
  readonly name: string
  /** The HTTP status sent with this error; undefined when the catalog has none, or the entry's table has no HTTP column. */
  readonly status: number | undefined
  readonly message: string
  /** How to resolve the error; undefined when the catalog has no resolve texts, or the entry's table has no Resolve column. */
  readonly resolve: string | undefined
  /**
   * The message and resolve text as documentation (JSDoc, descriptions) shows them, when they hold links: each link
   * written `[text](url)`, so that editors render it; `message` and `resolve` are the texts the body carries.
   */
  readonly docs?: EntryDocs | undefined
  /** The heading above the entry's table. */
  readonly group: string | undefined
  /** Set when the entry is deprecated: it stays valid, and names its replacement when the document does. */
  readonly deprecated: {readonly replacement: number | string | undefined} | undefined
  /** Where the entry is written, for messages about it (the emitters do not use it). */
  readonly source: EntrySource
  /** The parameters of its message and resolve text, in order; absent when they have none. */
  readonly params?: readonly MessageParam[] | undefined
  /** Its message and resolve text as templates; absent when they have no parameter. */
  readonly templates?: EntryTemplates | undefined
  /** Its message (and resolve text) in each other locale the page has, by locale tag; absent when the page has none. */
  readonly translations?: Readonly<Record<string, Translation>> | undefined
}

/** An entry's texts for documentation: as the body's, with every link's URL kept (`[docs](https://…)`). */
export interface EntryDocs {
  readonly message: string
  readonly resolve: string | undefined
}

/** Where an entry is written: its document and the place of each of its cells. */
export interface EntrySource {
  readonly file: string
  readonly places: Readonly<Record<'row' | Column, Position>>
  /** Whether a Name cell gives the entry's name (rather than its message or code). */
  readonly named?: boolean | undefined
}

/** One HTTP status used by the catalog, with its identifier (`BadRequest`) and standard reason phrase. */
export interface StatusEntry {
  readonly code: number
  readonly name: string
  /** The standard reason phrase (`Bad Request`), or undefined for a status without one. */
  readonly phrase: string | undefined
}

/** An HTTP status's name as an output gives it: the `HttpStatus` member, the OpenAPI response. */
export interface StatusName {
  readonly code: number
  readonly name: string
}

/** The contract between the stages: every documented error, sorted by code. */
export interface Catalog {
  /** The documents the catalog was read from, as POSIX paths relative to the working directory. */
  readonly sources: readonly string[]
  /** Whether the codes are integers or strings. */
  readonly codeKind: CodeKind
  /**
   * Whether the entries carry an HTTP status: every entry does, or none — unless `optionalColumns` lets tables differ
   * in the column, when the entries of the tables without it have none (`status` undefined).
   */
  readonly hasStatus: boolean
  /**
   * Whether the entries carry a resolve text: every entry does, or none — unless `optionalColumns` lets tables differ
   * in the column, when the entries of the tables without it have none (`resolve` undefined).
   */
  readonly hasResolve: boolean
  /** Entries sorted by code (numerically, or by code unit for strings). */
  readonly entries: readonly CatalogEntry[]
  /** The statuses the entries use, sorted by code. */
  readonly statuses: readonly StatusEntry[]
  /** The groups (headings) of the entries, in document order. */
  readonly groups: readonly string[]
  /** The locales of the messages; absent when the page has no translation column or document. */
  readonly locales?: CatalogLocales | undefined
}

/** What a table column can hold: a header text maps to one of these. */
export type Field = Column | 'ignore'

/** A column a configuration may make optional. */
export type OptionalColumn = 'status' | 'resolve'

/** A field of the error body: the value of a column. */
export type BodyField = 'code' | 'status' | 'message' | 'resolve'

/** What an error body holds. */
export interface BodyOptions {
  /** The fields, in order; undefined for the columns read: `code`, `message` and (when the catalog has them) `resolve`. */
  readonly fields: readonly BodyField[] | undefined
  /** Fields the table does not describe that a body may also hold: their names, true for any, false for none. */
  readonly extraFields: readonly string[] | boolean
  /** Whether the body of a code with parameters holds their values as `params`; undefined for no. */
  readonly params?: boolean | undefined
  /** Which messages the schemas accept for a code with translations: any locale's (`localized`, the default), or any text (`any`). */
  readonly messages?: BodyMessages | undefined
}

/** The kind of the codes of a catalog. */
export type CodeKind = 'integer' | 'string'

/** A configuration as written in errgen.config.json or under the "errgen" key of package.json (each target's settings under its key). */
export interface ConfigFile extends WrittenTargetSettings {
  readonly $schema?: string
  readonly input?: string | readonly string[]
  readonly out?: string
  /** Each target's file name; true for its default name, false to not emit it. */
  readonly outputs?: {readonly [Kind in OutputKind]?: string | boolean}
  readonly columns?: Readonly<Record<string, Field>>
  readonly optionalColumns?: readonly OptionalColumn[]
  readonly codes?: 'auto' | CodeKind
  readonly headings?: readonly string[]
  readonly params?: readonly ParamSyntax[]
  /** A document of translations per locale tag: `{"fr": "docs/errors.fr.md"}`. */
  readonly locales?: Readonly<Record<string, string>>
  /** The locale of the messages without a tag (default `en`). */
  readonly defaultLocale?: string
  readonly body?: {readonly fields?: readonly BodyField[]; readonly extraFields?: readonly string[] | boolean; readonly params?: boolean; readonly messages?: BodyMessages}
  readonly against?: string
  readonly problem?: ProblemSettings
  /** Rules turned off or set to a severity, as in eslint: `{"duplicate-name": "off", "long-name": "error"}`. */
  readonly rules?: RuleSettings
}

/** The problem details (RFC 9457) settings: the template of each code's `type` URI. */
export interface ProblemSettings {
  /** An absolute URI with `{code}` or `{name}`, and optionally `{heading}`: `https://docs.example.com/errors#{code}`. */
  readonly type: string
}

/** The TypeScript output's style: enums, or frozen `as const` objects with union types. */
export type TypeScriptStyle = 'enum' | 'const'

/** How the pipeline reads tables. */
export interface ReadOptions {
  /** Header texts (lower case) and the column each names, over the built-in names. */
  readonly columns: Readonly<Record<string, Field>>
  readonly optionalColumns: readonly OptionalColumn[]
  readonly codes: 'auto' | CodeKind
  /** Only the tables under these headings; all error tables when empty. */
  readonly headings: readonly string[]
  /** Rules turned off or set to a severity; none when undefined. */
  readonly rules?: RuleSettings | undefined
  /** The placeholder syntaxes of the messages and resolve texts; undefined for braces only. */
  readonly params?: readonly ParamSyntax[] | undefined
  /** The document of translations of each locale, relative to the working directory; undefined for none. */
  readonly locales?: Readonly<Record<string, string>> | undefined
  /** The locale of the messages without a tag; undefined for `en`. */
  readonly defaultLocale?: string | undefined
}

/** What the emitters need besides the catalog: the outputs, each target's settings under its key, the body and the problem form. */
export interface EmitOptions extends TargetSettingsValues {
  /** Each output's file name, or false to skip it. */
  readonly outputs: OutputNames
  /** What an error body holds. */
  readonly body: BodyOptions
  /** The problem details form beside the plain body; undefined when it is off. */
  readonly problem?: ProblemSettings | undefined
}

/** A resolved configuration: defaults, then the configuration file, then command-line flags. */
export interface Config extends ReadOptions, EmitOptions {
  /** The documents: paths or globs, relative to the working directory. */
  readonly input: readonly string[]
  /** The output directory, relative to the working directory. */
  readonly out: string
  /** A git revision or a directory of earlier outputs to compare each run with; undefined for none. */
  readonly against: string | undefined
}

/** A generated file: its name inside the output directory and its full text. */
export interface OutputFile {
  readonly kind: OutputKind
  readonly name: string
  readonly text: string
}

/** A generated file with the path it would be written to. */
export interface GeneratedFile extends OutputFile {
  /** The absolute path in the output directory. */
  readonly path: string
}

/** One problem, as the library API and `--format json` give it. */
export interface Diagnostic {
  /** The file, relative to the working directory. */
  readonly file: string
  /** 1-based; null when the problem has no place in the file. */
  readonly line: number | null
  readonly column: number | null
  readonly endLine: number | null
  readonly endColumn: number | null
  readonly severity: 'error' | 'warning' | 'info'
  readonly ruleId: string
  readonly message: string
}

/** The options of `generate()`: settings over the configuration file. */
export interface GenerateOptions {
  /** The directory paths are relative to, and where the configuration is looked for (default: `process.cwd()`). */
  readonly cwd?: string | undefined
  /** A configuration file to read instead of errgen.config.json or package.json; false to read none. */
  readonly config?: string | false | undefined
  /** The documents (paths or globs), instead of the configuration's. */
  readonly input?: readonly string[] | undefined
  /** The output directory, instead of the configuration's. */
  readonly out?: string | undefined
  /** The TypeScript style, instead of the configuration's. */
  readonly style?: TypeScriptStyle | undefined
  /** A git revision or a directory of earlier outputs to compare with, instead of the configuration's; false for none. */
  readonly against?: string | false | undefined
  /** Report breaking changes as warnings rather than errors (for a deliberate major release). */
  readonly allowBreaking?: boolean | undefined
  /** Documents given in memory (a bundler's view of the files); `input` is then not read. */
  readonly documents?: ReadonlyArray<{readonly path: string; readonly value: string | Uint8Array}> | undefined
}

/** What `generate()` gives: nothing is written. */
export interface GenerateResult {
  /** Whether there is no error: only then are there files. */
  readonly ok: boolean
  /** The resolved configuration; undefined when the configuration file has errors. */
  readonly config: Config | undefined
  /** The catalog; undefined when the documents could not be read. */
  readonly catalog: Catalog | undefined
  readonly files: readonly GeneratedFile[]
  /** Errors and warnings, in source order. */
  readonly diagnostics: readonly Diagnostic[]
}

/** An entry as an output describes it (a field the output does not hold is undefined). */
export interface Snapshot {
  readonly code: number | string
  readonly name: string
  readonly status: number | undefined
  readonly message: string
  readonly resolve: string | undefined
  /** Whether the entry is deprecated; undefined when the output does not say. */
  readonly deprecated: boolean | undefined
  /** The problem type URI; undefined when the output has no problem form. */
  readonly type?: string | undefined
  /** The message in each other locale; undefined when the output does not say (only a revision's catalog does). */
  readonly translations?: Readonly<Record<string, {readonly message: string}>> | undefined
}

/** The manifest errgen keeps in the output directory: what the outputs were generated from, and their hashes. */
export interface Manifest {
  readonly generatedBy: 'errgen'
  /** The hash of errgen's version, the flags, the configuration and the documents. */
  readonly fingerprint: string
  /** The configuration's documents: paths and globs. */
  readonly input: readonly string[]
  /** The documents read, relative to the working directory. */
  readonly documents: readonly string[]
  /** How many codes the catalog has. */
  readonly codes: number
  /** Each output's name and the hash of its content. */
  readonly outputs: Readonly<Record<string, string>>
  /** The files of the run that wrote the outputs with their warnings, which a run answered from the manifest prints again; absent when there were none. */
  readonly warnings?: ReadonlyArray<StoredReport>
  /** The same warnings as `--format stylish` prints them without colors (vfile-reporter's table), so that a run answered from the manifest need not load the reporter; absent when there were none. */
  readonly stylish?: string
}

/** A file of a run, with its messages, as a manifest keeps it. */
export interface StoredReport {
  readonly file: string
  readonly messages: ReadonlyArray<StoredMessage>
}

/** A message as a manifest keeps it: a diagnostic, with its source and the message it points back to. */
export interface StoredMessage extends Diagnostic {
  readonly source?: string
  readonly cause?: StoredMessage
}
