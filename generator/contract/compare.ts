/** compare: the catalog as it was (at a git revision or in old outputs) and as it is now in, its breaking and non-breaking changes out, as located messages on the documents. */
import type {Position} from 'unist'
import type {VFile} from 'vfile'
import {breaking, info} from '../diagnostics/messages.js'
import type {BreakingRuleId, RuleIdOf} from '../diagnostics/rules.js'
import {compareCodes} from '../catalog/codes.js'
import {problemTypeOrUndefined} from '../config/settings/problem-template.js'
import {paramNames, templateParams} from '../params/fill.js'
import type {Catalog, CatalogEntry, CodeKind, ParamSyntax, ProblemSettings, Snapshot} from '../types.js'
import {type Changes, compareEntries, type Match} from './changes.js'
import type {StatusName} from '../types.js'

/** An entry of the catalog compared with, with its document and place when known. */
export type BeforeEntry = Snapshot & {readonly file?: VFile | undefined, readonly place?: Position | undefined}

/** The catalog to compare with. */
export interface Before {
  /** What it is, for messages (`origin/main`, `old/output`). */
  readonly label: string
  readonly codeKind: CodeKind
  /** Undefined when its outputs do not say. */
  readonly hasStatus: boolean | undefined
  readonly hasResolve: boolean | undefined
  /** Whether its resolve texts keep their links' URLs (read back from an OpenAPI document's descriptions). */
  readonly linkedTexts?: boolean | undefined
  readonly entries: ReadonlyArray<BeforeEntry>
  /** The names of the HTTP statuses (`HttpStatus` members, OpenAPI responses); undefined when its outputs do not say. */
  readonly statuses?: ReadonlyArray<StatusName> | undefined
  /** Where other messages about what is gone go (the old document, or the old output). */
  readonly file: VFile
  /** Every file of the old catalog, to report their messages. */
  readonly files: ReadonlyArray<VFile>
}

/** How to compare. */
export interface ContractOptions {
  /** Breaking changes are warnings, for a deliberate major release. */
  readonly allowBreaking: boolean
  /** Compare the names and the codes removed only (what every run does with the outputs it replaces). */
  readonly namesOnly?: boolean | undefined
  /** Report no derived name that changed: `--pin-names` keeps the old one instead. */
  readonly pinning?: boolean | undefined
  /** The problem details form's settings, whose type URIs are compared too; undefined when the form is off. */
  readonly problem?: ProblemSettings | undefined
  /** The placeholder syntaxes the earlier texts are read with, for the parameters they had; undefined for braces. */
  readonly params?: ReadonlyArray<ParamSyntax> | undefined
}

/** A code whose name, derived from its message (no Name cell), changed: the old name a Name cell would keep. */
export interface Rename {
  readonly entry: CatalogEntry
  readonly before: string
}

/**
 * Compare, and add one message per change: an error per breaking change (a warning with `allowBreaking`), an info
 * per change that does not break clients; only the renames and reused names with `namesOnly`.
 *
 * @param files the current documents, by path
 * @returns the codes whose derived names changed (reported, or, with `pinning`, left to `--pin-names`)
 */
export function compareContract(before: Before, after: Catalog, files: ReadonlyMap<string, VFile>, options: ContractOptions): Array<Rename> {
  const report = reporter(options)
  const fileOf = (path: string) => files.get(path) ?? before.file
  // What the engine compares of an entry, and nothing else: it is made for every code of every run (when only the names are compared, the entry itself, which holds its name as it is).
  const changes = options.namesOnly ? compareEntries(before.entries, after.entries, (entry) => entry, ['name']) : compareEntries(before.entries, after.entries, (entry) => ({
    code: entry.code,
    name: entry.name,
    status: entry.status,
    message: entry.message,
    resolve: before.linkedTexts ? (entry.docs?.resolve ?? entry.resolve) : entry.resolve,
    type: problemTypeOrUndefined(options.problem, entry),
    translations: entry.translations
  }))
  const nowByName = new Map(after.entries.map((entry) => [entry.name, entry]))
  const renames: Array<Rename> = []
  for (const match of changes.matched) {
    if (match.fields.includes('name')) reportName(match, fileOf(match.after.source.file), nowByName, before.label, report, renames)
  }
  reportStatusNames(before, after, fileOf, report)
  if (options.namesOnly) reportRemovedCodes(changes.removed, before, after, fileOf, report)
  else compareOthers(before, after, changes, fileOf, report, options.params)
  return renames
}

/**
 * An HTTP status whose name changed (the `HttpStatus` member and the OpenAPI response clients use): compared by code,
 * at the status cell of the first row sent with it.
 */
