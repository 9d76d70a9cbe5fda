/** assign-names: the valid rows of a catalog and their codes' values in, each row's unique identifier out — a Name cell, or derived from the message or the code; clashes, reserved, long and unusable names become messages. */
import {error, placeOf, warning} from '../diagnostics/messages.js'
import {codeWord, hasNonAsciiLetters, identifierPattern, isMostlyNonAscii, nameWords, pascalCase, reservedNames, typeReservedNames, unusableNames} from './names.js'
import type {CodeCell, CodeKind, Row} from '../types.js'

/** Each code cell's value: a number or a string, as the catalog's code kind says. */
export type CodeValues = ReadonlyMap<CodeCell, number | string>

/**
 * Give every row a unique identifier: its Name cell; else, for integer codes, its message in PascalCase, and for
 * string codes the code itself (in PascalCase when it is not an identifier). Rows that derive the same name (or a
 * reserved one) all get a suffix — their code, or their place in the group for string codes — with one warning.
 */
export function assignNames(rows: ReadonlyArray<Row>, kind: CodeKind, values: CodeValues): Map<Row, string> {
  const names = new Map<Row, string>()
  const explicit = new Set(rows.flatMap((row) => (row.name ? [row.name] : [])))

  for (const [base, group] of groupDerivedNames(rows, kind, values)) {
    const clashes = group.length > 1 || reservedNames.has(base) || unusableNames.has(base) || explicit.has(base)
    group.forEach((row, index) => {
      const suffix = kind === 'integer' ? codeWord(values.get(row.code) ?? '') : String(index + 1)
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
    const value = values.get(row.code) ?? row.code.text
    const base = kind === 'integer' ? messageName(row, value) : identifierPattern.test(String(value)) ? String(value) : codeName(value)
    const group = groups.get(base)
    if (group) group.push(row)
    else groups.set(base, [row])
  }
  return groups
}

/** The longest derived name that gets no warning, in words and in characters. */
const longName = {words: 5, characters: 40}

/**
 * The name an integer code's message gives (`AccessTokenMissing`), with a warning when it is long, or when it is
 * made of the message's ASCII words only; its code (`Code1000`), with a warning, when the message has no ASCII letter
 * or is written mostly in letters with no ASCII form (`Ошибка API` is `Code1002`, not `API`).
 */
function messageName(row: Row, code: number | string): string {
  const derived = pascalCase(row.message)
  if (!/[A-Za-z]/.test(derived)) {
    const name = codeName(code)
    const reason = 'Message of code ' + code + ' has no ASCII letter: named `' + name + '` after its code; add a Name column to choose the name'
    warning(row.file, reason, row.places.message, 'no-ascii-name')
    return name
  }
  if (isMostlyNonAscii(row.message)) {
    const name = codeName(code)
    const reason = 'Message of code ' + code + ' is written in letters with no ASCII form: named `' + name + '` after its code, not `' + derived +
      '` after its few ASCII words; add a Name column to choose the name'
    warning(row.file, reason, row.places.message, 'no-ascii-name')
    return name
  }
  if (hasNonAsciiLetters(row.message)) {
    const reason = 'Message of code ' + code + ' has letters with no ASCII form: named `' + derived + '` after its ASCII words only; add a Name column to choose the name'
    warning(row.file, reason, row.places.message, 'no-ascii-name')
  }
  const words = nameWords(row.message).length
  if (words > longName.words || derived.length > longName.characters) {
    const reason = 'Name `' + derived + '` derived from the message of code ' + code + ' has ' + words + ' words and ' + derived.length +
      ' characters, expected at most ' + longName.words + ' and ' + longName.characters + '; add a Name column to give it a shorter one'
    warning(row.file, reason, row.places.message, 'long-name')
  }
  return derived
}

/** The name of a code that gives no other: `Code1000`, `CodeMinus32700`; a string code's own (`Minus32700`, `_404X`). */
export function codeName(code: number | string): string {
  if (typeof code === 'number') return 'Code' + codeWord(code)
  const derived = /^-\d/.test(code) ? codeWord(code) : pascalCase(code)
  return derived || 'Code' + code.replace(/\W/g, '')
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


/**
 * In the const style every member is also a type (`ErrorCode.X`), and no type can be named `class`, `default` or
 * `string`: such a name is an error there, at the Name cell or at the code it comes from.
 */
export function reportUntypableNames(rows: ReadonlyArray<Row>, names: ReadonlyMap<Row, string>, values: CodeValues): void {
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
