/** The rule registry: the README's rule table is exactly the registry, row for row, and every rule errgen's sources raise is in it. */
import {readdir, readFile} from 'node:fs/promises'
import path from 'node:path'
import {expect, test} from 'vitest'
import {type Rule, rules} from '../../generator/diagnostics/rules.js'
import {root} from '../support/helpers.js'

/** A markdown code span holding `text` (doubled backticks, padded, when the text has backticks). */
function codeSpan(text: string): string {
  if (!text.includes('`')) return '`' + text + '`'
  return '``' + (text.startsWith('`') ? ' ' : '') + text + (text.endsWith('`') ? ' ' : '') + '``'
}

/** The README row of a rule. */
function row(id: string, rule: Rule): string {
  return '| `' + id + '` | ' + rule.severity + ' | ' + rule.meaning + ' | ' + codeSpan(rule.example) + ' |'
}

test("the README's rule table is the registry, row for row", async () => {
  const readme = await readFile(path.join(root, 'README.md'), 'utf8')
  const [, after = ''] = readme.split('| rule id | severity | meaning | example message |\n| --- | --- | --- | --- |\n')
  const table = after.split('\n\n')[0]?.split('\n') ?? []
  expect(table).toEqual(Object.entries(rules).map(([id, rule]) => row(id, rule)))
})

test('every rule id in the sources is a registered rule, and every registered rule is raised somewhere', async () => {
  const directory = path.join(root, 'generator')
  const names = (await readdir(directory, {recursive: true})).filter((name) => name.endsWith('.ts') && !name.endsWith('rules.ts'))
  const sources = await Promise.all(names.map((name) => readFile(path.join(directory, name), 'utf8')))
  const text = sources.join('\n')
  for (const id of Object.keys(rules)) expect(text, id + ' is raised by some module').toContain("'" + id + "'")
  const raised = [...text.matchAll(/(?:error|warning|info|breaking)\([^()]*(?:\([^()]*\)[^()]*)*'([a-z0-9]+(?:-[a-z0-9]+)+)'/g)].map((match) => match[1])
  expect(raised.length).toBeGreaterThan(20)
  for (const id of raised) expect(Object.keys(rules), String(id)).toContain(id)
})
