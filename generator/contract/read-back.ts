/** read-back: the kind and text of an output errgen generated in, the entries it describes out (code, name, status, message, resolve, deprecation, problem type), read by its own target's reader — to compare with an earlier catalog and to say which codes a stale output changes. */
import {targetOf} from '../targets/index.js'
import type {OutputKind, Snapshot} from '../types.js'

/** Read the entries back from an output's text with its target's reader; throws when the text is not errgen's output. */
export async function readBack(kind: OutputKind, text: string): Promise<Array<Snapshot>> {
  const read = await targetOf(kind).readBack.load()
  return read(text)
}
