/** parse: a markdown VFile in, its mdast tree (CommonMark + GFM tables) out. */
import type {Root} from 'mdast'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import type {VFile} from 'vfile'

const processor = unified().use(remarkParse).use(remarkGfm).freeze()

/** Parse a markdown document. */
export function parse(file: VFile): Root {
  return processor.parse(file)
}

/** A way to parse documents: in worker threads (the CLI's) or in this thread. */
export type Parser = (documents: ReadonlyArray<VFile>) => Promise<Array<Root>>

/** Parse documents one after the other in this thread: what the worker threads must give, tree for tree. */
export async function parseInThisThread(documents: ReadonlyArray<VFile>): Promise<Array<Root>> {
  return documents.map((file) => parse(file))
}
