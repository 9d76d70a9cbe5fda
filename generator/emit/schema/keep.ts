/** emit/schema/keep: a session's emit cache, a target and what shapes its schemas in, how that target takes each entry's parts out — as values whose text the session keeps, under the settings that shape them; or, without a session, as values made only when they are written. */
import type {BodyOptions, Catalog, ProblemSettings} from '../../types.js'
import {type EmitCache, type Fragments, Kept, Later} from '../cache.js'
import {bodyFields, bodyParams, isPartial} from '../body-fields.js'
import type {Keep} from './body-schema.js'

/**
 * Each entry's parts (and each part made of several entries, by the key of what it reads of them) as `Kept` values, under the settings that shape an entry's schemas and examples: the body's
 * fields and settings, whether bodies hold parameters, the problem form's settings and whether only some codes have
 * a status (all else an entry's parts are made of is the entry itself).
 *
 * @param target the target's key (`openapi`)
 */
export function keepIn(cache: EmitCache, target: string, catalog: Catalog, body: BodyOptions, problem: ProblemSettings | undefined): Keep {
  const settings = shapingOf(catalog, body, problem)
  const parts = new Map<string, (indent: string) => Fragments>()
  const fragmentsOf = (part: string): ((indent: string) => Fragments) => {
    const known = parts.get(part)
    if (known) return known
    const made = cache.kept(target + '/' + part, settings)
    parts.set(part, made)
    return made
  }
  return (entry, part, make) => new Kept(typeof entry === 'function' ? entry(cache) : cache.keyOf(entry), make, fragmentsOf(part))
}

/** Every setting and catalog-wide fact an entry's schemas and examples are made from, written out. */
export function shapingOf(catalog: Catalog, body: BodyOptions, problem: ProblemSettings | undefined): string {
  return JSON.stringify([body, bodyFields(catalog, body), bodyParams(catalog, body), problem ?? null, isPartial(catalog, 'status')])
}

/** Each entry's parts made as they are written, and dropped then (an output written entry by entry). */
export const makeLater: Keep = (_entry, _part, make) => new Later(make)
