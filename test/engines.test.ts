/** The lockfile against errgen's engines: every package `npm ci` installs accepts the oldest Node errgen supports, so that the install prints no EBADENGINE warning. */
import {readFile} from 'node:fs/promises'
import path from 'node:path'
import semver from 'semver'
import {describe, expect, test} from 'vitest'
import {root} from './support/helpers.js'

interface Locked {
  readonly version?: string
  readonly engines?: {readonly node?: string} | ReadonlyArray<string>
}

const manifest = JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8')) as {engines: {node: string}}
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
