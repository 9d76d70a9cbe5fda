/** The habits users bring from eslint and remark-cli: documents as arguments, --max-warnings and --frail, the configuration's per-rule `rules` (the command as the bin runs it, in this process), and a progress line on a terminal (the built bin under util-linux `script`, which gives the run a pseudo-terminal, the line shown from the run's start). */
import {execFile} from 'node:child_process'
import {existsSync} from 'node:fs'
import {mkdir, readdir, readFile, writeFile} from 'node:fs/promises'
import path from 'node:path'
import {describe, expect, test} from 'vitest'
import {adjustableRuleIds} from '../../generator/diagnostics/rules.js'
import {configSchema} from '../../generator/config/schema-io.js'
import {bin, project, readTree, runCli, runProcess, tempDirectory, type Outcome} from '../support/helpers.js'

/** The seed's five warnings, as the text format prints them. */
const seedWarnings = [
  'input/error-codes.md:19:23-19:41  warning  Name `BadAccessToken` is derived from the messages of codes 1105, 1106, 1107: named `BadAccessToken_1105`, `BadAccessToken_1106`, `BadAccessToken_1107`; add a Name column to choose the names  duplicate-name',
  'input/error-codes.md:20:23-20:41  warning  Duplicate message `bad access_token` of code 1106, first used by code 1105 at 19:23  duplicate-message',
  'input/error-codes.md:21:23-21:41  warning  Duplicate message `bad access_token` of code 1107, first used by code 1105 at 19:23  duplicate-message',
  'input/error-codes.md:22:23-22:37  warning  Name `InvalidType` is derived from the messages of codes 1108, 1503: named `InvalidType_1108`, `InvalidType_1503`; add a Name column to choose the names  duplicate-name',
  'input/error-codes.md:36:23-36:37  warning  Duplicate message `invalid type` of code 1503, first used by code 1108 at 22:23  duplicate-message'
]

describe('through the built bin', () => {
  test('a document as an argument, --max-warnings, --frail and a rule raised to an error: their exact lines and exit codes', async () => {
    const directory = await project()
    expect(await runProcess(['input/error-codes.md', '--max-warnings', '4'], directory)).toEqual({
      code: 1,
      stdout: '',
      stderr: seedWarnings.join('\n') + '\n⚠ 5 warnings\nerrgen: 5 warnings, more than 4 allowed: nothing written\n'
    })
    expect(await runProcess(['input/error-codes.md', '--frail', '--quiet'], directory)).toEqual({code: 1, stdout: '', stderr: 'errgen: 5 warnings, and --frail allows none: nothing written\n'})
    await writeFile(path.join(directory, 'errgen.config.json'), JSON.stringify({rules: {'duplicate-name': 'error', 'duplicate-message': 'off'}}))
    const raised = await runProcess(['input/error-codes.md', '--format', 'github'], directory)
    expect(raised.code).toBe(1)
    expect(raised.stdout).toBe(
      '::error file=input/error-codes.md,line=19,col=23,endLine=19,endColumn=41,title=duplicate-name::Name `BadAccessToken` is derived from the messages of codes 1105, 1106, 1107: named `BadAccessToken_1105`, `BadAccessToken_1106`, `BadAccessToken_1107`; add a Name column to choose the names\n' +
        '::error file=input/error-codes.md,line=22,col=23,endLine=22,endColumn=37,title=duplicate-name::Name `InvalidType` is derived from the messages of codes 1108, 1503: named `InvalidType_1108`, `InvalidType_1503`; add a Name column to choose the names\n'
    )
    expect(await readdir(directory)).toEqual(['errgen.config.json', 'input'])
  })
})

