/** outputs-io: an output directory and the configuration in, the catalog its outputs describe out — read back from the outputs errgen generated there, for `--against DIR` and for the names every run keeps. */
import {stat} from 'node:fs/promises'
import path from 'node:path'
import {VFile} from 'vfile'
import {manifestName} from '../config/settings/output-names.js'
import {displayPath, IoError} from '../diagnostics/io-error.js'
import {readIfExists} from '../read/files-io.js'
import type {Config, OutputFile, OutputKind, Snapshot, StatusName} from '../types.js'
import {isGenerated} from '../write/foreign.js'
import {encoded} from '../write/output-io.js'
import {readingName} from '../emit/encoded.js'
import type {Before} from './compare.js'
import {readBack, statusNamesOf} from './read-back.js'
import type {WrittenFiles} from './written-io.js'
import {kindsOfName, readingOrder, targetOf} from '../targets/index.js'

/** Read the entries back from the first output errgen generated in the directory; an IoError when there is none. */
export async function fromOutputs(directory: string, config: Config, cwd: string, label: string): Promise<Before> {
  // Most complete first: an OpenAPI document holds the statuses and the linked texts, a JSON Schema neither.
  for (const {key: kind} of readingOrder('complete')) {
    const name = config.outputs[kind]
    if (!name) continue
    const file = path.join(directory, name)
    const shown = displayPath(file, cwd)
    const bytes = await readIfExists(file, shown)
    if (!bytes) continue
    let entries: Array<Snapshot>
    let statuses: Array<StatusName> | undefined
    try {
      const text = bytes.toString('utf8')
      entries = await readBack(kind, text)
      statuses = await statusNamesOf(kind, text)
    } catch {
      throw new IoError('cannot compare with ' + shown + ': it is not an output errgen generated')
    }
    return snapshotBefore(label, kind, entries, new VFile({path: shown}), statuses)
  }
  throw new IoError('cannot compare with ' + displayPath(directory, cwd) + ': it holds no errgen output')
}

/** An output of errgen's found in the output directory. */
interface Found {
  readonly kind: OutputKind
  readonly shown: string
  /** Where it is: its bytes are read again when it is read back, not held from the first read (an output of 20,000 codes is 28 MB). */
  readonly file: string
  /** Whether it already holds exactly the bytes generated for it. */
  readonly current: boolean
  /** Its bytes, when the session wrote them and they are unchanged on disk (they are held by the session anyway). */
  readonly written: Buffer | undefined
}

/**
 * The catalog of the outputs a run is about to replace, to keep their names: read back from the first output of
 * errgen's in the output directory — one the configuration names, or else one the manifest lists (outputs named
 * after a document that was renamed since). Undefined when there is nothing to compare with: no output yet (a first
 * run), only files errgen did not generate (the write refuses them, or `--force` replaces them), or an output that
 * already holds exactly the new bytes (a run generated this catalog already, and was killed before it replaced
 * every output: then only the status names of an output not replaced yet are compared). An output errgen cannot read
 * back (edited by hand, or written in a format this version no longer reads) gives way to the next; when none can be read, that is an IoError.
 *
 * @param generated the outputs the run generated
 * @param force outputs errgen cannot read back are replaced without comparing, rather than an IoError
 * @param written the outputs a `--watch` session wrote: those unchanged on disk are neither read nor read back again
 */
export async function replacedOutputs(
  config: Config,
  cwd: string,
  generated: ReadonlyArray<OutputFile>,
  force: boolean,
  written?: WrittenFiles
): Promise<Before | undefined> {
  const directory = path.resolve(cwd, config.out)
  if (!(await isDirectory(directory))) return undefined
  // Every output holds every code's name: the quickest to read first.
  const configured = readingOrder('cheap').flatMap(({key: kind}) => {
    const name = config.outputs[kind]
    return name ? [{kind, name}] : []
  })
  let found = await readOutputs(directory, cwd, configured, generated, written)
  if (found.length === 0) found = await readOutputs(directory, cwd, await listedOutputs(directory, configured.map((output) => output.name)), generated, written)
  const label = displayPath(directory, cwd)
  if (found.some((output) => output.current)) return statusesOnly(label, found, written)
  for (const output of found) {
    const {kind, shown} = output
    const entries = await readOnce(output, 'entries', (text) => readBack(kind, text), written).catch(() => undefined)
    if (entries) return snapshotBefore(label, kind, entries, new VFile({path: shown}), await statusNamesIn(found, written))
  }
  const [unreadable] = found
  if (unreadable === undefined || force) return undefined
  throw new IoError(
    'cannot compare the names with ' + unreadable.shown + ': it has errgen\'s marker, but errgen cannot read it back (edited by hand?), ' +
      'nor any other output there; delete it, or pass --force to replace the outputs without comparing'
  )
}

