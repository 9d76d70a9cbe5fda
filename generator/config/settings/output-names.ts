/** config/settings/output-names: a configuration that passed its schema in, what the schema cannot say about its output names out — each a file of its own, none the manifest's, none `.` or `..`, each with an extension that fits its kind (the target registry's) — as reasons by the key they are about. */
import {targets} from '../../targets/index.js'
import type {ConfigFile} from '../../types.js'

/** The manifest's file name in the output directory, which no output may take. */
export const manifestName = '.errgen-manifest.json'

/** A problem with one output's name. */
export interface NameProblem {
  /** The key it is about: `typescript`, `jsonSchema` or `openapi`, under `outputs`. */
  readonly key: string
  readonly reason: string
}

/** Whether a name's extension fits what the target writes (`.ts` for TypeScript, `.json` for the schema, …). */
function fitsKind(key: string, name: string): boolean {
  const target = targets.find((candidate) => candidate.key === key)
  return target === undefined || target.matchesName(name)
}

/** `Unexpected name `errors.js` for `outputs.typescript`, expected a TypeScript file name such as `errors.ts`…` */
function kindReason(key: string, name: string, where: string): string {
  const target = targets.find((candidate) => candidate.key === key)
  const example = target ? target.defaultName(name.replace(/\.[^.]*$/, '').replace(/\.(schema|openapi|errors)$/, '') || 'errors') : name
  return 'Unexpected name `' + name + '` for ' + where + ', expected a name whose extension fits what it holds (' + (target?.title ?? key) + '), such as `' + example + '`'
}

/** The problems with the configured output names, in the order of the keys. */
export function outputNameProblems(config: ConfigFile): Array<NameProblem> {
  const problems: Array<NameProblem> = []
  const taken = new Map<string, string>()
  for (const [key, name] of Object.entries(config.outputs ?? {})) {
    if (typeof name !== 'string') continue
    const where = '`outputs.' + key + '`'
    if (name === '.' || name === '..') problems.push({key, reason: 'Unexpected name `' + name + '` for ' + where + ', expected a file name'})
    else if (name === manifestName) problems.push({key, reason: 'Unexpected name `' + name + '` for ' + where + ', expected another: errgen keeps its manifest under that name'})
    else if (!fitsKind(key, name)) problems.push({key, reason: kindReason(key, name, where)})
    else if (taken.has(name)) problems.push({key, reason: 'Unexpected name `' + name + '` for ' + where + ', already the name of `outputs.' + taken.get(name) + '`: each output needs a file of its own'})
    taken.set(name, key)
  }
  return problems
}
