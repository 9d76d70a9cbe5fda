/** The libraries' versions the manifest's fingerprint covers: the runtime closure as Node resolves it, and its cache, reused only while every folder and package.json it was read from is unchanged. */
import {mkdir, readFile, rm, writeFile} from 'node:fs/promises'
import path from 'node:path'
import fc from 'fast-check'
import {describe, expect, test} from 'vitest'
import {cachedDependencyVersions, dependencyVersions} from '../../generator/read/versions-io.js'
import {tempDirectory} from '../support/helpers.js'

/** Write a package.json into `directory`. */
async function writePackage(directory: string, name: string, version: string, dependencies: Record<string, string> = {}): Promise<void> {
  await mkdir(directory, {recursive: true})
  await writeFile(path.join(directory, 'package.json'), JSON.stringify({name, version, dependencies}))
}

/** A package `root` that needs `a` and `@s/b`; `a` needs `c`, which it has a copy of its own of; the root has another `c`. */
async function installed(): Promise<{root: string, cache: string}> {
  const directory = await tempDirectory()
  const root = path.join(directory, 'app')
  await writePackage(root, 'app', '1.0.0', {a: '^1', '@s/b': '^1'})
  await writePackage(path.join(root, 'node_modules', 'a'), 'a', '1.0.0', {c: '^2'})
  await writePackage(path.join(root, 'node_modules', 'a', 'node_modules', 'c'), 'c', '2.0.0')
  await writePackage(path.join(root, 'node_modules', 'c'), 'c', '1.0.0')
  await writePackage(path.join(root, 'node_modules', '@s', 'b'), '@s/b', '1.2.0', {c: '^1'})
  return {root, cache: path.join(directory, 'cache', 'dependencies.json')}
}

describe('the libraries errgen runs with', () => {
  test('are the closure of its runtime dependencies, each as Node resolves it from the package that needs it', async () => {
    const {root} = await installed()
    expect(dependencyVersions(root)).toEqual(['@s/b@1.2.0', 'a@1.0.0', 'c@1.0.0', 'c@2.0.0'])
  })

  test('are read from the cache while nothing they were read from changed, and again when a package is edited, added or removed', async () => {
    const {root, cache} = await installed()
    expect(cachedDependencyVersions(root, cache)).toEqual(['@s/b@1.2.0', 'a@1.0.0', 'c@1.0.0', 'c@2.0.0'])
    // The cache is what answers: an answer planted in it is given back while the files are as they were.
    const planted = JSON.parse(await readFile(cache, 'utf8')) as {versions: Array<string>}
    await writeFile(cache, JSON.stringify({...planted, versions: ['planted@0']}))
    expect(cachedDependencyVersions(root, cache)).toEqual(['planted@0'])
    // A package.json edited in place (as a hand edit or a patch would): its version is read again.
    await writePackage(path.join(root, 'node_modules', '@s', 'b'), '@s/b', '1.3.0', {c: '^1'})
    expect(cachedDependencyVersions(root, cache)).toEqual(['@s/b@1.3.0', 'a@1.0.0', 'c@1.0.0', 'c@2.0.0'])
    // A nested copy removed: `a` now resolves `c` from the root.
    await rm(path.join(root, 'node_modules', 'a', 'node_modules'), {recursive: true})
    expect(cachedDependencyVersions(root, cache)).toEqual(['@s/b@1.3.0', 'a@1.0.0', 'c@1.0.0'])
    // A nested copy installed where there was no node_modules folder.
    await writePackage(path.join(root, 'node_modules', '@s', 'b', 'node_modules', 'c'), 'c', '1.5.0')
    expect(cachedDependencyVersions(root, cache)).toEqual(['@s/b@1.3.0', 'a@1.0.0', 'c@1.0.0', 'c@1.5.0'])
    // A cache that is not JSON is not taken.
    await writeFile(cache, '{')
    expect(cachedDependencyVersions(root, cache)).toEqual(dependencyVersions(root))
  })

  test('from the cache are always what a walk gives (random installs, removals and edits)', async () => {
    const {root, cache} = await installed()
    const places = [path.join(root, 'node_modules'), path.join(root, 'node_modules', 'a', 'node_modules'), path.join(root, 'node_modules', '@s', 'b', 'node_modules')]
    const step = fc.record({place: fc.nat(places.length - 1), name: fc.constantFrom('a', 'c', 'd'), version: fc.constantFrom('1.0.0', '2.0.0', '3.1.4'), remove: fc.boolean(), needs: fc.constantFrom('c', 'd')})
    await fc.assert(
      fc.asyncProperty(fc.array(step, {minLength: 1, maxLength: 6}), async (steps) => {
        for (const {place, name, version, remove, needs} of steps) {
          const folder = path.join(places[place] ?? root, name)
          if (remove) await rm(folder, {recursive: true, force: true})
          else await writePackage(folder, name, version, name === needs ? {} : {[needs]: '*'})
          expect(cachedDependencyVersions(root, cache)).toEqual(dependencyVersions(root))
        }
      }),
      {numRuns: 40}
    )
  })
})
