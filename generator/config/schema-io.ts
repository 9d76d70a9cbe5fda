/** schema-io: nothing in, the configuration's JSON Schema out — read from base.schema.json beside this module, with each output target's parts from the target registry (what the build writes to config.schema.json, shipped in the package for `$schema` to name). */
import {readFileSync} from 'node:fs'
import {withTargetSchemas} from '../targets/index.js'

/** The configuration's JSON Schema. */
export const configSchema: Record<string, unknown> = withTargetSchemas(JSON.parse(readFileSync(new URL('base.schema.json', import.meta.url), 'utf8')))
