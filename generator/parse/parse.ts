/** parse: a markdown VFile in, its mdast tree (CommonMark + GFM, as remark-gfm gives it) out; a slice's, with the link labels its document defines elsewhere. */
import type {Root} from 'mdast'
import {VFile} from 'vfile'
import {constructsOf, parseDefining, processorWith} from './gfm.js'

/**
 * Parse a markdown document, with only the GFM constructs its text can hold (the tree is the same).
 *
 * @param scanned the part of the text that can hold them (`Slice.scanned`): a slice's own text but for its lines of
 *   definitions, and without the copies of definitions after it (a definition's label, destination and title hold
 *   none, and a join declines lines and copies that are not definitions); the whole text by default
 * @param defined labels (normalized as micromark matches them) to take as defined, as if the text held their
 *   definitions: those a slice's text uses that its document defines in other slices
 */
export function parse(file: VFile, scanned: string = String(file), defined: ReadonlyArray<string> = []): Root {
  const constructs = constructsOf(scanned)
  return defined.length === 0 ? processorWith(constructs).parse(file) : parseDefining(processorWith(constructs, true), file, defined)
}

/**
 * A text for a parse worker: a plain text, or a slice's text with the part of it that can hold the costly GFM
 * constructs (`Slice.scanned`) and the labels it takes as defined (`Slice.defined`).
 */
export type ParseRequest = string | {text: string, scanned?: string, defined?: ReadonlyArray<string>}

/** The request of a slice: its text, and (when they say more than the text alone) the part it scans and the labels it takes as defined. */
export function sliceRequest(slice: {text: string, scanned: string, defined: ReadonlyArray<string>}): ParseRequest {
  const {text, scanned, defined} = slice
  if (scanned === text && defined.length === 0) return text
  return {text, ...(scanned === text ? {} : {scanned}), ...(defined.length === 0 ? {} : {defined})}
}

/**
 * A request's key in a cache of trees (`ParseCache`): a plain text itself; with labels taken as defined, a key no text
 * is (a character U+0000 — which a text with no labels starting so gets too — then the labels' JSON, then the text).
 * How much of the text is scanned is left out: the tree is the same.
 */
export function requestKey(request: ParseRequest): string {
  const text = requestText(request)
  const defined = typeof request === 'string' ? [] : request.defined ?? []
  return defined.length === 0 && !text.startsWith('\u0000') ? text : '\u0000' + JSON.stringify(defined) + text
}

/** The text a request parses. */
export function requestText(request: ParseRequest): string {
  return typeof request === 'string' ? request : request.text
}

/** Parse what a request asks: its text, with the GFM constructs the part it names can hold, and the labels it takes as defined. */
export function parseRequest(request: ParseRequest): Root {
  if (typeof request === 'string') return parse(new VFile({value: request}))
  const {text, scanned = text, defined = []} = request
  return parse(new VFile({value: text}), scanned, defined)
}

/** A way to parse documents: in worker threads (the CLI's) or in this thread. */
export type Parser = (documents: ReadonlyArray<VFile>) => Promise<Array<Root>>

/** Parse documents one after the other in this thread: what the worker threads must give, tree for tree. */
export async function parseInThisThread(documents: ReadonlyArray<VFile>): Promise<Array<Root>> {
  return documents.map((file) => parse(file))
}
