/** The CLI in build pipelines: --format json|github, --print-config, --check summaries, --watch, --quiet. --format json and --watch run as real processes, the rest in this process. */
import {spawn} from 'node:child_process'
import {cp, mkdir, readdir, readFile, stat, writeFile} from 'node:fs/promises'
import path from 'node:path'
import {describe, expect, test} from 'vitest'
import {bin, project, readTree, runCli, runInProcess, tempDirectory} from '../support/helpers.js'

const invalidTable = 'HTTP | Code | Message | Resolve\n--- | --- | --- | ---\n400 | 1 | *a* | A.\n4x0 | 1 | *b* | B:\n'

describe('--format', () => {
  test('json: one object per message, on stdout', async () => {
    const directory = await project()
    await writeFile(path.join(directory, 'input', 'error-codes.md'), invalidTable)
    const result = await runCli(['--format', 'json'], directory)
    expect(result.code).toBe(1)
    expect(result.stderr).toBe('')
    expect(JSON.parse(result.stdout)).toEqual([
      {file: 'input/error-codes.md', line: 4, column: 1, endLine: 4, endColumn: 4, severity: 'error', ruleId: 'invalid-status', message: 'Unexpected HTTP status `4x0`, expected an integer from 100 to 599'},
      {file: 'input/error-codes.md', line: 4, column: 7, endLine: 4, endColumn: 8, severity: 'error', ruleId: 'duplicate-code', message: 'Duplicate code 1, first defined at 3:7'}
    ])
  })

  test('github: workflow commands that annotate the lines, with escaped data', async () => {
    const directory = await project()
    await writeFile(path.join(directory, 'input', 'error-codes.md'), invalidTable.replace('*b*', '*100% b*').replace('4x0', '302'))
    const result = await runInProcess(['--format', 'github'], directory)
    expect(result.code).toBe(1)
    expect(result.stdout).toBe(
      '::warning file=input/error-codes.md,line=4,col=1,endLine=4,endColumn=4,title=non-error-status::Unexpected HTTP status 302 for an error, expected 400 to 599\n' +
        '::error file=input/error-codes.md,line=4,col=7,endLine=4,endColumn=8,title=duplicate-code::Duplicate code 1, first defined at 3:7\n'
    )
  })

  test('github: stale outputs are annotated too', async () => {
    const directory = await project()
    await runInProcess([], directory)
    const file = path.join(directory, 'output', 'error-codes.schema.json')
    await writeFile(file, (await readFile(file, 'utf8')).replace('"const": "type missing"', '"const": "type absent"'))
    const result = await runInProcess(['--check', '--format', 'github'], directory)
    expect(result.code).toBe(1)
    expect(result.stdout).toBe(
      '::error file=output/error-codes.schema.json,title=stale-output::output/error-codes.schema.json is stale: code 1001 changed (message)\n'
    )
  })
})

describe('--check', () => {
  test('says per stale file which codes were added, removed or changed, then a unified diff', async () => {
    const directory = await project()
    await runInProcess([], directory)
    const input = path.join(directory, 'input', 'error-codes.md')
    const text = await readFile(input, 'utf8')
    const edited = text
      .replace('*type missing*', '*type parameter missing*')
      .replace(/^```404```\| ```1610```.*\n/m, '')
      .concat('```503```| ```1800```|*maintenance*|Try again in a few minutes.\n')
    await writeFile(input, edited)
    // The rename of 1001 is allowed, so that --check says what the run would write rather than refuse it.
    const result = await runInProcess(['--check', '--allow-breaking'], directory)
    expect(result.code).toBe(1)
    const summaries = result.stderr.split('\n').filter((line) => line.startsWith('output/'))
    expect(summaries).toEqual([
      'output/error-codes.ts is stale: code 1800 added; code 1610 removed; code 1001 changed (name, message)',
      'output/error-codes.schema.json is stale: code 1800 added; code 1610 removed; code 1001 changed (name, message)',
      'output/error-codes.openapi.yaml is stale: code 1800 added; code 1610 removed; code 1001 changed (name, message)'
    ])
    expect(result.stderr).toContain('  --- output/error-codes.ts\n  +++ output/error-codes.ts (generated)\n')
    expect(result.stderr).toContain('  -  TypeMissing = 1001,\n  +  TypeParameterMissing = 1001,\n')
  })
})

