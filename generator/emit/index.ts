/** emit: the catalog and the emit options in, the text of every output they turn on out, target by target in the registry's order; the emitters are loaded here, and never see markdown. */
import {enabledTargets} from '../targets/index.js'
import type {Catalog, EmitOptions, OutputFile} from '../types.js'
import type {Emitter} from '../targets/target.js'

/** The emitters of the outputs the options turn on, loaded (a run loads them while the documents are parsed). */
export async function loadEmitters(options: Pick<EmitOptions, 'outputs'>): Promise<Array<{readonly kind: OutputFile['kind'], readonly emitter: Emitter}>> {
  return Promise.all(enabledTargets(options.outputs).map(async (target) => ({kind: target.key, emitter: await target.load()})))
}

/** Emit every output the options turn on, in the registry's order. */
export async function emit(catalog: Catalog, options: EmitOptions): Promise<Array<OutputFile>> {
  return emitWith(await loadEmitters(options), catalog, options)
}

/**
 * Emit with emitters already loaded, one output at a time.
 *
 * @param settle what each output becomes before the next is emitted (the command keeps its bytes, so that only one
 *   output's text is alive at a time); the output itself by default
 */
export function emitWith(
  emitters: Awaited<ReturnType<typeof loadEmitters>>,
  catalog: Catalog,
  options: EmitOptions,
  settle: (file: OutputFile) => OutputFile = (file) => file
): Array<OutputFile> {
  const files: Array<OutputFile> = []
  for (const {kind, emitter} of emitters) files.push(settle({kind, name: options.outputs[kind] as string, text: emitter.emit(catalog, options)}))
  return files
}
