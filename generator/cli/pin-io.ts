/** pin-io: a run whose derived names changed in, its documents with the old names in Name columns out — checked by reading the edited documents again, then written atomically; a located error for a name that cannot be written, and nothing written. */
import {realpath} from 'node:fs/promises'
import path from 'node:path'
import {VFile} from 'vfile'
import {compareEntries} from '../contract/changes.js'
import type {Rename} from '../contract/compare.js'
import {IoError} from '../diagnostics/io-error.js'
import {error, isClean} from '../diagnostics/messages.js'
import {readBytes} from '../read/files-io.js'
import {catalogOf, type Prepared} from '../spine.js'
import type {Catalog, Config} from '../types.js'
import {type Pin, pinNames} from '../write/pin-names.js'
import {writeAtomically} from '../write/output-io.js'
import type {Settings} from './flags.js'
import type {Io} from './main.js'

/** A document with its old names written in. */
interface Edited {
  readonly file: VFile
  readonly pins: ReadonlyArray<Pin>
  readonly text: string
}

/** The UTF-8 byte-order mark, which the documents' text does not hold: it is written back when the document had it. */
const bom = '\uFEFF'

/** What `--pin-names` will write: the edited documents; not `ok` when a name cannot be kept (an error says why). */
export interface PinPlan {
  readonly ok: boolean
  readonly edited: ReadonlyArray<Edited>
}

/**
 * `--pin-names`, first half: write the old name of every code whose derived name changed into its row's Name cell
 * (adding the column where the table has none), in memory, and read the edited documents again; each name that
 * cannot be kept is an `unpinnable-name` error on its document.
 */
export async function planPins(prepared: Prepared, config: Config): Promise<PinPlan> {
  const renames = prepared.contract?.renames ?? []
  const edited = editDocuments(prepared, renames, config)
  if (!isClean(prepared.reports)) return {ok: false, edited}
  await checkEdits(edited, documentFiles(prepared), renames, prepared.catalog, config)
  return {ok: isClean(prepared.reports), edited}
}

/** `--pin-names`, second half: write the edited documents and say what was kept (not in JSON, which is diagnostics only); exit 0. */
export async function writePins(plan: PinPlan, prepared: Prepared, settings: Settings, io: Io): Promise<number> {
  const says = !settings.quiet && settings.format !== 'json'
  if (plan.edited.length === 0) {
    if (says) io.stdout('errgen: no derived name changed, no name to keep\n')
    return 0
  }
  await writeDocuments(plan.edited, prepared)
  if (says) {
    for (const {file, pins} of plan.edited) {
      const kept = pins.map((pin) => 'code ' + pin.code + ' `' + pin.name + '`').join(', ')
      io.stdout('errgen: ' + file.path + ': kept ' + count(pins.length, 'name') + ' in a Name column (' + kept + '); run errgen to regenerate the outputs\n')
    }
  }
  return 0
}

/** Each document's text with its names written in; an error on the document for each name that cannot be. */
function editDocuments(prepared: Prepared, renames: ReadonlyArray<Rename>, config: Config): Array<Edited> {
  const edited: Array<Edited> = []
  for (const file of documentsOf(prepared, renames)) {
    const pins = renames.filter((rename) => rename.entry.source.file === file.path).map((rename) => pinOf(rename))
    const tables = prepared.tables.filter((table) => table.file === file)
    const result = pinNames(String(file.value), tables, pins, config)
    if ('text' in result) edited.push({file, pins, text: result.text})
    else for (const {pin, reason} of result.problems) error(file, cannotKeep(pin) + reason, pin.cell ?? pin.row, 'unpinnable-name')
  }
  return edited
}

/** The documents that hold the renamed codes, in the order they were read. */
function documentsOf(prepared: Prepared, renames: ReadonlyArray<Rename>): Array<VFile> {
  const paths = new Set(renames.map((rename) => rename.entry.source.file))
  return documentFiles(prepared).filter((file) => paths.has(file.path))
}

