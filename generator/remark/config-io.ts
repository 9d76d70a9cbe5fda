/** remark/config-io: a document's VFile in, the table-reading options of the errgen configuration found from its folder upward out — by the one config discovery and checked by the one schema, as the command reads them — or the configuration's problems, as reasons. */
import path from 'node:path'
import {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import {checkConfig, readingKeys} from '../config/check.js'
import {findConfigFrom} from '../config/discover-io.js'
import {displayPath, IoError} from '../diagnostics/io-error.js'
import type {ConfigFile} from '../types.js'

/** A problem of the configuration, as a message on the document says it. */
export interface ConfigProblem {
  /** `errgen configuration errgen.config.json:3:12: Unexpected …`. */
  readonly reason: string
  readonly ruleId: 'config-syntax' | 'config-schema'
}

/** The reading options a configuration file gives (empty when there is none), or why it cannot be used. */
export type Configured =
  | {readonly options: Pick<ConfigFile, (typeof readingKeys)[number]>, readonly problems?: undefined}
  | {readonly options?: undefined, readonly problems: Array<ConfigProblem>}

/**
 * The configuration of a document: errgen.config.json, or the `errgen` key of package.json, in the document's folder
 * or the nearest folder above it that has one; its `readingKeys` (how tables are read, the placeholders, the rules).
 */
export async function configurationFor(document: VFile): Promise<Configured> {
  const cwd = document.cwd
  const folder = document.path ? path.dirname(path.resolve(cwd, document.path)) : cwd
  try {
    const found = await findConfigFrom(folder)
    if (!found) return {options: {}}
    const file = new VFile({path: displayPath(found.absolute, cwd), value: found.text})
    const checked = checkConfig(file, found.at)
    if (!checked) return {problems: file.messages.map((message) => ({reason: 'errgen configuration ' + placed(message) + ': ' + message.reason, ruleId: message.ruleId === 'config-syntax' ? 'config-syntax' : 'config-schema'}))}
    return {options: Object.fromEntries(readingKeys.flatMap((key) => (checked[key] === undefined ? [] : [[key, checked[key]]])))}
  } catch (cause) {
    if (!(cause instanceof IoError)) throw cause
    return {problems: [{reason: 'errgen configuration: ' + cause.message, ruleId: 'config-syntax'}]}
  }
}

/** `errgen.config.json:3:12`: where a message of the configuration file points. */
function placed(message: VFileMessage): string {
  return message.file + (message.line ? ':' + message.line + ':' + (message.column ?? 1) : '')
}
