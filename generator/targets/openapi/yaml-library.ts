/** targets/openapi/yaml-library: nothing in, what errgen's YAML writer takes from `yaml` without loading it out — the patterns of the tags a plain string could be read as (a copy), and `yaml` itself, required when a string needs it. */
import {createRequire} from 'node:module'

/**
 * The tests of the tags other than strings of YAML 1.2's core schema and of YAML 1.1, in the order of `yaml`'s
 * `new Document(null, {compat: 'yaml-1.1'}).schema` (its `tags`, then its `compat`): a plain scalar that one of them
 * matches would not read back as a string. Copied from `yaml` 2, so that writing YAML does not load it;
 * test/targets/openapi/block-yaml.test.ts compares them with the installed `yaml`'s own.
 */
export const nonStringTags: ReadonlyArray<RegExp> = [
  /^(?:~|[Nn]ull|NULL)?$/,
  /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/,
  /^0o[0-7]+$/,
  /^[-+]?[0-9]+$/,
  /^0x[0-9a-fA-F]+$/,
  /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
  /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/,
  /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/,
  /^(?:~|[Nn]ull|NULL)?$/,
  /^(?:Y|y|[Yy]es|YES|[Tt]rue|TRUE|[Oo]n|ON)$/,
  /^(?:N|n|[Nn]o|NO|[Ff]alse|FALSE|[Oo]ff|OFF)$/,
  /^[-+]?0b[0-1_]+$/,
  /^[-+]?0[0-7_]+$/,
  /^[-+]?[0-9][0-9_]*$/,
  /^[-+]?0x[0-9a-fA-F_]+$/,
  /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
  /^[-+]?(?:[0-9][0-9_]*)?(?:\.[0-9_]*)?[eE][-+]?[0-9]+$/,
  /^[-+]?(?:[0-9][0-9_]*)?\.[0-9_]*$/,
  /^<<$/,
  /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+$/,
  /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*$/,
  /^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})(?:(?:t|T|[ \t]+)([0-9]{1,2}):([0-9]{1,2}):([0-9]{1,2}(\.[0-9]+)?)(?:[ \t]*(Z|[-+][012]?[0-9](?::[0-9]{2})?))?)?$/
]

/**
 * `yaml`, loaded when a document first needs it (a string only `yaml` writes): most documents hold none, and a run
 * that writes them directly does not load it (about 30 ms of the seed's run). Required, as the writer is synchronous;
 * `yaml` is CommonJS under Node, so this is the module an `import` of it gives.
 */
export function yamlLibrary(): typeof import('yaml') {
  return createRequire(import.meta.url)('yaml') as typeof import('yaml')
}