function reportStatusNames(before: Before, after: Catalog, fileOf: (path: string) => VFile, report: Reporter): void {
  if (!before.statuses) return
  const old = new Map(before.statuses.map((status) => [status.code, status.name]))
  const firstRow = new Map<number, CatalogEntry>()
  for (const entry of after.entries) if (entry.status !== undefined && !firstRow.has(entry.status)) firstRow.set(entry.status, entry)
  for (const status of after.statuses) {
    const previous = old.get(status.code)
    const entry = firstRow.get(status.code)
    if (previous === undefined || previous === status.name || !entry) continue
    const way = report.options.allowBreaking ? '' : '; accept the new name with --allow-breaking'
    const reason =
      'Name of HTTP status ' + status.code + ' changed from `' + previous + '` to `' + status.name + '` since ' + before.label +
      ': clients that use `HttpStatus.' + previous + '` or the `' + previous + '` response break' + way
    report.breaking(fileOf(entry.source.file), entry.source.places.status, reason, 'renamed-status')
  }
}

/** The most removed codes a message names. */
const namedRemovals = 5

/**
 * Every run: the codes of the outputs replaced that the catalog no longer has, unless they were deprecated there —
 * one breaking change, naming how many codes would go and the first few, at the row that now stands where the first
 * one stood (the row of the code before it).
 */
function reportRemovedCodes(removed: ReadonlyArray<BeforeEntry>, before: Before, after: Catalog, fileOf: (path: string) => VFile, report: Reporter): void {
  const gone = removed.filter((entry) => entry.deprecated !== true).sort((a, b) => compareCodes(a.code, b.code))
  const [first] = gone
  if (!first) return
  const near = neighbourOf(first.code, after.entries)
  const file = near ? fileOf(near.source.file) : before.file
  const named = gone.slice(0, namedRemovals).map((entry) => entry.code + ' (`' + entry.name + '`)').join(', ')
  const more = gone.length > namedRemovals ? ' and ' + (gone.length - namedRemovals) + ' more' : ''
  const one = gone.length === 1
  const what = one
    ? 'Code ' + named + ' would be removed since ' + before.label + ' without being deprecated first'
    : gone.length + ' codes would be removed since ' + before.label + ' without being deprecated first: ' + named + more
  const way = report.options.allowBreaking ? '' : one
    ? '; deprecate it (strike its message through) in a release before removing it, or accept the removal with --allow-breaking'
    : '; deprecate them (strike their messages through) in a release before removing them, or accept the removal with --allow-breaking'
  report.breaking(file, near?.source.places.row, what + way, 'removed-code')
}

/** The entry a removed code stood after, in code order (the first entry when it stood first). */
function neighbourOf(code: number | string, entries: ReadonlyArray<CatalogEntry>): CatalogEntry | undefined {
  let low = 0
  let high = entries.length
  while (low < high) {
    const middle = (low + high) >> 1
    if (compareCodes((entries[middle] as CatalogEntry).code, code) < 0) low = middle + 1
    else high = middle
  }
  return entries[Math.max(low - 1, 0)]
}

/** Every change but the names: kinds, columns, removed and added codes, statuses, texts and deprecations. */
function compareOthers(
  before: Before,
  after: Catalog,
  changes: Changes<BeforeEntry, CatalogEntry>,
  fileOf: (path: string) => VFile,
  report: Reporter,
  syntaxes: ReadonlyArray<ParamSyntax> | undefined
): void {
  const start = {start: {line: 1, column: 1}, end: {line: 1, column: 1}}
  const firstFile = fileOf(after.entries[0]?.source.file ?? after.sources[0] ?? '')

  if (before.codeKind !== after.codeKind && before.entries.length > 0 && after.entries.length > 0) {
    report.breaking(firstFile, start, 'Codes changed from ' + before.codeKind + 's to ' + after.codeKind + 's since ' + before.label, 'changed-code-kind')
  }
  if (before.hasStatus && !after.hasStatus) {
    report.breaking(firstFile, start, 'The HTTP column was removed since ' + before.label + ': codes no longer carry a status', 'removed-column')
  }
  if (before.hasResolve && !after.hasResolve) {
    report.breaking(firstFile, start, 'The Resolve column was removed since ' + before.label + ': bodies no longer carry a resolve text', 'removed-column')
  }

  for (const entry of changes.removed) reportRemoved(entry, before, report)
  for (const match of changes.matched) {
    const file = fileOf(match.after.source.file)
    if (match.fields.includes('message') || match.fields.includes('resolve')) reportAddedParams(match, file, before.label, report, syntaxes)
    reportMatch(match, file, before.label, report)
  }
  for (const entry of changes.added) {
    report.info(fileOf(entry.source.file), entry.source.places.code, 'Code ' + entry.code + ' (`' + entry.name + '`) added since ' + before.label, 'added-code')
  }
}

/** Where the comparison's messages go: a breaking change, or a change that does not break clients. */
interface Reporter {
  /** Whether breaking changes are allowed (their messages then offer no way out). */
  readonly options: ContractOptions
  breaking(file: VFile, place: Position | undefined, reason: string, ruleId: BreakingRuleId): void
  info(file: VFile, place: Position | undefined, reason: string, ruleId: RuleIdOf<'info'>): void
}

/** A breaking change is an error, or a warning with `allowBreaking`; any other change is a note. */
function reporter(options: ContractOptions): Reporter {
  return {
    options,
    breaking(file, place, reason, ruleId) {
      breaking(file, reason, place, ruleId, options.allowBreaking)
    },
    info(file, place, reason, ruleId) {
      info(file, reason, place, ruleId)
    }
  }
}

