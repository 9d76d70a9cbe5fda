/** The package as users get it: `npm pack`, the tarball installed into a new project, then the bin run with a configuration, the library imported and a consumer type-checked against the shipped types (by the compiler in this process). */
import {cp, mkdir, readdir, readFile, rename, rm, writeFile} from 'node:fs/promises'
import path from 'node:path'
import semver from 'semver'
import {beforeAll, describe, expect, test} from 'vitest'
import {configSchema} from '../generator/config/schema-io.js'
import {dependencyVersions} from '../generator/read/versions-io.js'
import {targets} from '../generator/targets/index.js'
import {root, runFile, seed, tempDirectory, typeCheckProject} from './support/helpers.js'

/** A command's exit code and output, npm's update notice off; never throws for a non-zero exit. */
const outcome = (file: string, args: ReadonlyArray<string>, cwd: string) => runFile(file, args, cwd, {npm_config_update_notifier: 'false'})

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm'
const bin = (project: string) => path.join(project, 'node_modules', '.bin', 'errgen')

let project = ''
let installLog = ''

beforeAll(async () => {
  const packed = await tempDirectory()
  // dist/ is this run's build: the global setup built it as `prepack` (`npm run build`) would.
  const pack = await outcome(npm, ['pack', '--ignore-scripts', '--pack-destination', packed, '--silent'], root)
  expect(pack.code, pack.stderr).toBe(0)
  const [tarball] = (await readdir(packed)).filter((name) => name.endsWith('.tgz'))
  expect(tarball).toBeDefined()

  project = await tempDirectory()
  await writeFile(path.join(project, 'package.json'), JSON.stringify({name: 'consumer', version: '2.0.0', private: true, type: 'module'}))
  const install = await outcome(npm, ['install', '--prefer-offline', '--no-audit', '--no-fund', path.join(packed, String(tarball))], project)
  expect(install.code, install.stderr).toBe(0)
  installLog = install.stdout + install.stderr
  await mkdir(path.join(project, 'docs'))
  await cp(seed, path.join(project, 'docs', 'errors.md'))
}, 240_000)

