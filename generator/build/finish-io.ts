/** finish-io: the dist/ that tsc just wrote in, the build finished out — files left by sources that no longer exist removed (they would count in the manifest's hash of errgen's code, so that a developer's checkout and a fresh clone would disagree), then the shipped configuration schema and the hash of the code written. */
import {existsSync, readdirSync, rmSync, statSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {writeConfigSchema} from '../config/write-schema-io.js'
import {codeHash, codeHashName} from '../write/manifest-io.js'

/** The build's folder (dist/) and the sources it is built from (generator/, beside it in the repository). */
const built = fileURLToPath(new URL('..', import.meta.url))
const sources = path.join(built, '..', 'generator')

/** What tsc writes for one source file: its module, its declarations and their maps. */
const emittedSuffixes = ['.d.ts.map', '.js.map', '.d.ts', '.js']

/** The built files whose source is gone, relative to dist/; none when the sources are not beside the build (an installed package). */
export function staleFiles(): Array<string> {
  if (!existsSync(sources)) return []
  return readdirSync(built, {recursive: true, encoding: 'utf8'})
    .filter((name) => statSync(path.join(built, name)).isFile() && !hasSource(name))
}

/** Whether a built file comes from a source that exists: a module from its `.ts`, a JSON asset from itself; tsc's build info and the files the build writes are kept. */
function hasSource(name: string): boolean {
  if (name.endsWith('.tsbuildinfo') || builtHere.has(name.split(path.sep).join('/'))) return true
  const suffix = emittedSuffixes.find((ending) => name.endsWith(ending))
  const source = suffix === undefined ? name : name.slice(0, -suffix.length) + '.ts'
  return existsSync(path.join(sources, source))
}

/** Files this step writes, relative to dist/. */
const builtHere: ReadonlySet<string> = new Set(['config/config.schema.json', codeHashName])

/** Remove the stale files, write the configuration schema, then the hash of the code (which the manifest's fingerprint covers), so that no run hashes it again. */
export function finishBuild(): void {
  for (const name of staleFiles()) rmSync(path.join(built, name))
  writeConfigSchema()
  writeFileSync(path.join(built, codeHashName), codeHash(built) + '\n')
}

if (process.argv[1] === fileURLToPath(import.meta.url)) finishBuild()
