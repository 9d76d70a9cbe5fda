/** The manifest never proves stale outputs current: it fingerprints the bytes a run parsed, the list of outputs, the configuration, the project's version and errgen's libraries (not the project's lockfiles or other dependencies), and the fast path falls through to the full run whenever the disk is not what it fingerprinted. */
import {cp, mkdir, readFile, rm, writeFile} from 'node:fs/promises'
import path from 'node:path'
import fc from 'fast-check'
import {describe, expect, test} from 'vitest'
import {fastPath} from '../../generator/cli/fast-path.js'
import {outputArgs} from '../../generator/cli/flags.js'
import {version} from '../../generator/cli/version-io.js'
import {prepare} from '../../generator/spine.js'
import {readOnDisk, writeChanged} from '../../generator/write/apply-io.js'
import {snapshotSettings} from '../../generator/write/manifest-io.js'
import {runInProcess, seed, tempDirectory} from '../support/helpers.js'

/** A package inside a workspace: `<workspace>/pkg` with the seed as its document; the workspace may hold a lockfile. */
async function workspace(): Promise<{root: string, pkg: string}> {
  const root = await tempDirectory()
  const pkg = path.join(root, 'pkg')
  await mkdir(path.join(pkg, 'input'), {recursive: true})
  await cp(seed, path.join(pkg, 'input', 'error-codes.md'))
  return {root, pkg}
}

/** The fast path's answer: 0 (current), or undefined (left to the full run). */
async function fast(argv: ReadonlyArray<string>, cwd: string): Promise<number | undefined> {
  return fastPath(argv, {cwd, stdout: () => {}, stderr: () => {}})
}

/** The full run's answer, never the fast path's. */
async function full(argv: ReadonlyArray<string>, cwd: string): Promise<number> {
  return (await runInProcess(argv, cwd)).code
}

