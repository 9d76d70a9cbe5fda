/** targets/python/emit: a catalog and the emit options in, the text of a typed Python 3.9+ module out — `HttpStatus` and `ErrorCode` enums with a docstring per member, the frozen `ErrorEntry` dataclass and the read-only `ERROR_CATALOG`, then the body, parser and exception of api.ts. */
import {problemType} from '../../config/settings/problem-template.js'
import {isPartial} from '../../emit/body-fields.js'
import type {Catalog, CatalogEntry, EmitOptions, StatusEntry} from '../../types.js'
import type {Emitter} from '../target.js'
import {apiLines, apiNames} from './api.js'
import {python} from './index.js'
import {docstring, pyString} from './text.js'

/** The Python target's emitter. */
export const emitter: Emitter = {emit: emitPython}

/** The whole module, in the order a reader meets it. */
export function emitPython(catalog: Catalog, options: EmitOptions): string {
  const statuses = new Map(catalog.statuses.map((status) => [status.code, status]))
  const sections = [
    ...(catalog.hasStatus ? [statusEnum(catalog.statuses)] : []),
    codeEnum(catalog, statuses),
    entryClass(catalog, options),
    catalogConstant(catalog, statuses, options),
    ...apiLines(catalog, options)
  ].map((lines) => lines.join('\n'))
  const body = sections.join('\n\n\n')
  return header(catalog, body).join('\n') + '\n\n\n' + body + '\n'
}

/** The names of `typing` the module may use. */
const typingNames = ['Any', 'Dict', 'Final', 'Literal', 'Mapping', 'Optional', 'Tuple', 'TypedDict', 'Union', 'cast']

