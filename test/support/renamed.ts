/** Test helpers for kept names: a project's document to read and edit, the error lines of a run, and a project whose message edit renames code 1001 after a first run. */
import {readFile, writeFile} from 'node:fs/promises'
import path from 'node:path'
import {expect} from 'vitest'
import {project, runCli} from './helpers.js'

/** The document of a project, and a way to edit it. */
export function documentOf(directory: string): {file: string, edit: (change: (text: string) => string) => Promise<void>, read: () => Promise<string>} {
  const file = path.join(directory, 'input', 'error-codes.md')
  return {
    file,
    read: () => readFile(file, 'utf8'),
    edit: async (change) => writeFile(file, change(await readFile(file, 'utf8')))
  }
}

/** The error lines of a run's text diagnostics (the seed's own warnings aside). */
export function errors(stderr: string): Array<string> {
  return stderr.split('\n').filter((line) => line.includes('  error  '))
}

export const renamed =
  'input/error-codes.md:8:23-8:47  error  Name of code 1001 changed from `TypeMissing` to `TypeParameterMissing` since output; keep the old name with a Name column ' +
  '(run again with --pin-names to write it) or accept the new one with --allow-breaking  renamed-code'

/** A project generated once, whose message of code 1001 was then edited so that its derived name changes. */
export async function renamedProject(): Promise<{directory: string, document: ReturnType<typeof documentOf>, out: string}> {
  const directory = await project()
  expect((await runCli(['--quiet'], directory)).code).toBe(0)
  const document = documentOf(directory)
  await document.edit((text) => text.replace('*type missing*', '*type parameter missing*'))
  return {directory, document, out: path.join(directory, 'output')}
}
