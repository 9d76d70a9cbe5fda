/** The lockfile against errgen's engines and its pins: every package `npm ci` installs accepts the oldest Node errgen supports, so that the install prints no EBADENGINE warning; every parse builds its tree with the one mdast-util-from-markdown errgen's range allows. */
import {readFile} from 'node:fs/promises'
import path from 'node:path'
import semver from 'semver'
import {describe, expect, test} from 'vitest'
import {root} from './support/helpers.js'

interface Locked {
  readonly version?: string
  readonly engines?: {readonly node?: string} | ReadonlyArray<string>
}

const manifest = JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8')) as {engines: {node: string}, dependencies: Record<string, string>}
const lock = JSON.parse(await readFile(path.join(root, 'package-lock.json'), 'utf8')) as {packages: Record<string, Locked>}

/** The packages whose `engines.node` refuses a Node version. */
function refusing(version: string): Array<string> {
  return Object.entries(lock.packages).flatMap(([where, locked]) => {
    const range = locked.engines && !Array.isArray(locked.engines) ? (locked.engines as {node?: string}).node : undefined
    return range && !semver.satisfies(version, range) ? [where + '@' + locked.version + ' (node ' + range + ')'] : []
  })
}

describe('the locked dependencies', () => {
  test('all accept the oldest Node errgen supports and the Node running the tests', () => {
    const oldest = semver.minVersion(manifest.engines.node)?.version
    expect(oldest).toBe('20.0.0')
    expect(refusing('20.19.0')).toEqual([])
    expect(refusing(process.version)).toEqual([])
  })
})

describe('the tree builder', () => {
  // mdast-util-from-markdown 2.1 makes an object for every event as `{...context, sliceSerialize}`, a spread then a
  // property, which V8 11 (Node 20) runs about 10 times slower than 2.0's Object.assign: the parse took twice as long
  // (docs/performance.md). errgen asks for 2.0; remark-parse and the GFM utilities accept it (^2.0.0).
  test('is one copy, in the range errgen asks for, which every package that needs it accepts', () => {
    const range = manifest.dependencies['mdast-util-from-markdown']
    expect(range).toBe('~2.0.3')
    const copies = Object.entries(lock.packages).filter(([where]) => where.endsWith('node_modules/mdast-util-from-markdown'))
    expect(copies.map(([where, locked]) => [where, semver.satisfies(locked.version ?? '', String(range))])).toEqual([['node_modules/mdast-util-from-markdown', true]])
    const needing = Object.entries(lock.packages).flatMap(([where, locked]) => {
      const wanted = (locked as {dependencies?: Record<string, string>}).dependencies?.['mdast-util-from-markdown']
      return wanted === undefined ? [] : [[where, semver.subset(String(range), wanted)] as const]
    })
    expect(needing.map(([where]) => where)).toContain('node_modules/remark-parse')
    expect(needing.filter(([, accepts]) => !accepts)).toEqual([])
  })
})
