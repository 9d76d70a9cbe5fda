/** Test helper: every fixture that generates, generated again in memory with every target of the registry on (each under its configured name, or its default), for the tests that check each output with its own language's tools; and the Python and Go toolchains those tests run. */
import {execFile} from 'node:child_process'
import {cp, readdir, readFile, writeFile} from 'node:fs/promises'
import path from 'node:path'
import {generate} from '../../generator/index.js'
import {targets} from '../../generator/targets/index.js'
import type {Catalog, ConfigFile, OutputKind} from '../../generator/types.js'
import {generateFrom, root, seed, tempDirectory} from './helpers.js'

/** A fixture generated with every target on. */
export interface AllTargets {
  /** The fixture's folder name. */
  readonly fixture: string
  readonly catalog: Catalog
  /** Each output's text by kind. */
  readonly outputs: Readonly<Record<OutputKind, string>>
}

const fixtures = path.join(root, 'test', 'fixtures')

/** The fixtures that generate: those with an `output/` folder. */
export async function validFixtures(): Promise<Array<string>> {
  const names: Array<string> = []
  for (const entry of await readdir(fixtures, {withFileTypes: true})) {
    if (entry.isDirectory() && (await readdir(path.join(fixtures, entry.name))).includes('output')) names.push(entry.name)
  }
  return names.sort()
}

/**
 * Every valid fixture generated with every target on: its configuration (or `input.md` alone) with each output the
 * configuration names kept and every other turned on; `extra` adds settings per fixture (a Go package name).
 */
export async function generateAllTargets(extra: (fixture: string, index: number) => ConfigFile = () => ({})): Promise<Array<AllTargets>> {
  const results: Array<AllTargets> = []
  for (const [index, fixture] of (await validFixtures()).entries()) {
    const directory = await tempDirectory()
    await cp(path.join(fixtures, fixture), directory, {recursive: true})
    const written = JSON.parse(await readFile(path.join(directory, 'errgen.config.json'), 'utf8').catch(() => '{"input": "input.md"}')) as ConfigFile
    const outputs = Object.fromEntries(targets.map((target) => [target.key, typeof written.outputs?.[target.key] === 'string' ? written.outputs[target.key] : true]))
    await writeFile(path.join(directory, 'errgen.config.json'), JSON.stringify({...written, ...extra(fixture, index), outputs}))
    const result = await generate({cwd: directory, against: false})
    if (!result.ok || !result.catalog) throw new Error(fixture + ' does not generate with every target on: ' + result.diagnostics.map((item) => item.message).join('; '))
    const texts = Object.fromEntries(result.files.map((file) => [file.kind, file.text])) as Record<OutputKind, string>
    results.push({fixture, catalog: result.catalog, outputs: texts})
  }
  return results
}

/** The Go package of a fixture's Go file: a name Go accepts, one for each fixture. */
export function goPackageOf(fixture: string): string {
  return 'fx' + fixture.replace(/[^a-z0-9]/g, '')
}

/** generateAllTargets with each Go file in a package of its own, made once for the test files of a worker (they only read it). */
let everyTarget: Promise<Array<AllTargets>> | undefined

/**
 * Every valid fixture generated with every target on, each Go file in the package goPackageOf names (a setting no other
 * output reads): made once for all the test files of a worker that check the targets (Go, Python, the dictionary).
 */
export function allTargetsOfFixtures(): Promise<Array<AllTargets>> {
  everyTarget ??= generateAllTargets((fixture) => ({go: {package: goPackageOf(fixture)}}))
  return everyTarget
}

/** A command's exit code and output; never throws for a non-zero exit. */
export function run(file: string, args: ReadonlyArray<string>, cwd: string, env: Record<string, string> = {}): Promise<{code: number, stdout: string, stderr: string}> {
  return new Promise((resolve) => {
    execFile(file, [...args], {cwd, env: {...process.env, ...env}, maxBuffer: 256 * 1024 * 1024}, (error, stdout, stderr) => {
      resolve({code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr})
    })
  })
}

/**
 * The Python interpreter that has mypy and jsonschema: `python3` on the PATH when it has them, else Debian's
 * `/usr/bin/python3` (where `.ci/run` installs `mypy` and `python3-jsonschema`); throws, naming what is missing, when
 * neither has them.
 */
export async function pythonWithTools(): Promise<string> {
  for (const candidate of ['python3', '/usr/bin/python3']) {
    const probe = await run(candidate, ['-c', 'import mypy, jsonschema'], root)
    if (probe.code === 0) return candidate
  }
  throw new Error('no Python with mypy and jsonschema: install Debian\'s mypy and python3-jsonschema (.ci/run does)')
}

/** A new empty temporary directory for a toolchain's files. */
export function scratch(): Promise<string> {
  return tempDirectory()
}

/**
 * Go's build cache for the tests, in the tests' own build directory (ignored by git): shared by the test files that
 * run go and kept between runs, so that the standard library is compiled once, not once per go command's first run.
 * Go's cache is keyed by every input of a build and safe for go commands that run at once.
 */
const goBuildCache = path.join(root, 'node_modules', '.cache', 'errgen-test', 'go-build')

/** The environment of go commands: offline (no module proxy, modules from nothing), the local toolchain, Go's build cache for the tests. */
export async function goEnvironment(): Promise<Record<string, string>> {
  return {GOPROXY: 'off', GOFLAGS: '-mod=mod', GOWORK: 'off', GOTOOLCHAIN: 'local', GO111MODULE: 'on', GOCACHE: goBuildCache, GOPATH: await scratch()}
}

/** The README's fenced block of a language that holds a text (the examples the tests check with the language's tools). */
export async function readmeBlock(language: string, holding: string): Promise<string> {
  const readme = await readFile(path.join(root, 'README.md'), 'utf8')
  const block = [...readme.matchAll(new RegExp('```' + language + '\\n([\\s\\S]*?)```', 'g'))].map((match) => match[1] as string).find((text) => text.includes(holding))
  if (block === undefined) throw new Error('no ' + language + ' block with ' + holding + ' in the README')
  return block
}

/** The seed document's outputs with Python and Go on (the module the README's examples import). */
export async function seedWithAllTargets(): Promise<Record<string, string>> {
  const {outputs} = await generateFrom({'input/error-codes.md': await readFile(seed, 'utf8')}, {outputs: {python: true, go: true}})
  return outputs
}
