/** The options of the worker threads errgen starts (generator/threads.ts): no host options, and the compile cache of the thread that starts them; every `new Worker` of the generator takes them; and the command's --watch session, which runs in a thread of its own with a larger young generation. */
import {readdir, readFile} from 'node:fs/promises'
import nodeModule from 'node:module'
import path from 'node:path'
import {afterEach, describe, expect, test} from 'vitest'
import {threadOptions} from '../generator/threads.js'
import {runInWatchThread, startsSession, watchThreadOptions, youngGenerationMb} from '../generator/cli/watch/thread-io.js'
import {project, root} from './support/helpers.js'

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
    // The parse workers' pool, the emit worker and the command's --watch session (watchThreadOptions, below).
    expect(starts).toHaveLength(3)
    expect(starts.filter((call) => !/threadOptions\(\)|watchThreadOptions\(/.test(call))).toEqual([])
  })
})

describe("the command's --watch session thread", () => {
  test('is started for a --watch session only: not for help, the version, a usage error or a single run', () => {
    expect([['--watch'], ['-w', 'docs/*.md'], ['--watch', '--format', 'github', '--out', 'generated']].map(startsSession)).toEqual([true, true, true])
    expect([[], ['--check'], ['--watch', '--help'], ['--watch', '--version'], ['--watch', '--check'], ['--watch', '--bogus'], ['init']].map(startsSession)).toEqual([false, false, false, false, false, false, false])
  })

  test("is given every thread's options, what it runs, and a young generation of three 64 MB semi-spaces", () => {
    expect(youngGenerationMb).toBe(192)
    expect(watchThreadOptions(['--watch', '-i', 'a.md'], '/project', true)).toEqual({
      ...threadOptions(),
      workerData: {argv: ['--watch', '-i', 'a.md'], cwd: '/project', tty: true},
      resourceLimits: {maxYoungGenerationSizeMb: youngGenerationMb}
    })
  })

  test('runs the session in the thread: its first run writes the outputs, and a stop ends it with exit code 0', async () => {
    const directory = await project()
    const stop = new AbortController()
    stop.abort()
    expect(await runInWatchThread(['--watch', '--quiet'], directory, false, stop.signal)).toBe(0)
    // The committed outputs are the seed's with the default configuration, as this project's (the OpenAPI document's version is its package's).
    for (const name of ['error-codes.ts', 'error-codes.schema.json']) {
      expect(await readFile(path.join(directory, 'output', name), 'utf8'), name).toBe(await readFile(path.join(root, 'output', name), 'utf8'))
    }
  })
})
