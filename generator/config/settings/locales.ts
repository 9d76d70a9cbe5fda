/** settings/locales: a configuration in, the problems of its locale tags out — each key of `locales` and `defaultLocale` must be a BCP 47 tag, and no locale's document may be the default locale's. */
import {checkLocaleTag, defaultLocaleTag} from '../../locales/tags.js'
import type {ConfigFile} from '../../types.js'

/** A problem of the configuration's locales: the path of the key (or value) it is about, and the reason. */
export interface LocaleProblem {
  readonly path: ReadonlyArray<string>
  readonly reason: string
}

/** The problems of the configuration's locale tags; none when they are valid. */
export function localeProblems(config: ConfigFile): Array<LocaleProblem> {
  const problems: Array<LocaleProblem> = []
  const tag = (written: string, path: ReadonlyArray<string>, what: string): string | undefined => {
    const checked = checkLocaleTag(written)
    if (checked.invalid === undefined) return checked.tag
    problems.push({path, reason: 'Unexpected locale tag `' + written + '` ' + what + ', expected ' + checked.invalid})
    return undefined
  }
  const defaultTag = config.defaultLocale === undefined ? defaultLocaleTag : tag(config.defaultLocale, ['defaultLocale'], 'for `defaultLocale`')
  for (const key of Object.keys(config.locales ?? {})) {
    const checked = tag(key, ['locales', key], 'in `locales`')
    if (checked !== undefined && checked === defaultTag) {
      problems.push({path: ['locales', key], reason: 'Unexpected locale `' + key + '` in `locales`, expected another than the default locale (`' + defaultTag + '`), whose messages are the input\'s'})
    }
  }
  return problems
}
