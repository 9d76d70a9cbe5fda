/** The committed output/ is what the seed generates, byte for byte, and every run gives the same bytes. */
import {describe, expect, test} from 'vitest'
import {committedOutput, type Outcome, readTree, runProcess, tempDirectory} from './support/helpers.js'

/** The bin's run of the seed into an empty directory under UTC and the C locale: made once, for both tests. */
let utcRun: Promise<{out: string, result: Outcome}> | undefined

function regeneratedInUtc(): Promise<{out: string, result: Outcome}> {
  utcRun ??= tempDirectory().then(async (out) => ({out, result: await runProcess(['--out', out, '--allow-outside'], undefined, {TZ: 'UTC', LANG: 'C'})}))
  return utcRun
}

describe('golden output', () => {
  test('regenerating the seed into an empty directory gives the committed output/, byte for byte', async () => {
    const {out, result} = await regeneratedInUtc()
    expect(result.code).toBe(0)
    const generated = await readTree(out)
    const committed = await readTree(committedOutput)
    expect([...generated.keys()]).toEqual(['error-codes.openapi.yaml', 'error-codes.schema.json', 'error-codes.ts'])
    expect([...committed.keys()]).toEqual([...generated.keys()])
    for (const [name, bytes] of generated) {
      expect(bytes.toString('utf8'), name).toBe(committed.get(name)?.toString('utf8'))
    }
  })

  test('is deterministic: two runs under other time zones and locales give identical bytes, LF only, final newline', async () => {
    const second = await tempDirectory()
    const [{out: first, result: a}, b] = await Promise.all([
      regeneratedInUtc(),
      runProcess(['--out', second, '--allow-outside'], undefined, {TZ: 'Pacific/Chatham', LANG: 'tr_TR.UTF-8', LC_ALL: 'tr_TR.UTF-8'})
    ])
    expect([a.code, b.code]).toEqual([0, 0])
    const one = await readTree(first)
    const two = await readTree(second)
    expect(one.size).toBe(3)
    for (const [name, bytes] of one) {
      expect(bytes.equals(two.get(name) as Buffer), name).toBe(true)
      const text = bytes.toString('utf8')
      expect(text, name).not.toMatch(/\r|\uFEFF/)
      expect(text.endsWith('\n') && !text.endsWith('\n\n'), name).toBe(true)
      expect(text, name).not.toMatch(/\b20\d\d-\d\d-\d\d/)
    }
  })
})
