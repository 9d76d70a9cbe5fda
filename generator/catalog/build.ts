/** build: what validate read from every document in, the readonly Catalog sorted by code out; code kinds, duplicates and name clashes become messages on the rows' files. */
import {compareCodes, readCodes} from './codes.js'
import {reportConfusableCodes} from './confusable.js'
import {error, firstOccurrence, placeOf, warning} from '../diagnostics/messages.js'
import {assignNames, codeName, type CodeValues, reportRefusedNames} from './assign-names.js'
import {reasonPhrase, statusName} from './names.js'
import {namingRule, type NamingOptions, type NamingRule} from '../targets/index.js'
import {columnLabels, headerList} from '../tables/header/columns.js'
import {rowOrigin} from '../tables/rows.js'
import {type LocaleDocuments, translateEntries} from '../locales/translate.js'
import type {Catalog, CatalogEntry, CodeCell, CodeKind, OptionalColumn, ReadDocument, ReadOptions, Row, StatusEntry, TableInfo} from '../types.js'

/**
 * Build the catalog.
 *
 * @param documents in order
 * @param sources the documents' paths
 * @param localeDocuments the documents of each locale's translations
 */
export function buildCatalog(
  documents: ReadonlyArray<ReadDocument>,
  options: CatalogOptions,
  sources: ReadonlyArray<string>,
  localeDocuments: ReadonlyArray<LocaleDocuments> = []
): Catalog {
  const rows = documents.flatMap((document) => document.rows)
  const cells = documents.flatMap((document) => document.codes)
  const tables = documents.flatMap((document) => document.tables)

  const {kind, values} = readCodes(cells, options.codes)
  const firsts = reportDuplicateCodes(cells, values)
  reportConfusableCodes(cells, values)
  const unique = rows.filter((row) => {
    const value = values.get(row.code)
    return value !== undefined && firsts.get(codeKey(value)) === row.code
  })
  const hasStatus = checkColumnEverywhere(tables, 'status', options)
  const hasResolve = checkColumnEverywhere(tables, 'resolve', options)
  warnDuplicateMessages(unique, values)
  const rule = namingRule(options, kind)
  reportReservedCodes(unique, values, rule)
  const names = assignNames(unique, kind, values, rule)
  reportRefusedNames(unique, names, values, rule)
  const codes = new Set(unique.map((row) => values.get(row.code)))
  const rowOf = new Map<CatalogEntry, Row>()
  const read = unique
    .map((row) => {
      const entry = entryOf(row, values, names, replacementOf(row, kind, codes))
      rowOf.set(entry, row)
      return entry
    })
    .sort((a, b) => compareCodes(a.code, b.code))
  const {entries, locales} = translateEntries(read, (entry) => rowOf.get(entry), localeDocuments, options.defaultLocale)

  return {
    sources: [...sources],
    codeKind: kind,
    hasStatus,
    hasResolve,
    entries,
    statuses: statusesOf(entries),
    groups: [...new Set(rows.flatMap((row) => (row.group === undefined ? [] : [row.group])))],
    ...(locales ? {locales} : {})
  }
}

/**
 * Report every code defined twice (an error at the later cell, pointing at the first), also in another Unicode
 * normalization (NFC `café` and NFD `café` look alike); the first cell of each code, by `codeKey`.
 */
function reportDuplicateCodes(cells: ReadonlyArray<CodeCell>, values: CodeValues): Map<number | string, CodeCell> {
  const first = new Map<number | string, CodeCell>()
  for (const cell of cells) {
    const value = values.get(cell)
    if (value === undefined) continue
    const earlier = first.get(codeKey(value))
    if (earlier) {
      const cause = firstOccurrence(earlier.file, earlier.place, 'duplicate-code')
      const normalization = values.get(earlier) === value ? '' : ' in another Unicode normalization'
      const reason = 'Duplicate code ' + value + normalization + ', first defined at ' + placeOf(cell.file, earlier.file, earlier.place)
      error(cell.file, reason, cell.place, 'duplicate-code', cause)
    } else {
      first.set(codeKey(value), cell)
    }
  }
  return first
}

/** Report a code an enabled output cannot hold (the lookup dictionary keeps its notice under `$comment`). */
function reportReservedCodes(rows: ReadonlyArray<Row>, values: CodeValues, rule: NamingRule): void {
  for (const row of rows) {
    const reserved = rule.reservedCode(String(values.get(row.code)))
    if (reserved) error(row.file, 'Unexpected code `' + values.get(row.code) + '`, expected another: it ' + reserved.reason, row.code.place, 'invalid-code')
  }
}

/** What makes two codes one: their value, a string code in its NFC normalization. */
function codeKey(value: number | string): number | string {
  return typeof value === 'string' ? value.normalize('NFC') : value
}

/**
 * The HTTP and Resolve columns are in every error table or in none, unless the options let tables differ in the
 * column: report the tables without it when another has it. Whether the catalog has the column.
 */
