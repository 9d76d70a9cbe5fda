/** The locale settings of the configuration: `locales` keys and `defaultLocale` checked as BCP 47 tags, each problem a located invalid-locale error (nothing read meanwhile), and valid ones resolved in canonical case with the documents relative to the configuration. */
import path from 'node:path'
import {VFile} from 'vfile'
import {describe, expect, test} from 'vitest'
import {checkConfig} from '../../generator/config/check.js'
import {resolve} from '../../generator/config/resolve.js'
import {messageLine} from '../../generator/diagnostics/report.js'

/** The messages of checking a configuration's text, and whether it passed. */
function check(text: string): {ok: boolean, messages: Array<string>} {
  const file = new VFile({path: 'errgen.config.json', value: text})
  const config = checkConfig(file, [])
  return {ok: config !== undefined, messages: file.messages.map((message) => messageLine(message))}
}

const shape = 'a language of 2 or 3 letters, then an optional script, region and variants separated by `-` (BCP 47: `fr`, `de-DE`, `zh-Hant-TW`)'

const cases: Array<[string, {given: string, want: Array<string>}]> = [
  ['an underscore in a key of locales', {
    given: '{\n  "locales": {"pt_BR": "errors.pt.md"}\n}',
    want: ['errgen.config.json:2:15-2:22  error  Unexpected locale tag `pt_BR` in `locales`, expected ' + shape + ': write `pt-BR`  invalid-locale']
  }],
  ['a word as the default locale', {
    given: '{"defaultLocale": "english"}',
    want: ['errgen.config.json:1:2-1:17  error  Unexpected locale tag `english` for `defaultLocale`, expected ' + shape + '  invalid-locale']
  }],
  ['the default locale among the locales', {
    given: '{"defaultLocale": "de", "locales": {"DE": "errors.de.md"}}',
    want: ['errgen.config.json:1:37-1:41  error  Unexpected locale `DE` in `locales`, expected another than the default locale (`de`), whose messages are the input\'s  invalid-locale']
  }],
  ['a locale without its document', {
    given: '{"locales": {"fr": ""}}',
    want: ['errgen.config.json:1:20-1:22  error  Unexpected empty string for `locales.fr`, expected text  config-schema']
  }]
]

describe('locale settings', () => {
  test.each(cases)('%s', (_, {given, want}) => {
    expect(check(given)).toEqual({ok: false, messages: want})
  })

  test('valid tags pass, resolved in canonical case with their documents relative to the configuration', () => {
    const text = '{"input": "docs/errors.md", "defaultLocale": "EN-gb", "locales": {"zh-hant-tw": "docs/errors.zh.md", "fr": "docs/errors.fr.md"}}'
    const checked = check(text)
    expect(checked).toEqual({ok: true, messages: []})
    const config = resolve(JSON.parse(text), {}, {cwd: '/project', base: '/project/site', version: undefined})
    expect(config.defaultLocale).toBe('en-GB')
    expect(config.locales).toEqual({'zh-Hant-TW': path.join('site', 'docs', 'errors.zh.md'), fr: path.join('site', 'docs', 'errors.fr.md')})
  })

  test('a configuration without locales resolves without them', () => {
    const config = resolve({}, {}, {cwd: '/project', base: '/project', version: undefined})
    expect('locales' in config || 'defaultLocale' in config).toBe(false)
  })
})
