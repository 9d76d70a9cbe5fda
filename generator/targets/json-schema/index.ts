/** targets/json-schema: nothing in, the JSON Schema target out — `<base>.schema.json`, its `id` setting, its emitter and reader, and the names its `$defs` reserve. */
import {notice, schemaTypeNames} from '../generated.js'
import type {Emitter, Target} from '../target.js'

/** The JSON Schema setting as a configuration writes it. */
export interface WrittenJsonSchema {
  readonly id?: string
}

export const jsonSchema = {
  key: 'jsonSchema',
  title: 'JSON Schema',
  summary: 'a JSON Schema (2020-12) of the error body',
  enabledByDefault: true,
  defaultName: (base: string) => base + '.schema.json',
  matchesName: (name: string) => name.endsWith('.json'),
  settings: {
    schema: {
      description: 'The JSON Schema\'s own settings.',
      type: 'object',
      additionalProperties: false,
      properties: {
        id: {
          description: 'The schema\'s $id: a URI without a fragment.',
          type: 'string',
          minLength: 1,
          pattern: '^[^\\s#]+$',
          'x-expected': 'a URI without a fragment, such as `https://api.example.com/errors.schema.json`'
        }
      }
    },
    /** The `$id`: the configured one, else the schema's own file name (a relative reference). */
    resolve: (written: WrittenJsonSchema | undefined, context): {readonly id: string} => ({id: written?.id ?? (context.outputName || context.baseName + '.schema.json')})
  },
  load: async (): Promise<Emitter> => (await import('./emit.js')).emitter,
  readBack: {load: async () => (await import('./read-back.js')).readJsonSchema, knowsColumns: false, linkedTexts: false, cost: 1, statusNames: undefined},
  names: {
    reserved: (name: string) => (schemaTypeNames.has(name) ? 'is reserved for the generated types' : undefined)
  },
  notice: (catalog) => notice(catalog)
} satisfies Target<'jsonSchema', {readonly id: string}>
