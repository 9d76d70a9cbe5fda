/** The options of the worker threads errgen starts (generator/threads.ts): no host options, and the compile cache of the thread that starts them; every `new Worker` of the generator takes them. */
import {readdir, readFile} from 'node:fs/promises'
import nodeModule from 'node:module'
import path from 'node:path'
import {afterEach, describe, expect, test} from 'vitest'
import {threadOptions} from '../generator/threads.js'
import {root} from './support/helpers.js'

const compileCache = nodeModule as {getCompileCacheDir?: () => string | undefined}
const ownFunction = Object.getOwnPropertyDescriptor(nodeModule, 'getCompileCacheDir')

afterEach(() => {
  if (ownFunction) Object.defineProperty(nodeModule, 'getCompileCacheDir', ownFunction)
  else delete compileCache.getCompileCacheDir
})

describe('threadOptions', () => {
  test("without a compile cache (Node 20, or one not enabled), none of the host's options and its environment as it is", () => {
    compileCache.getCompileCacheDir = () => undefined
    expect(threadOptions()).toEqual({execArgv: []})
    delete compileCache.getCompileCacheDir
    expect(threadOptions()).toEqual({execArgv: []})
  })

  test("with one, the worker's environment names its directory, and the host's is left as it is", () => {
    const before = process.env['NODE_COMPILE_CACHE']
    compileCache.getCompileCacheDir = () => '/tmp/node-compile-cache'
    expect(threadOptions()).toEqual({execArgv: [], env: {...process.env, NODE_COMPILE_CACHE: '/tmp/node-compile-cache'}})
    expect(process.env['NODE_COMPILE_CACHE']).toBe(before)
  })

  test('every worker the generator starts is given them', async () => {
    const starts: Array<string> = []
    const files = (await readdir(path.join(root, 'generator'), {recursive: true})).filter((file) => file.endsWith('.ts'))
    for (const file of files) {
      const text = await readFile(path.join(root, 'generator', file), 'utf8')
      starts.push(...(text.match(/new Worker\([^)]*\)/g) ?? []).map((call) => file + ': ' + call))
    }
    // The parse workers' pool, a cold run's emit worker and a session's.
    expect(starts.map((call) => call.split(':')[0]).sort()).toEqual(['emit/parallel/outputs.ts', 'emit/parallel/session.ts', 'parse/workers.ts'])
    expect(starts.filter((call) => !call.includes('threadOptions()'))).toEqual([])
  })
})
