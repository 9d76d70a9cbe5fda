/** `errgen init`, the command as the bin runs it (in this process): the configuration with the documents found, the editor's configuration, the formatters' ignore entries, the script and CI step printed; a second run overwrites nothing, and the first run's setup generates. */
import {cp, mkdir, readdir, readFile, stat, writeFile} from 'node:fs/promises'
import path from 'node:path'
import {expect, test} from 'vitest'
import {runCli, seed, tempDirectory} from '../support/helpers.js'

/** Each file's bytes and modification time: equal means nothing was written. */
async function filesOf(directory: string, names: ReadonlyArray<string>): Promise<Array<[string, string, number]>> {
  return Promise.all(names.map(async (name) => [name, await readFile(path.join(directory, name), 'utf8'), (await stat(path.join(directory, name))).mtimeMs] as [string, string, number]))
}

const hints =
  '\nAdd to the "scripts" of package.json:\n  "errors": "errgen",\n  "errors:check": "errgen --check"\n' +
  '\nAdd to CI (GitHub Actions), after npm ci:\n  - run: npx errgen --check --format github\n'

test('sets up a project from the page it finds, then generates; a second run overwrites nothing', async () => {
  const directory = await tempDirectory()
  await mkdir(path.join(directory, 'docs', 'api'), {recursive: true})
  await cp(seed, path.join(directory, 'docs', 'api', 'errors.md'))
  await writeFile(path.join(directory, 'README.md'), '# Readme\n\n| Option | Meaning |\n| --- | --- |\n| `-q` | quiet |\n')
  await writeFile(path.join(directory, 'package.json'), JSON.stringify({name: 'api', private: true, prettier: {semi: false}}))
  await writeFile(path.join(directory, 'eslint.config.js'), 'export default []\n')

  const first = await runCli(['init'], directory)
  expect(first).toEqual({
    code: 0,
    stderr: '',
    stdout:
      'errgen: wrote errgen.config.json (input: docs/api/errors.md, found in the project)\n' +
      "errgen: wrote .remarkrc.json (errgen's checks in the editor and in remark-cli)\n" +
      'errgen: wrote .prettierignore (the generated files are left alone)\n' +
      'errgen: add ignores: ["output/"] to eslint.config.js, so that eslint leaves the generated files alone\n' +
      hints
  })
  expect(JSON.parse(await readFile(path.join(directory, 'errgen.config.json'), 'utf8'))).toEqual({
    $schema: './node_modules/errgen/dist/config/config.schema.json',
    input: 'docs/api/errors.md',
    out: 'output'
  })
  expect(JSON.parse(await readFile(path.join(directory, '.remarkrc.json'), 'utf8'))).toEqual({plugins: ['remark-gfm', 'errgen/remark']})
  expect(await readFile(path.join(directory, '.prettierignore'), 'utf8')).toBe('output/\n')

  const files = ['errgen.config.json', '.remarkrc.json', '.prettierignore', 'package.json', 'eslint.config.js', 'README.md']
  const before = await filesOf(directory, files)
  const second = await runCli(['init'], directory)
  expect(second).toEqual({
    code: 0,
    stderr: '',
    stdout:
      'errgen: errgen.config.json exists: left as it is\n' +
      'errgen: .remarkrc.json has errgen/remark already\n' +
      'errgen: .prettierignore has output/ already\n' +
      'errgen: add ignores: ["output/"] to eslint.config.js, so that eslint leaves the generated files alone\n' +
      hints
  })
  expect(await filesOf(directory, files)).toEqual(before)

  const run = await runCli(['--quiet'], directory)
  expect([run.code, run.stderr]).toEqual([0, ''])
  expect(await readFile(path.join(directory, 'output', 'errors.ts'), 'utf8')).toContain('TypeMissing = 1001')
})

test('with no page found it says what it chose; an existing ignore file gets one line added, nothing else changed', async () => {
  const directory = await tempDirectory()
  await writeFile(path.join(directory, '.prettierrc'), '{}\n')
  await writeFile(path.join(directory, '.prettierignore'), 'dist')
  await writeFile(path.join(directory, '.remarkrc.json'), '{"plugins": ["remark-preset-lint-recommended"]}\n')
  const result = await runCli(['init'], directory)
  expect(result).toEqual({
    code: 0,
    stderr: '',
    stdout:
      'errgen: wrote errgen.config.json (no document with an error table found; write yours in docs/errors.md)\n' +
      'errgen: remark is configured in .remarkrc.json: add "errgen/remark" to its plugins for errgen\'s checks in the editor\n' +
      'errgen: added output/ to .prettierignore\n' +
      hints
  })
  expect(JSON.parse(await readFile(path.join(directory, 'errgen.config.json'), 'utf8')).input).toBe('docs/errors.md')
  expect(await readFile(path.join(directory, '.prettierignore'), 'utf8')).toBe('dist\noutput/\n')
  expect(await readFile(path.join(directory, '.remarkrc.json'), 'utf8')).toBe('{"plugins": ["remark-preset-lint-recommended"]}\n')
})

test('init takes no arguments: a usage error, nothing written', async () => {
  const directory = await tempDirectory()
  expect(await runCli(['init', '--force'], directory)).toEqual({
    code: 2,
    stdout: '',
    stderr: "errgen: init takes no arguments, it never overwrites a file: run it in the project's folder\nTry `errgen --help`.\n"
  })
  expect(await readdir(directory)).toEqual([])
})