describe('the installed package', () => {
  test('installs without running an install script', () => {
    expect(installLog).not.toMatch(/prepare|install script|tsc/i)
  })

  test('ships the build, the schema and the licence, and no sources or tests', async () => {
    const shipped = await readdir(path.join(project, 'node_modules', 'errgen'), {recursive: true})
    expect(shipped).toContain('LICENSE')
    expect(shipped).toContain('CHANGELOG.md')
    expect(shipped).toContain(path.join('dist', 'cli', 'bin.js'))
    expect(shipped).toContain(path.join('dist', 'index.d.ts'))
    expect(shipped).toContain(path.join('dist', 'config', 'config.schema.json'))
    expect(shipped.filter((name) => name.startsWith('generator') || name.startsWith('test') || name.endsWith('.tsbuildinfo'))).toEqual([])
  })

  test('parses with the tree builder it asks for: every mdast-util-from-markdown it loads, as Node resolves it, is in its range', async () => {
    const installed = path.join(project, 'node_modules', 'errgen')
    const range = JSON.parse(await readFile(path.join(installed, 'package.json'), 'utf8')).dependencies['mdast-util-from-markdown']
    const closure = dependencyVersions(installed)
    const loaded = closure.filter((entry) => entry.startsWith('mdast-util-from-markdown@'))
    expect(loaded).toHaveLength(1)
    expect(semver.satisfies(String(loaded[0]).split('@')[1] ?? '', range)).toBe(true)
    expect(closure).toContain('remark-parse@' + JSON.parse(await readFile(path.join(project, 'node_modules', 'remark-parse', 'package.json'), 'utf8')).version)
  })

  test('names its repository, home page, issue tracker and keywords, as a registry page shows them', async () => {
    const manifest = JSON.parse(await readFile(path.join(project, 'node_modules', 'errgen', 'package.json'), 'utf8'))
    expect(manifest.repository).toEqual({type: 'git', url: expect.stringMatching(/^git\+https:\/\/github\.com\/.+\.git$/)})
    expect(manifest.homepage).toMatch(/^https:\/\//)
    expect(manifest.bugs.url).toMatch(/^https:\/\/.+\/issues$/)
    expect(manifest.keywords).toEqual(expect.arrayContaining(['markdown', 'remark', 'openapi', 'json-schema', 'typescript']))
    const changelog = await readFile(path.join(project, 'node_modules', 'errgen', 'CHANGELOG.md'), 'utf8')
    expect(changelog).toMatch(/^# Changelog\n[\s\S]*Keep a Changelog[\s\S]*\n## \[Unreleased\]\n[\s\S]*\n## \[0\.1\.0\]\n/)
  })

  test('its config.schema.json is the whole schema a run checks against: the base with every target\'s outputs key and settings', async () => {
    const file = path.join(project, 'node_modules', 'errgen', 'dist', 'config', 'config.schema.json')
    const shipped = JSON.parse(await readFile(file, 'utf8'))
    expect(shipped).toEqual(configSchema)
    expect(Object.keys(shipped.properties.outputs.properties)).toEqual(targets.map((target) => target.key))
  })

  test('its bin generates from a configuration file, then --check is silent', async () => {
    await writeFile(path.join(project, 'errgen.config.json'), JSON.stringify({input: 'docs/errors.md', out: 'generated'}))
    const first = await outcome(bin(project), ['--quiet'], project)
    expect([first.code, first.stderr]).toEqual([0, ''])
    expect((await readdir(path.join(project, 'generated'))).sort()).toEqual(['.errgen-manifest.json', 'errors.openapi.yaml', 'errors.schema.json', 'errors.ts'])
    expect(await outcome(bin(project), ['--check'], project)).toEqual({code: 0, stdout: '', stderr: ''})
  })

  test('its manifest sees the libraries errgen runs with, not the project\'s other dependencies', async () => {
    const manifest = path.join(project, 'generated', '.errgen-manifest.json')
    expect((await outcome(bin(project), ['--quiet'], project)).code).toBe(0)
    const written = await readFile(manifest, 'utf8')
    // An unrelated package installed, and package.json naming it: the outputs cannot change, nor does the manifest.
    const packageJson = path.join(project, 'package.json')
    const original = await readFile(packageJson, 'utf8')
    await mkdir(path.join(project, 'node_modules', 'left-pad'), {recursive: true})
    await writeFile(path.join(project, 'node_modules', 'left-pad', 'package.json'), JSON.stringify({name: 'left-pad', version: '1.3.0'}))
    await writeFile(packageJson, JSON.stringify({...JSON.parse(original), dependencies: {...JSON.parse(original).dependencies, 'left-pad': '^1.3.0'}}))
    expect(await outcome(bin(project), ['--check', '--format', 'github'], project)).toEqual({code: 0, stdout: '', stderr: ''})
    expect((await outcome(bin(project), ['--quiet'], project)).code).toBe(0)
    expect(await readFile(manifest, 'utf8')).toBe(written)
    // A library that writes the outputs at another version: the manifest no longer proves them current.
    const yaml = path.join(project, 'node_modules', 'yaml', 'package.json')
    const yamlJson = await readFile(yaml, 'utf8')
    await writeFile(yaml, JSON.stringify({...JSON.parse(yamlJson), version: '0.0.1-other'}))
    expect((await outcome(bin(project), ['--quiet'], project)).code).toBe(0)
    expect(await readFile(manifest, 'utf8')).not.toBe(written)
    await writeFile(yaml, yamlJson)
    await writeFile(packageJson, original)
    expect((await outcome(bin(project), ['--quiet'], project)).code).toBe(0)
    expect(await readFile(manifest, 'utf8')).toBe(written)
  })

  test('a bad configuration is exit code 2 with a located message and no stack trace', async () => {
    const directory = path.join(project, 'bad')
    await mkdir(directory, {recursive: true})
    await writeFile(path.join(directory, 'errgen.config.json'), '{"typescript": {"style": "class"}}\n')
    const result = await outcome(bin(project), [], directory)
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('errgen.config.json:1:26-1:33  error  Unexpected "class" for `typescript.style`, expected one of "enum", "const"  config-schema')
    expect(result.stderr).not.toMatch(/\n\s+at /)
    const usage = await outcome(bin(project), ['--nope'], directory)
    expect(usage.code).toBe(2)
    expect(usage.stderr).not.toMatch(/\n\s+at /)
  })

  test('its library API generates in memory', async () => {
    const script = "import {generate} from 'errgen'\nconst result = await generate({cwd: process.cwd()})\nconsole.log(JSON.stringify({ok: result.ok, files: result.files.map((file) => file.name), codes: result.catalog?.entries.length}))\n"
    await writeFile(path.join(project, 'use.mjs'), script)
    const result = await outcome(process.execPath, ['use.mjs'], project)
    expect(result.stderr).toBe('')
    expect(JSON.parse(result.stdout)).toEqual({ok: true, files: ['errors.ts', 'errors.schema.json', 'errors.openapi.yaml'], codes: 39})
  })

  describe('its library never crashes its host', () => {
    const body = "const m = await import('errgen'); const g = await m.generate(); const c = await m.check(); console.log(JSON.stringify({ok: g.ok, files: g.files.length, current: c.current, stale: c.stale}))"
    const expected = {ok: true, files: 3, current: true, stale: []}

    /** The hosts' project as the bin first generated it, kept aside: each later test starts from a copy, not a new run. */
    let generated: string | undefined
    /** The hosts' project: the seed, and outputs written by the bin (once, then copied back in place with their times). */
    async function hostProject(): Promise<string> {
      const directory = path.join(project, 'hosts')
      await rm(directory, {recursive: true, force: true})
      if (generated !== undefined) return cp(generated, directory, {recursive: true, preserveTimestamps: true}).then(() => directory)
      await cp(seed, path.join(directory, 'docs', 'errors.md'))
      await writeFile(path.join(directory, 'errgen.config.json'), JSON.stringify({input: 'docs/errors.md', out: 'generated'}))
      expect((await outcome(bin(project), ['--quiet'], directory)).code).toBe(0)
      generated = path.join(project, 'hosts-generated')
      return cp(directory, generated, {recursive: true, preserveTimestamps: true}).then(() => directory)
    }

    test.each([
      ['node -e', (script: string) => ['-e', '(async () => { ' + script + ' })()']],
      ['node --input-type=module -e', (script: string) => ['--input-type=module', '-e', script]],
      ['node --import <loader>', (script: string) => ['--import', './register.mjs', '--input-type=module', '-e', script]],
      ['a worker thread', (script: string) => ['-e', "new (require('node:worker_threads').Worker)(" + JSON.stringify('(async () => { ' + script + ' })()') + ', {eval: true})']]
    ])('generate() and check() from %s', async (_, args) => {
      const directory = await hostProject()
      await writeFile(path.join(directory, 'hooks.mjs'), 'export async function resolve(specifier, context, next) {\n  return next(specifier, context)\n}\n')
      await writeFile(path.join(directory, 'register.mjs'), "import {register} from 'node:module'\nregister('./hooks.mjs', import.meta.url)\n")
      const result = await outcome(process.execPath, args(body), directory)
      expect([result.stderr, result.code]).toEqual(['', 0])
      expect(JSON.parse(result.stdout)).toEqual(expected)
    })

    test('check() names the stale outputs; a file it cannot read rejects with an IoError', async () => {
      const directory = await hostProject()
      const output = path.join(directory, 'generated', 'errors.ts')
      await writeFile(output, (await readFile(output, 'utf8')).replace('type missing', 'type absent'))
      const script = "const m = await import('errgen'); const c = await m.check(); const e = await m.check({config: 'none.json'}).catch((error) => error); console.log(JSON.stringify({...c, error: [e.name, e.message]}))"
      const result = await outcome(process.execPath, ['--input-type=module', '-e', script], directory)
      expect(result.stderr).toBe('')
      expect(JSON.parse(result.stdout)).toEqual({
        ok: true,
        current: false,
        stale: ['generated/errors.ts'],
        diagnostics: [{file: 'generated/errors.ts', line: null, column: null, endLine: null, endColumn: null, severity: 'error', ruleId: 'stale-output', message: 'generated/errors.ts is stale: it differs from what the documents generate'}],
        error: ['IoError', 'cannot read none.json: no such file or directory']
      })
    })

    test("a parse worker that fails rejects generate() with an Error naming the cause, and the host goes on", async () => {
      const directory = await hostProject()
      const worker = path.join(project, 'node_modules', 'errgen', 'dist', 'parse', 'worker.js')
      await rename(worker, worker + '.away')
      try {
        const script = "const m = await import('errgen'); const e = await m.generate().catch((error) => error); console.log(JSON.stringify([e instanceof Error, e.message])); console.log('host alive')"
        const result = await outcome(process.execPath, ['--input-type=module', '-e', script], directory)
        expect([result.stderr, result.code]).toEqual(['', 0])
        const [isError, message] = JSON.parse(result.stdout.split('\n')[0] ?? '')
        expect(isError).toBe(true)
        expect(message).toMatch(/^errgen's markdown parse worker failed: Cannot find module '.*\/dist\/parse\/worker\.js'/)
        expect(result.stdout.split('\n')[1]).toBe('host alive')
      } finally {
        await rename(worker + '.away', worker)
      }
    })
  })

  test('a newcomer: errgen init, errgen, then the CI step is silent; an edit makes it fail naming the output', async () => {
    const directory = path.join(project, 'newcomer')
    await mkdir(path.join(directory, 'docs'), {recursive: true})
    await cp(seed, path.join(directory, 'docs', 'errors.md'))
    const init = await outcome(bin(project), ['init'], directory)
    expect([init.code, init.stderr]).toEqual([0, ''])
    expect(init.stdout).toContain('errgen: wrote errgen.config.json (input: docs/errors.md, found in the project)\n')
    expect((await outcome(bin(project), ['--quiet'], directory)).code).toBe(0)
    expect(await outcome(bin(project), ['--check', '--format', 'github'], directory)).toEqual({code: 0, stdout: '', stderr: ''})

    // The editor's configuration init wrote, with no remark-gfm and nothing copied: a page whose columns errgen.config.json names.
    const guide = path.join(directory, 'guide')
    await mkdir(guide)
    await writeFile(path.join(guide, 'errors.md'), '| Reply | Ident | Wording |\n| --- | --- | --- |\n| 400 | E_TOKEN | *token missing* |\n| 401 | E_AUTH | *not allowed* |\n')
    await writeFile(path.join(guide, 'errgen.config.json'), JSON.stringify({columns: {Reply: 'status', Ident: 'code', Wording: 'message'}}))
    const remark = (args: Array<string>) => outcome(process.execPath, [path.join(root, 'node_modules', 'remark-cli', 'cli.js'), ...args, '--frail', '--no-color'], directory)
    const read = await remark(['guide/errors.md'])
    expect([read.code, read.stderr.replace(/ +/g, ' ')]).toEqual([0, 'guide/errors.md: no issues found\n'])
    await rm(path.join(guide, 'errgen.config.json'))
    expect((await remark(['guide/errors.md'])).code).toBe(1)

    const document = path.join(directory, 'docs', 'errors.md')
    await writeFile(document, (await readFile(document, 'utf8')).replace('*type missing*', '*type absent*'))
    const failed = await outcome(bin(project), ['--check', '--format', 'github', '--allow-breaking'], directory)
    expect(failed.code).toBe(1)
    expect(failed.stdout).toBe(
      ['errors.ts', 'errors.schema.json', 'errors.openapi.yaml'].map((name) => '::error file=output/' + name + ',title=stale-output::output/' + name + ' is stale: code 1001 changed (name, message)\n').join('')
    )
  })

  test('its remark plugin, errgen/remark, checks a document in unified', async () => {
    const script = [
      "import remarkErrgen from 'errgen/remark'",
      "import remarkGfm from 'remark-gfm'",
      "import remarkParse from 'remark-parse'",
      "import {unified} from 'unified'",
      "import {VFile} from 'vfile'",
      "const file = new VFile({path: 'errors.md', value: '| HTTP | Code | Message | Resolve |\\n| --- | --- | --- | --- |\\n| 400 | 1 | *a* | A. |\\n| 400 | 1 | *b* | B. |\\n'})",
      'const processor = unified().use(remarkParse).use(remarkGfm).use(remarkErrgen)',
      'await processor.run(processor.parse(file), file)',
      'console.log(file.messages.map((message) => message.line + \':\' + message.column + \' \' + message.ruleId).join(\'\\n\'))',
      ''
    ].join('\n')
    await writeFile(path.join(project, 'remark.mjs'), script)
    const result = await outcome(process.execPath, ['remark.mjs'], project)
    expect([result.stdout, result.stderr]).toEqual(['4:9 duplicate-code\n', ''])
  })

  test('remark-cli runs it as the README sets it up: "errgen/remark" in a .remarkrc.json', async () => {
    const docs = path.join(project, 'remark-docs')
    await mkdir(docs, {recursive: true})
    await writeFile(path.join(project, '.remarkrc.json'), JSON.stringify({plugins: ['errgen/remark']}))
    // The errgen configuration nearest the document says how its tables are read, for the command and the plugin alike.
    await writeFile(path.join(docs, 'errgen.config.json'), JSON.stringify({codes: 'integer'}))
    await writeFile(path.join(docs, 'errors.md'), '| HTTP | Code | Message | Resolve |\n| --- | --- | --- | --- |\n| 400 | 1 | *a* | A. |\n| 400 | x | *b* | B. |\n')
    const cli = path.join(root, 'node_modules', 'remark-cli', 'cli.js')
    const result = await outcome(process.execPath, [cli, 'remark-docs', '--frail', '--quiet', '--no-color'], project)
    expect(result.code).toBe(1)
    expect(result.stderr.replace(/ +/g, ' ')).toContain('4:9-4:10 error Unexpected code `x`, expected an integer invalid-code errgen')
  })

  test('a consumer type-checks against the shipped types', async () => {
    const consumer = [
      "import {check, generate, IoError, type CatalogEntry, type CheckResult, type GenerateResult} from 'errgen'",
      "import remarkErrgen, {type Options} from 'errgen/remark'",
      'const options: Options = {codes: "integer", headings: ["Errors"]}',
      'export const plugin = [remarkErrgen, options] as const',
      'const result: GenerateResult = await generate({cwd: process.cwd(), style: "const"})',
      'const first: CatalogEntry | undefined = result.catalog?.entries[0]',
      'const code: number | string | undefined = first?.code',
      'const checked: CheckResult = await check({cwd: process.cwd(), input: ["docs/errors.md"], allowBreaking: false})',
      'const stale: readonly string[] = checked.stale',
      'export const summary = [result.ok, code, IoError.name, checked.current, stale]',
      '// @ts-expect-error: not a style',
      'await generate({style: "class"})',
      ''
    ].join('\n')
    await writeFile(path.join(project, 'consumer.ts'), consumer)
    await writeFile(
      path.join(project, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          strict: true,
          exactOptionalPropertyTypes: true,
          noEmit: true,
          module: 'nodenext',
          moduleResolution: 'nodenext',
          target: 'es2022',
          lib: ['es2023'],
          typeRoots: [path.join(root, 'node_modules', '@types')],
          types: ['node'],
          skipLibCheck: false
        },
        files: ['consumer.ts']
      })
    )
    const result = typeCheckProject(path.join(project, 'tsconfig.json'))
    expect(result.diagnostics).toBe('')
    // Not vacuous: the consumer, errgen's declarations and those of the packages they use were checked.
    expect(result.packages).toEqual(['@types/mdast', '@types/unist', 'errgen', 'vfile', 'vfile-message'])
  })
})
