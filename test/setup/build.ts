/** build: vitest's global setup — the TypeScript sources in, dist/ built as `npm run build` builds it (tsc, then the build's last step: stale files removed, the shipped configuration schema written) and the runners that live outside vitest (a worker, an import hook) transpiled, once per test run, so that no test runs a stale build. */
import {execFile} from 'node:child_process'
import {mkdir, readdir, readFile, writeFile} from 'node:fs/promises'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {promisify} from 'node:util'
import ts from 'typescript'

const root = fileURLToPath(new URL('../..', import.meta.url))
const runners = path.join(root, 'test', 'runners')

/** Where the transpiled runners are written: a build directory of the tests' own, ignored by git. */
export const runnersOut = path.join(root, 'node_modules', '.cache', 'errgen-test', 'runners')

/**
 * Build dist/ from the sources with the project's own tsc and write its configuration schema, as `npm run build` does
 * (so that the package test packs this build), then transpile the runners. tsc's exit code 2 means type
 * errors with every file emitted: the build is current, and `npm test` reports those errors in its own `tsc` step.
 */
export default async function setup(): Promise<void> {
  const tsc = path.join(root, 'node_modules', 'typescript', 'bin', 'tsc')
  await promisify(execFile)(process.execPath, [tsc, '-p', path.join(root, 'tsconfig.build.json')], {cwd: root}).catch(
    (cause: {code?: unknown, stdout?: string, stderr?: string}) => {
      if (cause.code !== outputsGenerated) throw new Error('building dist/ failed:\n' + (cause.stdout ?? '') + (cause.stderr ?? ''))
    }
  )
  await promisify(execFile)(process.execPath, [path.join(root, 'dist', 'build', 'finish-io.js')], {cwd: root})
  await transpileRunners()
}

/** tsc's exit code when it found type errors and still wrote every output. */
const outputsGenerated = 2

/**
 * Each test/runners/*.ts as an ES module beside the others, so that Node can start it in a worker or preload it;
 * files are overwritten in place, never removed, so that test runs side by side do not pull them from each other.
 */
async function transpileRunners(): Promise<void> {
  await mkdir(runnersOut, {recursive: true})
  for (const name of (await readdir(runners)).filter((file) => file.endsWith('.ts'))) {
    const source = await readFile(path.join(runners, name), 'utf8')
    const {outputText} = ts.transpileModule(source, {
      compilerOptions: {module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, verbatimModuleSyntax: true},
      fileName: name
    })
    await writeFile(path.join(runnersOut, name.replace(/\.ts$/, '.js')), outputText)
  }
}
