/** The layout is the architecture: the sources are TypeScript in stage folders of bounded size, each file says what it takes and gives, I/O lives only in modules named for it, and every package the generator imports is a runtime dependency. */
import {readdir, readFile} from 'node:fs/promises'
import {builtinModules} from 'node:module'
import path from 'node:path'
import ts from 'typescript'
import {describe, expect, test} from 'vitest'
import {root} from './support/helpers.js'

/** Modules whose import means the importer does I/O: the file system, other processes. */
const ioModules = ['node:fs', 'node:fs/promises', 'node:child_process']

const manifest = JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>
  devDependencies: Record<string, string>
}

/** Every file below a directory, relative to the repository, skipping fixtures (documents and generated outputs). */
async function filesUnder(directory: string): Promise<Array<string>> {
  const entries = await readdir(path.join(root, directory), {recursive: true, withFileTypes: true})
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .filter((file) => !file.startsWith('test/fixtures/'))
    .sort()
}

const generatorFiles = (await filesUnder('generator')).filter((file) => file.endsWith('.ts'))

/** The module specifiers a source file imports, type-only imports included. */
async function importsOf(file: string): Promise<Array<string>> {
  const info = ts.preProcessFile(await readFile(path.join(root, file), 'utf8'), true, true)
  return info.importedFiles.map((imported) => imported.fileName)
}

/** `@scope/name/sub` → `@scope/name`; `name/sub` → `name`. */
function packageOf(specifier: string): string {
  const parts = specifier.split('/')
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? specifier)
}