/** The outputs of errgen's among these names, each marked when it already holds exactly the bytes generated for it. */
async function readOutputs(
  directory: string,
  cwd: string,
  outputs: ReadonlyArray<{readonly kind: OutputKind, readonly name: string}>,
  generated: ReadonlyArray<OutputFile>,
  written: WrittenFiles | undefined
): Promise<Array<Found>> {
  const found: Array<Found> = []
  for (const {kind, name} of outputs) {
    const shown = displayPath(path.join(directory, name), cwd)
    const file = path.join(directory, name)
    const kept = await written?.bytes(file)
    const bytes = kept ?? (await readIfExists(file, shown))
    if (!bytes || !isGenerated(bytes)) continue
    found.push({kind, shown, file, current: generated.some((output) => output.name === name && bytes.equals(encoded(output))), written: kept})
  }
  return found
}

/**
 * When an output already holds the new bytes, the catalog is the one generated: only the status names of an output
 * that holds them and was not replaced yet are compared (none of its entries); undefined when there is none.
 */
async function statusesOnly(label: string, found: ReadonlyArray<Found>, written: WrittenFiles | undefined): Promise<Before | undefined> {
  if (found.some((output) => output.current && targetOf(output.kind).readBack.statusNames !== undefined)) return undefined
  const stale = found.filter((output) => !output.current)
  const statuses = await statusNamesIn(stale, written)
  const [first] = stale
  return statuses && first ? snapshotBefore(label, first.kind, [], new VFile({path: first.shown}), statuses) : undefined
}

/** The outputs the manifest in the directory lists besides these names, as each kind its extension can be, quickest to read first. */
async function listedOutputs(directory: string, names: ReadonlyArray<string>): Promise<Array<{kind: OutputKind, name: string}>> {
  let listed: Array<string>
  try {
    const manifest = JSON.parse(String(await readIfExists(path.join(directory, manifestName), manifestName))) as {outputs?: unknown}
    listed = manifest.outputs !== null && typeof manifest.outputs === 'object' ? Object.keys(manifest.outputs) : []
  } catch {
    return []
  }
  const plain = listed.filter((name) => /^[^/\\]+$/.test(name) && name !== manifestName && !names.includes(name))
  const outputs = plain.flatMap((name) => kindsOfName(name).map((kind) => ({kind, name})))
  return readingOrder('cheap').flatMap(({key}) => outputs.filter((output) => output.kind === key))
}

/** Whether a path is a directory (an output directory that is not one is reported by the write). */
function isDirectory(directory: string): Promise<boolean> {
  return stat(directory).then((info) => info.isDirectory(), () => false)
}

/** The status names of the first of the outputs that holds them and can be read; undefined when none does. */
async function statusNamesIn(found: ReadonlyArray<Found>, written: WrittenFiles | undefined): Promise<Array<StatusName> | undefined> {
  // An output whose target names no status is not decoded to learn so.
  for (const output of found.filter(({kind}) => targetOf(kind).readBack.statusNames !== undefined)) {
    const names = await readOnce(output, 'statuses', (text) => statusNamesOf(output.kind, text), written).catch(() => undefined)
    if (names) return names
  }
  return undefined
}

/** The catalog an output describes, as far as its target can tell (a JSON Schema does not say whether there were statuses or resolve texts). */
function snapshotBefore(label: string, kind: OutputKind, entries: Array<Snapshot>, file: VFile, statuses: Array<StatusName> | undefined): Before {
  const {knowsColumns, linkedTexts} = targetOf(kind).readBack
  return {
    label,
    codeKind: entries.some((entry) => typeof entry.code === 'string') ? 'string' : 'integer',
    hasStatus: knowsColumns ? entries.some((entry) => entry.status !== undefined) : undefined,
    hasResolve: knowsColumns ? entries.some((entry) => entry.resolve !== undefined) : undefined,
    linkedTexts,
    entries,
    statuses,
    file,
    files: [file]
  }
}

/**
 * What `read` gives for an output's text: for an output the session wrote and that is unchanged, read from the bytes
 * it holds, once while it holds them; otherwise from the text read again from the disk.
 *
 * @param what which reading, for the session's memory of it
 */
function readOnce<T>(output: Found, what: string, read: (text: string) => Promise<T>, written: WrittenFiles | undefined): Promise<T> {
  const bytes = output.written
  if (bytes && written) return written.derived(bytes, readingName(what, output.kind), () => read(bytes.toString('utf8')))
  return textOf(output).then(read)
}

/** An output's text, read again from the disk; an IoError when it is gone. */
async function textOf(output: Found): Promise<string> {
  const bytes = await readIfExists(output.file, output.shown)
  if (!bytes) throw new IoError('cannot read ' + output.shown + ': it is gone')
  return bytes.toString('utf8')
}