function checkColumnEverywhere(tables: ReadonlyArray<TableInfo>, column: OptionalColumn, options: CatalogOptions): boolean {
  const having = tables.find((table) => table.columns.has(column))
  if (!having) return false
  if (options.optionalColumns?.includes(column)) return true
  for (const table of tables) {
    if (table.columns.has(column)) continue
    const reason =
      'Missing ' + columnLabels[column] + ' column in error table, expected it as in the table at ' +
      placeOf(table.file, having.file, having.place) + ' (or `"optionalColumns": ["' + column + '"]`); found ' + headerList(table.header)
    error(table.file, reason, table.place, 'missing-column')
  }
  return true
}

/** Warn about a message used by more than one code: clients cannot tell the errors apart by message. */
function warnDuplicateMessages(rows: ReadonlyArray<Row>, values: CodeValues): void {
  const first = new Map<string, Row>()
  for (const row of rows) {
    const earlier = first.get(row.message)
    if (earlier) {
      const reason =
        'Duplicate message `' + row.message + '` of code ' + values.get(row.code) + ', first used by code ' +
        values.get(earlier.code) + ' at ' + placeOf(row.file, earlier.file, earlier.places.message)
      warning(row.file, reason, row.places.message, 'duplicate-message')
    } else {
      first.set(row.message, row)
    }
  }
}

/**
 * What building the catalog needs of the options: the code kind, and the outputs and their settings the names must
 * fit (by default the targets on by default, with their default settings).
 */
export type CatalogOptions = Pick<ReadOptions, 'codes'> & Partial<Pick<ReadOptions, 'optionalColumns' | 'defaultLocale'>> & NamingOptions

/**
 * The code that replaces a deprecated entry: the Deprecated cell's (an error when it is not a documented code), or
 * the one the Resolve text names (ignored when it is not a code: `use the v2 endpoint` is prose).
 */
function replacementOf(row: Row, kind: CodeKind, codes: ReadonlySet<number | string | undefined>): number | string | undefined {
  const written = row.deprecated?.replacement
  if (!row.deprecated || written === undefined) return undefined
  const code = kind === 'integer' && /^\d+$/.test(written) ? Number(written) : written
  if (codes.has(code) && String(code) !== row.code.text) return code
  if (row.deprecated.explicit) {
    const reason = 'Unexpected replacement `' + written + '` of deprecated code ' + row.code.text + ', expected another documented code'
    error(row.file, reason, row.places.deprecated, 'unknown-replacement')
  }
  return undefined
}

/** An entry as a run built it from a row (`rowOrigin`), with what else it was built from. */
interface BuiltEntry {
  readonly code: number | string
  readonly name: string
  readonly replacement: number | string | undefined
  readonly path: string
  readonly entry: CatalogEntry
}

/**
 * The entries built, by the row each was built from. A `--watch` session reads a row whose node a save did not change
 * as a copy of the same row (`rowOrigin`); with the same code, name, replacement and document it gives the very entry
 * of the last run, which the emitters then find as theirs by identity (`EmitCache.keyOf`) instead of comparing it.
 */
const builtEntries = new WeakMap<Row, BuiltEntry>()

/** The row's entry: the one built from the same row with the same code, name, replacement and document, or a new one. */
function entryOf(row: Row, values: CodeValues, names: ReadonlyMap<Row, string>, replacement: number | string | undefined): CatalogEntry {
  const origin = rowOrigin(row)
  const code = values.get(row.code) as number | string
  const name = names.get(row) || codeName(code)
  const built = builtEntries.get(origin)
  if (built?.code === code && built.name === name && built.replacement === replacement && built.path === row.file.path) return built.entry
  const entry = toEntry(row, code, name, replacement)
  builtEntries.set(origin, {code, name, replacement, path: row.file.path, entry})
  return entry
}

function toEntry(
  row: Row,
  code: number | string,
  name: string,
  replacement: number | string | undefined
): CatalogEntry {
  return {
    code,
    name,
    status: row.status,
    message: row.message,
    resolve: row.resolve,
    ...(row.docs ? {docs: row.docs} : {}),
    group: row.group,
    deprecated: row.deprecated ? {replacement} : undefined,
    source: {file: row.file.path, places: row.places, named: row.name !== undefined},
    ...paramsOf(row)
  }
}

/**
 * An entry's parameters and templates; its message and resolve text as sent when a template is one literal text (a
 * printf `%%` is a `%` there).
 */
function paramsOf(row: Row): Partial<CatalogEntry> {
  if (!row.params) return {}
  const {params, templates} = row.params
  const resolve = templates.resolve && templates.resolve.length === 1 ? {resolve: templates.resolve[0]} : {}
  if (params.length === 0) return {message: templates.message[0] ?? row.message, ...resolve}
  return {...resolve, params, templates: {message: templates.message, resolve: templates.resolve && templates.resolve.length > 1 ? templates.resolve : undefined}}
}

/** The statuses the entries use, sorted, each with its identifier. */
function statusesOf(entries: ReadonlyArray<CatalogEntry>): Array<StatusEntry> {
  const used = new Set<number>()
  for (const entry of entries) if (entry.status !== undefined) used.add(entry.status)
  const codes = [...used].sort((a, b) => a - b)
  return codes.map((code) => ({code, name: statusName(code), phrase: reasonPhrase(code)}))
}
