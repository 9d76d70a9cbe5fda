/** emit: the catalog and the emit options in, the text of every output they name out (TypeScript, JSON Schema, OpenAPI); emitters never see markdown. */
import type {Catalog, EmitOptions, OutputFile} from '../types.js'
import {emitJsonSchema} from './schema/json-schema.js'
import {emitOpenApi} from './schema/openapi.js'
import {emitTypeScript} from './typescript/source-file.js'

/** Emit every output the options name, in a fixed order. */
export function emit(catalog: Catalog, options: EmitOptions): Array<OutputFile> {
  const {typescript, jsonSchema, openapi} = options.outputs
  const files: Array<OutputFile> = []
  if (typescript) files.push({kind: 'typescript', name: typescript, text: emitTypeScript(catalog, options.typescript.style, options.body, options.problem)})
  if (jsonSchema) files.push({kind: 'jsonSchema', name: jsonSchema, text: emitJsonSchema(catalog, options.jsonSchema.id, options.body, options.problem)})
  if (openapi) files.push({kind: 'openapi', name: openapi, text: emitOpenApi(catalog, options.openapi, options.body, options.problem)})
  return files
}
