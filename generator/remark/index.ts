/** remark: errgen's table checks as a unified plugin — an mdast tree (remark-parse with remark-gfm) and its VFile in, errgen's located messages on the file out (source `errgen`, a rule id from the registry, and a `url` to the rules), for remark-cli and remark-language-server. */
import type {Root} from 'mdast'
import type {Node} from 'unist'
import {VFile} from 'vfile'
import {buildCatalog} from '../catalog/build.js'
import {readingOptionsProblems} from '../config/check.js'
import {rulesUrl} from '../config/defaults.js'
import {resolve} from '../config/resolve.js'
import {error, isClean} from '../diagnostics/messages.js'
import {largestDocument} from '../read/files-io.js'
import {reportOversizedLines} from '../read/limits.js'
import {reportNoCodes, validate} from '../tables/validate.js'
import type {ConfigFile, ReadOptions} from '../types.js'

/** The options a `.remarkrc` can give: the keys of errgen's configuration that say how tables are read. */
export type Options = Pick<ConfigFile, 'columns' | 'optionalColumns' | 'codes' | 'headings' | 'params'>

/**
 * Check the error tables of every document remark processes, with the same code as the `errgen` command: the tables
 * and their rows, then the catalog (duplicate codes and names, code kinds), under the command's limits (a document
 * too large, or with a line too long or nested too deep, is not parsed). Options that errgen's configuration
 * schema refuses are errors on each document.
 */
export default function remarkErrgen(this: Parsing | void, options: Options | null | undefined = {}): (tree: Root, file: VFile) => void {
  const problems = readingOptionsProblems(options ?? {})
  const reading = problems.length === 0 ? readingOf(options ?? {}) : undefined
  if (this) guardParser(this)
  return (tree, file) => {
    const before = file.messages.length
    if (!reading) {
      for (const reason of problems) error(file, reason, undefined, 'config-schema')
    } else if (!reportOverLimits(file)) {
      // A document over the limits is not read, as the command does not read it (the guarded parser gave an empty tree).
      const document = validate(tree, file, reading)
      const catalog = buildCatalog([document], reading, [file.path])
      if (catalog.entries.length === 0 && isClean([file])) reportNoCodes([file])
    }
    for (const message of file.messages.slice(before)) message.url = rulesUrl
  }
}

/** What the plugin sees of the processor: the parser remark-parse set (plugins are attached in order, after it). */
interface Parsing {
  parser?: ((document: string, file: VFile) => Node) | undefined
}

/** An empty document: what the guarded parser gives for a document over the limits. */
const empty: Root = {type: 'root', children: []}

/**
 * Make the processor's parser refuse what the command refuses: a document over the size errgen reads, or with a
 * line too long or nested too deep to parse in good time, is not parsed (the transformer then reports why).
 */
function guardParser(processor: Parsing): void {
  const parse = processor.parser
  if (typeof parse !== 'function') return
  processor.parser = (document, file) => (isOverLimits(document) ? empty : parse(document, file))
}

function isOverLimits(document: string): boolean {
  return document.length > largestDocument || reportOversizedLines(new VFile({value: document}))
}

/** Report a document over the limits, as the command does; whether it is. */
function reportOverLimits(file: VFile): boolean {
  const text = String(file.value)
  if (text.length > largestDocument) {
    const reason = 'Unexpected document of ' + text.length + ' characters, expected at most ' + largestDocument + ': errgen does not read a document this large'
    error(file, reason, undefined, 'oversized-line')
    return true
  }
  return reportOversizedLines(file)
}

/** How tables are read, resolved from the options as the configuration's are. */
function readingOf(options: Options): ReadOptions {
  const {columns, optionalColumns, codes, headings, params} = resolve(options, {}, {cwd: '.', base: '.', version: undefined})
  return {columns, optionalColumns, codes, headings, params}
}
