/** load-io: the working directory and the overrides in, the resolved configuration out — found by the one discovery, checked against the shipped schema, over the defaults. */
import path from 'node:path'
import type {VFile} from 'vfile'
import type {Config, ConfigFile} from '../types.js'
import {findConfig, projectVersion} from './discover-io.js'
import {type Overrides, resolve} from './resolve.js'

/** The configuration, and the file it came from. */
export interface LoadedConfig {
  /** Undefined when the configuration file has errors. */
  readonly config: Config | undefined
  /** The configuration file, with its messages. */
  readonly file: VFile | undefined
}

/** Find, read, check and resolve the configuration. */
export async function loadConfig(cwd: string, overrides: Overrides): Promise<LoadedConfig> {
  const found = await findConfig(cwd, overrides.config)
  let written: ConfigFile = {}
  let base = cwd
  if (found) {
    const {checkConfig} = await import('./check.js')
    const checked = checkConfig(found.file, found.at)
    if (!checked) return {config: undefined, file: found.file}
    written = checked
    base = path.dirname(found.absolute)
  }
  const config = resolve(written, overrides, {cwd, base, version: await projectVersion(base)})
  return {config, file: found?.file}
}
