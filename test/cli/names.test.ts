/** Names stay stable: a plain run compares the names with the outputs it replaces, fails on a rename with renamed-code, and --pin-names or --allow-breaking are the ways on; run as the command runs, in this process. */
import {readFile, writeFile} from 'node:fs/promises'
import path from 'node:path'
import {describe, expect, test} from 'vitest'
import {project, runCli, snapshot} from '../support/helpers.js'
import {documentOf, errors, renamed, renamedProject} from '../support/renamed.js'

describe('a message edit never renames a member silently', () => {
  test('a plain run fails with renamed-code and writes nothing; --pin-names keeps the old name; the next run succeeds', async () => {
    const {directory, document, out} = await renamedProject()
    const before = await snapshot(out)

    const run = await runCli([], directory)
    expect(run.code).toBe(1)
    expect(errors(run.stderr)).toEqual([renamed])
    expect(run.stderr).toMatch(/✖ 1 error, ⚠ 5 warnings\n$/)
    expect(await snapshot(out)).toEqual(before)
    const check = await runCli(['--check'], directory)
    expect([check.code, errors(check.stderr)]).toEqual([1, [renamed]])

    const edited = await document.read()
    const pin = await runCli(['--pin-names'], directory)
    expect(pin.code).toBe(0)
    expect(pin.stdout).toBe('errgen: input/error-codes.md: kept 1 name in a Name column (code 1001 `TypeMissing`); run errgen to regenerate the outputs\n')
    expect(errors(pin.stderr)).toEqual([])
    expect(await snapshot(out)).toEqual(before)
    const lines = edited.split('\n')
    const expected = lines.map((line, index) => {
      if (index === 4) return line + ' | Name'
      if (index === 5) return line.replace(/ $/, '') + ' | --- '
      if (index === 7) return line + ' | TypeMissing'
      return line.startsWith('```') ? line + ' | |' : line
    })
    expect(await document.read()).toBe(expected.join('\n'))

    const again = await runCli(['--quiet'], directory)
    expect([again.code, again.stderr]).toEqual([0, ''])
    const typescript = await readFile(path.join(out, 'error-codes.ts'), 'utf8')
    expect(typescript).toContain('  TypeMissing = 1001,')
    expect(typescript).toContain('message: "type parameter missing",')
    expect(typescript).not.toContain('TypeParameterMissing')

    const pinned = await document.read()
    const twice = await runCli(['--pin-names'], directory)
    expect([twice.code, twice.stdout]).toEqual([0, 'errgen: no derived name changed, no name to keep\n'])
    expect(await document.read()).toBe(pinned)
    expect((await runCli(['--check'], directory)).code).toBe(0)
  })

  test('--allow-breaking accepts the rename: a warning, and the new name generated', async () => {
    const {directory, out} = await renamedProject()
    const run = await runCli(['--allow-breaking'], directory)
    expect(run.code).toBe(0)
    expect(run.stderr).toContain(
      'input/error-codes.md:8:23-8:47  warning  Name of code 1001 changed from `TypeMissing` to `TypeParameterMissing` since output (allowed by --allow-breaking)  renamed-code\n'
    )
    expect(await readFile(path.join(out, 'error-codes.ts'), 'utf8')).toContain('  TypeParameterMissing = 1001,')
    const next = await runCli(['--quiet'], directory)
    expect([next.code, next.stderr]).toEqual([0, ''])
  })

  test('a first run, with no outputs yet, is unaffected; so are edits that keep every name', async () => {
    const directory = await project()
    const document = documentOf(directory)
    await document.edit((text) => text.replace('*type missing*', '*type parameter missing*'))
    expect((await runCli(['--quiet'], directory)).code).toBe(0)
    await document.edit((text) => text.replace('You need to include a type parameter.', 'Send a type parameter.').replace('*email missing*', '*Email missing*'))
    const run = await runCli(['--quiet'], directory)
    expect([run.code, run.stderr]).toEqual([0, ''])
  })

  test('a new duplicate name that adds suffixes, and a swapped pair of names, are caught too', async () => {
    const {directory, document} = await renamedProject()
    await document.edit((text) => text.replace('*type parameter missing*', '*email missing*'))
    const suffixed = await runCli(['--quiet'], directory)
    expect(suffixed.code).toBe(1)
    expect(errors(suffixed.stderr).map((line) => line.replace(/;.*/, ''))).toEqual([
      'input/error-codes.md:8:23-8:38  error  Name of code 1001 changed from `TypeMissing` to `EmailMissing_1001` since output',
      'input/error-codes.md:9:23-9:38  error  Name of code 1002 changed from `EmailMissing` to `EmailMissing_1002` since output'
    ])
    expect((await runCli(['--pin-names'], directory)).code).toBe(0)
    expect(await document.read()).toContain('|*email missing*|You need to include a type parameter. Ex. bofa, wells, amex, chase, citi, etc. | TypeMissing\n')
    expect(await document.read()).toContain("|*email missing*|You need to include the user's email in the request. | EmailMissing\n")
    const again = await runCli([], directory)
    expect(errors(again.stderr)).toEqual([])
    expect(again.code).toBe(0)

    await document.edit((text) => text.replace('*access_token missing*', '*SWAP*').replace('*access_token disallowed*', '*access_token missing*').replace('*SWAP*', '*access_token disallowed*'))
    const swapped = await runCli(['--quiet'], directory)
    expect(swapped.code).toBe(1)
    expect(errors(swapped.stderr)[0]).toBe(
      'input/error-codes.md:7:12-7:22  error  Code 1000 was `AccessTokenMissing` in output and is now `AccessTokenDisallowed`, while `AccessTokenMissing` is now code 1003: ' +
        'clients that switch on `AccessTokenMissing` get another code  reused-code'
    )
  })
})

