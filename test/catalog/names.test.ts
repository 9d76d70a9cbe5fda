/** names: identifiers from messages and from HTTP statuses, as given/want tables; a message's naming in one pass, against the separate derivations. */
import fc from 'fast-check'
import {describe, expect, test} from 'vitest'
import {hasNonAsciiLetters, identifierPattern, isMostlyNonAscii, messageNaming, nameWords, pascalCase, statusName} from '../../generator/catalog/names.js'

describe('pascalCase', () => {
  const cases: Array<[string, {given: string; want: string}]> = [
    ['words and underscores', {given: 'access_token missing', want: 'AccessTokenMissing'}],
    ['seed example', {given: 'secret or client_id invalid', want: 'SecretOrClientIdInvalid'}],
    ['acronyms keep their case', {given: 'invalid JSON mapping', want: 'InvalidJSONMapping'}],
    ['apostrophes join', {given: "user's email isn’t set", want: 'UsersEmailIsntSet'}],
    ['accents are dropped', {given: 'requête échouée', want: 'RequeteEchouee'}],
    ['Latin letters no accent makes', {given: 'Nieprawidłowy kod, außerhalb, đơn hàng, søknad', want: 'NieprawidlowyKodAusserhalbDonHangSoknad'}],
    ['a leading digit gets an underscore', {given: '3ds failed', want: '_3dsFailed'}],
    ['punctuation separates words', {given: 'rate-limit/exceeded (retry)', want: 'RateLimitExceededRetry'}],
    ['no letters or digits', {given: '¿?! 🙂', want: ''}],
    ['non-Latin text only', {given: '无效的请求', want: ''}]
  ]
  test.each(cases)('%s', (_, {given, want}) => {
    expect(pascalCase(given)).toBe(want)
    if (want) expect(want).toMatch(identifierPattern)
  })
})

describe('isMostlyNonAscii: a few ASCII words among other letters do not name a message', () => {
  const cases: Array<[string, {given: string, want: boolean}]> = [
    ['Cyrillic with an acronym', {given: 'Ошибка API', want: true}],
    ['Chinese with an acronym', {given: 'CDN 节点回源失败', want: true}],
    ['Japanese with a product name', {given: 'OAuth トークンが無効です', want: true}],
    ['as many of each', {given: 'CDN エラー', want: true}],
    ['English with a Hebrew phrase', {given: 'emoji and RTL שלום עולם', want: false}],
    ['accented Latin', {given: 'Créneau déjà réservé', want: false}],
    ['Polish', {given: 'Nieprawidłowy kod pocztowy', want: false}]
  ]
  test.each(cases)('%s', (_, {given, want}) => {
    expect(isMostlyNonAscii(given)).toBe(want)
  })
})

describe('statusName', () => {
  const cases: Array<[number, string]> = [
    [400, 'BadRequest'],
    [402, 'PaymentRequired'],
    [413, 'PayloadTooLarge'],
    [418, 'ImATeapot'],
    [502, 'BadGateway'],
    [599, 'Status599']
  ]
  test.each(cases)('%i is %s', (given, want) => {
    expect(statusName(given)).toBe(want)
  })
})

describe('messageNaming: one pass over a message gives what the separate derivations give', () => {
  const letters = fc.constantFrom('a', 'Z', 'é', 'ł', 'ß', 'Ö', '节', 'ш', 'Ω', ' ', '_', '(', ')', 's', '1', "'", '\u2019', '-', 'ﬁ')
  test('the name, its words and its non-ASCII letters, the first time and when kept', () => {
    fc.assert(
      fc.property(fc.array(letters, {maxLength: 24}).map((chars) => chars.join('')), (text) => {
        const want = {
          name: pascalCase(text),
          words: nameWords(text).length,
          nonAscii: isMostlyNonAscii(text) ? 'mostly' : hasNonAsciiLetters(text) ? 'some' : 'none'
        }
        expect(messageNaming(text)).toEqual(want)
        expect(messageNaming(text)).toEqual(want)
      }),
      {numRuns: 500}
    )
  })
})
