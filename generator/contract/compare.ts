/** contract: the catalog as it was (at a git revision or in old outputs) and as it is now in, its breaking and non-breaking changes out, as located messages on the documents. */
import {error, warning} from '../diagnostics/messages.js'

/**
 * @import {Position} from 'unist'
 * @import {VFile} from 'vfile'
 * @import {Catalog, CatalogEntry, CodeKind, Snapshot} from '../types.js'
 */

/**
 * @typedef Before the catalog to compare with
 * @property {string} label what it is, for messages (`origin/main`, `old/output`)
 * @property {CodeKind} codeKind
 * @property {boolean | undefined} hasStatus undefined when its outputs do not say
 * @property {boolean | undefined} hasResolve
 * @property {ReadonlyArray<Snapshot & {file?: VFile, place?: Position}>} entries each with its document and place, when known
 * @property {VFile} file where other messages about what is gone go (the old document, or the old output)
 * @property {ReadonlyArray<VFile>} files every file of the old catalog, to report their messages
 */

/**
 * @typedef ContractOptions
 * @property {boolean} allowBreaking breaking changes are warnings, for a deliberate major release
 */

/**
 * Compare, and add one message per change: an error per breaking change (a warning with `allowBreaking`), an info
 * per change that does not break clients.
 *
 * @param {Before} before
 * @param {Catalog} after
 * @param {ReadonlyMap<string, VFile>} files the current documents, by path
 * @param {ContractOptions} options
 */
export function compareContract(before, after, files, options) {
  const report = reporter(options)
  const start = {start: {line: 1, column: 1}, end: {line: 1, column: 1}}
  /** @param {string} path */
  const fileOf = (path) => files.get(path) ?? before.file
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

  const old = new Map(before.entries.map((entry) => [String(entry.code), entry]))
  const now = new Map(after.entries.map((entry) => [String(entry.code), entry]))
  const nowByName = new Map(after.entries.map((entry) => [entry.name, entry]))

  for (const entry of before.entries) {
    if (!now.has(String(entry.code))) reportRemoved(entry, before, report)
  }
  for (const entry of after.entries) {
    const previous = old.get(String(entry.code))
    const file = fileOf(entry.source.file)
    if (previous) compareEntry(previous, entry, file, nowByName, before.label, report)
    else report.info(file, entry.source.places.code, 'Code ' + entry.code + ' (`' + entry.name + '`) added since ' + before.label, 'added-code')
  }
}

/**
 * @typedef Reporter
 * @property {(file: VFile, place: Position | undefined, reason: string, ruleId: string) => void} breaking
 * @property {(file: VFile, place: Position | undefined, reason: string, ruleId: string) => void} info
 */

/**
 * @param {ContractOptions} options
 * @returns {Reporter}
 */
function reporter(options) {
  return {
    breaking(file, place, reason, ruleId) {
      if (options.allowBreaking) warning(file, reason + ' (allowed by --allow-breaking)', place, ruleId)
      else error(file, reason, place, ruleId)
    },
    info(file, place, reason, ruleId) {
      file.info(reason, {place, ruleId, source: 'errgen'})
    }
  }
}

/**
 * A code that is gone breaks clients unless it was deprecated first.
 *
 * @param {Snapshot & {file?: VFile, place?: Position}} entry
 * @param {Before} before
 * @param {Reporter} report
 */
function reportRemoved(entry, before, report) {
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
 * Compare one code's entry then and now.
 *
 * @param {Snapshot} previous
 * @param {CatalogEntry} entry
 * @param {VFile} file the entry's document
 * @param {ReadonlyMap<string, CatalogEntry>} nowByName
 * @param {string} label
 * @param {Reporter} report
 */
function compareEntry(previous, entry, file, nowByName, label, report) {
  const {places} = entry.source
  if (previous.name !== entry.name) {
    const moved = nowByName.get(previous.name)
    if (moved && moved !== entry) {
      const reason =
        'Code ' + entry.code + ' was `' + previous.name + '` in ' + label + ' and is now `' + entry.name + '`, while `' +
        previous.name + '` is now code ' + moved.code + ': clients that switch on `' + previous.name + '` get another code'
      report.breaking(file, places.code, reason, 'reused-code')
    } else {
      const reason =
        'Name of code ' + entry.code + ' changed from `' + previous.name + '` to `' + entry.name + '` since ' + label +
        '; keep the old name with a Name column: `' + previous.name + '`'
      const named = places.name !== places.row
      report.breaking(file, named ? places.name : places.message, reason, 'renamed-code')
    }
  }
  if (previous.status !== undefined && entry.status !== undefined && previous.status !== entry.status) {
    const reason = 'HTTP status of code ' + entry.code + ' changed from ' + previous.status + ' to ' + entry.status + ' since ' + label
    report.breaking(file, places.status, reason, 'changed-status')
  }
  if (previous.message !== entry.message) {
    report.info(file, places.message, 'Message of code ' + entry.code + ' edited since ' + label, 'edited-message')
  }
  if (previous.resolve !== undefined && entry.resolve !== undefined && previous.resolve !== entry.resolve) {
    report.info(file, places.resolve, 'Resolve text of code ' + entry.code + ' edited since ' + label, 'edited-resolve')
  }
  if (previous.deprecated === false && entry.deprecated) {
    const replacement = entry.deprecated.replacement === undefined ? '' : ' (use ' + entry.deprecated.replacement + ')'
    report.info(file, places.message, 'Code ' + entry.code + ' deprecated since ' + label + replacement, 'deprecated-code')
  }
}