describe('configuration', () => {
  test('--print-config shows the resolved configuration: defaults, the file, then flags', async () => {
    const directory = await project({out: 'gen', codes: 'integer', openapi: {title: 'Bank API errors'}})
    const result = await runInProcess(['--print-config', '--style', 'const'], directory)
    expect(result.code).toBe(0)
    expect(JSON.parse(result.stdout)).toEqual({
      input: ['input/error-codes.md'],
      out: 'gen',
      outputs: {typescript: 'error-codes.ts', jsonSchema: 'error-codes.schema.json', openapi: 'error-codes.openapi.yaml', python: false, go: false, dictionary: false},
      openapi: {title: 'Bank API errors', version: '0.0.0'},
      jsonSchema: {id: 'error-codes.schema.json'},
      go: {package: 'errorcodes'},
      columns: {},
      optionalColumns: [],
      codes: 'integer',
      headings: [],
      rules: {},
      typescript: {style: 'const'},
      body: {extraFields: false},
      tables: [
        {
          document: 'input/error-codes.md',
          line: 5,
          heading: null,
          columns: [
            {header: 'HTTP', column: 'status'},
            {header: 'Code', column: 'code'},
            {header: 'Message', column: 'message'},
            {header: 'Resolve', column: 'resolve'}
          ]
        }
      ]
    })
  })

  test('--print-config shows the column each header cell is read as, inferred ones marked', async () => {
    const directory = await tempDirectory()
    await writeFile(path.join(directory, 'errors.md'), '## Auth {#auth}\n\n| Error Code | Description | Details | Category |\n| --- | --- | --- | --- |\n| 1 | Bad token | Send a new one. | auth |\n')
    const result = await runInProcess(['--print-config', '--input', 'errors.md'], directory)
    expect([result.code, result.stderr]).toEqual([0, ''])
    expect(JSON.parse(result.stdout).tables).toEqual([
      {
        document: 'errors.md',
        line: 3,
        heading: 'Auth',
        columns: [
          {header: 'Error Code', column: 'code'},
          {header: 'Description', column: 'message', inferred: true},
          {header: 'Details', column: 'resolve', inferred: true},
          {header: 'Category', column: null}
        ]
      }
    ])
  })

  test('--print-config works when the input is missing: the configuration, and on stderr why there are no tables', async () => {
    const directory = await project({input: 'docs/errors.md'})
    const result = await runInProcess(['--print-config'], directory)
    expect(result.code).toBe(0)
    expect(result.stderr).toBe('errgen: the tables are not shown: cannot read docs/errors.md: no such file or directory\n')
    const printed = JSON.parse(result.stdout)
    expect(printed.input).toEqual(['docs/errors.md'])
    expect(printed.tables).toBeUndefined()
  })

  test('flags override the configuration; outputs can be renamed or left out', async () => {
    const directory = await project({out: 'gen', outputs: {typescript: 'codes.ts', openapi: false}})
    expect((await runInProcess(['--out', 'elsewhere'], directory)).code).toBe(0)
    expect([...(await readTree(path.join(directory, 'elsewhere'))).keys()]).toEqual(['codes.ts', 'error-codes.schema.json'])
  })

  test('the "errgen" key of package.json is read when there is no errgen.config.json', async () => {
    const directory = await project()
    await writeFile(path.join(directory, 'package.json'), JSON.stringify({name: 'api', version: '3.2.1', errgen: {out: 'types'}}))
    expect((await runInProcess([], directory)).code).toBe(0)
    const yaml = await readFile(path.join(directory, 'types', 'error-codes.openapi.yaml'), 'utf8')
    expect(yaml).toContain('  version: 3.2.1\n')
  })

  test('an invalid configuration is located, exits 2 and writes nothing', async () => {
    const directory = await project()
    await writeFile(path.join(directory, 'errgen.config.json'), '{\n  "inputs": ["a.md"],\n  "typescript": {"style": "class"}\n}\n')
    const result = await runInProcess([], directory)
    expect(result).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'errgen.config.json:2:3-2:11  error  Unexpected key `inputs` in the configuration, expected one of $schema, input, out, outputs, typescript, jsonSchema, openapi, go, columns, optionalColumns, codes, headings, params, locales, defaultLocale, body, problem, against, rules  config-schema\n' +
        'errgen.config.json:3:27-3:34  error  Unexpected "class" for `typescript.style`, expected one of "enum", "const"  config-schema\n' +
        '✖ 2 errors\n'
    })
    await expect(stat(path.join(directory, 'output'))).rejects.toThrow(/ENOENT/)
  })

  test('a configuration that is not JSON is located too', async () => {
    const directory = await project()
    await writeFile(path.join(directory, 'errgen.config.json'), '{\n  "out": "gen",\n}\n')
    const result = await runInProcess([], directory)
    expect(result).toEqual({
      code: 2,
      stdout: '',
      stderr: 'errgen.config.json:3:1  error  Unexpected JSON syntax: Expected double-quoted property name  config-syntax\n✖ 1 error\n'
    })
  })

  test('globs read several documents into one catalog; a code in two documents is an error naming both', async () => {
    const directory = await project({input: 'docs/*.md'})
    await mkdir(path.join(directory, 'docs'))
    const table = 'HTTP | Code | Message | Resolve\n--- | --- | --- | ---\n'
    await writeFile(path.join(directory, 'docs', 'a.md'), table + '400 | 1 | *a* | A.\n')
    await writeFile(path.join(directory, 'docs', 'b.md'), table + '400 | 2 | *b* | B.\n400 | 1 | *c* | C.\n')
    const result = await runInProcess([], directory)
    expect(result.code).toBe(1)
    expect(result.stderr).toBe('docs/b.md:4:7-4:8  error  Duplicate code 1, first defined at docs/a.md:3:7  duplicate-code\n✖ 1 error\n')
  })
})

