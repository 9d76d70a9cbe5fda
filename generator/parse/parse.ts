/** parse: a markdown VFile in, its mdast tree (CommonMark + GFM, as remark-gfm gives it) out. */
import type {Root} from 'mdast'
import {VFile} from 'vfile'
import {processorFor} from './gfm.js'

/**
 * Parse a markdown document, with only the GFM constructs its text can hold (the tree is the same).
 *
 * @param scanned the part of the text that can hold them: a slice's own text, without the copies of definitions
 *   after it (a definition's label, destination and title hold none, and a join declines copies that are not
 *   definitions); the whole text by default
 */
export function parse(file: VFile, scanned: string = String(file)): Root {
  return processorFor(scanned).parse(file)
}

/** A text for a parse worker, and how much of it can hold the costly GFM constructs (a slice's own text; all of a plain text). */
export type ParseRequest = string | {text: string, scanned: number}

/** The text a request parses. */
export function requestText(request: ParseRequest): string {
  return typeof request === 'string' ? request : request.text
}

/** Parse what a request asks: its text, with the GFM constructs the part it names can hold. */
export function parseRequest(request: ParseRequest): Root {
  const text = requestText(request)
  return parse(new VFile({value: text}), typeof request === 'string' ? text : text.slice(0, request.scanned))
}

/** A way to parse documents: in worker threads (the CLI's) or in this thread. */
export type Parser = (documents: ReadonlyArray<VFile>) => Promise<Array<Root>>

/** Parse documents one after the other in this thread: what the worker threads must give, tree for tree. */
export async function parseInThisThread(documents: ReadonlyArray<VFile>): Promise<Array<Root>> {
  return documents.map((file) => parse(file))
}
