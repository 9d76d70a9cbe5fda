/** Golden fixtures: each test/fixtures/<case>/ holds an input.md (or an errgen.config.json naming its documents), the exact diagnostics errgen prints for it, and, when it is valid, the outputs. Run with UPDATE_FIXTURES=1 to rewrite the expectations. */
import {mkdir, readdir, readFile, rm, writeFile} from 'node:fs/promises'
import path from 'node:path'
import {describe, expect, test} from 'vitest'
import {readTree, root, runInProcess, tempDirectory} from './helpers.js'
import {expectValidOutputs} from './validators.js'

const fixtures = path.join(root, 'test', 'fixtures')
const update = process.env.UPDATE_FIXTURES === '1'
const cases = (await readdir(fixtures, {withFileTypes: true})).filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort()

/**
 * @param {string} file
 * @returns {Promise<string | undefined>}
 */
async function readOptional(file) {
  try {
    return await readFile(file, 'utf8')
  } catch {
    return undefined
  }
}

describe('fixtures', () => {
  test.each(cases)('%s', async (name) => {
    const directory = path.join(fixtures, name)
    const out = await tempDirectory()
    const configured = (await readOptional(path.join(directory, 'errgen.config.json'))) !== undefined
    const result = await runInProcess(configured ? ['--out', out] : ['--input', 'input.md', '--out', out], directory)
    const expectedOutput = path.join(directory, 'output')
    const diagnosticsFile = path.join(directory, 'diagnostics.txt')

    if (update) {
      await writeFile(diagnosticsFile, result.stderr)
      await rm(expectedOutput, {recursive: true, force: true})
      if (result.code === 0) {
        await mkdir(expectedOutput)
        for (const [file, bytes] of await readTree(out)) await writeFile(path.join(expectedOutput, file), bytes)
      }
    }

    const diagnostics = await readOptional(diagnosticsFile)
    expect(diagnostics, 'missing ' + diagnosticsFile + ' (run with UPDATE_FIXTURES=1)').toBeDefined()
    expect(result.stderr).toBe(diagnostics)
    const invalid = /  error  /.test(result.stderr)
    expect(result.code).toBe(invalid ? 1 : 0)
    const generated = await readTree(out)
    if (invalid) {
      expect(generated.size).toBe(0)
    } else {
      const expected = await readTree(expectedOutput)
      expect([...generated.keys()]).toEqual([...expected.keys()])
      for (const [file, bytes] of generated) expect(bytes.toString('utf8'), file).toBe(expected.get(file)?.toString('utf8'))
      await expectValidOutputs(generated)
    }
  })
})
