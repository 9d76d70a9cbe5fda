/** targets/go/read-back: the text of a Go file errgen generated in, the entries of its `entries` out — read line by line as errgen writes them (one entry a line, string literals JSON reads), never compiled; anything else throws. */
import type {Snapshot, StatusName} from '../../types.js'

/** The entries of a Go output; throws when the text is not errgen's output. */
export function readGo(text: string): Array<Snapshot> {
  const lines = text.split('\n')
  const codes = constants(lines, 'Code')
  const statuses = constants(lines, 'Status')
  const start = lines.indexOf('var entries = []Entry{')
  if (start < 0) throw new Error('no entries')
  const entries: Array<Snapshot> = []
  for (const line of lines.slice(start + 1)) {
    if (line === '}') return entries
    const entry = /^\t\{(.*)\},$/.exec(line)
    if (!entry) throw new Error('unexpected line in entries: ' + line)
    entries.push(snapshotOf(fieldsOf(entry[1] as string), codes, statuses))
  }
  throw new Error('entries do not end')
}

/** The constants of a type (`CodeX Code = 1000`): name → value. */
function constants(lines: ReadonlyArray<string>, type: string): Map<string, number | string> {
  const found = new Map<string, number | string>()
  const pattern = new RegExp('^\\t(\\w+) ' + type + ' = (-?\\d+|".*")$')
  for (const line of lines) {
    const constant = pattern.exec(line)
    if (constant) found.set(constant[1] as string, literal(constant[2] as string))
  }
  return found
}

/** The `Field: value` pairs of one entry: values are identifiers, `true`, or string literals (which may hold `, `). */
function fieldsOf(text: string): Map<string, string> {
  const fields = new Map<string, string>()
  const pattern = /(\w+): ("(?:[^"\\]|\\.)*"|[\w.]+)(?:, |$)/gy
  let end = 0
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    fields.set(match[1] as string, match[2] as string)
    end = pattern.lastIndex
  }
  if (end !== text.length) throw new Error('unexpected entry: ' + text)
  return fields
}

function snapshotOf(fields: ReadonlyMap<string, string>, codes: ReadonlyMap<string, number | string>, statuses: ReadonlyMap<string, number | string>): Snapshot {
  const text = (field: string): string | undefined => {
    const value = fields.get(field)
    return value === undefined ? undefined : String(literal(value))
  }
  const code = codes.get(fields.get('Code') ?? '')
  const status = fields.get('Status')
  const name = text('Name')
  const message = text('Message')
  if (code === undefined || name === undefined || message === undefined) throw new Error('an entry without code, name or message')
  if (status !== undefined && !statuses.has(status)) throw new Error('unexpected status ' + status)
  return {
    code,
    name,
    status: status === undefined ? undefined : (statuses.get(status) as number),
    message,
    resolve: text('Resolve'),
    deprecated: fields.get('Deprecated') === 'true',
    type: text('ProblemType')
  }
}

/** A number or a string literal as errgen writes them (JSON's syntax). */
function literal(value: string): number | string {
  const parsed: unknown = JSON.parse(value)
  if (typeof parsed !== 'number' && typeof parsed !== 'string') throw new Error('unexpected literal ' + value)
  return parsed
}

/**
 * The names the Go file gives the HTTP statuses: its `Status…` constants without the prefix (`StatusBadRequest` →
 * `BadRequest`); a status without a reason phrase (`Status499`) has no name of its own there.
 */
export function statusNamesOfGo(text: string): Array<StatusName> {
  return [...constants(text.split('\n'), 'Status')].flatMap(([constant, code]) => {
    const name = constant.slice('Status'.length)
    return typeof code === 'number' && !/^\d/.test(name) ? [{code, name}] : []
  })
}
