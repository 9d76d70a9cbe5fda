/** columns: header texts in, the columns they name out — errgen's column names and aliases, and what makes a table an error table. */
import type {Column, Field, ReadOptions} from '../../types.js'

/** The columns an error table has, in the order messages name them. */
export const tableColumns = ['status', 'code', 'message', 'resolve'] as const

/** How messages name each column. */
export const columnLabels = {
  status: 'HTTP',
  code: 'Code',
  message: 'Message',
  resolve: 'Resolve',
  name: 'Name',
  deprecated: 'Deprecated'
} as const satisfies Record<Column, string>

/** Header texts (lower case, single spaces) and the column each one names; a configuration adds to them. */
const headerAliases = new Map<string, Field>([
  ['http', 'status'],
  ['status', 'status'],
  ['http status', 'status'],
  ['http status code', 'status'],
  ['status code', 'status'],
  ['http code', 'status'],
  ['code', 'code'],
  ['error code', 'code'],
  ['error', 'code'],
  ['message', 'message'],
  ['error message', 'message'],
  ['resolve', 'resolve'],
  ['resolution', 'resolve'],
  ['how to resolve', 'resolve'],
  ['description', 'resolve'],
  ['name', 'name'],
  ['identifier', 'name'],
  ['deprecated', 'deprecated'],
  ['deprecation', 'deprecated']
])

/** The built-in header names with the configured ones over them. */
export function aliasesOf(options: ReadOptions): Map<string, Field> {
  return new Map([...headerAliases, ...Object.entries(options.columns)])
}

/**
 * Whether a header names an error table: a Code column and at least one other column errgen reads, or three of them
 * (a Code header with a typo must not hide a table).
 */
export function isErrorTable(columns: ReadonlyArray<Column | undefined>): boolean {
  const known = tableColumns.filter((column) => columns.includes(column))
  return (known.includes('code') && known.length >= 2) || known.length >= 3
}
