/** targets: nothing in, the registry of output targets out — the one list of them, and what the other stages loop over: the output kinds and their file names, each target's settings and their schema, the readers in order, the naming rule. */
import type {CodeKind} from '../types.js'
import {dictionary} from './dictionary/index.js'
import {go} from './go/index.js'
import {jsonSchema} from './json-schema/index.js'
import {openapi} from './openapi/index.js'
import {python} from './python/index.js'
import type {Refusal, SettingsContext, Target} from './target.js'
import {typescript} from './typescript/index.js'

/** Every output target, in the order their outputs are emitted and listed: adding a target is one line here. */
export const targets = [typescript, jsonSchema, openapi, python, go, dictionary] as const

/** A target of the registry, with its own key and settings. */
export type AnyTarget = (typeof targets)[number]

/** Which output a file is: a target's key. */
export type OutputKind = AnyTarget['key']

/** Each output's file name, or false when it is off. */
export type OutputNames = {readonly [Kind in OutputKind]: string | false}

/** The targets that have settings of their own. */
type SettingsTarget = Extract<AnyTarget, {readonly settings: object}>

/** Each target's resolved settings, under its key (`typescript: {style}`, `openapi: {title, version}`). */
export type TargetSettingsValues = {readonly [T in SettingsTarget as T['key']]: ReturnType<T['settings']['resolve']>}

/** Each target's settings as a configuration writes them, under its key. */
export type WrittenTargetSettings = {readonly [T in SettingsTarget as T['key']]?: NonNullable<Parameters<T['settings']['resolve']>[0]>}

/** Every target of the registry checked against the shape: one that lacks a part (its read-back, its names) does not compile. */
const registry: ReadonlyArray<Target<OutputKind>> = targets

/** The target of an output kind. */
export function targetOf(kind: OutputKind): Target<OutputKind> {
  const target = registry.find((item) => item.key === kind)
  if (!target) throw new Error('expected a target for the output kind ' + kind)
  return target
}

/** The output names: the configured ones (`true` for the default name), else each target's default name when it is on by default. */
export function resolveOutputs(written: {readonly [Kind in OutputKind]?: string | boolean} | undefined, baseName: string): OutputNames {
  const names: Partial<Record<OutputKind, string | false>> = {}
  for (const target of registry) {
    const given = written?.[target.key]
    names[target.key] = typeof given === 'string' ? given : (given ?? target.enabledByDefault) ? target.defaultName(baseName) : false
  }
  return names as OutputNames
}

/** Each target's settings, resolved from what the configuration writes under its key. */
export function resolveTargetSettings(
  written: WrittenTargetSettings,
  outputs: OutputNames,
  context: Omit<SettingsContext, 'outputName'>
): TargetSettingsValues {
  const settings: Record<string, unknown> = {}
  const values: Readonly<Record<string, unknown>> = written
  for (const target of registry) {
    if (target.settings) settings[target.key] = target.settings.resolve(values[target.key], {...context, outputName: outputs[target.key]})
  }
  return settings as TargetSettingsValues
}

/**
 * The configuration's JSON Schema with the targets' parts: a file name (or `true`, or `false`) per target under
 * `outputs`, and each target's settings key after it.
 */
export function withTargetSchemas(base: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const properties = base['properties'] as Readonly<Record<string, Readonly<Record<string, unknown>>>>
  const outputs = {...properties['outputs'], properties: Object.fromEntries(registry.map((target) => [target.key, {$ref: '#/$defs/outputName'}]))}
  const entries = Object.entries(properties).flatMap(([key, value]) => {
    if (key !== 'outputs') return [[key, value]]
    return [[key, outputs], ...registry.flatMap((target) => (target.settings ? [[target.key, target.settings.schema]] : []))]
  })
  return {...base, properties: Object.fromEntries(entries)}
}

/**
 * The targets in the order their outputs are read back: for `--against DIR` the most complete first (one that knows
 * the columns, then one whose texts keep their links), for the names every run keeps the cheapest first; the
 * registry's order among equals.
 */
export function readingOrder(purpose: 'complete' | 'cheap'): Array<Target<OutputKind>> {
  const score = ({readBack}: Target<OutputKind>): number => (purpose === 'cheap' ? readBack.cost : -((readBack.knowsColumns ? 2 : 0) + (readBack.linkedTexts ? 1 : 0)))
  return [...registry].sort((a, b) => score(a) - score(b))
}

/** The kinds of output a file name can be, by its extension (`.json`: a JSON Schema, or another JSON target's). */
export function kindsOfName(name: string): Array<OutputKind> {
  return registry.filter((target) => target.matchesName(name)).map((target) => target.key)
}

/** The targets whose outputs the options turn on, in the registry's order. */
export function enabledTargets(outputs: OutputNames): Array<Target<OutputKind>> {
  return registry.filter((target) => outputs[target.key] !== false)
}

/** Why a name is reserved in one of the enabled targets, and which. */
export interface Reservation {
  readonly title: string
  readonly reason: string
}

/** What the enabled targets say of the entries' names: what each reserves, how it spells them, what its settings refuse. */
export interface NamingRule {
  /** What `reserved` and `spellings` depend on, written out: the code kind and the enabled targets. */
  readonly key: string
  /** Why the name is reserved, one reason per distinct reason of the enabled targets; empty when none reserves it. */
  readonly reserved: (name: string) => Array<Reservation>
  /** How the enabled targets that spell names their own way spell this one (`Go`: `CodeCardDeclined`). */
  readonly spellings: (name: string) => Array<{readonly title: string, readonly spelled: string}>
  /** Why the settings refuse a name (the TypeScript const style), or undefined. */
  readonly refused: (name: string) => Refusal | undefined
  /** Why an enabled target cannot hold a code, or undefined. */
  readonly reservedCode: (code: string) => Reservation | undefined
}

/** What the naming rule is made of: the outputs (by default, the targets on by default) and the targets' settings. */
export type NamingOptions = {readonly outputs?: OutputNames | undefined} & {readonly [Key in keyof TargetSettingsValues]?: TargetSettingsValues[Key] | undefined}

/** The naming rule of the enabled targets: the same for all of them, so that one code has one name everywhere. */
export function namingRule(options: NamingOptions, codeKind: CodeKind): NamingRule {
  const enabled = options.outputs ? enabledTargets(options.outputs) : registry.filter((target) => target.enabledByDefault)
  const settingsOf: Readonly<Record<string, unknown>> = options
  const spelling = enabled.filter((target) => target.names.spell !== undefined)
  return {
    key: codeKind + '\0' + enabled.map((target) => target.key).join(','),
    reserved: (name) => {
      const found = enabled.flatMap((target) => {
        const reason = target.names.reserved(name, codeKind)
        return reason === undefined ? [] : [{title: target.title, reason}]
      })
      return found.filter((item, index) => found.findIndex((other) => other.reason === item.reason) === index)
    },
    spellings: (name) => spelling.map((target) => ({title: target.title, spelled: target.names.spell?.(name) ?? name})),
    refused: (name) => {
      for (const target of enabled) {
        const settings = settingsOf[target.key]
        const refusal = settings === undefined ? undefined : target.names.refused?.(name, settings)
        if (refusal) return refusal
      }
      return undefined
    },
    reservedCode: (code) => {
      for (const target of enabled) {
        const reason = target.names.reservedCode?.(code)
        if (reason !== undefined) return {title: target.title, reason}
      }
      return undefined
    }
  }
}
