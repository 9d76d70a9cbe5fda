/** targets/openapi: nothing in, the OpenAPI target out — `<base>.openapi.yaml`, its `info` settings, its emitter and reader (YAML, loaded when needed), and the names its components reserve. */
import {defaultApiVersion} from '../../config/defaults.js'
import {commentText, notice, schemaTypeNames} from '../generated.js'
import type {Emitter, Target} from '../target.js'

/** The OpenAPI settings as a configuration writes them. */
export interface WrittenOpenApi {
  readonly title?: string
  readonly version?: string
}

export const openapi = {
  key: 'openapi',
  title: 'OpenAPI',
  summary: 'OpenAPI 3.1 components: the schemas and one response per HTTP status',
  enabledByDefault: true,
  defaultName: (base: string) => base + '.openapi.yaml',
  matchesName: (name: string) => /\.ya?ml$/.test(name),
  settings: {
    schema: {
      description: 'The OpenAPI document\'s info object.',
      type: 'object',
      additionalProperties: false,
      properties: {title: {type: 'string', minLength: 1}, version: {type: 'string', minLength: 1}}
    },
    /** `info`: the configured title, else the input's name (`Error codes`); the configured version, else the project's. */
    resolve: (written: WrittenOpenApi | undefined, context): {readonly title: string, readonly version: string} => ({
      title: written?.title ?? humanize(context.baseName),
      version: written?.version ?? context.version ?? defaultApiVersion
    })
  },
  load: async (): Promise<Emitter> => (await import('./emit.js')).emitter,
  // The largest output (about 1.4 KB of YAML a code), its chunks and their join held while it is encoded.
  emitsFirst: true,
  // A run that emits in parallel emits it on the main thread, whose emitters load in a few tens of milliseconds; the worker loads ts-morph for the TypeScript module once the documents are parsed, while this thread builds the catalog.
  emitsOnMainThread: true,
  readBack: {load: async () => (await import('./read-back.js')).readOpenApi, knowsColumns: true, linkedTexts: true, cost: 3, statusNames: async () => (await import('./read-back.js')).statusNamesOfOpenApi},
  names: {
    reserved: (name: string) => (schemaTypeNames.has(name) ? 'is reserved for the generated types' : undefined)
  },
  notice: (catalog) => '# ' + commentText(notice(catalog))
} satisfies Target<'openapi', {readonly title: string, readonly version: string}>

/** `error-codes` → `Error codes` */
function humanize(name: string): string {
  const words = name.replace(/[-_.]+/g, ' ').trim()
  return words.charAt(0).toUpperCase() + words.slice(1)
}
