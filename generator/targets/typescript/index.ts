/** targets/typescript: nothing in, the TypeScript target out — `<base>.ts`, its `style` setting, its emitter (ts-morph, loaded when a run emits), its reader, and the names TypeScript and errgen's schemas reserve, and the JSDoc-safe text of its notice and docs (no ts-morph at run time: the fast path loads this). */
import {defaultStyle} from '../../config/defaults.js'
import {notice} from '../generated.js'
import type {TypeScriptStyle} from '../../types.js'
import type {Emitter, Target} from '../target.js'

/** Names the generated files use for their own types: an entry named like one would collide in the schemas. */
export const generatedTypeNames: ReadonlySet<string> = new Set(['ErrorCode', 'ErrorBody'])

/**
 * Names no TypeScript type can have: reserved words and the built-in type names. In the const style each member is
 * also a type (`ErrorCode.X`), so a member named so would not compile; they are refused there rather than renamed, so
 * that switching style never renames a member.
 */
const typeReservedNames: ReadonlySet<string> = new Set([
  ...['break', 'case', 'catch', 'class', 'const', 'continue', 'debugger', 'default', 'delete', 'do', 'else', 'enum', 'export'],
  ...['extends', 'false', 'finally', 'for', 'function', 'if', 'import', 'in', 'instanceof', 'new', 'null', 'return', 'super'],
  ...['switch', 'this', 'throw', 'true', 'try', 'typeof', 'var', 'void', 'while', 'with', 'as', 'implements', 'interface'],
  ...['let', 'package', 'private', 'protected', 'public', 'static', 'yield', 'any', 'unknown', 'never', 'number', 'bigint'],
  ...['boolean', 'string', 'symbol', 'object', 'undefined']
])

/** The TypeScript setting as a configuration writes it. */
export interface WrittenTypeScript {
  readonly style?: TypeScriptStyle
}

export const typescript = {
  key: 'typescript',
  title: 'TypeScript',
  summary: 'a TypeScript module',
  enabledByDefault: true,
  defaultName: (base: string) => base + '.ts',
  matchesName: (name: string) => name.endsWith('.ts'),
  settings: {
    schema: {
      description: 'The style of the TypeScript output.',
      type: 'object',
      additionalProperties: false,
      properties: {
        style: {
          description: 'enum: TypeScript enums. const: frozen `as const` objects with union types, for erasableSyntaxOnly and Node\'s type stripping.',
          enum: ['enum', 'const']
        }
      }
    },
    resolve: (written: WrittenTypeScript | undefined, context): {readonly style: TypeScriptStyle} => ({style: context.style ?? written?.style ?? defaultStyle})
  },
  load: async (): Promise<Emitter> => (await import('./source-file.js')).emitter,
  readBack: {load: async () => (await import('./read-back.js')).readTypeScript, knowsColumns: true, linkedTexts: false, cost: 2, statusNames: async () => (await import('./read-back.js')).statusNamesOfTypeScript},
  names: {
    reserved: (name: string) => (generatedTypeNames.has(name) ? 'is reserved for the generated types' : undefined),
    refused: (name: string, settings: {readonly style: TypeScriptStyle}) =>
      settings.style === 'const' && typeReservedNames.has(name)
        ? {where: ' in the const style', why: 'no TypeScript type can have it (`ErrorCode.' + name + '`)', otherwise: 'use the enum style'}
        : undefined
  },
  notice: (catalog) => ['/**', ' * ' + docText(notice(catalog)), ' *', ' * @packageDocumentation', ' */', ''].join('\n')
} satisfies Target<'typescript', {readonly style: TypeScriptStyle}>

/**
 * Text that is safe inside a JSDoc comment: `*\/` cannot close it, `@` cannot start a tag (markdown escapes,
 * which editors render as the original characters), and every line end becomes a plain line feed.
 */
export function docText(text: string): string {
  return text
    .replace(/\r\n?|[\u2028\u2029\u0085]/g, '\n')
    .replace(/\*\//g, '*\\/')
    .replace(/@/g, '\\@')
}
