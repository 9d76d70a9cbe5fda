/** assign-names: the valid rows of a catalog, their codes' values and the enabled targets' naming rule in, each row's unique identifier out — a Name cell, or derived from the message or the code; clashes (also in a target's spelling), reserved, long and unusable names become messages. */
import {error, placeOf, warning} from '../diagnostics/messages.js'
import type {NamingRule} from '../targets/index.js'
import type {VFile} from 'vfile'
import type {CodeCell, CodeKind, Row} from '../types.js'
import {clustersOf, type NameCluster, spelledClash} from './name-clusters.js'
import {nameSource} from '../params/fill.js'
import {codeWord, identifierPattern, messageNaming, pascalCase, unusableNames} from './names.js'

/** Each code cell's value: a number or a string, as the catalog's code kind says. */
export type CodeValues = ReadonlyMap<CodeCell, number | string>

/**
 * Give every row a unique identifier: its Name cell; else, for integer codes, its message in PascalCase, and for
 * string codes the code itself (in PascalCase when it is not an identifier). Rows that derive the same name — or
 * names an enabled target spells alike, or a name one of them reserves — all get a suffix (their code, or their
 * place in the group for string codes), in every target alike, with one warning.
 */
export function assignNames(rows: ReadonlyArray<Row>, kind: CodeKind, values: CodeValues, rule: NamingRule): Map<Row, string> {
  const bases = rows.map((row) => (row.name ? undefined : derivedName(row, kind, values)))
  const inputs = rows.map((row, index) => (row.name ? '=' + row.name : '~' + bases[index]) + '\0' + String(values.get(row.code) ?? row.code.text))
  const kept = lastNaming?.rule === rule.key && sameStrings(lastNaming.inputs, inputs) ? lastNaming.names : undefined
  if (kept) return new Map(rows.map((row, index) => [row, kept[index] as string]))
  const files = new Set(rows.map((row) => row.file))
  const messages = messageCount(files)
  const names = namesOf(rows, bases, kind, values, rule)
  lastNaming = messageCount(files) === messages ? {rule: rule.key, inputs, names: rows.map((row) => names.get(row) as string)} : undefined
  return names
}

/**
 * The names of the last run whose naming gave no message, with the naming rule (`NamingRule.key`) and each row's Name
 * cell or derived name and code: a run whose rows give the same (a `--watch` save that changed no message, name or
 * code) takes the same names, as naming them again would give them (derived names' own warnings are made anew).
 */
let lastNaming: {readonly rule: string, readonly inputs: ReadonlyArray<string>, readonly names: ReadonlyArray<string>} | undefined

/** Name the rows: each cluster of rows deriving one name (`bases`, undefined for a Name cell), then the Name cells; clashes become messages. */
function namesOf(rows: ReadonlyArray<Row>, bases: ReadonlyArray<string | undefined>, kind: CodeKind, values: CodeValues, rule: NamingRule): Map<Row, string> {
  const names = new Map<Row, string>()
  const explicit = rows.flatMap((row) => (row.name ? [row.name] : []))
  const isReserved = (name: string): boolean => unusableNames.has(name) || rule.reserved(name).length > 0
  const order = new Map(rows.map((row, index) => [row, index]))

  for (const cluster of clustersOf(groupDerivedNames(rows, bases), explicit, rule, order)) {
    const {rows: group, bases} = cluster
    const reserved = bases.some((base) => isReserved(base))
    const clashes = group.length > 1 || reserved || cluster.withExplicit
    group.forEach((row, index) => {
      const base = cluster.baseOf(row)
      if (!clashes) {
        names.set(row, base)
        return
      }
      const suffix = kind === 'integer' ? codeWord(values.get(row.code) ?? '') : String(index + 1)
      const resolved = base + '_' + suffix
      names.set(row, isReserved(resolved) ? 'Code' + resolved : resolved)
    })
    if (clashes) warnNameGroup(cluster, names, values, kind, rule)
  }
  for (const row of rows) if (row.name) names.set(row, row.name)

  reportNameConflicts(rows, names, values, rule)
  return names
}

/** The name a row without a Name cell derives: from its message for integer codes, else from its code (`Code1234` when the text gives none). */
function derivedName(row: Row, kind: CodeKind, values: CodeValues): string {
  const value = values.get(row.code) ?? row.code.text
  return kind === 'integer' ? messageName(row, value) : identifierPattern.test(String(value)) ? String(value) : codeName(value)
}

/** Rows without a Name cell, grouped by the name they derive. */
function groupDerivedNames(rows: ReadonlyArray<Row>, bases: ReadonlyArray<string | undefined>): Map<string, Array<Row>> {
  const groups = new Map<string, Array<Row>>()
  rows.forEach((row, index) => {
    const base = bases[index]
    if (base === undefined) return
    const group = groups.get(base)
    if (group) group.push(row)
    else groups.set(base, [row])
  })
  return groups
}

/** Whether two lists hold the same strings in the same order. */
function sameStrings(a: ReadonlyArray<string>, b: ReadonlyArray<string>): boolean {
  return a.length === b.length && a.every((item, index) => item === b[index])
}

/** How many messages the files have. */
function messageCount(files: ReadonlySet<VFile>): number {
  let count = 0
  for (const file of files) count += file.messages.length
  return count
}

/** The longest derived name that gets no warning, in words and in characters. */
const longName = {words: 5, characters: 40}

/**
 * The name an integer code's message gives (`AccessTokenMissing`), with a warning when it is long, or when it is
 * made of the message's ASCII words only; its code (`Code1000`), with a warning, when the message has no ASCII letter
 * or is written mostly in letters with no ASCII form (`Ошибка API` is `Code1002`, not `API`).
 */
