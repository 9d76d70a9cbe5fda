/** targets/python: nothing in, the Python target out — `<base>.py` (a module name Python can import), its emitter and reader, and the names Python reserves for an enum member: keywords, the names `Enum` keeps for itself, and the attributes of `int` or `str` that `ErrorCode` extends. */
import {commentText, notice} from '../generated.js'
import type {Emitter, Target} from '../target.js'

/** Python's keywords (`keyword.kwlist`): no member can be named so. */
const keywords: ReadonlySet<string> = new Set([
  ...['False', 'None', 'True', 'and', 'as', 'assert', 'async', 'await', 'break', 'class', 'continue', 'def', 'del', 'elif'],
  ...['else', 'except', 'finally', 'for', 'from', 'global', 'if', 'import', 'in', 'is', 'lambda', 'nonlocal', 'not', 'or'],
  ...['pass', 'raise', 'return', 'try', 'while', 'with', 'yield']
])

/** Names `Enum` keeps for itself: a member named so is refused by Python (`mro`) or by mypy (`name`, `value`). */
const enumNames: ReadonlySet<string> = new Set(['name', 'value', 'mro'])

/** The public attributes of `int`, which an `IntEnum` member would shadow (mypy refuses `bit_length = 1`). */
const intAttributes: ReadonlySet<string> = new Set([
  ...['as_integer_ratio', 'bit_count', 'bit_length', 'conjugate', 'denominator', 'from_bytes', 'imag', 'is_integer', 'numerator'],
  ...['real', 'to_bytes']
])

/** The public attributes of `str`, which a member of `class ErrorCode(str, Enum)` would shadow. */
const strAttributes: ReadonlySet<string> = new Set([
  ...['capitalize', 'casefold', 'center', 'count', 'encode', 'endswith', 'expandtabs', 'find', 'format', 'format_map', 'index'],
  ...['isalnum', 'isalpha', 'isascii', 'isdecimal', 'isdigit', 'isidentifier', 'islower', 'isnumeric', 'isprintable'],
  ...['isspace', 'istitle', 'isupper', 'join', 'ljust', 'lower', 'lstrip', 'maketrans', 'partition', 'removeprefix'],
  ...['removesuffix', 'replace', 'rfind', 'rindex', 'rjust', 'rpartition', 'rsplit', 'rstrip', 'split', 'splitlines'],
  ...['startswith', 'strip', 'swapcase', 'title', 'translate', 'upper', 'zfill']
])

/** Why Python cannot have a member of this name, as the end of a sentence; undefined when it can. */
function reservedInPython(name: string, codeKind: 'integer' | 'string'): string | undefined {
  if (keywords.has(name)) return 'is a keyword in Python'
  if (name === '_' || name.startsWith('__') || (name.length > 2 && name.startsWith('_') && name.endsWith('_'))) {
    return 'is no member of a Python enum (`_sunder_`, `__dunder__` and `__private` names are not)'
  }
  if (enumNames.has(name)) return 'is reserved by Python\'s `Enum`'
  const attributes = codeKind === 'integer' ? intAttributes : strAttributes
  if (attributes.has(name)) return 'is an attribute of Python\'s `' + (codeKind === 'integer' ? 'int' : 'str') + '`, which `ErrorCode` extends'
  return undefined
}

/** A module name Python can import from a base name: `error-codes` → `error_codes`, `2024` → `_2024`, `class` → `class_`. */
export function moduleName(base: string): string {
  const name = base.replace(/[^A-Za-z0-9_]/g, '_').replace(/^(?=\d)/, '_') || 'errors'
  return keywords.has(name) ? name + '_' : name
}

export const python = {
  key: 'python',
  title: 'Python',
  summary: 'a typed Python 3.9+ module: enums, the catalog, the body and its parser, an exception',
  enabledByDefault: false,
  defaultName: (base: string) => moduleName(base) + '.py',
  matchesName: (name: string) => name.endsWith('.py'),
  load: async (): Promise<Emitter> => (await import('./emit.js')).emitter,
  readBack: {load: async () => (await import('./read-back.js')).readPython, knowsColumns: true, linkedTexts: false, cost: 2, statusNames: async () => (await import('./read-back.js')).statusNamesOfPython},
  names: {reserved: reservedInPython},
  notice: (catalog) => '# ' + commentText(notice(catalog))
} satisfies Target<'python'>