describe('--quiet', () => {
  test('prints errors only: no warnings, no summary line', async () => {
    const directory = await project()
    expect(await runInProcess(['--quiet'], directory)).toEqual({code: 0, stdout: '', stderr: ''})
  })

  test('without it, a successful run prints one summary line', async () => {
    const directory = await project()
    const result = await runInProcess([], directory)
    expect(result.stdout).toMatch(/^errgen: 39 codes, output\/ 3 of 3 files written \(\d+ ms\)\n$/)
  })
})

describe('--watch', () => {
  test('regenerates on change, keeps the last good outputs while the document is invalid, and recovers', async () => {
    const directory = await project()
    const input = path.join(directory, 'input', 'error-codes.md')
    const output = path.join(directory, 'output', 'error-codes.ts')
    const child = spawn(process.execPath, [bin, '--watch'], {cwd: directory})
    const lines = linesOf(child.stdout)
    try {
      expect(await lines.next()).toMatch(/^errgen: 39 codes, output\/ 3 of 3 files written \(\d+ ms\)$/)
      expect(await lines.next()).toBe('errgen: watching for changes (stop with Ctrl-C)')
      const good = await readFile(output, 'utf8')

      const original = await readFile(input, 'utf8')
      await writeFile(input, original.replace('```1001```', '```10O1```'))
      expect(await lines.next()).toMatch(/^errgen: invalid documents, kept the last good outputs \(\d+ ms\)$/)
      expect(await readFile(output, 'utf8')).toBe(good)

      const edited = original.replace('You need to include a type parameter.', 'Send a type parameter.')
      await writeFile(input, edited)
      expect(await lines.next()).toMatch(/^errgen: 39 codes, output\/ 3 of 3 files written \(\d+ ms\)$/)
      expect(await readFile(output, 'utf8')).toContain('"Send a type parameter. Ex. bofa')

      await writeFile(input, original.replace('*type missing*', '*type parameter missing*'))
      expect(await lines.next()).toMatch(/^errgen: breaking changes, kept the last good outputs \(\d+ ms\)$/)
      expect(await readFile(output, 'utf8')).toContain('TypeMissing = 1001')

      await writeFile(input, edited + '\n')
      expect(await lines.next()).toMatch(/^errgen: 39 codes, output\/ up to date \(\d+ ms\)$/)
    } finally {
      child.kill('SIGINT')
    }
    expect(await new Promise((resolve) => child.on('exit', (code) => resolve(code)))).toBe(0)
  })
})

/** Read a stream line by line: `next()` waits for the next line (failing after a while). */
function linesOf(stream: NodeJS.ReadableStream): {next(): Promise<string>} {
  const ready: Array<string> = []
  const waiting: Array<(line: string) => void> = []
  let rest = ''
  stream.setEncoding('utf8')
  stream.on('data', (chunk) => {
    const parts = (rest + chunk).split('\n')
    rest = parts.pop() || ''
    for (const line of parts) {
      const resolve = waiting.shift()
      if (resolve) resolve(line)
      else ready.push(line)
    }
  })
  return {
    next() {
      const line = ready.shift()
      if (line !== undefined) return Promise.resolve(line)
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('no line from errgen --watch')), 30_000)
        waiting.push((value) => {
          clearTimeout(timer)
          resolve(value)
        })
      })
    }
  }
}

describe('the output directory stays in the project', () => {
  test('`out` at / or above the working directory is refused in one line with exit code 2, and nothing is written', async () => {
    for (const out of ['/', '../..']) {
      const directory = await project({out})
      const result = await runInProcess([], directory)
      const shown = path.relative(directory, path.resolve(directory, out)).split(path.sep).join('/') || '.'
      expect(result, out).toEqual({
        code: 2,
        stdout: '',
        stderr: 'errgen: refusing to use ' + shown + " as the output directory: it is outside the working directory and the configuration's; pass --allow-outside to use it\n"
      })
    }
  })

  test('beside a configuration outside the working directory is inside the project; --allow-outside allows anywhere', async () => {
    const directory = await project()
    const shared = path.join(directory, 'shared')
    const docs = path.join(directory, 'docs')
    await mkdir(shared)
    await mkdir(docs)
    await writeFile(path.join(shared, 'errgen.config.json'), JSON.stringify({input: '../input/error-codes.md', out: 'gen'}))
    expect((await runInProcess(['--config', '../shared/errgen.config.json', '--quiet'], docs)).code).toBe(0)
    expect((await readdir(path.join(shared, 'gen'))).length).toBe(4)
    await mkdir(path.join(shared, 'pages'))
    await cp(path.join(directory, 'input', 'error-codes.md'), path.join(shared, 'pages', 'errors.md'))
    await writeFile(path.join(shared, 'errgen.config.json'), JSON.stringify({input: 'pages/*.md', out: 'gen'}))
    expect((await runInProcess(['--config', '../shared/errgen.config.json', '--quiet'], docs)).code).toBe(0)
    const elsewhere = await tempDirectory()
    expect((await runInProcess(['--out', elsewhere, '--quiet'], directory)).code).toBe(2)
    expect((await runInProcess(['--out', elsewhere, '--allow-outside', '--quiet'], directory)).code).toBe(0)
  })
})