function messageName(row: Row, code: number | string): string {
  const text = row.params ? nameSource(row.params.templates.message) : row.message
  const naming = messageNaming(text)
  const derived = naming.name
  if (!/[A-Za-z]/.test(derived)) {
    const name = codeName(code)
    const reason = 'Message of code ' + code + ' has no ASCII letter: named `' + name + '` after its code; add a Name column to choose the name'
    warning(row.file, reason, row.places.message, 'no-ascii-name')
    return name
  }
  if (naming.nonAscii === 'mostly') {
    const name = codeName(code)
    const reason = 'Message of code ' + code + ' is written in letters with no ASCII form: named `' + name + '` after its code, not `' + derived +
      '` after its few ASCII words; add a Name column to choose the name'
    warning(row.file, reason, row.places.message, 'no-ascii-name')
    return name
  }
  if (naming.nonAscii === 'some') {
    const reason = 'Message of code ' + code + ' has letters with no ASCII form: named `' + derived + '` after its ASCII words only; add a Name column to choose the name'
    warning(row.file, reason, row.places.message, 'no-ascii-name')
  }
  const {words} = naming
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

/** One warning for a group of rows that got suffixes: why (a reserved name, one name derived twice, one spelling), and the names given. */
function warnNameGroup(
  cluster: NameCluster,
  names: ReadonlyMap<Row, string>,
  values: CodeValues,
  kind: CodeKind,
  rule: NamingRule
): void {
  const [first] = cluster.rows
  const [base = ''] = cluster.bases
  if (!first) return
  const codes = cluster.rows.map((row) => values.get(row.code)).join(', ')
  const given = cluster.rows.map((row) => '`' + names.get(row) + '`')
  const reasons = whyReserved(base, rule)
  const spelled = cluster.bases.length > 1 ? spelledClash(cluster.bases, rule) : undefined
  let why: string
  if (spelled) why = 'Names ' + cluster.bases.map((name) => '`' + name + '`').join(', ') + ' of codes ' + codes + ' are one name in ' + spelled
  else if (reasons) why = 'Name `' + base + '` of code ' + codes + ' ' + reasons
  else why = 'Name `' + base + '` is derived from the ' + (kind === 'integer' ? 'messages of codes ' : 'codes ') + codes
  const reason = why + ': named ' + given.join(', ') + '; add a Name column to choose the names'
  warning(first.file, reason, first.places.message, reasons && !spelled ? 'reserved-name' : 'duplicate-name')
}

/** Why an entry may not have a name, as the end of a sentence; undefined when it may. */
function whyReserved(name: string, rule: NamingRule): string | undefined {
  if (unusableNames.has(name)) return 'cannot be a member: no JavaScript object holds it as its own'
  const reasons = rule.reserved(name)
  return reasons.length === 0 ? undefined : reasons.map((reservation) => reservation.reason).join(' and ')
}

/**
 * Report a name the enabled targets' settings refuse (the TypeScript const style: no type can be named `class`), an
 * error at the Name cell or at the code it comes from: a setting never renames a code.
 */
export function reportRefusedNames(rows: ReadonlyArray<Row>, names: ReadonlyMap<Row, string>, values: CodeValues, rule: NamingRule): void {
  for (const row of rows) {
    const name = names.get(row)
    const refusal = name === undefined ? undefined : rule.refused(name)
    if (name === undefined || !refusal) continue
    const from = row.name ? 'name `' + name + '`' : 'name `' + name + '` of code ' + values.get(row.code)
    const fix = row.name ? 'choose another Name' : 'give it a Name cell'
    const reason = 'Unexpected ' + from + refusal.where + ', expected another: ' + refusal.why + '; ' + fix + ', or ' + refusal.otherwise
    error(row.file, reason, row.name ? row.places.name : row.code.place, 'invalid-name')
  }
}

/**
 * Report a name given to two codes (a Name cell that repeats another name, also as an enabled target spells it: `Foo`
 * and `foo` are both `CodeFoo` in Go): an error, as the code could not compile; and a Name cell a target reserves.
 */
function reportNameConflicts(rows: ReadonlyArray<Row>, names: ReadonlyMap<Row, string>, values: CodeValues, rule: NamingRule): void {
  const first = new Map<string, Row>()
  const spelled = new Map<string, Row>()
  for (const row of rows) {
    const name = names.get(row)
    if (name === undefined) continue
    const place = row.name ? row.places.name : row.places.message
    const reserved = row.name ? whyReserved(name, rule) : undefined
    const spellings = rule.spellings(name)
    const earlier = first.get(name) ?? spellings.map((spelling) => spelled.get(spelling.title + '\0' + spelling.spelled)).find((other) => other !== undefined)
    if (earlier) {
      const other = names.get(earlier) as string
      const clash = other === name ? '' : ' in ' + spelledClash([other, name], rule) + ', first given to code ' + values.get(earlier.code) + ' (`' + other + '`)'
      const reason =
        'Duplicate name `' + name + '` of code ' + values.get(row.code) + (clash || ', first given to code ' + values.get(earlier.code)) +
        ' at ' + placeOf(row.file, earlier.file, earlier.name ? earlier.places.name : earlier.places.message)
      error(row.file, reason, place, 'name-conflict')
      continue
    }
    if (reserved && !unusableNames.has(name)) error(row.file, 'Unexpected name `' + name + '`, it ' + reserved, row.places.name, 'invalid-name')
    first.set(name, row)
    for (const spelling of spellings) spelled.set(spelling.title + '\0' + spelling.spelled, row)
  }
}