describe('the manifest', () => {
  test('fingerprints the bytes that were parsed: a document saved while a run generates leaves the outputs stale, not current', async () => {
    const {pkg} = await workspace()
    const input = path.join(pkg, 'input', 'error-codes.md')
    const settings = await snapshotSettings(pkg, undefined)
    const prepared = await prepare({cwd: pkg})
    await writeFile(input, (await readFile(input, 'utf8')).replace('*type missing*', '*type parameter missing*'))
    const out = path.join(pkg, 'output')
    const generated = {
      cwd: pkg,
      out,
      shownOut: 'output',
      files: prepared.files,
      input: prepared.config?.input ?? [],
      documents: prepared.documents,
      codes: prepared.catalog?.entries.length ?? 0,
      settings,
      warnings: [],
      stylish: '',
      version,
      args: outputArgs({input: undefined, out: undefined, style: undefined})
    }
    await writeChanged(await readOnDisk(generated), generated, false)
    expect(await full(['--check'], pkg)).toBe(1)
    expect(await fast(['--check'], pkg)).toBeUndefined()
  })

  test('covers its list of outputs: an entry cut from it, and its file deleted, is not current', async () => {
    const {pkg} = await workspace()
    await full(['--quiet'], pkg)
    expect(await fast(['--check'], pkg)).toBe(0)
    const manifestPath = path.join(pkg, 'output', '.errgen-manifest.json')
    const manifest = JSON.parse(await readFile(manifestPath, 'utf8')) as {outputs: Record<string, string>}
    delete manifest.outputs['error-codes.ts']
    await writeFile(manifestPath, JSON.stringify(manifest, null, 2) + '\n')
    await rm(path.join(pkg, 'output', 'error-codes.ts'))
    expect(await full(['--check'], pkg)).toBe(1)
    expect(await fast(['--check'], pkg)).toBeUndefined()
  })

  test.each(['yarn.lock', 'pnpm-lock.yaml', 'bun.lock', 'package-lock.json'])('a %s, an unrelated dependency and the project\'s other fields change neither the manifest nor --check', async (name) => {
    const {root, pkg} = await workspace()
    await writeFile(path.join(pkg, 'package.json'), JSON.stringify({name: 'api', version: '1.2.0', dependencies: {}}, null, 2) + '\n')
    await full(['--quiet'], pkg)
    const manifestPath = path.join(pkg, 'output', '.errgen-manifest.json')
    const written = await readFile(manifestPath, 'utf8')
    await writeFile(path.join(pkg, name), 'a dependency upgraded\n')
    await writeFile(path.join(root, name), 'the workspace upgraded\n')
    await mkdir(path.join(pkg, 'node_modules', 'left-pad'), {recursive: true})
    await writeFile(path.join(pkg, 'node_modules', 'left-pad', 'package.json'), JSON.stringify({name: 'left-pad', version: '1.3.0'}))
    await writeFile(path.join(pkg, 'package.json'), JSON.stringify({name: 'api', version: '1.2.0', description: 'The API', dependencies: {'left-pad': '^1.3.0'}}, null, 2) + '\n')
    expect(await fast(['--check'], pkg)).toBe(0)
    expect(await full(['--check'], pkg)).toBe(0)
    expect(await full(['--quiet'], pkg)).toBe(0)
    expect(await readFile(manifestPath, 'utf8')).toBe(written)
  })

  test('a configuration in package.json: a dependency added above its "errgen" key changes neither the manifest nor --check', async () => {
    const {pkg} = await workspace()
    const project = {name: 'api', version: '1.2.0', dependencies: {fastify: '^5.0.0'}, errgen: {typescript: {style: 'const'}}}
    await writeFile(path.join(pkg, 'package.json'), JSON.stringify(project, null, 2) + '\n')
    await full(['--quiet'], pkg)
    const manifestPath = path.join(pkg, 'output', '.errgen-manifest.json')
    const written = await readFile(manifestPath, 'utf8')
    const grown = {...project, dependencies: {'@fastify/cors': '^11.0.0', fastify: '^5.0.0', zod: '^4.0.0'}, scripts: {generate: 'errgen'}}
    await writeFile(path.join(pkg, 'package.json'), JSON.stringify(grown, null, 2) + '\n')
    expect(await fast(['--check'], pkg)).toBe(0)
    expect(await full(['--quiet'], pkg)).toBe(0)
    expect(await readFile(manifestPath, 'utf8')).toBe(written)
  })

  test('the project\'s version (OpenAPI\'s) and an "errgen" key added to package.json are seen', async () => {
    const {pkg} = await workspace()
    await writeFile(path.join(pkg, 'package.json'), JSON.stringify({name: 'api', version: '1.2.0'}) + '\n')
    await full(['--quiet'], pkg)
    expect(await fast(['--check'], pkg)).toBe(0)
    await writeFile(path.join(pkg, 'package.json'), JSON.stringify({name: 'api', version: '1.3.0'}) + '\n')
    expect(await fast(['--check'], pkg)).toBeUndefined()
    expect(await full(['--check'], pkg)).toBe(1)
    await full(['--quiet'], pkg)
    await writeFile(path.join(pkg, 'package.json'), JSON.stringify({name: 'api', version: '1.3.0', errgen: {typescript: {style: 'const'}}}) + '\n')
    expect(await fast(['--check'], pkg)).toBeUndefined()
    expect(await full(['--check'], pkg)).toBe(1)
  })

  test('a clone at another depth takes the fast path and leaves the manifest untouched', async () => {
    const {pkg} = await workspace()
    await full(['--quiet'], pkg)
    const written = await readFile(path.join(pkg, 'output', '.errgen-manifest.json'), 'utf8')
    for (const depth of [['shallow'], ['ci', 'builds', 'org', 'project']]) {
      const clone = path.join(await tempDirectory(), ...depth)
      await cp(pkg, clone, {recursive: true})
      expect(await fast(['--check'], clone), depth.join('/')).toBe(0)
      expect(await fast(['--check', '--format', 'github'], clone), depth.join('/')).toBe(0)
      expect(await full(['--quiet'], clone)).toBe(0)
      expect(await readFile(path.join(clone, 'output', '.errgen-manifest.json'), 'utf8')).toBe(written)
    }
  })

  test('a run killed between two renames leaves a set the fast path does not take for current, and the next run heals', async () => {
    const {pkg} = await workspace()
    await full(['--quiet'], pkg)
    const input = path.join(pkg, 'input', 'error-codes.md')
    await writeFile(input, (await readFile(input, 'utf8')).replace('*type missing*', '*type parameter missing*'))
    const fresh = await tempDirectory()
    await full(['--out', fresh, '--allow-outside', '--quiet'], pkg)
    await cp(path.join(fresh, 'error-codes.ts'), path.join(pkg, 'output', 'error-codes.ts'))
    expect(await fast(['--check'], pkg)).toBeUndefined()
    expect(await full(['--check'], pkg)).toBe(1)
    expect(await full(['--quiet'], pkg)).toBe(0)
    expect(await fast(['--check'], pkg)).toBe(0)
  })

  test('leaves a configuration it cannot read to the full run, which exits 2', async () => {
    const {pkg} = await workspace()
    await full(['--quiet'], pkg)
    await mkdir(path.join(pkg, 'errgen.config.json'))
    expect(await fast(['--check'], pkg)).toBeUndefined()
    expect(await full(['--check'], pkg)).toBe(2)
    await rm(path.join(pkg, 'errgen.config.json'), {recursive: true})
    // Not JSON: no configuration in it, and no version; both paths say the same.
    await writeFile(path.join(pkg, 'package.json'), '{"errgen": ')
    expect(await fast(['--check'], pkg)).toBe(await full(['--check'], pkg))
  })

  test('the fast and the full --check agree over edits, killed runs, tampering, lockfiles and unreadable settings', async () => {
    const {root, pkg} = await workspace()
    const input = path.join(pkg, 'input', 'error-codes.md')
    const original = await readFile(input, 'utf8')
    await full(['--quiet'], pkg)
    const manifestPath = path.join(pkg, 'output', '.errgen-manifest.json')
    let answered = 0
    const regenerate = () => full(['--quiet'], pkg)
    const edits: Array<fc.Arbitrary<() => Promise<unknown>>> = [
      fc.constant(regenerate),
      fc.constantFrom('*type missing*', 'Resolve').map((needle) => async () => writeFile(input, (await readFile(input, 'utf8')).replace(needle, needle + 'x'))),
      fc.constant(() => writeFile(input, original)),
      fc.constantFrom(path.join(pkg, 'yarn.lock'), path.join(root, 'pnpm-lock.yaml')).map((file) => () => writeFile(file, String(Math.random()))),
      fc.constantFrom('1.0.0', '2.0.0').map((version) => () => writeFile(path.join(pkg, 'package.json'), JSON.stringify({name: 'api', version}))),
      fc.constantFrom('error-codes.ts', 'error-codes.openapi.yaml').map((name) => () => rm(path.join(pkg, 'output', name), {force: true})),
      fc.constant(async () => {
        const manifest = JSON.parse(await readFile(manifestPath, 'utf8').catch(() => '{"outputs": {}}')) as {outputs: Record<string, string>}
        manifest.outputs = Object.fromEntries(Object.entries(manifest.outputs ?? {}).slice(1))
        await writeFile(manifestPath, JSON.stringify(manifest))
      }),
      fc.constant(async () => {
        await rm(path.join(pkg, 'errgen.config.json'), {recursive: true, force: true})
        await mkdir(path.join(pkg, 'errgen.config.json'))
      }),
      fc.constant(() => rm(path.join(pkg, 'errgen.config.json'), {recursive: true, force: true})),
      fc.constantFrom('error-codes.ts', 'error-codes.schema.json').map((name) => async () => {
        // A run killed between two renames: this output is the new one, the others and the manifest are the old ones.
        const fresh = await tempDirectory()
        await full(['--out', fresh, '--allow-outside', '--quiet'], pkg)
        await cp(path.join(fresh, name), path.join(pkg, 'output', name)).catch(() => undefined)
      })
    ]
    await fc.assert(
      fc.asyncProperty(fc.array(fc.oneof(...edits), {minLength: 1, maxLength: 4}), async (steps) => {
        await rm(path.join(pkg, 'errgen.config.json'), {recursive: true, force: true})
        for (const step of steps) await step()
        const answer = await fast(['--check'], pkg)
        if (answer !== undefined) expect(answer).toBe(await full(['--check'], pkg))
        answered += answer === undefined ? 0 : 1
      }),
      {numRuns: 30, examples: [[[regenerate]], [[regenerate, regenerate]]]}
    )
    expect(answered).toBeGreaterThan(0)
  })
})
