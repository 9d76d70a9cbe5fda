/** parse: a markdown VFile in, its mdast tree (CommonMark + GFM tables) out. */
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import {unified} from 'unified'

/**
 * @import {Root} from 'mdast'
 * @import {VFile} from 'vfile'
 */

const processor = unified().use(remarkParse).use(remarkGfm).freeze()

/**
 * Parse a markdown document.
 *
 * @param {VFile} file
 * @returns {Root}
 */
export function parse(file) {
  return processor.parse(file)
}
