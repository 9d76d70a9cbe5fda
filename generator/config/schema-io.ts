/** schema-io: nothing in, the configuration's JSON Schema out — read from config.schema.json beside this module (shipped in the package, and the file `$schema` can name). */
import {readFileSync} from 'node:fs'

/** The configuration's JSON Schema. */
export const configSchema: Record<string, unknown> = JSON.parse(readFileSync(new URL('config.schema.json', import.meta.url), 'utf8'))
