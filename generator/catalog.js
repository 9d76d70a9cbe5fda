/** catalog: the rows of every table in, the readonly Catalog sorted by code out; duplicates and name clashes become messages on the rows' files. */
import {error, firstOccurrence, placeOf, warning} from './diagnostics.js'
import {pascalCase, reasonPhrase, reservedNames, statusName} from './names.js'

/**
 * @import {Catalog, CatalogEntry, CodeCell, Row, StatusEntry} from './types.js'
 */

/**
 * Build the catalog.
 *
 * @param {ReadonlyArray<Row>} rows the valid rows, in document order
 * @param {ReadonlyArray<CodeCell>} codes every code cell, valid row or not, in document order
 * @param {ReadonlyArray<string>} sources the documents' paths
 * @returns {Catalog}
 */
export function buildCatalog(rows, codes, sources) {
  const firsts = reportDuplicateCodes(codes)
  // A row stays when its code cell is the first cell of that code (the same place object).
  const unique = rows.filter((row) => firsts.get(row.code)?.place === row.places.code)
  warnDuplicateMessages(unique)
  const names = assignNames(unique)
  const entries = unique.map((row) => toEntry(row, names)).sort((a, b) => a.code - b.code)
  return {sources: [...sources], entries, statuses: statusesOf(entries)}
}

/**
 * Report every code defined twice (an error at the later cell, pointing at the first); the first cell of each code.
 *
 * @param {ReadonlyArray<CodeCell>} codes
 * @returns {Map<number, CodeCell>}
 */
function reportDuplicateCodes(codes) {
  /** @type {Map<number, CodeCell>} */
  const first = new Map()
  for (const cell of codes) {
    const earlier = first.get(cell.code)
    if (earlier) {
      const cause = firstOccurrence(earlier.file, earlier.place, 'duplicate-code')
      const reason = 'Duplicate code ' + cell.code + ', first defined at ' + placeOf(cell.file, earlier.file, earlier.place)
      error(cell.file, reason, cell.place, 'duplicate-code', cause)
    } else {
      first.set(cell.code, cell)
    }
  }
  return first
}

/**
 * Warn about a message used by more than one code: clients cannot tell the errors apart by message.
 *
 * @param {ReadonlyArray<Row>} rows
 */
function warnDuplicateMessages(rows) {
  /** @type {Map<string, Row>} */
  const first = new Map()
  for (const row of rows) {
    const earlier = first.get(row.message)
    if (earlier) {
      const reason =
        'Duplicate message `' + row.message + '` of code ' + row.code + ', first used by code ' + earlier.code +
        ' at ' + placeOf(row.file, earlier.file, earlier.places.message)
      warning(row.file, reason, row.places.message, 'duplicate-message')
    } else {
      first.set(row.message, row)
    }
  }
}

/**
 * Give every row a unique identifier: its Name cell, or its message in PascalCase. Rows whose messages give the
 * same name (or a reserved one) all get their code as suffix, with one warning for the group.
 *
 * @param {ReadonlyArray<Row>} rows
 * @returns {Map<Row, string>}
 */
function assignNames(rows) {
  /** @type {Map<Row, string>} */
  const names = new Map()
  const explicit = new Set(rows.flatMap((row) => (row.name ? [row.name] : [])))

  for (const [base, group] of groupDerivedNames(rows)) {
    const clashes = group.length > 1 || reservedNames.has(base) || explicit.has(base)
    for (const row of group) names.set(row, clashes ? base + '_' + row.code : base)
    if (clashes) warnNameGroup(base, group, names, reservedNames.has(base))
  }
  for (const row of rows) if (row.name) names.set(row, row.name)

  reportNameConflicts(rows, names)
  return names
}

/**
 * Rows without a Name cell, grouped by the name their message gives (`Code1234` when it gives none).
 *
 * @param {ReadonlyArray<Row>} rows
 * @returns {Map<string, Array<Row>>}
 */
function groupDerivedNames(rows) {
  /** @type {Map<string, Array<Row>>} */
  const groups = new Map()
  for (const row of rows) {
    if (row.name) continue
    const base = pascalCase(row.message) || 'Code' + row.code
    const group = groups.get(base)
    if (group) group.push(row)
    else groups.set(base, [row])
  }
  return groups
}

/**
 * @param {string} base
 * @param {ReadonlyArray<Row>} group
 * @param {ReadonlyMap<Row, string>} names
 * @param {boolean} reserved
 */
function warnNameGroup(base, group, names, reserved) {
  const [first] = group
  if (!first) return
  const codes = group.map((row) => row.code)
  const given = group.map((row) => '`' + names.get(row) + '`')
  const why = reserved
    ? 'Name `' + base + '` of code ' + codes.join(', ') + ' is reserved for the generated types'
    : 'Name `' + base + '` is derived from the messages of codes ' + codes.join(', ')
  const reason = why + ': named ' + given.join(', ') + '; add a Name column to choose the names'
  warning(first.file, reason, first.places.message, reserved ? 'reserved-name' : 'duplicate-name')
}

/**
 * Report a name given to two codes (a Name cell that repeats another name): an error, as the enum could not compile.
 *
 * @param {ReadonlyArray<Row>} rows
 * @param {ReadonlyMap<Row, string>} names
 */
function reportNameConflicts(rows, names) {
  /** @type {Map<string, Row>} */
  const first = new Map()
  for (const row of rows) {
    const name = names.get(row)
    if (name === undefined) continue
    const earlier = first.get(name)
    if (earlier) {
      const place = row.name ? row.places.name : row.places.message
      const reason =
        'Duplicate name `' + name + '` of code ' + row.code + ', first given to code ' + earlier.code + ' at ' +
        placeOf(row.file, earlier.file, earlier.name ? earlier.places.name : earlier.places.message)
      error(row.file, reason, place, 'name-conflict')
    } else if (reservedNames.has(name)) {
      error(row.file, 'Unexpected name `' + name + '`, it is reserved for the generated types', row.places.name, 'invalid-name')
    } else {
      first.set(name, row)
    }
  }
}

/**
 * @param {Row} row
 * @param {ReadonlyMap<Row, string>} names
 * @returns {CatalogEntry}
 */
function toEntry(row, names) {
  return {
    code: row.code,
    name: names.get(row) || 'Code' + row.code,
    status: row.status,
    message: row.message,
    resolve: row.resolve
  }
}

/**
 * The statuses the entries use, sorted, each with its identifier.
 *
 * @param {ReadonlyArray<CatalogEntry>} entries
 * @returns {Array<StatusEntry>}
 */
function statusesOf(entries) {
  const codes = [...new Set(entries.map((entry) => entry.status))].sort((a, b) => a - b)
  return codes.map((code) => ({code, name: statusName(code), phrase: reasonPhrase(code)}))
}
