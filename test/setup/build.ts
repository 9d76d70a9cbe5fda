/** build: vitest's global setup — the TypeScript sources in, dist/ built as `npm run build` builds it (tsc, then the build's last step: stale files removed, the shipped configuration schema written) and the runners that live outside vitest (a worker, an import hook) transpiled, once per test run, so that no test runs a stale build; under `npm test`, the type check of the whole project run beside the tests, its errors failing the run. */
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
 * (so that the package test packs this build), then transpile the runners; under `npm test`, start the type check first
 * and give vitest a teardown that waits for it. tsc's exit code 2 means type errors with every file emitted: the build
 * is current, and the type check reports those errors.
 */
export default async function setup(): Promise<() => Promise<void>> {
  const typeChecked = process.env['npm_lifecycle_event'] === 'test' ? typeCheck() : Promise.resolve()
  // Not awaited yet: a failed type check is reported after the tests, not as an unhandled rejection before them.
  typeChecked.catch(() => {})
  const tsc = path.join(root, 'node_modules', 'typescript', 'bin', 'tsc')
  const project = path.join(root, 'tsconfig.build.json')
  // tsc's build mode first: when dist/ is newer than every source (as `npm ci` or `npm run generate` left it), it says so
  // from the files' times, without reading the program; otherwise it builds, and on a type error tsc builds as `npm run build` does.
  const current = await promisify(execFile)(process.execPath, [tsc, '-b', project], {cwd: root}).then(() => true, () => false)
  if (!current) await promisify(execFile)(process.execPath, [tsc, '-p', project], {cwd: root}).catch(
    (cause: {code?: unknown, stdout?: string, stderr?: string}) => {
      if (cause.code !== outputsGenerated) throw new Error('building dist/ failed:\n' + (cause.stdout ?? '') + (cause.stderr ?? ''))
    }
  )
  await promisify(execFile)(process.execPath, [path.join(root, 'dist', 'build', 'finish-io.js')], {cwd: root})
  await transpileRunners()
  return () => typeChecked
}

/**
 * `npm run typecheck` (tsc on the sources, tests and bench, strict, incremental), run beside the tests: the tests keep
 * both cores busy only most of the time, and the type check fills the rest. Rejects, after printing tsc's report,
 * when tsc finds an error.
 */
async function typeCheck(): Promise<void> {
  const tsc = path.join(root, 'node_modules', 'typescript', 'bin', 'tsc')
  const buildInfo = path.join(root, 'node_modules', '.cache', 'errgen-typecheck.tsbuildinfo')
  await promisify(execFile)(process.execPath, [tsc, '--incremental', '--tsBuildInfoFile', buildInfo], {cwd: root, maxBuffer: 64 * 1024 * 1024}).catch(
    (cause: {stdout?: string, stderr?: string}) => {
      process.stderr.write((cause.stdout ?? '') + (cause.stderr ?? ''))
      // vitest reports an error of a global teardown without failing the run for it.
      process.exitCode = 1
      throw new Error('the type check (npm run typecheck) failed: its errors are above')
    }
  )
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
