/** `--check` on outputs a formatter rewrote: the real prettier over the committed outputs, then the command (as the bin runs it, in this process) says they differ only in formatting and belong in the formatter's ignore file — and a real change under the same formatting is still named by its codes. */
import {execFile} from 'node:child_process'
import {readFile, writeFile} from 'node:fs/promises'
import path from 'node:path'
import {describe, expect, test} from 'vitest'
import {project, root, runCli} from '../support/helpers.js'

/** A process's exit code and output; never throws for a non-zero exit. */
function run(file: string, args: ReadonlyArray<string>, cwd: string): Promise<{code: number, stdout: string, stderr: string}> {
  return new Promise((resolve) => {
    execFile(file, [...args], {cwd}, (error, stdout, stderr) => resolve({code: error ? Number(error.code) : 0, stdout, stderr}))
  })
}

const prettier = path.join(root, 'node_modules', 'prettier', 'bin', 'prettier.cjs')
const hint = 'differs only in formatting: errgen\'s outputs should be in your formatter\'s ignore file'

describe('--check on outputs prettier rewrote', () => {
  test('says they differ only in formatting, in every format, and exits 1', async () => {
    const directory = await project()
    expect((await runCli(['--quiet'], directory)).code).toBe(0)
    const formatted = await run(process.execPath, [prettier, '--write', 'output/error-codes.ts', 'output/error-codes.schema.json'], directory)
    expect(formatted.code, formatted.stderr).toBe(0)

    const text = await runCli(['--check'], directory)
    expect(text.code).toBe(1)
    expect(text.stderr).toContain('output/error-codes.ts ' + hint + '\n')
    expect(text.stderr).toContain('output/error-codes.schema.json ' + hint + '\n')
    expect(text.stderr).toMatch(/errgen: 2 outputs out of date; run errgen to regenerate\n$/)

    const github = await runCli(['--check', '--format', 'github'], directory)
    expect(github.code).toBe(1)
    expect(github.stdout).toBe(
      '::error file=output/error-codes.ts,title=stale-output::output/error-codes.ts ' + hint + '\n' +
      '::error file=output/error-codes.schema.json,title=stale-output::output/error-codes.schema.json ' + hint + '\n'
    )
  })

  test('a changed message under the formatter\'s formatting is still named by its code', async () => {
    const directory = await project()
    await runCli(['--quiet'], directory)
    await run(process.execPath, [prettier, '--write', 'output/error-codes.ts'], directory)
    const file = path.join(directory, 'output', 'error-codes.ts')
    await writeFile(file, (await readFile(file, 'utf8')).replace('"type missing"', '"type is missing"'))
    const text = await runCli(['--check'], directory)
    expect(text.code).toBe(1)
    expect(text.stderr).toContain('output/error-codes.ts is stale: ')
    expect(text.stderr).toContain('1001')
    expect(text.stderr).not.toContain(hint)
  })
})
