/** write-schema-io: the built configuration schema in, config.schema.json written beside this module out — run by the build's last step (`build/finish-io.ts`), so that the package ships the whole schema (the base and every target's parts) for `$schema` to name. */
import {writeFileSync} from 'node:fs'
import {fileURLToPath} from 'node:url'
import {configSchema} from './schema-io.js'

/** The shipped schema's path: `dist/config/config.schema.json` in the build. */
export const shippedSchema = fileURLToPath(new URL('config.schema.json', import.meta.url))

/** Write the schema the configuration is checked against, as the package ships it. */
export function writeConfigSchema(): void {
  writeFileSync(shippedSchema, JSON.stringify(configSchema, null, 2) + '\n')
}