describe('documents as arguments', () => {
  test('`errgen FILE GLOB` is `-i FILE -i GLOB`: the same outputs, and then the fast path answers either form', async () => {
    const byFlag = await project()
    const byArgument = await project()
    await writeFile(path.join(byFlag, 'input', 'more.md'), '| HTTP | Code | Message | Resolve |\n| --- | --- | --- | --- |\n| 400 | 9001 | *extra* | Retry. |\n')
    await writeFile(path.join(byArgument, 'input', 'more.md'), await readFile(path.join(byFlag, 'input', 'more.md')))
    const flagged = await runCli(['-q', '-i', 'input/error-codes.md', '-i', 'input/m*.md'], byFlag)
    const argued = await runCli(['-q', 'input/error-codes.md', 'input/m*.md'], byArgument)
    expect([flagged.code, argued.code]).toEqual([0, 0])
    expect(await readTree(path.join(byArgument, 'output'))).toEqual(await readTree(path.join(byFlag, 'output')))
    expect(await readFile(path.join(byArgument, 'output', 'error-codes.ts'), 'utf8')).toContain('Extra = 9001')
    expect(await runCli(['--check', '-i', 'input/error-codes.md', 'input/m*.md'], byArgument)).toEqual({code: 0, stdout: '', stderr: ''})
  })
})

describe('--max-warnings and --frail', () => {
  test('more warnings than --max-warnings: exit 1, the warnings and one line, nothing written', async () => {
    const directory = await project()
    const result = await runCli(['--max-warnings', '4'], directory)
    expect(result).toEqual({code: 1, stdout: '', stderr: seedWarnings.join('\n') + '\n⚠ 5 warnings\nerrgen: 5 warnings, more than 4 allowed: nothing written\n'})
    expect(await readdir(directory)).toEqual(['input'])
    const within = await runCli(['--max-warnings', '5', '--quiet'], directory)
    expect(within).toEqual({code: 0, stdout: '', stderr: ''})
  })

  test('--frail fails on any warning, --check included; a bad count is a usage error', async () => {
    const directory = await project()
    expect((await runCli(['--quiet'], directory)).code).toBe(0)
    const checked = await runCli(['--check', '--frail'], directory)
    expect(checked).toEqual({code: 1, stdout: '', stderr: seedWarnings.join('\n') + '\n⚠ 5 warnings\nerrgen: 5 warnings, and --frail allows none\n'})
    const frail = await runCli(['--frail', '--quiet'], directory)
    expect(frail).toEqual({code: 1, stdout: '', stderr: 'errgen: 5 warnings, and --frail allows none: nothing written\n'})
    expect(await runCli(['--max-warnings', 'some'], directory)).toEqual({
      code: 2,
      stdout: '',
      stderr: 'errgen: --max-warnings takes a number of warnings (0 or more), not `some`\nTry `errgen --help`.\n'
    })
  })
})

describe('the configuration\'s rules', () => {
  test('"off" drops a rule\'s messages, "error" stops the run; --frail then passes', async () => {
    const quiet = await project({rules: {'duplicate-name': 'off', 'duplicate-message': 'off'}})
    expect(await runCli(['--frail'], quiet)).toMatchObject({code: 0, stderr: ''})
    expect(await readFile(path.join(quiet, 'output', 'error-codes.ts'), 'utf8')).toContain('BadAccessToken_1105 = 1105')

    const strict = await project({rules: {'duplicate-name': 'error'}})
    const result = await runCli([], strict)
    expect(result.code).toBe(1)
    expect(result.stderr.split('\n').filter((line) => line.includes('duplicate-name'))).toEqual([
      seedWarnings[0]?.replace('  warning  ', '  error  '),
      seedWarnings[3]?.replace('  warning  ', '  error  ')
    ])
    expect(result.stderr).toContain('✖ 2 errors, ⚠ 3 warnings\n')
    expect(await readdir(strict)).toEqual(['errgen.config.json', 'input'])
  })

  test('a rule that protects the data, an unknown rule and an unknown severity are located configuration errors', async () => {
    const directory = await project()
    await writeFile(path.join(directory, 'errgen.config.json'), '{\n  "rules": {\n    "duplicate-code": "off",\n    "nope": "warn",\n    "long-name": "fatal"\n  }\n}\n')
    const result = await runCli([], directory)
    const adjustable = adjustableRuleIds.join(', ')
    expect(result).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'errgen.config.json:3:5-3:21  error  Unexpected rule `duplicate-code` in `rules`: its errors protect the data, so it cannot be turned off or changed; expected one of ' + adjustable + '  config-schema\n' +
        'errgen.config.json:4:5-4:11  error  Unexpected key `nope` in `rules`, expected one of ' + adjustable + '  config-schema\n' +
        'errgen.config.json:5:18-5:25  error  Unexpected "fatal" for `rules.long-name`, expected one of "off", "warn", "error"  config-schema\n' +
        '✖ 3 errors\n'
    })
  })

  test('the configuration schema lists the adjustable rules, each with its meaning', () => {
    const ruleSchema = (configSchema['properties'] as Record<string, {properties: Record<string, {enum: Array<string>}>}>)['rules']
    expect(Object.keys(ruleSchema?.properties ?? {})).toEqual([...adjustableRuleIds])
    expect(adjustableRuleIds).toContain('duplicate-name')
    expect(adjustableRuleIds).not.toContain('duplicate-code')
    expect(ruleSchema?.properties['long-name']?.enum).toEqual(['off', 'warn', 'error'])
  })
})

