/** The problem form in the API contract: against a real git revision or a directory of earlier outputs, a code whose problem type URI changed is the breaking change `changed-problem-type`; `--check` names the codes whose type changed; release notes list it; a catalog without the problem form compares as before. */
import {execFileSync} from 'node:child_process'
import {cp, readFile, writeFile} from 'node:fs/promises'
import path from 'node:path'
import {describe, expect, test} from 'vitest'
import type {Diagnostic} from '../../generator/types.js'
import {project, runInProcess} from '../support/helpers.js'

/** A project holding the seed (edited by `change`) and a configuration, committed to a new git repository. */
async function repository(config: object, change: (text: string) => string = (text) => text): Promise<string> {
  const directory = await project(config)
  await edit(directory, 'input/error-codes.md', change)
  for (const args of [['init', '--quiet'], ['add', '.'], ['commit', '--quiet', '--message', 'seed']]) {
    execFileSync('git', ['-c', 'user.name=errgen', '-c', 'user.email=errgen@localhost', ...args], {cwd: directory})
  }
  return directory
}

/** Edit a file of the project with a function of its text. */
async function edit(directory: string, file: string, change: (text: string) => string): Promise<void> {
  const absolute = path.join(directory, file)
  await writeFile(absolute, change(await readFile(absolute, 'utf8')))
}

/** Run errgen and keep the contract's messages (not the seed's own warnings). */
async function compare(directory: string, args: Array<string>): Promise<{code: number, lines: Array<string>}> {
  const result = await runInProcess([...args, '--format', 'json'], directory)
  const contract = (JSON.parse(result.stdout) as Array<Diagnostic>).filter((message) => !/^duplicate-/.test(message.ruleId))
  return {code: result.code, lines: contract.map((d) => `${d.file}:${d.line}:${d.column}  ${d.severity}  ${d.message}  ${d.ruleId}`)}
}

const byName = {problem: {type: 'https://docs.example.com/errors/{name}'}}
const byCode = {problem: {type: 'https://docs.example.com/errors#{code}'}}

describe('--against a git revision', () => {
  test('a rename under a {name} template changes the problem type: breaking, at the code cell', async () => {
    const directory = await repository(byName)
    await edit(directory, 'input/error-codes.md', (text) => text.replace('*type missing*', '*type parameter missing*'))
    expect(await compare(directory, ['--against', 'HEAD'])).toEqual({
      code: 1,
      lines: [
        'input/error-codes.md:8:12  error  Problem type of code 1001 changed from `https://docs.example.com/errors/TypeMissing` to `https://docs.example.com/errors/TypeParameterMissing` since HEAD; problem types are identifiers clients match on: keep the old URI  changed-problem-type',
        'input/error-codes.md:8:23  error  Name of code 1001 changed from `TypeMissing` to `TypeParameterMissing` since HEAD; keep the old name with a Name column (run again with --pin-names to write it) or accept the new one with --allow-breaking  renamed-code',
        'input/error-codes.md:8:23  info  Message of code 1001 edited since HEAD  edited-message'
      ]
    })
  })

  test('a retitled heading under a {heading} template changes the type of every code below it; --allow-breaking makes them warnings', async () => {
    const directory = await repository({problem: {type: 'https://docs.example.com/{heading}#{code}'}}, (text) => text.replace('#Error Codes#', '# Error codes'))
    await edit(directory, 'input/error-codes.md', (text) => text.replace('# Error codes', '# Errors'))
    const {code, lines} = await compare(directory, ['--against', 'HEAD'])
    expect(code).toBe(1)
    expect(lines).toHaveLength(39)
    expect(lines[0]).toBe(
      'input/error-codes.md:7:12  error  Problem type of code 1000 changed from `https://docs.example.com/error-codes#1000` to `https://docs.example.com/errors#1000` since HEAD; problem types are identifiers clients match on: keep the old URI  changed-problem-type'
    )
    expect(lines.every((line) => line.endsWith('  changed-problem-type'))).toBe(true)
    const allowed = await compare(directory, ['--against', 'HEAD', '--allow-breaking'])
    expect(allowed.code).toBe(0)
    expect(allowed.lines.every((line) => line.includes('  warning  '))).toBe(true)
  })

  test('under a {code} template a rename leaves the type as it was', async () => {
    const directory = await repository(byCode)
    await edit(directory, 'input/error-codes.md', (text) => text.replace('*type missing*', '*type parameter missing*'))
    const {lines} = await compare(directory, ['--against', 'HEAD'])
    expect(lines.map((line) => line.split('  ').at(-1))).toEqual(['renamed-code', 'edited-message'])
  })

  test('release notes list the changed type among the breaking changes', async () => {
    const directory = await repository(byName)
    await edit(directory, 'input/error-codes.md', (text) => text.replace('*type missing*', '*type parameter missing*'))
    const result = await runInProcess(['--against', 'HEAD', '--format', 'markdown', '--allow-breaking'], directory)
    expect(result.stdout).toContain('- Problem type of code 1001 changed from `https://docs.example.com/errors/TypeMissing` to `https://docs.example.com/errors/TypeParameterMissing` since HEAD;')
  })
})

describe('--against a directory of earlier outputs', () => {
  test.each([
    ['the OpenAPI document', {}],
    ['the TypeScript', {outputs: {openapi: false}}],
    ['the JSON Schema', {outputs: {openapi: false, typescript: false}}]
  ])('another template is read back from %s: every code breaking', async (_, outputs) => {
    const directory = await project({...byCode, ...outputs})
    expect((await runInProcess([], directory)).code).toBe(0)
    await cp(path.join(directory, 'output'), path.join(directory, 'release-1'), {recursive: true})
    await writeFile(path.join(directory, 'errgen.config.json'), JSON.stringify({...byName, ...outputs}))
    const {code, lines} = await compare(directory, ['--against', 'release-1'])
    expect(code).toBe(1)
    expect(lines).toHaveLength(39)
    expect(lines[1]).toBe(
      'input/error-codes.md:8:12  error  Problem type of code 1001 changed from `https://docs.example.com/errors#1001` to `https://docs.example.com/errors/TypeMissing` since release-1; problem types are identifiers clients match on: keep the old URI  changed-problem-type'
    )
  })

  test('outputs without the problem form compare as before when it is turned on: nothing breaks', async () => {
    const directory = await project()
    expect((await runInProcess([], directory)).code).toBe(0)
    await cp(path.join(directory, 'output'), path.join(directory, 'release-1'), {recursive: true})
    await writeFile(path.join(directory, 'errgen.config.json'), JSON.stringify(byCode))
    expect(await compare(directory, ['--against', 'release-1'])).toEqual({code: 0, lines: []})
  })
})

describe('--check', () => {
  test('a changed template makes every output stale, naming the codes whose type changed', async () => {
    const directory = await project(byCode)
    expect((await runInProcess([], directory)).code).toBe(0)
    await writeFile(path.join(directory, 'errgen.config.json'), JSON.stringify(byName))
    const result = await runInProcess(['--check'], directory)
    expect(result.code).toBe(1)
    for (const output of ['error-codes.ts', 'error-codes.schema.json', 'error-codes.openapi.yaml']) {
      expect(result.stderr).toContain('output/' + output + ' is stale: codes 1000 (type), 1001 (type), 1002 (type), 1003 (type), 1004 (type), 1005 (type), 1006 (type), 1100 (type) and 31 more changed')
    }
  })
})
