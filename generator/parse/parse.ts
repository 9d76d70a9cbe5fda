/** parse: a markdown VFile in, its mdast tree (CommonMark + GFM, as remark-gfm gives it) out. */
import type {Root} from 'mdast'
import type {VFile} from 'vfile'
import {processorFor} from './gfm.js'

/** Parse a markdown document, with only the GFM constructs its text can hold (the tree is the same). */
export function parse(file: VFile): Root {
  return processorFor(String(file)).parse(file)
}

/** A way to parse documents: in worker threads (the CLI's) or in this thread. */
export type Parser = (documents: ReadonlyArray<VFile>) => Promise<Array<Root>>

/** Parse documents one after the other in this thread: what the worker threads must give, tree for tree. */
export async function parseInThisThread(documents: ReadonlyArray<VFile>): Promise<Array<Root>> {
  return documents.map((file) => parse(file))
}
