/** check: markdown in, the rows validate reads from it and the messages of validating it and building its catalog out — what the validate tests compare. */
import {VFile} from 'vfile'
import {buildCatalog} from '../../generator/catalog/build.js'
import {parse} from '../../generator/parse/parse.js'
import {messageLine, sortMessages} from '../../generator/diagnostics/report.js'
import {validate} from '../../generator/tables/validate.js'
import type {ReadOptions} from '../../generator/types.js'

/** The header of a table with the four built-in columns. */
export const header = 'HTTP | Code | Message | Resolve\n--- | --- | --- | ---\n'

/** Validate a document, and build its catalog so that the codes are read too. */
export function check(markdown: string, options: Partial<ReadOptions> = {}) {
  const file = new VFile({path: 'doc.md', value: markdown})
  const read = validate(parse(file), file, {columns: {}, optionalColumns: [], codes: 'auto', headings: [], ...options})
  buildCatalog([read], {codes: options.codes || 'auto'}, [file.path])
  return {
    rows: read.rows.map(({status, code, message, resolve, name, group}) => ({status, code: code.text, message, resolve, name, group})),
    messages: sortMessages(file.messages).map((message) => messageLine(message))
  }
}