describe('the layout', () => {
  test('generator/, test/ and bench/ hold TypeScript only (JSON assets and fixtures aside)', async () => {
    const files = [...(await filesUnder('generator')), ...(await filesUnder('test')), ...(await filesUnder('bench'))]
    const other = files.filter((file) => !file.endsWith('.ts') && !file.endsWith('.json'))
    expect(other).toEqual([])
    expect(files.filter((file) => file.endsWith('.ts')).length).toBeGreaterThan(60)
  })

  test('no source file over 300 lines, no folder of the generator over 8 files', async () => {
    const sources = [...generatorFiles, ...(await filesUnder('test')), ...(await filesUnder('bench'))].filter((file) => file.endsWith('.ts'))
    const long: Array<string> = []
    for (const file of sources) {
      const lines = (await readFile(path.join(root, file), 'utf8')).split('\n').length - 1
      if (lines > 300) long.push(file + ': ' + lines + ' lines')
    }
    expect(long).toEqual([])
    const byFolder = new Map<string, Array<string>>()
    for (const file of generatorFiles) byFolder.set(path.posix.dirname(file), [...(byFolder.get(path.posix.dirname(file)) ?? []), file])
    const crowded = [...byFolder].filter(([, files]) => files.length > 8).map(([folder, files]) => folder + ': ' + files.length)
    expect(crowded).toEqual([])
    expect([...byFolder.keys()].sort()).toEqual([
      'generator',
      'generator/build',
      'generator/catalog',
      'generator/cli',
      'generator/config',
      'generator/config/settings',
      'generator/contract',
      'generator/diagnostics',
      'generator/emit',
      'generator/emit/parallel',
      'generator/emit/schema',
      'generator/init',
      'generator/locales',
      'generator/params',
      'generator/parse',
      'generator/read',
      'generator/remark',
      'generator/tables',
      'generator/tables/cells',
      'generator/tables/header',
      'generator/targets',
      'generator/targets/dictionary',
      'generator/targets/go',
      'generator/targets/json-schema',
      'generator/targets/openapi',
      'generator/targets/python',
      'generator/targets/typescript',
      'generator/targets/typescript/messages',
      'generator/write'
    ])
  })

  test('every source file starts with a one-line doc comment saying what it takes and gives', async () => {
    const sources = [...generatorFiles, ...(await filesUnder('test')), ...(await filesUnder('bench'))].filter((file) => file.endsWith('.ts'))
    const undocumented: Array<string> = []
    for (const file of sources) {
      const first = (await readFile(path.join(root, file), 'utf8')).replace(/^#!.*\n/, '').split('\n')[0] ?? ''
      if (!/^\/\*\* \S.*\*\/$/.test(first)) undocumented.push(file)
    }
    expect(undocumented).toEqual([])
  })

  test('only modules named for it (`-io`) touch the file system or other processes', async () => {
    const offenders: Array<string> = []
    const named: Array<string> = []
    for (const file of generatorFiles) {
      const io = (await importsOf(file)).filter((specifier) => ioModules.includes(specifier))
      if (file.endsWith('-io.ts')) named.push(file)
      if (io.length > 0 && !file.endsWith('-io.ts')) offenders.push(file + ' imports ' + io.join(', '))
    }
    expect(offenders).toEqual([])
    expect(named.length).toBeGreaterThan(5)
  })

  test('every package the generator imports, types included, is a runtime dependency', async () => {
    const builtins = new Set(builtinModules.flatMap((name) => [name, 'node:' + name]))
    const missing = new Set<string>()
    const used = new Set<string>()
    for (const file of generatorFiles) {
      for (const specifier of await importsOf(file)) {
        if (specifier.startsWith('.') || builtins.has(specifier)) continue
        const name = packageOf(specifier)
        used.add(name)
        const typesName = '@types/' + name
        if (!(name in manifest.dependencies) && !(typesName in manifest.dependencies)) missing.add(name)
      }
    }
    expect([...missing]).toEqual([])
    expect(used).toContain('ts-morph')
    expect(used).toContain('ajv')
  })

  test('nothing under generator/ imports a test helper or a devDependency', async () => {
    const wrong: Array<string> = []
    for (const file of generatorFiles) {
      for (const specifier of await importsOf(file)) {
        if (specifier.includes('/test/') || specifier.startsWith('../test') || specifier === 'vitest') wrong.push(file + ' → ' + specifier)
        const name = packageOf(specifier)
        if (name in manifest.devDependencies && !(name in manifest.dependencies)) wrong.push(file + ' → ' + specifier + ' (a devDependency)')
      }
    }
    expect(wrong).toEqual([])
  })

  test('a target folder holds no I/O: no -io module, no import of the file system or other processes', async () => {
    const inTargets = generatorFiles.filter((file) => file.startsWith('generator/targets/'))
    const offenders: Array<string> = []
    for (const file of inTargets) {
      const io = (await importsOf(file)).filter((specifier) => ioModules.includes(specifier))
      if (file.endsWith('-io.ts') || io.length > 0) offenders.push(file)
    }
    expect(offenders).toEqual([])
    expect(inTargets.length).toBeGreaterThan(10)
  })

  test('only the registry lists targets: it imports every target folder, nothing else imports one, no other module names a target\'s key', async () => {
    const folders = [...new Set(generatorFiles.filter((file) => /^generator\/targets\/[^/]+\//.test(file)).map((file) => file.split('/')[2] as string))].sort()
    const registry = 'generator/targets/index.ts'
    const listed = (await importsOf(registry)).filter((specifier) => /^\.\/[^/]+\/index\.js$/.test(specifier)).map((specifier) => specifier.split('/')[1] as string)
    expect([...listed].sort()).toEqual(folders)

    const {targets} = await import('../generator/targets/index.js')
    const keys = new Set<string>(targets.map((target) => target.key))
    expect(keys.size).toBe(folders.length)
    const intruders: Array<string> = []
    for (const file of generatorFiles) {
      const folder = /^generator\/targets\/([^/]+)\//.exec(file)?.[1]
      for (const specifier of await importsOf(file)) {
        const target = path.posix.join(path.posix.dirname(file), specifier)
        const into = /^generator\/targets\/([^/]+)\//.exec(target)?.[1]
        if (into !== undefined && into !== folder && file !== registry) intruders.push(file + ' imports ' + specifier)
      }
      if (folder === undefined) intruders.push(...(await keyLiterals(file, keys)).map((key) => file + ' names the target key ' + key))
    }
    expect(intruders).toEqual([])
  })
})

/** The string literals of a source file that are a target's key (`'openapi'`): a list of targets outside the registry. */
async function keyLiterals(file: string, keys: ReadonlySet<string>): Promise<Array<string>> {
  const source = ts.createSourceFile(file, await readFile(path.join(root, file), 'utf8'), ts.ScriptTarget.Latest, true)
  const found: Array<string> = []
  const visit = (node: ts.Node): void => {
    if ((ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) && keys.has(node.text)) found.push(node.text)
    ts.forEachChild(node, visit)
  }
  visit(source)
  return found
}
