/** The spine: documents and options in, the catalog and outputs out, whichever parser gives the trees — and a parser that fails (a worker that crashed) fails the run instead of being papered over. */
import {VFile} from 'vfile'
import {describe, expect, test} from 'vitest'
import {compile} from '../generator/spine.js'
import {parseInThisThread} from '../generator/parse/parse.js'
import {configFor} from './support/helpers.js'

const document = '| HTTP | Code | Message | Resolve |\n| --- | --- | --- | --- |\n| 400 | 1 | bad | Fix it. |\n'

describe('compile', () => {
  test('gives the same catalog and outputs from the worker threads as from this thread', async () => {
    const options = configFor(['errors.md'], {})
    const inWorkers = await compile([new VFile({path: 'errors.md', value: document})], options)
    const here = await compile([new VFile({path: 'errors.md', value: document})], options, parseInThisThread)
    expect(inWorkers.ok).toBe(true)
    expect(inWorkers.catalog.entries.map((entry) => entry.name)).toEqual(['Bad'])
    expect(inWorkers.files).toEqual(here.files)
  })

  test('a parser that fails rejects the run with its error: no fallback hides a broken worker', async () => {
    const options = configFor(['errors.md'], {})
    const broken = () => Promise.reject(new Error('parse worker exited with code 1'))
    await expect(compile([new VFile({path: 'errors.md', value: document})], options, broken)).rejects.toThrow('parse worker exited with code 1')
  })

  test('a parser that gives too few trees is a bug, said as such', async () => {
    const options = configFor(['a.md', 'b.md'], {})
    const short = async () => []
    const files = [new VFile({path: 'a.md', value: document}), new VFile({path: 'b.md', value: document})]
    await expect(compile(files, options, short)).rejects.toThrow('expected a tree for document 0, the parser gave 0')
  })
})
