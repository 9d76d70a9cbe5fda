/** write-schema-io: the built configuration schema in, config.schema.json and the schema's standalone validators (validators.cjs) written beside this module out — run by the build's last step (`build/finish-io.ts`), so that the package ships the whole schema (the base and every target's parts) for `$schema` to name, and no run compiles it. */
import {writeFileSync} from 'node:fs'
import {fileURLToPath} from 'node:url'
import standalone from 'ajv/dist/standalone/index.js'
import {configSchema} from './schema-io.js'
import {builtValidatorsPath, newAjv, validatedSchemas} from './validators.js'

/** The shipped schema's path: `dist/config/config.schema.json` in the build. */
export const shippedSchema = fileURLToPath(new URL('config.schema.json', import.meta.url))

/** Write the schema the configuration is checked against, as the package ships it. */
export function writeConfigSchema(): void {
  writeFileSync(shippedSchema, JSON.stringify(configSchema, null, 2) + '\n')
}

/** Write the validators' standalone code (CommonJS, stamped with the schemas it checks), where validators.ts loads it. */
export function writeValidators(): void {
  const {schemas, stamp} = validatedSchemas()
  const ajv = newAjv(true)
  for (const [key, schema] of Object.entries(schemas)) ajv.addSchema(schema, key)
  const code = standalone.default(ajv, Object.fromEntries(Object.keys(schemas).map((key) => [key, key])))
  writeFileSync(builtValidatorsPath, code + '\nexports.stamp = ' + JSON.stringify(stamp) + ';\n')
}

