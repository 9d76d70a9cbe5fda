/** The README's diagnostics table: every rule id the fixtures print is listed with its severity, every listed rule is one errgen has, and every example message is one a fixture or a test asserts, word for word. */
import {readdir, readFile} from 'node:fs/promises'
import path from 'node:path'
import {expect, test} from 'vitest'
import {root} from './support/helpers.js'

/** Rule id → severity, as the fixtures' diagnostics print them, and the diagnostics' text. */
async function printedRules(): Promise<{rules: Map<string, string>, text: string}> {
  const fixtures = path.join(root, 'test', 'fixtures')
  const rules = new Map<string, string>()
  let text = ''
  for (const name of await readdir(fixtures)) {
    const diagnostics = await readFile(path.join(fixtures, name, 'diagnostics.txt'), 'utf8')
    text += diagnostics
    for (const [, severity, ruleId] of diagnostics.matchAll(/^\S+ {2}(error|warning) {2}.+ {2}([a-z0-9-]+)$/gm)) {
      rules.set(ruleId as string, severity as string)
    }
  }
  return {rules, text}
}

/** The text of every file of a directory whose name ends in `ending`. */
async function textOf(directory: string, ending: string): Promise<string> {
  const names = (await readdir(path.join(root, directory), {recursive: true})).filter((name) => name.endsWith(ending))
  const texts = await Promise.all(names.map((name) => readFile(path.join(root, directory, name), 'utf8')))
  return texts.join('\n')
}

/** The rows of the README's rule table. */
async function documentedRules(): Promise<Array<{ruleId: string, severity: string, meaning: string, example: string}>> {
  const readme = await readFile(path.join(root, 'README.md'), 'utf8')
  const table = readme.split('| rule id | severity | meaning | example message |\n| --- | --- | --- | --- |\n')[1]?.split('\n\n')[0] || ''
  return table.split('\n').map((line) => {
    const [ruleId = '', severity = '', meaning = '', example = ''] = line.slice(2, -2).split(' | ')
    return {ruleId: ruleId.replaceAll('`', ''), severity, meaning, example}
  })
}

test('the README lists every rule id, with its severity and an example message errgen really prints', async () => {
  const printed = await printedRules()
  const documented = await documentedRules()
  const source = await textOf('generator', '.ts')
  const asserted = printed.text + (await textOf('test', '.test.ts'))
  const bySeverity = new Map(documented.map(({ruleId, severity}) => [ruleId, severity]))

  for (const [ruleId, severity] of printed.rules) expect(bySeverity.get(ruleId), ruleId).toBe(severity)
  for (const {ruleId, meaning, example} of documented) {
    expect(source, ruleId + ' is a rule id of errgen').toContain("'" + ruleId + "'")
    expect(meaning, ruleId).not.toBe('')
    expect(example, ruleId).toMatch(/^`.+`$/)
    const message = example.replace(/^``? ?|`? ?`$/g, '').trim()
    expect(asserted, ruleId + ': its example is asserted by a fixture or a test').toContain(message)
  }
})
