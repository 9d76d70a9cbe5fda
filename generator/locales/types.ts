/** locales/types: nothing in, the types of localized messages out — an entry's translation, a catalog's locales and which messages a body's schema accepts. */
import type {EntryTemplates} from '../params/types.js'

/** An entry's message and resolve text in one locale: a resolve text without a translation is the default locale's. */
export interface Translation {
  readonly message: string
  readonly resolve?: string | undefined
  /** Its templates, when the entry has parameters. */
  readonly templates?: EntryTemplates | undefined
}

/** The locales of a catalog with translations: the default one (of the untagged messages) and the others, sorted. */
export interface CatalogLocales {
  readonly default: string
  readonly others: readonly string[]
}

/** Which messages a body's schema accepts for a code with translations. */
export type BodyMessages = 'localized' | 'any'
