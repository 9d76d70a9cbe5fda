/** emit: the catalog and the emit options in, the text of every output they turn on out, target by target in the registry's order; the emitters are loaded here, and never see markdown. */
import {enabledTargets} from '../targets/index.js'
import type {Catalog, EmitOptions, OutputFile} from '../types.js'
import type {Emitter} from '../targets/target.js'
import type {EmitCache} from './cache.js'
import {collectGarbage, heapIsLarge} from './collect.js'
import {EncodedOutput, readingName, type Readings} from './encoded.js'

/** A loaded emitter: its output's kind, and whether it is emitted first when the outputs are emitted one at a time. */
export interface LoadedEmitter {
  readonly kind: OutputFile['kind']
  readonly emitter: Emitter
  readonly first: boolean
}

/** How a run keeps its outputs when it holds one output's text at a time (the command). */
export interface OneAtATime {
  /** What each output becomes before the next is emitted: its bytes, its text then free to be collected. */
  readonly settle: (file: OutputFile) => OutputFile
  /**
   * Collect the garbage before each output when the heap is large; false under `--watch`, where a save's time counts
   * more than its peak, and each full collection would mark the parse cache it keeps again.
   */
  readonly collect: boolean
}

/**
 * The emitters of the outputs the options turn on, loaded (a run loads them while the documents are parsed).
 *
 * @param which the kinds to load (by default every one the options turn on)
 */
export async function loadEmitters(options: Pick<EmitOptions, 'outputs'>, which: (kind: OutputFile['kind']) => boolean = () => true): Promise<Array<LoadedEmitter>> {
  const targets = enabledTargets(options.outputs).filter((target) => which(target.key))
  return Promise.all(targets.map(async (target) => ({kind: target.key, emitter: await target.load(), first: target.emitsFirst === true})))
}

/** Emit every output the options turn on, in the registry's order. */
export async function emit(catalog: Catalog, options: EmitOptions): Promise<Array<OutputFile>> {
  return emitWith(await loadEmitters(options), catalog, options)
}

/**
 * Emit with emitters already loaded; the outputs in the registry's order.
 *
 * @param cache a session's texts of the entries' parts (`--watch`): this emit is its next run
 * @param oneAtATime settle each output before the next is emitted, the one whose emitter holds the most memory
 *   first (before the others' bytes are held), and, when the heap is large, collect the garbage before each (the
 *   parse's, then the last emitter's), so that the heap does not grow over it; undefined to keep every text
 */
export function emitWith(
  emitters: ReadonlyArray<LoadedEmitter>,
  catalog: Catalog,
  options: EmitOptions,
  cache?: EmitCache,
  oneAtATime?: OneAtATime
): Array<OutputFile> {
  cache?.begin()
  const emitOne = ({kind, emitter}: LoadedEmitter): OutputFile => ({kind, name: options.outputs[kind] as string, text: emitter.emit(catalog, options, cache)})
  if (!oneAtATime) return emitters.map(emitOne)
  const settleOne = (loaded: LoadedEmitter): OutputFile => encodedBy(loaded, catalog, options, cache) ?? oneAtATime.settle(emitOne(loaded))
  const settled = new Map<OutputFile['kind'], OutputFile>()
  for (const loaded of [...emitters].sort((a, b) => Number(b.first) - Number(a.first))) {
    if (oneAtATime.collect && heapIsLarge()) collectGarbage()
    settled.set(loaded.kind, settleOne(loaded))
  }
  return emitters.map(({kind}) => settled.get(kind) as OutputFile)
}

/** The output as its bytes, written entry by entry (a session's kept texts as they are), when its emitter can. */
function encodedBy({kind, emitter}: LoadedEmitter, catalog: Catalog, options: EmitOptions, cache: EmitCache | undefined): EncodedOutput | undefined {
  if (!emitter.encode) return undefined
  return new EncodedOutput(kind, options.outputs[kind] as string, emitter.encode(catalog, options, cache), cache && keptReadings(kind, emitter, catalog, options, cache))
}

/** What reading the output's bytes back gives, as far as its emitter knows it without reading them (a session's only); undefined when it knows nothing. */
function keptReadings(kind: LoadedEmitter['kind'], emitter: Emitter, catalog: Catalog, options: EmitOptions, cache: EmitCache): Readings | undefined {
  const readings = new Map<string, () => unknown>()
  const entries = emitter.keptEntries?.(catalog, options, cache)
  if (entries) readings.set(readingName('entries', kind), entries)
  const statuses = emitter.keptStatusNames?.(catalog, options)
  if (statuses) readings.set(readingName('statuses', kind), statuses)
  return readings.size > 0 ? readings : undefined
}
