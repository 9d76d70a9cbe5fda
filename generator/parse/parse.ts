/** parse: a markdown VFile in, its mdast tree (CommonMark + GFM, as remark-gfm gives it) out; a slice's, with the link labels its document defines elsewhere. */
import type {Root} from 'mdast'
import {VFile} from 'vfile'
import {constructsOf, parseDefining, processorWith} from './gfm.js'
import type {ParseRequest} from './messages.js'

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
