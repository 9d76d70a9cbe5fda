/** errgen/remark as remark-cli runs it, as users wire it: the README's `.remarkrc.json` unchanged, no remark-gfm, the errgen configuration found from the document's folder upward, `.remarkrc` options over it — through the real remark-cli, and through the engine it runs (unified-engine, with remark-cli's settings) in this process. */
import {execFile} from 'node:child_process'
import {cp, mkdir, readFile, symlink, writeFile} from 'node:fs/promises'
import path from 'node:path'
import {Writable} from 'node:stream'
import {remark as remarkProcessor} from 'remark'
import {engine} from 'unified-engine'
import {describe, expect, test} from 'vitest'
import {root, seed, tempDirectory} from '../support/helpers.js'

const cli = path.join(root, 'node_modules', 'remark-cli', 'cli.js')

/** A project with errgen installed (this build, linked into its node_modules) and no remark-gfm. */
async function remarkProject(): Promise<string> {
  const directory = await tempDirectory()
  await mkdir(path.join(directory, 'node_modules'))
  await symlink(root, path.join(directory, 'node_modules', 'errgen'), 'dir')
  await writeFile(path.join(directory, 'package.json'), JSON.stringify({name: 'docs', version: '1.0.0', private: true}) + '\n')
  return directory
}

/** A remark-cli run: its exit code and its report, one message a line with single spaces. */
interface RemarkRun {
  code: number
  lines: Array<string>
  stderr: string
}

function remarkRun(code: number, stderr: string): RemarkRun {
  return {code, stderr, lines: stderr.split('\n').map((line) => line.trim().replace(/\s+/g, ' ')).filter(Boolean)}
}

/** The real remark-cli, a process of its own, on the arguments. */
async function remarkCli(args: ReadonlyArray<string>, cwd: string): Promise<RemarkRun> {
  return new Promise((resolve) => {
    execFile(process.execPath, [cli, ...args, '--no-stdout', '--no-color'], {cwd}, (error, _, stderr) => resolve(remarkRun(error ? Number(error.code) : 0, stderr)))
  })
}

/**
 * What remark-cli runs, in this process: unified-engine with the settings remark-cli gives it (remark, `.remarkrc`,
 * the `remarkConfig` key of package.json, plugins named from the folder of the files), on the arguments remark-cli
 * would be given: files, `--use PLUGIN` and `--frail`.
 */
async function remark(args: ReadonlyArray<string>, cwd: string): Promise<RemarkRun> {
  const files: Array<string> = []
  const plugins: Record<string, object> = {}
  let frail = false
  for (let index = 0; index < args.length; index++) {
    const arg = args[index] as string
    if (arg === '--frail') frail = true
    else if (arg === '--use') plugins[args[++index] as string] = {}
    else if (arg.startsWith('-')) throw new Error('remark() takes files, --use and --frail, not ' + arg)
    else files.push(arg)
  }
  let stderr = ''
  const streamError = new Writable({
    write(chunk: Buffer | string, _, done) {
      stderr += String(chunk)
      done()
    }
  })
  const code = await new Promise<number>((resolve, reject) => {
    engine({
      processor: remarkProcessor,
      cwd,
      files,
      extensions: ['md', 'markdown'],
      rcName: '.remarkrc',
      packageField: 'remarkConfig',
      ignoreName: '.remarkignore',
      pluginPrefix: 'remark',
      plugins,
      frail,
      out: false,
      color: false,
      streamError
    }, (error, status) => (error ? reject(error) : resolve(status ?? 0)))
  })
  return remarkRun(code, stderr)
}

/** The `.remarkrc.json` of the README's editor section, as written there. */
async function readmeRemarkrc(): Promise<string> {
  const readme = await readFile(path.join(root, 'README.md'), 'utf8')
  const section = readme.split('\n## In your editor\n')[1] ?? ''
  const block = /```json\n([\s\S]*?)```/.exec(section)?.[1]
  if (block === undefined) throw new Error('expected a json block in the README\'s editor section')
  return block
}

/** A page with string codes, in a table whose headers the configuration names. */
const stringCodes = '# Errors\n\n| Status | Id | Text | Fix |\n| --- | --- | --- | --- |\n| 401 | AUTH_MISSING | *token missing* | Send a token. |\n| 404 | ITEM_NOT_FOUND | *item not found* | Check the id. |\n'

/** The seed's warnings, as remark-cli prints them: the seed's table read row by row. */
const seedWarnings = [
  '19:23-19:41 warning Name `BadAccessToken` is derived from the messages of codes 1105, 1106, 1107: named `BadAccessToken_1105`, `BadAccessToken_1106`, `BadAccessToken_1107`; add a Name column to choose the names duplicate-name errgen',
  '20:23-20:41 warning Duplicate message `bad access_token` of code 1106, first used by code 1105 at 19:23 duplicate-message errgen',
  '21:23-21:41 warning Duplicate message `bad access_token` of code 1107, first used by code 1105 at 19:23 duplicate-message errgen',
  '22:23-22:37 warning Name `InvalidType` is derived from the messages of codes 1108, 1503: named `InvalidType_1108`, `InvalidType_1503`; add a Name column to choose the names duplicate-name errgen',
  '36:23-36:37 warning Duplicate message `invalid type` of code 1503, first used by code 1108 at 22:23 duplicate-message errgen'
]

