/** locales/tags: a locale tag or a header's text in, the tag's canonical form (or why it is none) and the locale a header names out — `Message (fr)`, `Message [de-DE]`, `Сообщение (ru)`. */
import {defaultLocale} from '../config/defaults.js'

/** The default locale: that of the messages without a tag, when the configuration names none. */
export const defaultLocaleTag = defaultLocale

/** A BCP 47 tag's shape: a language, then an optional script, region and variants. */
const bcp47 = /^[a-z]{2,3}(?:-[a-z]{4})?(?:-(?:[a-z]{2}|\d{3}))?(?:-(?:[a-z\d]{5,8}|\d[a-z\d]{3}))*$/i

/** What a header's parenthesized text must look like to be read as a locale tag at all: letters first, then subtags. */
const tagLike = /^[A-Za-z]{2,3}(?:[-_][A-Za-z\d]{1,8})*$/

/** A header split into its name and the tag after it, in parentheses or brackets: `Message (fr)` → `Message`, `fr`. */
const taggedHeader = /^(.+?)\s*(?:\(\s*([^()]+?)\s*\)|\[\s*([^[\]]+?)\s*\])$/u

/** A tag in its canonical case (`de-DE`, `zh-Hant-TW`), or why it is not a BCP 47 tag. */
export function checkLocaleTag(tag: string): {tag: string, invalid?: string} {
  if (!bcp47.test(tag)) {
    const hint = tag.includes('_') ? ': write `' + tag.replace(/_/g, '-') + '`' : ''
    return {tag, invalid: 'a language of 2 or 3 letters, then an optional script, region and variants separated by `-` (BCP 47: `fr`, `de-DE`, `zh-Hant-TW`)' + hint}
  }
  return {tag: canonicalCase(tag)}
}

/** A valid tag in BCP 47's conventional case: language lower case, script title case, region upper case. */
function canonicalCase(tag: string): string {
  return tag.split('-').map((subtag, index) => {
    if (index === 0) return subtag.toLowerCase()
    if (/^[a-z]{4}$/i.test(subtag)) return subtag.charAt(0).toUpperCase() + subtag.slice(1).toLowerCase()
    if (/^[a-z]{2}$/i.test(subtag)) return subtag.toUpperCase()
    return subtag.toLowerCase()
  }).join('-')
}

/** A header's name and locale tag as written, when it ends with one in parentheses or brackets that looks like a tag. */
export function splitLocaleHeader(text: string): {name: string, tag: string} | undefined {
  const match = taggedHeader.exec(text.trim())
  const tag = match?.[2] ?? match?.[3]
  if (!match?.[1] || tag === undefined || !tagLike.test(tag)) return undefined
  return {name: match[1], tag}
}
