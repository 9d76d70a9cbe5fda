/** name-clusters: the rows grouped by the name they derive and the enabled targets' spellings in, the clusters of rows whose names must take suffixes together out — names a target spells alike (`card_declined` and `cardDeclined` are both `CodeCardDeclined` in Go) join one cluster — and the words that say where two names become one. */
import type {NamingRule} from '../targets/index.js'
import type {Row} from '../types.js'

/** Rows whose derived names are one name in some enabled target: they are named together. */
export interface NameCluster {
  /** The names derived, in the order of their first rows. */
  readonly bases: ReadonlyArray<string>
  /** The rows, in document order. */
  readonly rows: ReadonlyArray<Row>
  /** The name a row of the cluster derives. */
  readonly baseOf: (row: Row) => string
  /** Whether a Name cell gives one of the names, or a name a target spells like one of them. */
  readonly withExplicit: boolean
}

/**
 * The clusters of derived names: each group of rows deriving one name, joined with the groups whose names an enabled
 * target spells alike.
 *
 * @param groups the rows without a Name cell, by the name they derive, in document order
 * @param explicit the names Name cells give
 * @param order each row's place among all rows
 */
export function clustersOf(
  groups: ReadonlyMap<string, ReadonlyArray<Row>>,
  explicit: ReadonlyArray<string>,
  rule: NamingRule,
  order: ReadonlyMap<Row, number>
): Array<NameCluster> {
  const explicitNames = new Set(explicit)
  const explicitKeys = new Set(explicit.flatMap((name) => spellingKeys(name, rule)))
  const parent = new Map<string, string>()
  const root = (base: string): string => {
    let current = base
    for (let next = parent.get(current); next !== undefined && next !== current; next = parent.get(current)) current = next
    return current
  }
  const owner = new Map<string, string>()
  for (const base of groups.keys()) {
    parent.set(base, base)
    for (const key of spellingKeys(base, rule)) {
      const other = owner.get(key)
      if (other === undefined) owner.set(key, base)
      else parent.set(root(base), root(other))
    }
  }
  const byRoot = new Map<string, Array<string>>()
  for (const base of groups.keys()) {
    const joined = byRoot.get(root(base))
    if (joined) joined.push(base)
    else byRoot.set(root(base), [base])
  }
  const isExplicit = (base: string): boolean => explicitNames.has(base) || spellingKeys(base, rule).some((key) => explicitKeys.has(key))
  return [...byRoot.values()].map((bases) => cluster(bases, groups, isExplicit, order))
}

/** One cluster of these names' rows, merged in document order (one name's rows are, as they were grouped). */
function cluster(
  bases: ReadonlyArray<string>,
  groups: ReadonlyMap<string, ReadonlyArray<Row>>,
  isExplicit: (base: string) => boolean,
  order: ReadonlyMap<Row, number>
): NameCluster {
  const [only] = bases
  if (bases.length === 1 && only !== undefined) return {bases, rows: groups.get(only) ?? [], baseOf: () => only, withExplicit: isExplicit(only)}
  const baseOfRow = new Map<Row, string>()
  for (const base of bases) for (const row of groups.get(base) ?? []) baseOfRow.set(row, base)
  const rows = [...baseOfRow.keys()].sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0))
  return {bases, rows, baseOf: (row) => baseOfRow.get(row) ?? only ?? '', withExplicit: bases.some(isExplicit)}
}

/** The keys under which a name is known in the targets that spell names their own way (`Go\0CodeCardDeclined`). */
function spellingKeys(name: string, rule: NamingRule): Array<string> {
  return rule.spellings(name).map((spelling) => spelling.title + '\0' + spelling.spelled)
}

/** Where names become one: `Go (`CodeCardDeclined`)`; undefined when no enabled target spells them alike. */
export function spelledClash(names: ReadonlyArray<string>, rule: NamingRule): string | undefined {
  const [first, ...others] = names.map((name) => rule.spellings(name))
  for (const spelling of first ?? []) {
    if (others.every((spellings) => spellings.some((other) => other.title === spelling.title && other.spelled === spelling.spelled))) {
      return spelling.title + ' (`' + spelling.spelled + '`)'
    }
  }
  return undefined
}
