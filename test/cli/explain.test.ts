/** `errgen explain CODE`: one documented error as a person reads it, from the documents, with its place in them; by code or by name; an unknown code is exit 1, a missing one a usage error; a document's errors are reported, and the code still explained. */
import {writeFile} from 'node:fs/promises'
import path from 'node:path'
import {describe, expect, test} from 'vitest'
import {project, runCli, runInProcess, tempDirectory} from '../support/helpers.js'

/** A document with a heading, a deprecated code that names its replacement, a linked resolve text, and the problem form. */
async function billing(): Promise<string> {
  const directory = await tempDirectory()
  await writeFile(
    path.join(directory, 'errors.md'),
    '## Billing\n\n| HTTP | Code | Message | Resolve |\n| --- | --- | --- | --- |\n' +
      '| 402 | 2001 | card declined | See [the guide](https://docs.example.com/cards). |\n' +
      '| 402 | 2002 | ~~card refused~~ | Use 2001 instead. |\n'
  )
  await writeFile(path.join(directory, 'errgen.config.json'), JSON.stringify({input: 'errors.md', problem: {type: 'https://docs.example.com/errors#{code}'}}))
  return directory
}

describe('errgen explain', () => {
  test('prints a code of the seed: name, message, place, status, resolve text', async () => {
    const result = await runCli(['explain', '1000'], await project())
    expect(result).toEqual({
      code: 0,
      stderr: '',
      stdout:
        'AccessTokenMissing (1000): access_token missing\n' +
        '  --> input/error-codes.md:7:1\n' +
        'HTTP status: 400 Bad Request\n' +
        '\n' +
        'You need to include the access_token that you received from the original submit call.\n'
    })
  })

  test('finds a code by its name too, and says its heading, deprecation, replacement and problem type; links keep their URLs', async () => {
    const directory = await billing()
    const result = await runInProcess(['explain', 'CardRefused'], directory)
    expect(result.stdout).toBe(
      'CardRefused (2002): card refused\n' +
        '  --> errors.md:6:1\n' +
        'HTTP status: 402 Payment Required\n' +
        'Heading: Billing\n' +
        'Deprecated: use 2001 (CardDeclined) instead\n' +
        'Problem type: https://docs.example.com/errors#2002\n' +
        '\n' +
        'Use 2001 instead.\n'
    )
    expect((await runInProcess(['explain', '2001'], directory)).stdout).toMatch(/\n\nSee \[the guide\]\(https:\/\/docs\.example\.com\/cards\)\.\n$/)
  })

  test('reads the documents the options name', async () => {
    const directory = await billing()
    const result = await runInProcess(['explain', '2001', '--no-config', '--input', 'errors.md'], directory)
    expect([result.code, result.stdout.split('\n')[0]]).toEqual([0, 'CardDeclined (2001): card declined'])
  })

  test('an undocumented code is exit 1, saying so', async () => {
    const result = await runInProcess(['explain', '9999'], await project())
    expect(result).toEqual({code: 1, stdout: '', stderr: 'errgen: 9999 is no documented code or name in input/error-codes.md (39 codes)\n'})
  })

  test('without a code, or with an unknown option, it is a usage error', async () => {
    expect((await runInProcess(['explain'], await project())).code).toBe(2)
    const unknown = await runInProcess(['explain', '1000', '--nope'], await project())
    expect([unknown.code, unknown.stderr]).toEqual([2, "errgen: Unknown option '--nope'\nTry `errgen --help`.\n"])
  })

  test('a document with an error: the error is reported, exit 1, and a valid code is still explained', async () => {
    const directory = await tempDirectory()
    await writeFile(path.join(directory, 'errors.md'), 'Code | Message\n--- | ---\n1 | one\n1O | typo\n')
    const result = await runInProcess(['explain', '1', '--input', 'errors.md'], directory)
    expect(result.code).toBe(1)
    expect(result.stderr).toContain('errors.md:4:1-4:3  error  Unexpected code `1O`, expected an integer  invalid-code')
    expect(result.stdout).toBe('One (1): one\n  --> errors.md:3:1\n')
  })
})