/** The notice, the module's docstring, its imports (those the body uses) and `__all__`. */
function header(catalog: Catalog, body: string): Array<string> {
  const names = [...(catalog.hasStatus ? ['HttpStatus'] : []), 'ErrorCode', 'ErrorEntry', 'ERROR_CATALOG', ...apiNames(catalog)].sort()
  const enums = catalog.codeKind === 'integer' || catalog.hasStatus ? ['IntEnum'] : []
  if (catalog.codeKind === 'string') enums.unshift('Enum')
  const typing = typingNames.filter((name) => new RegExp('\\b' + name + '\\b').test(body))
  return [
    python.notice(catalog),
    ...docstring('The documented errors of ' + catalog.sources.join(', ') + ': codes, statuses, the catalog, the error body, its parser and an exception.', ''),
    '',
    'from __future__ import annotations',
    '',
    ...(/\bre\.fullmatch\(/.test(body) ? ['import re'] : []),
    'from dataclasses import dataclass',
    'from enum import ' + enums.join(', '),
    'from types import MappingProxyType',
    'from typing import ' + typing.join(', '),
    '',
    '__all__ = [',
    ...names.map((name) => '    ' + pyString(name) + ','),
    ']'
  ]
}

function statusEnum(statuses: ReadonlyArray<StatusEntry>): Array<string> {
  return [
    'class HttpStatus(IntEnum):',
    '    """The HTTP statuses of the documented errors, named by their standard reason phrase."""',
    ...statuses.flatMap((status) => ['', '    ' + status.name + ' = ' + status.code, ...docstring(status.code + ' ' + (status.phrase || '(no standard reason phrase)'), '    ')])
  ]
}

function codeEnum(catalog: Catalog, statuses: ReadonlyMap<number, StatusEntry>): Array<string> {
  const names = new Map(catalog.entries.map((entry) => [entry.code, entry.name]))
  const base = catalog.codeKind === 'integer' ? 'IntEnum' : 'str, Enum'
  return [
    'class ErrorCode(' + base + '):',
    '    """The documented error codes, sorted by code."""',
    ...catalog.entries.flatMap((entry) => ['', '    ' + entry.name + ' = ' + codeLiteral(entry.code), ...docstring(memberDoc(entry, statuses, names), '    ')])
  ]
}

function codeLiteral(code: number | string): string {
  return typeof code === 'number' ? String(code) : pyString(code)
}

/** A member's docstring: its message, resolve text, HTTP status, deprecation and heading. */
function memberDoc(entry: CatalogEntry, statuses: ReadonlyMap<number, StatusEntry>, names: ReadonlyMap<number | string, string>): string {
  const paragraphs = [entry.docs?.message ?? entry.message]
  const resolve = entry.docs?.resolve ?? entry.resolve
  if (resolve !== undefined) paragraphs.push(resolve)
  if (entry.status !== undefined) paragraphs.push('HTTP status: ' + entry.status + (statuses.get(entry.status)?.phrase ? ' ' + statuses.get(entry.status)?.phrase : '') + '.')
  if (entry.deprecated) {
    const replacement = entry.deprecated.replacement
    const name = replacement === undefined ? undefined : names.get(replacement)
    paragraphs.push(name === undefined ? 'Deprecated.' : 'Deprecated: use ErrorCode.' + name + ' (' + replacement + ') instead.')
  }
  if (entry.group !== undefined) paragraphs.push('Heading: ' + entry.group.replace(/\s+/g, ' '))
  return paragraphs.join('\n\n')
}

/** The fields of `ErrorEntry`: those the catalog has, optional when only some entries have them. */
function entryFields(catalog: Catalog, options: EmitOptions): Array<[string, string, string]> {
  const optional = (field: 'status' | 'resolve', type: string): string => (isPartial(catalog, field) ? 'Optional[' + type + ']' : type)
  return [
    ['code', 'ErrorCode', 'The error code.'],
    ['name', 'str', 'Its name in every output errgen generates: the member of `ErrorCode`.'],
    ...(catalog.hasStatus ? [['status', optional('status', 'HttpStatus'), 'The HTTP status sent with the error' + (isPartial(catalog, 'status') ? '; None when its table has no HTTP column.' : '.')] as [string, string, string]] : []),
    ['message', 'str', 'The message sent with the error.'],
    ...(catalog.hasResolve ? [['resolve', optional('resolve', 'str'), 'How to resolve the error' + (isPartial(catalog, 'resolve') ? '; None when its table has no Resolve column.' : '.')] as [string, string, string]] : []),
    ['heading', 'Optional[str]', 'The heading above its table; None for a table without one.'],
    ['deprecated', 'bool', 'Whether the code is deprecated: it stays valid.'],
    ['replacement', 'Optional[ErrorCode]', 'The code that replaces it, when it is deprecated and the document names one.'],
    ...(options.problem ? [['problem_type', 'str', 'Its problem type URI (RFC 9457).'] as [string, string, string]] : [])
  ]
}

function entryClass(catalog: Catalog, options: EmitOptions): Array<string> {
  return [
    '@dataclass(frozen=True)',
    'class ErrorEntry:',
    '    """A documented error, as ERROR_CATALOG holds it."""',
    ...entryFields(catalog, options).flatMap(([name, type, doc]) => ['', '    ' + name + ': ' + type, ...docstring(doc, '    ')])
  ]
}

/** `ERROR_CATALOG`: every entry, one field a line (what the reader of the contract reads back). */
function catalogConstant(catalog: Catalog, statuses: ReadonlyMap<number, StatusEntry>, options: EmitOptions): Array<string> {
  const names = new Map(catalog.entries.map((entry) => [entry.code, entry.name]))
  const member = (code: number | string | undefined): string => (code === undefined ? 'None' : 'ErrorCode.' + names.get(code))
  const optionalText = (text: string | undefined): string => (text === undefined ? 'None' : pyString(text))
  const lines = catalog.entries.flatMap((entry) => [
    '    ErrorCode.' + entry.name + ': ErrorEntry(',
    '        code=ErrorCode.' + entry.name + ',',
    '        name=' + pyString(entry.name) + ',',
    ...(catalog.hasStatus ? ['        status=' + (entry.status === undefined ? 'None' : 'HttpStatus.' + statuses.get(entry.status)?.name) + ','] : []),
    '        message=' + pyString(entry.message) + ',',
    ...(catalog.hasResolve ? ['        resolve=' + optionalText(entry.resolve) + ','] : []),
    '        heading=' + optionalText(entry.group) + ',',
    '        deprecated=' + (entry.deprecated ? 'True' : 'False') + ',',
    '        replacement=' + member(entry.deprecated?.replacement) + ',',
    ...(options.problem ? ['        problem_type=' + pyString(problemType(options.problem, entry)) + ','] : []),
    '    ),'
  ])
  return [
    'ERROR_CATALOG: Final[Mapping[ErrorCode, ErrorEntry]] = MappingProxyType({',
    ...lines,
    '})',
    '"""Every documented error, keyed by code (read-only)."""'
  ]
}
