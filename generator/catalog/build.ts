/** build: what validate read from every document in, the readonly Catalog sorted by code out; code kinds, duplicates and name clashes become messages on the rows' files. */
import {compareCodes, readCodes} from './codes.js'
import {reportConfusableCodes} from './confusable.js'
import {error, firstOccurrence, placeOf, warning} from '../diagnostics/messages.js'
import {identifierPattern, pascalCase, reasonPhrase, reservedNames, statusName, typeReservedNames, unusableNames} from './names.js'
import {columnLabels} from '../tables/columns.js'
import type {Catalog, CatalogEntry, CodeCell, CodeKind, OptionalColumn, ReadDocument, ReadOptions, Row, StatusEntry, TableInfo, TypeScriptStyle} from '../types.js'

/** Each code cell's value: a number or a string, as the catalog's code kind says. */
type CodeValues = ReadonlyMap<CodeCell, number | string>

/**
 * Build the catalog.
 *
 * @param documents in order
 * @param sources the documents' paths
 */
export function buildCatalog(
  documents: ReadonlyArray<ReadDocument>,
  options: CatalogOptions,
  sources: ReadonlyArray<string>
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
  const hasStatus = checkColumnEverywhere(tables, 'status')
  const hasResolve = checkColumnEverywhere(tables, 'resolve')
  warnDuplicateMessages(unique, values)
  const names = assignNames(unique, kind, values)
  if (options.typescript?.style === 'const') reportUntypableNames(unique, names, values)
  const codes = new Set(unique.map((row) => values.get(row.code)))
  const entries = unique
    .map((row) => toEntry(row, values, names, replacementOf(row, kind, codes)))
    .sort((a, b) => compareCodes(a.code, b.code))

  return {
    sources: [...sources],
    codeKind: kind,
    hasStatus,
    hasResolve,
    entries,
    statuses: statusesOf(entries),
    groups: [...new Set(rows.flatMap((row) => (row.group === undefined ? [] : [row.group])))]
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

/** What makes two codes one: their value, a string code in its NFC normalization. */
function codeKey(value: number | string): number | string {
  return typeof value === 'string' ? value.normalize('NFC') : value
}

/**
 * An optional column (HTTP, Resolve) must be in every error table or in none: report the tables without it when
 * another has it. Whether the catalog has the column.
 */
function checkColumnEverywhere(tables: ReadonlyArray<TableInfo>, column: OptionalColumn): boolean {
  const having = tables.find((table) => table.columns.has(column))
  if (!having) return false
  for (const table of tables) {
    if (table.columns.has(column)) continue
    const reason =
      'Missing ' + columnLabels[column] + ' column in error table, expected it as in the table at ' +
      placeOf(table.file, having.file, having.place)
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
 * Give every row a unique identifier: its Name cell; else, for integer codes, its message in PascalCase, and for
 * string codes the code itself (in PascalCase when it is not an identifier). Rows that derive the same name (or a
 * reserved one) all get a suffix — their code, or their place in the group for string codes — with one warning.
 */
function assignNames(rows: ReadonlyArray<Row>, kind: CodeKind, values: CodeValues): Map<Row, string> {
  const names = new Map<Row, string>()
  const explicit = new Set(rows.flatMap((row) => (row.name ? [row.name] : [])))

  for (const [base, group] of groupDerivedNames(rows, kind, values)) {
    const clashes = group.length > 1 || reservedNames.has(base) || unusableNames.has(base) || explicit.has(base)
    group.forEach((row, index) => {
      const suffix = kind === 'integer' ? String(values.get(row.code)) : String(index + 1)
      names.set(row, clashes ? base + '_' + suffix : base)
    })
    if (clashes) warnNameGroup(base, group, names, values, kind)
  }
  for (const row of rows) if (row.name) names.set(row, row.name)

  reportNameConflicts(rows, names, values)
  return names
}

/** Rows without a Name cell, grouped by the name they derive (`Code1234` when the text gives none). */
function groupDerivedNames(rows: ReadonlyArray<Row>, kind: CodeKind, values: CodeValues): Map<string, Array<Row>> {
  const groups = new Map<string, Array<Row>>()
  for (const row of rows) {
    if (row.name) continue
    const code = String(values.get(row.code))
    const derived = kind === 'integer' ? pascalCase(row.message) : identifierPattern.test(code) ? code : pascalCase(code)
    const base = derived || 'Code' + code.replace(/\W/g, '')
    const group = groups.get(base)
    if (group) group.push(row)
    else groups.set(base, [row])
  }
  return groups
}

function warnNameGroup(
  base: string,
  group: ReadonlyArray<Row>,
  names: ReadonlyMap<Row, string>,
  values: CodeValues,
  kind: CodeKind
): void {
  const reserved = reservedNames.has(base) || unusableNames.has(base)
  const [first] = group
  if (!first) return
  const codes = group.map((row) => values.get(row.code)).join(', ')
  const given = group.map((row) => '`' + names.get(row) + '`')
  const why = reserved ? 'Name `' + base + '` of code ' + codes + ' ' + whyReserved(base) : 'Name `' + base + '` is derived from the ' + (kind === 'integer' ? 'messages of codes ' : 'codes ') + codes
  const reason = why + ': named ' + given.join(', ') + '; add a Name column to choose the names'
  warning(first.file, reason, first.places.message, reserved ? 'reserved-name' : 'duplicate-name')
}

/** What building the catalog needs of the options: the code kind, and the TypeScript style the names must fit. */
export type CatalogOptions = Pick<ReadOptions, 'codes'> & {readonly typescript?: {readonly style: TypeScriptStyle} | undefined}

/**
 * In the const style every member is also a type (`ErrorCode.X`), and no type can be named `class`, `default` or
 * `string`: such a name is an error there, at the Name cell or at the code it comes from.
 */
function reportUntypableNames(rows: ReadonlyArray<Row>, names: ReadonlyMap<Row, string>, values: CodeValues): void {
  for (const row of rows) {
    const name = names.get(row)
    if (name === undefined || !typeReservedNames.has(name)) continue
    const from = row.name ? 'name `' + name + '`' : 'name `' + name + '` of code ' + values.get(row.code)
    const fix = row.name ? 'choose another Name' : 'give it a Name cell'
    const reason = 'Unexpected ' + from + ' in the const style, expected another: no TypeScript type can have it (`ErrorCode.' + name + '`); ' + fix + ', or use the enum style'
    error(row.file, reason, row.name ? row.places.name : row.code.place, 'invalid-name')
  }
}

/** Why an entry may not have a reserved name, as the end of a sentence. */
function whyReserved(name: string): string {
  if (unusableNames.has(name)) return 'cannot be a member: no JavaScript object holds it as its own'
  return 'is reserved for the generated types'
}

/** Report a name given to two codes (a Name cell that repeats another name): an error, as the enum could not compile. */
function reportNameConflicts(rows: ReadonlyArray<Row>, names: ReadonlyMap<Row, string>, values: CodeValues): void {
  const first = new Map<string, Row>()
  for (const row of rows) {
    const name = names.get(row)
    if (name === undefined) continue
    const earlier = first.get(name)
    if (earlier) {
      const place = row.name ? row.places.name : row.places.message
      const reason =
        'Duplicate name `' + name + '` of code ' + values.get(row.code) + ', first given to code ' + values.get(earlier.code) +
        ' at ' + placeOf(row.file, earlier.file, earlier.name ? earlier.places.name : earlier.places.message)
      error(row.file, reason, place, 'name-conflict')
    } else if (reservedNames.has(name)) {
      error(row.file, 'Unexpected name `' + name + '`, it is reserved for the generated types', row.places.name, 'invalid-name')
    } else {
      first.set(name, row)
    }
  }
}

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

function toEntry(
  row: Row,
  values: CodeValues,
  names: ReadonlyMap<Row, string>,
  replacement: number | string | undefined
): CatalogEntry {
  const code = values.get(row.code) as number | string
  return {
    code,
    name: names.get(row) || 'Code' + code,
    status: row.status,
    message: row.message,
    resolve: row.resolve,
    group: row.group,
    deprecated: row.deprecated ? {replacement} : undefined,
    source: {file: row.file.path, places: row.places, named: row.name !== undefined}
  }
}

/** The statuses the entries use, sorted, each with its identifier. */
function statusesOf(entries: ReadonlyArray<CatalogEntry>): Array<StatusEntry> {
  const codes = [...new Set(entries.flatMap((entry) => (entry.status === undefined ? [] : [entry.status])))].sort((a, b) => a - b)
  return codes.map((code) => ({code, name: statusName(code), phrase: reasonPhrase(code)}))
}
