/** targets/python/read-back: the text of a Python module errgen generated in, the entries of its `ERROR_CATALOG` out — read line by line as errgen writes them (one field a line, string literals JSON reads), never run; anything else throws. */
import type {Snapshot, StatusName} from '../../types.js'

/** The entries of a Python output's `ERROR_CATALOG`; throws when the text is not errgen's output. */
export function readPython(text: string): Array<Snapshot> {
  const lines = text.split('\n')
  const codes = enumMembers(lines, 'ErrorCode')
  const statuses = enumMembers(lines, 'HttpStatus')
  const start = lines.findIndex((line) => line.startsWith('ERROR_CATALOG: '))
  if (start < 0) throw new Error('no ERROR_CATALOG')
  const entries: Array<Snapshot> = []
  let fields: Map<string, string> | undefined
  for (const line of lines.slice(start + 1)) {
    if (line === '})') return entries
    if (/^ {4}ErrorCode\.\w+: ErrorEntry\($/.test(line)) fields = new Map()
    else if (line === '    ),' && fields) entries.push(snapshotOf(fields, codes, statuses))
    else {
      const field = /^ {8}(\w+)=(.*),$/.exec(line)
      if (!field || !fields) throw new Error('unexpected line in ERROR_CATALOG: ' + line)
      fields.set(field[1] as string, field[2] as string)
    }
  }
  throw new Error('ERROR_CATALOG does not end')
}

/** The members of a top-level enum class: name → value. */
function enumMembers(lines: ReadonlyArray<string>, name: string): Map<string, number | string> {
  const members = new Map<string, number | string>()
  const start = lines.findIndex((line) => line.startsWith('class ' + name + '('))
  if (start < 0) return members
  let inDocstring = false
  for (const line of lines.slice(start + 1)) {
    if (/^\S/.test(line)) break
    // A docstring's text holds no `"""` (its quotes are escaped): an odd count opens or closes one.
    const quotes = line.split('\"\"\"').length - 1
    const member = inDocstring ? null : /^ {4}(\w+) = (-?\d+|".*")$/.exec(line)
    if (member) members.set(member[1] as string, literal(member[2] as string))
    if (quotes % 2 === 1) inDocstring = !inDocstring
  }
  return members
}

/** An entry from its fields as written. */
function snapshotOf(fields: ReadonlyMap<string, string>, codes: ReadonlyMap<string, number | string>, statuses: ReadonlyMap<string, number | string>): Snapshot {
  const member = (field: string, prefix: string, values: ReadonlyMap<string, number | string>): number | string | undefined => {
    const value = fields.get(field)
    if (value === undefined || value === 'None') return undefined
    const found = value.startsWith(prefix + '.') ? values.get(value.slice(prefix.length + 1)) : undefined
    if (found === undefined) throw new Error('unexpected ' + field + ' ' + value)
    return found
  }
  const code = member('code', 'ErrorCode', codes)
  const text = (field: string): string | undefined => {
    const value = fields.get(field)
    return value === undefined || value === 'None' ? undefined : String(literal(value))
  }
  const message = text('message')
  const name = text('name')
  if (code === undefined || message === undefined || name === undefined) throw new Error('an entry without code, name or message')
  return {
    code,
    name,
    status: member('status', 'HttpStatus', statuses) as number | undefined,
    message,
    resolve: text('resolve'),
    deprecated: fields.get('deprecated') === 'True',
    type: text('problem_type')
  }
}

/** A number or a string literal as errgen writes them (JSON's syntax). */
function literal(value: string): number | string {
  const parsed: unknown = JSON.parse(value)
  if (typeof parsed !== 'number' && typeof parsed !== 'string') throw new Error('unexpected literal ' + value)
  return parsed
}

/** The names the Python module gives the HTTP statuses: its `HttpStatus` members. */
export function statusNamesOfPython(text: string): Array<StatusName> {
  return [...enumMembers(text.split('\n'), 'HttpStatus')].flatMap(([name, code]) => (typeof code === 'number' ? [{code, name}] : []))
}
