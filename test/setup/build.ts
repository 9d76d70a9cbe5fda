/** build: vitest's global setup — the TypeScript sources in, dist/ built as `npm run build` builds it (tsc, then the build's last step: stale files removed, the shipped configuration schema written) and the runners that live outside vitest (a worker, an import hook, the type check) transpiled, once per test run, so that no test runs a stale build; under `npm test`, the type check run beside the tests — the build's tsc checks generator/, the type check the tests, bench and configuration — their errors failing the run. */
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
 * Transpile the runners; under `npm test`, start the type check of the tests, bench and configuration; build dist/ from
 * the sources with the project's own tsc and write its configuration schema, as `npm run build` does (so that the package
 * test packs this build); give vitest a teardown that waits for the type check. tsc's exit code 2 means type errors with
 * every file emitted: the build is current, and under `npm test` those errors of generator/ fail the run after the tests.
 */
export default async function setup(): Promise<() => Promise<void>> {
  await transpileRunners()
  const checking = process.env['npm_lifecycle_event'] === 'test'
  const typeChecked = checking ? typeCheck() : Promise.resolve()
  // Not awaited yet: a failed type check is reported after the tests, not as an unhandled rejection before them.
  typeChecked.catch(() => {})
  const built = build()
  built.catch(() => {})
  await built
  const checked = Promise.all([typeChecked, checking ? built.then(failOnTypeErrors) : undefined]).then(() => {})
  checked.catch(() => {})
  return () => checked
}

/**
 * dist/ as `npm run build` builds it; on type errors (every file still emitted), tsc's report of them, else undefined.
 * tsc's build mode first: when dist/ is newer than every source and the last build had no error (as `npm ci` or
 * `npm run generate` left it), it says so from the files' times and its build info, without reading the program;
 * otherwise tsc builds as `npm run build` does.
 */
async function build(): Promise<string | undefined> {
  const tsc = path.join(root, 'node_modules', 'typescript', 'bin', 'tsc')
  const project = path.join(root, 'tsconfig.build.json')
  const current = await promisify(execFile)(process.execPath, [tsc, '-b', project], {cwd: root}).then(() => true, () => false)
  const errors = current ? undefined : await promisify(execFile)(process.execPath, [tsc, '-p', project], {cwd: root}).then(
    () => undefined,
    (cause: {code?: unknown, stdout?: string, stderr?: string}) => {
      const report = (cause.stdout ?? '') + (cause.stderr ?? '')
      if (cause.code !== outputsGenerated) throw new Error('building dist/ failed:\n' + report)
      return report
    }
  )
  await promisify(execFile)(process.execPath, [path.join(root, 'dist', 'build', 'finish-io.js')], {cwd: root})
  return errors
}

/** Rejects, after printing tsc's report, when the build found type errors in generator/. */
function failOnTypeErrors(errors: string | undefined): void {
  if (errors === undefined) return
  process.stderr.write(errors)
  process.exitCode = 1
  throw new Error('the build (tsc -p tsconfig.build.json) found type errors: they are above')
}

/**
 * The type check of the files tsconfig.json includes besides generator/ (tests, bench, the vitest configuration: strict,
 * incremental), run beside the tests: the tests keep both cores busy only most of the time, and the type check fills
 * the rest. generator/ is the build's: tsconfig.build.json extends tsconfig.json, so the build's tsc checks it under the
 * same flags (`npm run typecheck` checks everything at once). Rejects, after printing the report, when it finds an error.
 */
async function typeCheck(): Promise<void> {
  const buildInfo = path.join(root, 'node_modules', '.cache', 'errgen-test', 'typecheck.tsbuildinfo')
  const args = [path.join(runnersOut, 'typecheck.js'), path.join(root, 'tsconfig.json'), buildInfo, path.join(root, 'generator')]
  await promisify(execFile)(process.execPath, args, {cwd: root, maxBuffer: 64 * 1024 * 1024}).catch(
    (cause: {stdout?: string, stderr?: string}) => {
      process.stderr.write((cause.stdout ?? '') + (cause.stderr ?? ''))
      // vitest reports an error of a global teardown without failing the run for it.
      process.exitCode = 1
      throw new Error('the type check of the tests, bench and configuration failed: its errors are above')
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
