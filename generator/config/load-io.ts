/** load-io: the working directory and the overrides in, the resolved configuration out — found by the one discovery, checked against the shipped schema, over the defaults. */
import path from 'node:path'
import {VFile} from 'vfile'
import type {Config} from '../types.js'
import {findConfig, projectVersion} from './discover-io.js'
import {type Overrides, resolve, type ResolveContext} from './resolve.js'

/** The configuration, and the file it came from. */
export interface LoadedConfig {
  /** Undefined when the configuration file has errors. */
  readonly config: Config | undefined
  /** The configuration file, with its messages. */
  readonly file: VFile | undefined
  /** The configuration file's directory; the working directory when there is none. */
  readonly base: string
}

/** Find, read, check and resolve the configuration. */
export async function loadConfig(cwd: string, overrides: Overrides): Promise<LoadedConfig> {
  const found = await findConfig(cwd, overrides.config)
  if (!found) return {config: resolve({}, overrides, await contextOf(cwd, cwd)), file: undefined, base: cwd}
  const {checkConfig} = await import('./check.js')
  const file = new VFile({path: found.shown, value: found.text})
  const checked = checkConfig(file, found.at)
  const base = path.dirname(found.absolute)
  if (!checked) return {config: undefined, file, base}
  return {config: resolve(checked, overrides, await contextOf(cwd, base)), file, base}
}

/** Where paths are resolved from, and the project's version there. */
async function contextOf(cwd: string, base: string): Promise<ResolveContext> {
  return {cwd, base, version: await projectVersion(base)}
}
