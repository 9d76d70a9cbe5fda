/** The README's diagnostics table against the fixtures: every rule id errgen prints is listed, with its severity and an example message, and no other. */
import {readdir, readFile} from 'node:fs/promises'
import path from 'node:path'
import {expect, test} from 'vitest'
import {root} from './helpers.js'

/**
 * Rule id → severity, as the fixtures' diagnostics print them.
 *
 * @returns {Promise<Map<string, string>>}
 */
async function printedRules() {
  const fixtures = path.join(root, 'test', 'fixtures')
  /** @type {Map<string, string>} */
  const rules = new Map()
  for (const name of await readdir(fixtures)) {
    const diagnostics = await readFile(path.join(fixtures, name, 'diagnostics.txt'), 'utf8')
    for (const [, severity, ruleId] of diagnostics.matchAll(/^\S+ {2}(error|warning) {2}.+ {2}([a-z0-9-]+)$/gm)) {
      rules.set(/** @type {string} */ (ruleId), /** @type {string} */ (severity))
    }
  }
  return rules
}

/**
 * The rows of the README's rule table.
 *
 * @returns {Promise<Array<{ruleId: string, severity: string, meaning: string, example: string}>>}
 */
async function documentedRules() {
  const readme = await readFile(path.join(root, 'README.md'), 'utf8')
  const table = readme.split('| rule id | severity | meaning | example message |\n| --- | --- | --- | --- |\n')[1]?.split('\n\n')[0] || ''
  return table.split('\n').map((line) => {
    const [ruleId = '', severity = '', meaning = '', example = ''] = line.slice(2, -2).split(' | ')
    return {ruleId: ruleId.replaceAll('`', ''), severity, meaning, example}
  })
}

test('the README lists every rule id the fixtures print, with its severity and an example message, and no other', async () => {
  const printed = await printedRules()
  const documented = await documentedRules()
  expect(new Map(documented.map(({ruleId, severity}) => [ruleId, severity]))).toEqual(printed)
  for (const {ruleId, meaning, example} of documented) {
    expect(meaning, ruleId).not.toBe('')
    expect(example, ruleId).toMatch(/^`.+`$/)
  }
})
