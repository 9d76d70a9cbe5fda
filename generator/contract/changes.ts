/** changes: the entries of an old and a new catalog in, which codes were added, removed or kept and which fields of each changed out — the one change engine, for `--check` and `--against`. */
/** What the engine compares of an entry: an output read back and a catalog entry both have it. */
export interface Compared {
  readonly code: number | string
  readonly name: string
  /** Undefined when that side does not record it (the JSON Schema has no status). */
  readonly status: number | undefined
  readonly message: string
  readonly resolve: string | undefined
  /** The problem type URI; undefined when that side has no problem form. */
  readonly type?: string | undefined
  /** The message in each other locale; undefined when that side has no translations (an output read back). */
  readonly translations?: Readonly<Record<string, {readonly message: string}>> | undefined
}

/** The fields compared, in the order messages name them. */
const fields = ['name', 'status', 'message', 'resolve', 'type'] as const

/** A field the engine compares. */
export type ComparedField = (typeof fields)[number]

/** A code in both catalogs, and the fields that differ (none when it is the same). */
export interface Match<B, A> {
  readonly before: B
  readonly after: A
  readonly fields: ReadonlyArray<ComparedField>
}

/** The codes added, removed and kept between two catalogs. */
export interface Changes<B, A> {
  /** In the new catalog's order. */
  readonly added: ReadonlyArray<A>
  /** In the old catalog's order. */
  readonly removed: ReadonlyArray<B>
  /** Every code in both, in the new catalog's order. */
  readonly matched: ReadonlyArray<Match<B, A>>
}

/**
 * The change engine of `--check` and `--against`: compare two catalogs by code. A field one side does not record is
 * not compared.
 *
 * @param view what is compared of a new entry (by default the entry itself; a catalog entry with its problem type)
 * @param compared the fields compared (by default every one; the names only, for the outputs a run replaces)
 */
export function compareEntries<B extends Compared, A extends Compared>(
  before: ReadonlyArray<B>,
  after: ReadonlyArray<A>,
  view: (entry: A) => Compared = (entry) => entry,
  compared: ReadonlyArray<ComparedField> = fields
): Changes<B, A> {
  const old = new Map(before.map((entry) => [String(entry.code), entry]))
  const now = new Set(after.map((entry) => String(entry.code)))
  const matched: Array<Match<B, A>> = []
  const added: Array<A> = []
  for (const entry of after) {
    const previous = old.get(String(entry.code))
    if (previous) matched.push({before: previous, after: entry, fields: differingFields(previous, view(entry), compared)})
    else added.push(entry)
  }
  return {added, removed: before.filter((entry) => !now.has(String(entry.code))), matched}
}

/** The fields of `compared` whose values differ, where both sides record them. */
function differingFields(previous: Compared, entry: Compared, compared: ReadonlyArray<ComparedField>): Array<ComparedField> {
  const translated = compared.includes('message') && editedTranslations(previous, entry).length > 0
  return compared.filter((field) => (previous[field] !== undefined && entry[field] !== undefined && previous[field] !== entry[field]) || (field === 'message' && translated))
}

/**
 * The translations of a message edited between two sides: a message edit too. A translation added or removed is not
 * one (the default locale's message stands in for a missing one).
 */
export function editedTranslations(previous: Compared, entry: Compared): Array<{locale: string, before: string, after: string}> {
  const before = previous.translations ?? {}
  return Object.entries(entry.translations ?? {}).flatMap(([locale, translation]) => {
    const earlier = before[locale]
    return earlier && earlier.message !== translation.message ? [{locale, before: earlier.message, after: translation.message}] : []
  })
}

/** `code 1800 added; codes 1610, 1611 removed; code 1000 changed (message)`, or '' when no code changed. */
export function describeChanges(changes: Changes<Compared, Compared>): string {
  const parts: Array<string> = []
  if (changes.added.length > 0) parts.push(codeList(changes.added.map((entry) => entry.code)) + ' added')
  if (changes.removed.length > 0) parts.push(codeList(changes.removed.map((entry) => entry.code)) + ' removed')
  const changed = changes.matched.filter((match) => match.fields.length > 0).map((match) => ({code: match.after.code, fields: match.fields}))
  const [single] = changed
  if (single && changed.length === 1) {
    parts.push('code ' + single.code + ' changed (' + single.fields.join(', ') + ')')
  } else if (changed.length > 1) {
    parts.push('codes ' + shorten(changed.map((change) => change.code + ' (' + change.fields.join(', ') + ')')) + ' changed')
  }
  return parts.join('; ')
}

/** `code 1800`, `codes 1610, 1611` */
function codeList(codes: ReadonlyArray<number | string>): string {
  return (codes.length === 1 ? 'code ' : 'codes ') + shorten(codes.map(String))
}

/** At most eight items, then how many more. */
function shorten(items: ReadonlyArray<string>): string {
  const most = 8
  return items.slice(0, most).join(', ') + (items.length > most ? ' and ' + (items.length - most) + ' more' : '')
}
