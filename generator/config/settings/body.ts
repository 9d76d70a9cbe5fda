/** config/settings/body: the catalog, the configured body and the configuration file in, a located `body-field` error for each body field the tables have no column for out. */
import path from 'node:path'
import type {Position} from 'unist'
import type {VFile} from 'vfile'
import {error} from '../../diagnostics/messages.js'
import type {BodyField, BodyOptions, Catalog} from '../../types.js'
import {packageKey} from '../defaults.js'

/** The column each body field other than `code` and `message` is read from, as the README names it. */
const columns: Readonly<Record<'status' | 'resolve', string>> = {status: 'HTTP', resolve: 'Resolve'}

/**
 * Check that the tables have a column for every configured body field; an error on the configuration file for each
 * that they lack.
 *
 * @param file the configuration file (the body can only be configured there); without one, the first document
 * @returns whether every field has its column
 */
export async function checkBodyFields(catalog: Catalog, body: BodyOptions, file: VFile | undefined, documents: ReadonlyArray<VFile>): Promise<boolean> {
  const missing = (body.fields ?? []).flatMap((field, index) => (lacks(catalog, field) ? [{field, index}] : []))
  const target = file ?? documents[0]
  if (!target || missing.length === 0) return missing.length === 0
  // Loaded only to place an error: a run whose body fields all have their columns loads neither the configuration's check nor its schema.
  const {placeInConfig} = await import('../check.js')
  for (const {field, index} of missing) {
    const column = columns[field as 'status' | 'resolve']
    const reason = 'Unexpected body field `' + field + '`, expected a field the error tables have a column for: they have no ' + column + ' column; add one, or remove `' + field + '` from `body.fields`'
    error(target, reason, file ? fieldPlace(file, index, placeInConfig) : undefined, 'body-field')
  }
  return missing.length === 0
}

function lacks(catalog: Catalog, field: BodyField): boolean {
  return (field === 'status' && !catalog.hasStatus) || (field === 'resolve' && !catalog.hasResolve)
}

/** The place of `body.fields[index]` in the configuration file (under `"errgen"` in package.json). */
function fieldPlace(file: VFile, index: number, placeInConfig: (file: VFile, path: ReadonlyArray<string | number>) => Position | undefined): Position | undefined {
  const at = path.basename(file.path) === 'package.json' ? [packageKey] : []
  return placeInConfig(file, [...at, 'body', 'fields', index])
}
