/** remark: errgen's table checks as a unified plugin — an mdast tree (remark-parse with remark-gfm) and its VFile in, errgen's located messages on the file out (source `errgen`, a rule id from the registry, and a `url` to the rules), for remark-cli and remark-language-server. */
import type {Root} from 'mdast'
import type {VFile} from 'vfile'
import {buildCatalog} from '../catalog/build.js'
import {readingOptionsProblems} from '../config/check.js'
import {rulesUrl} from '../config/defaults.js'
import {resolve} from '../config/resolve.js'
import {error, isClean} from '../diagnostics/messages.js'
import {reportNoCodes, validate} from '../tables/validate.js'
import type {ConfigFile, ReadOptions} from '../types.js'

/** The options a `.remarkrc` can give: the keys of errgen's configuration that say how tables are read. */
export type Options = Pick<ConfigFile, 'columns' | 'optionalColumns' | 'codes' | 'headings'>

/**
 * Check the error tables of every document remark processes, with the same code as the `errgen` command: the tables
 * and their rows, then the catalog (duplicate codes and names, code kinds). Options that errgen's configuration
 * schema refuses are errors on each document.
 */
export default function remarkErrgen(options: Options | null | undefined = {}): (tree: Root, file: VFile) => void {
  const problems = readingOptionsProblems(options ?? {})
  const reading = problems.length === 0 ? readingOf(options ?? {}) : undefined
  return (tree, file) => {
    const before = file.messages.length
    if (reading) {
      const document = validate(tree, file, reading)
      const catalog = buildCatalog([document], reading, [file.path])
      if (catalog.entries.length === 0 && isClean([file])) reportNoCodes([file])
    } else {
      for (const reason of problems) error(file, reason, undefined, 'config-schema')
    }
    for (const message of file.messages.slice(before)) message.url = rulesUrl
  }
}

/** How tables are read, resolved from the options as the configuration's are. */
function readingOf(options: Options): ReadOptions {
  const {columns, optionalColumns, codes, headings} = resolve(options, {}, {cwd: '.', base: '.', version: undefined})
  return {columns, optionalColumns, codes, headings}
}
