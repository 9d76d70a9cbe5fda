/** target: nothing in, the shape of an output target out — everything errgen knows of one output (its key, default file name, settings, emitter, read-back, reserved names, notice), so that the registry is the only list of them. */
import type {Catalog, CodeKind, EmitOptions, Snapshot, StatusName} from '../types.js'
import type {EmitCache} from '../emit/cache.js'

/** One output errgen can generate: a plugin, in graphql-codegen's sense, that the pipeline knows only through this shape. */
export interface Target<Key extends string = string, Settings = unknown> {
  /** The key under `outputs` in the configuration (and the output's `kind`). */
  readonly key: Key
  /** Its name in messages: `TypeScript`, `Python`. */
  readonly title: string
  /** What it gives, for the usage text: `a TypeScript module`. */
  readonly summary: string
  /** Whether it is generated when the configuration does not name it; every target added later is off by default. */
  readonly enabledByDefault: boolean
  /** Its file name when the configuration gives none, from the base name of the first document (`error-codes`). */
  readonly defaultName: (base: string) => string
  /** Whether a file name is one of its outputs' (by extension), to find outputs an earlier run listed in the manifest. */
  readonly matchesName: (name: string) => boolean
  /** Its own configuration key, when it has settings. */
  readonly settings?: TargetSettings<unknown, Settings>
  /** The emitter, loaded when a run emits: `emit(catalog, options) → text`. */
  readonly load: () => Promise<Emitter>
  /** How the contract reads its output back; a required key, so that a target that does not say is a compile error. */
  readonly readBack: ReadBack
  /** The names its language or its own declarations reserve, and how a name is spelled in it. */
  readonly names: Naming<Settings>
  /** The generated-file notice in its comment syntax (in JSON, the `$comment` member's value), in the output's first lines: errgen's marker, by which it knows its own files. */
  readonly notice: (catalog: Catalog) => string
  /**
   * Whether its emitter holds the most memory while it runs (the largest output: its bytes written in chunks, then
   * joined; with `emit`, the whole output as objects before its text): a run that keeps each output as bytes emits
   * it first, before the other outputs' bytes are held.
   */
  readonly emitsFirst?: boolean | undefined
  /**
   * Whether a run that emits its outputs in parallel emits this one on the main thread (whose emitters were loaded while
   * the documents were parsed), the others in a worker thread at the same time (which loads their emitters once the
   * documents are parsed, as the main thread builds the catalog).
   */
  readonly emitsOnMainThread?: boolean | undefined
}

/**
 * A target's emitter: the catalog and the resolved emit options in, the whole text of the output out. With a
 * session's cache (`--watch`), it may take the text of an unchanged entry's parts from it; the text is the same.
 */
export interface Emitter {
  readonly emit: (catalog: Catalog, options: EmitOptions, cache?: EmitCache) => string
  /**
   * The same output as its UTF-8 bytes, written entry by entry, so that neither every entry's parts nor the whole
   * text are held at once (a run that keeps its outputs as bytes); the bytes of the text `emit` gives. With a
   * session's cache, the kept parts' texts are written into the bytes as they are (no whole text joined, then encoded).
   */
  readonly encode?: ((catalog: Catalog, options: EmitOptions, cache?: EmitCache) => Buffer) | undefined
  /**
   * What reading the output back gives (its `readBack`'s entries), from the parts a session keeps rather than from
   * the text: the session's memory of the bytes it wrote answers the next run's read-back with it.
   */
  readonly keptEntries?: ((catalog: Catalog, options: EmitOptions, cache: EmitCache) => () => Array<Snapshot>) | undefined
  /**
   * The names the output gives the HTTP statuses (its `readBack.statusNames`), from the catalog rather than from the
   * text: the session's memory of the bytes it wrote answers the next run's reading of them with it.
   */
  readonly keptStatusNames?: ((catalog: Catalog, options: EmitOptions) => () => Array<StatusName>) | undefined
}

/** How the contract reads a target's output back: the catalog it describes, and what it can tell. */
export interface ReadBack {
  /** Loads the reader: the output's text in, its entries out; it throws when the text is not this target's output. */
  readonly load: () => Promise<(text: string) => Array<Snapshot>>
  /** Whether the output says which codes have a status and a resolve text (a JSON Schema does not). */
  readonly knowsColumns: boolean
  /** Whether its resolve texts keep their links' URLs (`[docs](https://…)`). */
  readonly linkedTexts: boolean
  /** How costly it is to read, relative to the others: the names every run keeps are read from the cheapest. */
  readonly cost: number
  /**
   * Loads the reader of the names it gives the HTTP statuses (`HttpStatus` members, responses), which the contract
   * keeps like the codes' names; undefined when the output names no status.
   */
  readonly statusNames: (() => Promise<(text: string) => Array<StatusName>>) | undefined
}

/** A target's own configuration key: its JSON Schema, and how it is resolved over the defaults. */
export interface TargetSettings<Written = unknown, Resolved = unknown> {
  /** The JSON Schema of the key's value, a property of the configuration's schema. */
  readonly schema: Readonly<Record<string, unknown>>
  resolve(written: Written | undefined, context: SettingsContext): Resolved
}

/** What a target's settings are resolved with besides what the configuration says. */
export interface SettingsContext {
  /** The base of the output names: the first document's name without extension (`error-codes`). */
  readonly baseName: string
  /** The target's own file name, or false when it is off. */
  readonly outputName: string | false
  /** The project's version (package.json), when it has one. */
  readonly version: string | undefined
  /** The TypeScript style a flag or the library API gives, over the configuration's. */
  readonly style: 'enum' | 'const' | undefined
}

/** A target's rule for the entries' names. */
export interface Naming<Settings = unknown> {
  /**
   * Why a name cannot be an entry's name in this output, as the end of a sentence (`is a keyword in Python`); undefined
   * when it can be.
   */
  readonly reserved: (name: string, codeKind: CodeKind) => string | undefined
  /** The identifier a name becomes in this output's language, when it is not the name itself: two names that become one clash there. */
  readonly spell?: (name: string) => string
  /**
   * Why a name cannot be used with the target's settings: an error at the name, not a rename, so that a setting never
   * renames a code (the TypeScript const style refuses `string`, which no type can be named).
   */
  refused?(name: string, settings: Settings): Refusal | undefined
  /** Why a code cannot be in this output (the lookup dictionary keeps its notice under `$comment`); undefined when it can. */
  readonly reservedCode?: (code: string) => string | undefined
}

/** Why a name is refused: `Unexpected name `string`<where>, expected another: <why>; …, or <otherwise>`. */
export interface Refusal {
  /** Where it is refused: ` in the const style`. */
  readonly where: string
  readonly why: string
  /** The setting that takes the name: `use the enum style`. */
  readonly otherwise: string
}
