/** emit: the catalog and the emit options in, the text of every output they turn on out, target by target in the registry's order; the emitters are loaded here, and never see markdown. */
import {enabledTargets} from '../targets/index.js'
import type {Catalog, EmitOptions, OutputFile} from '../types.js'
import type {Emitter} from '../targets/target.js'
import type {EmitCache} from './cache.js'

/** The emitters of the outputs the options turn on, loaded (a run loads them while the documents are parsed). */
export async function loadEmitters(options: Pick<EmitOptions, 'outputs'>): Promise<Array<{readonly kind: OutputFile['kind'], readonly emitter: Emitter}>> {
  return Promise.all(enabledTargets(options.outputs).map(async (target) => ({kind: target.key, emitter: await target.load()})))
}

/** Emit every output the options turn on, in the registry's order. */
export async function emit(catalog: Catalog, options: EmitOptions): Promise<Array<OutputFile>> {
  return emitWith(await loadEmitters(options), catalog, options)
}

/**
 * Emit with emitters already loaded.
 *
 * @param cache a session's texts of the entries' parts (`--watch`): this emit is its next run
 */
export function emitWith(emitters: Awaited<ReturnType<typeof loadEmitters>>, catalog: Catalog, options: EmitOptions, cache?: EmitCache): Array<OutputFile> {
  cache?.begin()
  return emitters.map(({kind, emitter}) => ({kind, name: options.outputs[kind] as string, text: emitter.emit(catalog, options, cache)}))
}
