/** explain: `errgen explain CODE [options]` in, one documented error as a person reads it out (like `rustc --explain`) — its name, message, place in the document, status, heading, deprecation, problem type and resolve text, read from the documents; an exit code. */
import {problemTypeOrUndefined} from '../config/settings/problem-template.js'
import {report} from '../diagnostics/report.js'
import {describeTables} from '../spine.js'
import type {Catalog, CatalogEntry, Config} from '../types.js'
import {parseFlags, type Settings} from './flags.js'
import type {Io} from './main.js'

/** `errgen explain CODE`: the code (or a name) first, then any of the run's options that say where the documents are. */
export async function explain(argv: ReadonlyArray<string>, io: Io): Promise<number> {
  const [wanted, ...rest] = argv
  if (wanted === undefined || wanted.startsWith('-')) {
    io.stderr('errgen: explain needs a code: errgen explain CODE [--input FILE] [--config FILE]\nTry `errgen --help`.\n')
    return 2
  }
  let settings: Settings
  try {
    settings = parseFlags(rest).settings
  } catch (cause) {
    io.stderr('errgen: ' + (cause instanceof Error ? cause.message : String(cause)) + '\nTry `errgen --help`.\n')
    return 2
  }
  const {config, reports, catalog, unread} = await describeTables({cwd: io.cwd, input: settings.input, config: settings.config, style: settings.style, against: false})
  const errors = report(reports, {format: 'text', quiet: true})
  if (errors) io.stderr(errors)
  if (!config || !catalog) {
    if (unread) io.stderr('errgen: ' + unread + '\n')
    return 2
  }
  const entry = catalog.entries.find((item) => String(item.code) === wanted) ?? catalog.entries.find((item) => item.name === wanted)
  if (!entry) {
    io.stderr('errgen: ' + wanted + ' is no documented code or name in ' + catalog.sources.join(', ') + ' (' + catalog.entries.length + ' codes)\n')
    return 1
  }
  io.stdout(explanation(entry, catalog, config))
  return errors ? 1 : 0
}

/**
 * An entry as a person reads it: `AccessTokenMissing (1000): access_token missing`, where it is written, then its
 * status, heading, deprecation and problem type, then its resolve text (with its links' URLs).
 */
export function explanation(entry: CatalogEntry, catalog: Catalog, config: Pick<Config, 'problem'>): string {
  const place = entry.source.places.row.start
  const status = catalog.statuses.find((item) => item.code === entry.status)
  const replacement = entry.deprecated?.replacement === undefined ? undefined : catalog.entries.find((item) => item.code === entry.deprecated?.replacement)
  const type = problemTypeOrUndefined(config.problem, entry)
  const lines = [
    entry.name + ' (' + entry.code + '): ' + oneLine(entry.docs?.message ?? entry.message),
    '  --> ' + entry.source.file + ':' + place.line + ':' + place.column,
    ...(status ? ['HTTP status: ' + status.code + (status.phrase ? ' ' + status.phrase : '')] : []),
    ...(entry.group === undefined ? [] : ['Heading: ' + oneLine(entry.group)]),
    ...(entry.deprecated ? ['Deprecated' + (replacement ? ': use ' + replacement.code + ' (' + replacement.name + ') instead' : '')] : []),
    ...(type === undefined ? [] : ['Problem type: ' + type])
  ]
  const resolve = entry.docs?.resolve ?? entry.resolve
  return lines.join('\n') + '\n' + (resolve === undefined ? '' : '\n' + resolve + '\n')
}

/** A text on one line: its line breaks as spaces. */
function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ')
}