/** Every document the run read, in the order it read them. */
function documentFiles(prepared: Prepared): Array<VFile> {
  return prepared.reports.filter((file) => prepared.documents.some((document) => document.path === file.path))
}

/** What keeping a rename's old name takes: its row, and its Name cell when the table has a Name column. */
function pinOf(rename: Rename): Pin {
  const {places} = rename.entry.source
  return {code: rename.entry.code, name: rename.before, row: places.row, cell: places.name === places.row ? undefined : places.name}
}

function cannotKeep(pin: Pin): string {
  return 'Cannot keep the name `' + pin.name + '` of code ' + pin.code + ': '
}

/**
 * Read the documents again, the edited ones as edited, as a run will: they must have no error and give the catalog
 * they gave, the kept names aside; an error on the document at each name for which this does not hold.
 *
 * @param documents every document of the run
 */
async function checkEdits(
  edited: ReadonlyArray<Edited>,
  documents: ReadonlyArray<VFile>,
  renames: ReadonlyArray<Rename>,
  catalog: Catalog | undefined,
  config: Config
): Promise<void> {
  if (!catalog || edited.length === 0) return
  const textOf = new Map(edited.map((document) => [document.file, document.text]))
  const files = documents.map((file) => new VFile({path: file.path, value: textOf.get(file) ?? String(file.value)}))
  const {parseInWorkers} = await import('../parse/workers.js')
  const again = await catalogOf(files, config, parseInWorkers)
  const kept = new Map(renames.map((rename) => [String(rename.entry.code), rename.before]))
  const expected = catalog.entries.map((entry) => ({...entry, name: kept.get(String(entry.code)) ?? entry.name}))
  const changes = compareEntries(expected, again.catalog.entries)
  const fatal = files.flatMap((file) => file.messages).find((message) => message.fatal)
  const changed = new Set(changes.matched.filter((match) => match.fields.length > 0).map((match) => String(match.after.code)))
  const lost = changes.added.length + changes.removed.length > 0
  if (!fatal && !lost && changed.size === 0) return

  const why = fatal ? 'with it in a Name cell the document would have an error: ' + fatal.reason : 'with it in a Name cell the document would give another catalog'
  for (const document of edited) {
    for (const pin of document.pins.filter((pin) => fatal || lost || changed.has(String(pin.code)))) {
      error(document.file, cannotKeep(pin) + why, pin.cell ?? pin.row, 'unpinnable-name')
    }
  }
}

/** A document to write: where it really is (through a link), and its new bytes' text. */
interface Target {
  readonly directory: string
  readonly shownDirectory: string
  readonly file: {readonly name: string, readonly text: string}
}

/**
 * Write the edited documents in place, atomically (all of a directory or none; through the real file when a
 * document is a link), each with its byte-order mark; an IoError, before anything is written, when one of them
 * changed since the run read it.
 */
async function writeDocuments(edited: ReadonlyArray<Edited>, prepared: Prepared): Promise<void> {
  const targets: Array<Target> = []
  for (const document of edited) {
    const shown = document.file.path
    const read = prepared.documents.find((entry) => entry.path === shown)
    const target = await realpath(path.resolve(prepared.cwd, shown)).catch(() => path.resolve(prepared.cwd, shown))
    const now = Buffer.from(await readBytes(target, shown))
    if (!read || !now.equals(Buffer.from(read.bytes))) {
      throw new IoError('cannot write ' + shown + ': it changed while errgen read it; run errgen --pin-names again')
    }
    const hasBom = now[0] === 0xef && now[1] === 0xbb && now[2] === 0xbf
    const file = {name: path.basename(target), text: (hasBom ? bom : '') + document.text}
    targets.push({directory: path.dirname(target), shownDirectory: path.dirname(shown), file})
  }
  for (const directory of new Set(targets.map((target) => target.directory))) {
    const inIt = targets.filter((target) => target.directory === directory)
    await writeAtomically(directory, inIt.map((target) => target.file), inIt[0]?.shownDirectory ?? directory)
  }
}

function count(n: number, noun: string): string {
  return n + ' ' + noun + (n === 1 ? '' : 's')
}
