/** remark: errgen's table checks as a unified plugin — an mdast tree (remark-parse; the plugin adds the GFM table syntax) and its VFile in, errgen's located messages on the file out (source `errgen`, a rule id from the registry, and a `url` to the rules), read with the errgen configuration found from the document's folder upward, for remark-cli and remark-language-server. */
import type {Root} from 'mdast'
import {gfmTableFromMarkdown, gfmTableToMarkdown} from 'mdast-util-gfm-table'
import {gfmTable} from 'micromark-extension-gfm-table'
import type {Node} from 'unist'
import {VFile} from 'vfile'
import {buildCatalog} from '../catalog/build.js'
import {readingOptionsProblems} from '../config/check.js'
import {rulesUrl} from '../config/defaults.js'
import {resolve} from '../config/resolve.js'
import {applyRuleSettings, error, isClean} from '../diagnostics/messages.js'
import {largestDocument} from '../read/files-io.js'
import {reportOversizedLines} from '../read/limits.js'
import {reportNoCodes, validate} from '../tables/validate.js'
import type {ConfigFile, ReadOptions} from '../types.js'
import {cachedParser, type ParseFunction} from './cached-parse.js'
import {configurationFor} from './config-io.js'

/** The options a `.remarkrc` can give: the keys of errgen's configuration that say how tables are read, and the rules' severities. */
export type Options = Pick<ConfigFile, 'columns' | 'optionalColumns' | 'codes' | 'headings' | 'params' | 'defaultLocale' | 'rules'>

/**
 * Check the error tables of every document remark processes, with the same code as the `errgen` command: the tables
 * and their rows, then the catalog (duplicate codes and names, code kinds), under the command's limits (a document
 * too large, or with a line too long or nested too deep, is not parsed). The tables are read as the errgen
 * configuration nearest the document says (errgen.config.json, or `errgen` in package.json, found as the command finds
 * it, from the document's folder upward); the plugin's options override its keys. Options or a configuration that
 * errgen's configuration schema refuses are errors on each document. The GFM table syntax is enabled by the plugin
 * itself, so that a pipeline without remark-gfm reads tables as the command does.
 */
export default function remarkErrgen(this: Processing | void, options: Options | null | undefined = {}): (tree: Root, file: VFile) => Promise<void> {
  const given = options ?? {}
  const problems = readingOptionsProblems(given)
  if (this) {
    enableTables(this)
    guardParser(this)
  }
  return async (tree, file) => {
    const before = file.messages.length
    const configured = problems.length === 0 ? await configurationFor(file) : undefined
    if (!configured) {
      for (const reason of problems) error(file, reason, undefined, 'config-schema')
    } else if (configured.problems) {
      for (const problem of configured.problems) error(file, problem.reason, undefined, problem.ruleId)
    } else if (!reportOverLimits(file)) {
      // A document over the limits is not read, as the command does not read it (the guarded parser gave an empty tree).
      const reading = readingOf({...configured.options, ...given})
      const document = validate(tree, file, reading)
      const catalog = buildCatalog([document], reading, [file.path])
      if (catalog.entries.length === 0 && isClean([file])) reportNoCodes([file])
      applyRuleSettings([file], {...configured.options.rules, ...given.rules})
    }
    for (const message of file.messages.slice(before)) message.url = rulesUrl
  }
}

/** What the plugin sees of the processor: its data, where syntax extensions are registered, and the parser remark-parse set (plugins are attached in order, after it). */
interface Processing extends Parsing {
  data(): ProcessorData
}

/** The syntax extensions remark-parse and remark-stringify read from the processor's data. */
interface ProcessorData {
  micromarkExtensions?: Array<unknown>
  fromMarkdownExtensions?: Array<unknown>
  toMarkdownExtensions?: Array<unknown>
}

/** Register the GFM table syntax for parsing and for writing, as remark-gfm registers its extensions. */
function enableTables(processor: Processing): void {
  const data = processor.data()
  ;(data.micromarkExtensions ??= []).push(gfmTable())
  ;(data.fromMarkdownExtensions ??= []).push(gfmTableFromMarkdown())
  ;(data.toMarkdownExtensions ??= []).push(gfmTableToMarkdown())
}

/** What the plugin sees of the processor: the parser remark-parse set (plugins are attached in order, after it). */
interface Parsing {
  parser?: ((document: string, file: VFile) => Node) | undefined
}

/** What a processor's parser reads of its data: remark-parse's settings and the syntax extensions. */
function parsingSettings(processor: Processing): unknown {
  const data = processor.data() as ProcessorData & {settings?: unknown}
  return [data.settings, data.micromarkExtensions, data.fromMarkdownExtensions]
}

/** An empty document: what the guarded parser gives for a document over the limits. */
const empty: Root = {type: 'root', children: []}

/**
 * Make the processor's parser refuse what the command refuses: a document over the size errgen reads, or with a
 * line too long or nested too deep to parse in good time, is not parsed (the transformer then reports why). A large
 * table is parsed in slices, each kept while its text is unchanged, so that an edit parses one slice again.
 */
function guardParser(processor: Processing): void {
  const given = processor.parser
  if (typeof given !== 'function') return
  const parse = cachedParser(given as ParseFunction, () => parsingSettings(processor))
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
  const {columns, optionalColumns, codes, headings, params, defaultLocale} = resolve(options, {}, {cwd: '.', base: '.', version: undefined})
  return {columns, optionalColumns, codes, headings, params, ...(defaultLocale === undefined ? {} : {defaultLocale})}
}