/** util-linux `script`, which runs a command on a pseudo-terminal. */
const script = '/usr/bin/script'

/** Run the bin on a pseudo-terminal (its stdout and stderr both go to the terminal, which `script` copies to its stdout). */
function runOnTerminal(argv: ReadonlyArray<string>, cwd: string, env: Record<string, string | undefined>): Promise<Outcome> {
  const command = [process.execPath, bin, ...argv].map((word) => "'" + word.replace(/'/g, "'\\''") + "'").join(' ')
  return new Promise((resolve) => {
    execFile(script, ['-qec', command, '/dev/null'], {cwd, env: {...process.env, ...env}}, (error, stdout, stderr) =>
      resolve({code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr})
    )
  })
}

describe.skipIf(!existsSync(script))('progress on a terminal', () => {
  /**
   * A project whose one table has 1,000 rows; the runs show the line from their start (`ERRGEN_PROGRESS_AFTER_MS=0`)
   * instead of after a second, so that a run of any length shows it: nothing then shows in CI or with --quiet only
   * because they hide it.
   */
  async function largeProject(): Promise<string> {
    const directory = await tempDirectory()
    const rows = Array.from({length: 1000}, (_, index) => '| 400 | ' + (index + 1) + ' | *failure number ' + (index + 1) + '* | Retry. |')
    await mkdir(path.join(directory, 'input'))
    await writeFile(path.join(directory, 'input', 'error-codes.md'), '# Errors\n\n| HTTP | Code | Message | Resolve |\n| --- | --- | --- | --- |\n' + rows.join('\n') + '\n')
    return directory
  }

  /** The environment of a run on a terminal outside CI, the line shown from the run's start. */
  const fromStart = {CI: undefined, GITHUB_ACTIONS: undefined, ERRGEN_PROGRESS_AFTER_MS: '0'}

  test('a run shows its stage and the rows read on one updating line, cleared before its last line; nothing in CI or with --quiet', async () => {
    const directory = await largeProject()
    const shown = await runOnTerminal([], directory, fromStart)
    expect(shown.code).toBe(0)
    const updates = shown.stdout.split('\r').filter((part) => part.startsWith('errgen: ') && part.endsWith('\u001B[K'))
    expect(updates.length).toBeGreaterThan(0)
    for (const update of updates) expect(update).toMatch(/^errgen: (starting|reading the documents|parsing the documents|generating the outputs|comparing with the earlier outputs)(, [\d,]+ rows read)?\u001B\[K$/)
    expect(updates.at(-1)).toMatch(/, 1,000 rows read\u001B\[K$/)
    expect(shown.stdout).toMatch(/\r\u001B\[Kerrgen: 1000 codes, output\/ 3 of 3 files written \(\d+ ms\)\r\n$/)

    await writeFile(path.join(directory, 'input', 'error-codes.md'), (await readFile(path.join(directory, 'input', 'error-codes.md'), 'utf8')) + '\n')
    const inCi = await runOnTerminal([], directory, {...fromStart, CI: 'true'})
    expect(inCi.stdout).toMatch(/^errgen: 1000 codes, output\/ up to date \(\d+ ms\)\r\n$/)
    await writeFile(path.join(directory, 'input', 'error-codes.md'), (await readFile(path.join(directory, 'input', 'error-codes.md'), 'utf8')) + '\n')
    const quiet = await runOnTerminal(['--quiet'], directory, fromStart)
    expect([quiet.code, quiet.stdout]).toEqual([0, ''])
  })
})