/** A code that is gone breaks clients unless it was deprecated first. */
function reportRemoved(entry: BeforeEntry, before: Before, report: Reporter): void {
  const what = 'Code ' + entry.code + ' (`' + entry.name + '`)'
  const file = entry.file ?? before.file
  if (entry.deprecated === false) {
    const reason = what + ' was removed since ' + before.label + ' without being deprecated first; deprecate it (strike its message through) in a release before removing it'
    report.breaking(file, entry.place, reason, 'removed-code')
  } else {
    report.info(file, entry.place, what + ' was removed since ' + before.label + ' after its deprecation', 'removed-deprecated-code')
  }
}

/**
 * Report a code whose name changed: a reused name, or a rename — of a derived name (a Name cell or `--pin-names`
 * keeps the old one), or of a Name cell's.
 *
 * @param renames receives the derived names that changed
 */
function reportName(
  match: Match<BeforeEntry, CatalogEntry>,
  file: VFile,
  nowByName: ReadonlyMap<string, CatalogEntry>,
  label: string,
  report: Reporter,
  renames: Array<Rename>
): void {
  const {before: previous, after: entry} = match
  const {places, named} = entry.source
  const moved = nowByName.get(previous.name)
  const what = 'Name of code ' + entry.code + ' changed from `' + previous.name + '` to `' + entry.name + '`' + (named ? ' by its Name cell' : '') + ' since ' + label
  const allowed = report.options.allowBreaking
  if (moved && moved !== entry) {
    const reason =
      'Code ' + entry.code + ' was `' + previous.name + '` in ' + label + ' and is now `' + entry.name + '`, while `' +
      previous.name + '` is now code ' + moved.code + ': clients that switch on `' + previous.name + '` get another code'
    report.breaking(file, places.code, reason, 'reused-code')
  } else if (named) {
    const way = allowed ? '' : '; put `' + previous.name + '` back, or accept the rename with --allow-breaking'
    report.breaking(file, places.name, what + way, 'renamed-code')
  } else {
    renames.push({entry, before: previous.name})
    if (report.options.pinning) return
    const way = allowed ? '' : '; keep the old name with a Name column (run again with --pin-names to write it) or accept the new one with --allow-breaking'
    report.breaking(file, places.message, what + way, 'renamed-code')
  }
}

/**
 * Report what else changed of one code between then and now.
 *
 * @param file the entry's document
 */
function reportMatch(match: Match<BeforeEntry, CatalogEntry>, file: VFile, label: string, report: Reporter): void {
  const {before: previous, after: entry, fields} = match
  const {places} = entry.source
  if (fields.includes('status')) {
    const reason = 'HTTP status of code ' + entry.code + ' changed from ' + previous.status + ' to ' + entry.status + ' since ' + label
    report.breaking(file, places.status, reason, 'changed-status')
  }
  if (fields.includes('type')) reportChangedType(match, file, label, report)
  if (fields.includes('message')) {
    report.info(file, places.message, 'Message of code ' + entry.code + ' edited since ' + label, 'edited-message')
  }
  if (fields.includes('resolve')) {
    report.info(file, places.resolve, 'Resolve text of code ' + entry.code + ' edited since ' + label, 'edited-resolve')
  }
  if (previous.deprecated === false && entry.deprecated) {
    const replacement = entry.deprecated.replacement === undefined ? '' : ' (use ' + entry.deprecated.replacement + ')'
    report.info(file, places.message, 'Code ' + entry.code + ' deprecated since ' + label + replacement, 'deprecated-code')
  }
}

/**
 * Each parameter of a code's message or resolve text that its earlier texts did not have (read with the page's
 * syntaxes): code that makes the message must now pass it, so it breaks; at the cell that has it.
 */
function reportAddedParams(match: Match<BeforeEntry, CatalogEntry>, file: VFile, label: string, report: Reporter, syntaxes: ReadonlyArray<ParamSyntax> | undefined): void {
  const {before: previous, after: entry} = match
  const earlier = new Set([...paramNames(previous.message, syntaxes), ...paramNames(previous.resolve ?? '', syntaxes)])
  const cells = [[entry.templates?.message, entry.source.places.message], [entry.templates?.resolve, entry.source.places.resolve]] as const
  for (const [template, place] of cells) {
    for (const name of templateParams(template ?? [])) {
      if (earlier.has(name)) continue
      earlier.add(name)
      report.breaking(file, place, 'Parameter `' + name + '` added to code ' + entry.code + ' since ' + label + ': code that makes its message must now pass it', 'added-param')
    }
  }
}

/** A problem type is what clients match a problem on: a new URI for an existing code breaks them. */
function reportChangedType(match: Match<BeforeEntry, CatalogEntry>, file: VFile, label: string, report: Reporter): void {
  const {before: previous, after: entry} = match
  const now = problemTypeOrUndefined(report.options.problem, entry)
  const reason =
    'Problem type of code ' + entry.code + ' changed from `' + previous.type + '` to `' + now + '` since ' + label +
    '; problem types are identifiers clients match on: keep the old URI'
  report.breaking(file, entry.source.places.code, reason, 'changed-problem-type')
}
