/** read-back: the kind and text of an output errgen generated in, the entries it describes out (code, name, status, message, resolve, deprecation, problem type) and its statuses' names, read by its own target's reader — to compare with an earlier catalog and to say which codes a stale output changes. */
import {targetOf} from '../targets/index.js'
import type {OutputKind, Snapshot, StatusName} from '../types.js'

/** Read the entries back from an output's text with its target's reader; throws when the text is not errgen's output. */
export async function readBack(kind: OutputKind, text: string): Promise<Array<Snapshot>> {
  const read = await targetOf(kind).readBack.load()
  return read(text)
}

/** The names an output gives the HTTP statuses, read by its target; undefined when its target names none. */
export async function statusNamesOf(kind: OutputKind, text: string): Promise<Array<StatusName> | undefined> {
  const load = targetOf(kind).readBack.statusNames
  return load ? (await load())(text) : undefined
}