describe('--pin-names refuses what it cannot do safely', () => {
  test('a document with errors: reported, nothing written', async () => {
    const {directory, document} = await renamedProject()
    await document.edit((text) => text.replace('```1002```', '```10O2```'))
    const edited = await document.read()
    const pin = await runCli(['--pin-names'], directory)
    expect(pin.code).toBe(1)
    expect(errors(pin.stderr)).toEqual(['input/error-codes.md:9:12-9:22  error  Unexpected code `10O2`, expected an integer  invalid-code'])
    expect(await document.read()).toBe(edited)
  })

  test('with --format json, stdout holds the diagnostics only', async () => {
    const {directory, document} = await renamedProject()
    const pin = await runCli(['--pin-names', '--format', 'json'], directory)
    expect(pin.code).toBe(0)
    const printed = JSON.parse(pin.stdout) as Array<{ruleId: string}>
    expect(printed.map((d) => d.ruleId).filter((id) => !id.startsWith('duplicate-'))).toEqual([])
    expect(await document.read()).toContain('| TypeMissing\n')
  })

  test('flags it cannot be used with are usage errors', async () => {
    const directory = await project()
    for (const flag of ['--check', '--watch']) {
      expect(await runCli(['--pin-names', flag], directory)).toEqual({code: 2, stdout: '', stderr: 'errgen: --pin-names and ' + flag + ' cannot be used together\nTry `errgen --help`.\n'})
    }
  })
})

describe('outputs that cannot be compared', () => {
  test('a file errgen did not generate is not compared: the write refuses it, --force replaces it', async () => {
    const {directory, out} = await renamedProject()
    await writeFile(path.join(out, 'error-codes.schema.json'), '{"hand": "written"}\n')
    await writeFile(path.join(out, 'error-codes.ts'), 'export const mine = 1\n')
    await writeFile(path.join(out, 'error-codes.openapi.yaml'), 'mine: true\n')
    const run = await runCli(['--quiet'], directory)
    expect(run.code).toBe(2)
    expect(run.stderr).toMatch(/^errgen: refusing to overwrite output\/error-codes\.ts, output\/error-codes\.schema\.json, output\/error-codes\.openapi\.yaml: /)
    expect((await runCli(['--quiet', '--force'], directory)).code).toBe(0)
  })

  test('outputs named after a document that was renamed since are compared through the manifest', async () => {
    const {directory, document} = await renamedProject()
    const {rename} = await import('node:fs/promises')
    await rename(document.file, path.join(directory, 'input', 'api-errors.md'))
    const run = await runCli(['--input', 'input/api-errors.md', '--quiet'], directory)
    expect(run.code).toBe(1)
    expect(errors(run.stderr)).toEqual([renamed.replace('input/error-codes.md', 'input/api-errors.md')])
    expect((await runCli(['--input', 'input/api-errors.md', '--quiet', '--allow-breaking'], directory)).code).toBe(0)
  })

  test("an output with errgen's marker that cannot be read back gives way to the next; when none can be, the run stops (exit 2), and --force replaces them", async () => {
    const {directory, out} = await renamedProject()
    const truncate = async (name: string) => writeFile(path.join(out, name), (await readFile(path.join(out, name), 'utf8')).slice(0, 400))
    await truncate('error-codes.schema.json')
    const fallback = await runCli(['--quiet'], directory)
    expect([fallback.code, errors(fallback.stderr)]).toEqual([1, [renamed]])

    await truncate('error-codes.ts')
    await truncate('error-codes.openapi.yaml')
    expect(await runCli(['--quiet'], directory)).toEqual({
      code: 2,
      stdout: '',
      stderr:
        "errgen: cannot compare the names with output/error-codes.schema.json: it has errgen's marker, but errgen cannot read it back (edited by hand?), " +
        'nor any other output there; delete it, or pass --force to replace the outputs without comparing\n'
    })
    const forced = await runCli(['--quiet', '--force'], directory)
    expect([forced.code, forced.stderr]).toEqual([0, ''])
    expect(await readFile(path.join(out, 'error-codes.ts'), 'utf8')).toContain('  TypeParameterMissing = 1001,')
  })
})
