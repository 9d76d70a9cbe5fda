/** `--out` in monorepos, through the command as the bin runs it (in this process, HOME set for the test that needs a home directory): an output directory in the repository that holds the working directory (a folder with `.git`, or the root whose package.json `workspaces` names the package) is allowed without a flag; outside it, or a home directory, is refused in one line with exit code 2. */
import {cp, mkdir, readdir, rm, writeFile} from 'node:fs/promises'
import path from 'node:path'
import {expect, test, vi} from 'vitest'
import {project, runCli, runInProcess, seed, tempDirectory} from '../support/helpers.js'

/** A package of a monorepo with the seed as its document; the repository's root is made by the caller. */
async function docsPackage(root: string, ...segments: Array<string>): Promise<string> {
  const directory = path.join(root, ...segments)
  await mkdir(path.join(directory, 'input'), {recursive: true})
  await cp(seed, path.join(directory, 'input', 'error-codes.md'))
  return directory
}

const refusal = (shown: string, why: string) => ({
  code: 2,
  stdout: '',
  stderr: 'errgen: refusing to use ' + shown + ' as the output directory: ' + why + '; pass --allow-outside to use it\n'
})

test('a git repository: a sibling package is allowed, a folder beside the repository is refused', async () => {
  const root = await tempDirectory()
  const repository = path.join(root, 'repo')
  await mkdir(path.join(repository, '.git'), {recursive: true})
  const docs = await docsPackage(repository, 'packages', 'api-docs')

  expect(await runCli(['--out', '../sdk/src/generated', '--quiet'], docs)).toEqual({code: 0, stdout: '', stderr: ''})
  expect((await readdir(path.join(repository, 'packages', 'sdk', 'src', 'generated'))).sort()).toEqual(['.errgen-manifest.json', 'error-codes.openapi.yaml', 'error-codes.schema.json', 'error-codes.ts'])

  const outside = await runCli(['--out', '../../../elsewhere'], docs)
  expect(outside).toEqual(refusal('../../../elsewhere', "it is outside the working directory, the configuration's and the repository that holds them (../..)"))
})

test('a workspace root: the packages its `workspaces` names may write into each other; a folder it does not name may not', async () => {
  const root = await tempDirectory()
  await writeFile(path.join(root, 'package.json'), JSON.stringify({private: true, workspaces: ['packages/*']}))
  const docs = await docsPackage(root, 'packages', 'docs')
  expect(await runCli(['--out', '../client/generated', '--quiet'], docs)).toEqual({code: 0, stdout: '', stderr: ''})
  expect(await readdir(path.join(root, 'packages', 'client', 'generated'))).toContain('error-codes.ts')

  const tool = await docsPackage(root, 'tools', 'docs')
  expect(await runCli(['--out', '../../packages/client/generated'], tool)).toEqual(
    refusal('../../packages/client/generated', "it is outside the working directory and the configuration's")
  )
})

test('a repository that is a home directory: the home directory itself is refused', async () => {
  const home = await tempDirectory()
  await mkdir(path.join(home, '.git'))
  const docs = await docsPackage(home, 'projects', 'api')
  // HOME set for this test only (os.homedir() reads it), as a shell would set it for the command.
  vi.stubEnv('HOME', home)
  try {
    expect(await runCli(['--out', '../..'], docs)).toEqual(refusal('../..', 'it is a home directory'))
    expect((await runCli(['--out', '../../generated', '--quiet'], docs)).code).toBe(0)
  } finally {
    vi.unstubAllEnvs()
  }
})

test('the output directory is refused before any document is read (a large document is not parsed first)', async () => {
  const directory = await project({out: '../elsewhere'})
  // A document errgen cannot read: read first, it would have been the error reported.
  await rm(path.join(directory, 'input', 'error-codes.md'))
  await mkdir(path.join(directory, 'input', 'error-codes.md'))
  const result = await runInProcess([], directory)
  expect(result).toEqual({
    code: 2,
    stdout: '',
    stderr: "errgen: refusing to use ../elsewhere as the output directory: it is outside the working directory and the configuration's; pass --allow-outside to use it\n"
  })
  expect((await runInProcess(['--allow-outside', '--quiet'], directory)).stderr).toBe('errgen: cannot read input/error-codes.md: it is a directory\n')
})