describe('remark-cli with errgen/remark and no remark-gfm', () => {
  test('`remark doc.md --use errgen/remark --frail` reads the seed\'s table: its warnings, no malformed-table', async () => {
    const directory = await remarkProject()
    await cp(seed, path.join(directory, 'doc.md'))
    const result = await remarkCli(['doc.md', '--use', 'errgen/remark', '--frail'], directory)
    expect(result.lines).toEqual(['doc.md', ...seedWarnings, '⚠ 5 warnings'])
    expect(result.code).toBe(1)
    expect((await remark(['doc.md', '--use', 'errgen/remark'], directory)).code).toBe(0)
  })

  test('the README\'s .remarkrc.json, unchanged, checks an integer-code page and a string-code page', async () => {
    const remarkrc = await readmeRemarkrc()
    expect(JSON.parse(remarkrc)).toEqual({plugins: ['errgen/remark']})

    const integers = await remarkProject()
    await writeFile(path.join(integers, '.remarkrc.json'), remarkrc)
    await cp(seed, path.join(integers, 'errors.md'))
    expect((await remarkCli(['errors.md'], integers)).lines).toEqual(['errors.md', ...seedWarnings, '⚠ 5 warnings'])

    const strings = await remarkProject()
    await writeFile(path.join(strings, '.remarkrc.json'), remarkrc)
    await writeFile(path.join(strings, 'errgen.config.json'), JSON.stringify({columns: {Status: 'status', Id: 'code', Text: 'message', Fix: 'resolve'}}) + '\n')
    await writeFile(path.join(strings, 'errors.md'), stringCodes)
    expect(await remark(['errors.md', '--frail'], strings)).toMatchObject({code: 0, lines: ['errors.md: no issues found']})
  })
})

describe('errgen/remark reads the errgen configuration as the command does', () => {
  test('errgen.config.json in a folder above the document gives the columns; without it the table is not read', async () => {
    const directory = await remarkProject()
    await mkdir(path.join(directory, 'docs', 'api'), {recursive: true})
    await writeFile(path.join(directory, 'docs', 'api', 'errors.md'), stringCodes)
    const unconfigured = await remark(['docs/api/errors.md', '--use', 'errgen/remark'], directory)
    expect(unconfigured.code).toBe(1)
    expect(unconfigured.stderr).toMatch(/error .*missing-column/)

    await writeFile(path.join(directory, 'errgen.config.json'), JSON.stringify({columns: {Status: 'status', Id: 'code', Text: 'message', Fix: 'resolve'}}) + '\n')
    expect(await remark(['docs/api/errors.md', '--use', 'errgen/remark', '--frail'], directory)).toMatchObject({code: 0, lines: ['docs/api/errors.md: no issues found']})
  })

  test('the "errgen" key of package.json is read too, and .remarkrc options override its keys', async () => {
    const directory = await remarkProject()
    const columns = {Status: 'status', Id: 'code', Text: 'message', Fix: 'resolve'}
    await writeFile(path.join(directory, 'package.json'), JSON.stringify({name: 'docs', version: '1.0.0', errgen: {columns, codes: 'string'}}) + '\n')
    await writeFile(path.join(directory, 'errors.md'), stringCodes)
    expect(await remark(['errors.md', '--use', 'errgen/remark', '--frail'], directory)).toMatchObject({code: 0, lines: ['errors.md: no issues found']})

    await writeFile(path.join(directory, '.remarkrc.json'), JSON.stringify({plugins: [['errgen/remark', {codes: 'integer'}]]}))
    const overridden = await remark(['errors.md', '--frail'], directory)
    expect(overridden.code).toBe(1)
    expect(overridden.lines).toContain('5:9-5:21 error Unexpected code `AUTH_MISSING`, expected an integer invalid-code errgen')
  })

  test('a configuration errgen refuses is a located error on the document, with the configuration\'s place', async () => {
    const directory = await remarkProject()
    await writeFile(path.join(directory, 'errgen.config.json'), '{\n  "codes": "numbers"\n}\n')
    await cp(seed, path.join(directory, 'errors.md'))
    const result = await remark(['errors.md', '--use', 'errgen/remark'], directory)
    expect(result.code).toBe(1)
    expect(result.lines).toContain('error errgen configuration errgen.config.json:2:12: Unexpected "numbers" for `codes`, expected one of "auto", "integer", "string" config-schema errgen')
  })
})
