/** errgen/remark with localized messages: the editor reports the locale rules the command reports (a tag that is no locale tag, a translation with other parameters, missing translations), and reads the default locale from the options. */
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import {VFile} from 'vfile'
import {describe, expect, test} from 'vitest'
import remarkErrgen, {type Options} from '../../generator/remark/index.js'

/** The messages of running the plugin on a document: `line:column severity reason ruleId source`. */
async function messagesOf(markdown: string, options?: Options): Promise<Array<string>> {
  const file = new VFile({path: 'errors.md', value: markdown})
  const processor = unified().use(remarkParse).use(remarkErrgen, options)
  await processor.run(processor.parse(file), file)
  return file.messages.map((message) => [message.line + ':' + message.column, message.fatal ? 'error' : 'warning', message.reason, message.ruleId, message.source].join(' | '))
}

const page = [
  '| Code | Message | Message (fr) | Message (de_AT) |',
  '| --- | --- | --- | --- |',
  '| 1 | User {email} not found | Utilisateur {mail} introuvable | Benutzer {email} nicht gefunden |',
  '| 2 | Conflict | | Konflikt |',
  ''
].join('\n')

describe('remarkErrgen on a page with translations', () => {
  test('reports the locale rules at their cells, as the command does', async () => {
    expect(await messagesOf(page)).toEqual([
      '1:35 | error | Unexpected locale tag `de_AT` in header `Message (de_AT)`, expected a language of 2 or 3 letters, then an optional script, region and variants separated by `-` (BCP 47: `fr`, `de-DE`, `zh-Hant-TW`): write `de-AT`; the column is not read | invalid-locale | errgen',
      '3:32 | error | Unexpected parameter `{mail}` in the fr translation of the message of code 1, expected exactly those of the message: parameter `{email}` | translation-params | errgen',
      '4:1 | warning | Missing fr translation of 1 code (2), expected a message in every locale: the en message is used for it | missing-translation | errgen'
    ])
  })

  test('the rules\' settings apply: missing-translation can be turned off, translation-params cannot', async () => {
    const messages = await messagesOf(page.replace('(de_AT)', '(de-AT)'), {rules: {'missing-translation': 'off'}})
    expect(messages.map((message) => message.split(' | ')[3])).toEqual(['translation-params'])
    const refused = await messagesOf(page, {rules: {'translation-params': 'off'}} as unknown as Options)
    expect(refused.map((message) => message.split(' | ')[3])).toEqual(['config-schema'])
  })

  test('a column tagged with the default locale of the options is the Message column', async () => {
    const markdown = '| Code | Meldung (de) | Message (en) |\n| --- | --- | --- |\n| 1 | Nicht gefunden | |\n'
    expect(await messagesOf(markdown, {defaultLocale: 'de'})).toEqual([
      '3:1 | warning | Missing en translation of 1 code (1), expected a message in every locale: the de message is used for it | missing-translation | errgen'
    ])
  })
})
