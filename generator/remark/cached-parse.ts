/** remark/cached-parse: a processor's parser in, a parser out that parses a large table in slices and keeps each slice's tree keyed by its text, so that an edit in an editor parses one slice again; the trees are those the processor's parser gives the whole document. */
import type {Root} from 'mdast'
import type {VFile} from 'vfile'
import {ParseCache} from '../parse/cache.js'
import {stitch} from '../parse/join.js'
import {planSlices} from '../parse/slices.js'
import {encodeTree} from '../parse/messages.js'

/** A processor's parser, as unified calls it. */
export type ParseFunction = (document: string, file: VFile) => Root

/** Body rows per slice, as the command slices: large enough that the header parsed again costs little. */
const rowsPerSlice = 50

/** The documents whose slices are kept (an editor's open documents, each tens of megabytes at 20,000 rows); the least recently parsed is dropped past it. */
const documentsKept = 8

/**
 * The slices' trees of the documents parsed last, by document and by the processor's parsing settings: an editor makes
 * a new processor for each check, so the key is what makes two processors parse alike (their settings and the names of
 * their syntax extensions' parts), not the processor itself.
 */
const caches = new Map<string, ParseCache>()

/**
 * A parser giving what `parse` gives, each slice of a large table parsed by it once while its text is unchanged.
 * A document that is not sliced, or whose slices do not join as planned, is parsed whole, as `parse` parses it.
 *
 * @param settings what the processor's parser reads: its settings and syntax extensions
 */
export function cachedParser(parse: ParseFunction, settings: () => unknown): ParseFunction {
  let signature: string | undefined | null
  return (document, file) => {
    const plan = planSlices(document, rowsPerSlice)
    if (!plan) return parse(document, file)
    if (signature === undefined) signature = describe(settings())
    if (signature === null) return parse(document, file)
    const cache = cacheOf(signature + '\0' + (file.path ?? ''))
    cache.begin()
    const trees = plan.slices.map((slice) => cache.tree(slice.text) ?? parseSlice(parse, slice.text, file, cache))
    return stitch(plan, trees) ?? parse(document, file)
  }
}

/** Parse a slice, keep its encoding, and give a copy of its own (the joining moves the nodes of the trees it is given). */
function parseSlice(parse: ParseFunction, text: string, file: VFile, cache: ParseCache): Root {
  cache.keep(text, encodeTree(parse(text, file)))
  return cache.tree(text) as Root
}

/** The cache of one document and parsing settings, made the most recent; the least recent past the limit is dropped. */
function cacheOf(key: string): ParseCache {
  const cache = caches.get(key) ?? new ParseCache()
  caches.delete(key)
  caches.set(key, cache)
  for (const oldest of caches.keys()) {
    if (caches.size <= documentsKept) break
    caches.delete(oldest)
  }
  return cache
}

/**
 * A text that is the same for two processors that parse alike: their settings, and their extensions' keys and
 * functions' names; null when the settings cannot be written out (a cycle): then nothing is cached.
 */
function describe(settings: unknown): string | null {
  try {
    return JSON.stringify(settings, (_, value: unknown) => (typeof value === 'function' ? 'function ' + value.name : value)) ?? ''
  } catch {
    return null
  }
}
