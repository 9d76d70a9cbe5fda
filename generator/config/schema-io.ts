/** schema-io: nothing in, the configuration's JSON Schema out — read from base.schema.json beside this module, with each output target's parts from the target registry and the adjustable rules from the rule registry (what the build writes to config.schema.json, shipped in the package for `$schema` to name). */
import {readFileSync} from 'node:fs'
import {adjustableRuleIds, rules} from '../diagnostics/rules.js'
import {withTargetSchemas} from '../targets/index.js'

/** The configuration's JSON Schema. */
export const configSchema: Record<string, unknown> = withRuleSchema(withTargetSchemas(JSON.parse(readFileSync(new URL('base.schema.json', import.meta.url), 'utf8'))))

/** The schema with its `rules` key: each rule the registry lets the configuration turn off or set, with its meaning. */
function withRuleSchema(schema: Record<string, unknown>): Record<string, unknown> {
  const properties = Object.fromEntries(adjustableRuleIds.map((id) => [id, {description: rules[id].meaning, enum: ['off', 'warn', 'error']}]))
  const ruleSchema = {
    description: 'Rules turned off ("off") or set to a severity ("warn", "error"), as in eslint. Only rules about how the page reads can be set; errors that protect the data (a lost row, a duplicate code) cannot be turned off.',
    type: 'object',
    additionalProperties: false,
    properties
  }
  return {...schema, properties: {...(schema['properties'] as Record<string, unknown>), rules: ruleSchema}}
}
