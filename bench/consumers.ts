/** bench/consumers: a directory of errgen's outputs at 2,000 and 20,000 codes in, proof that each compiles in its real consumer (tsc strict, Ajv strict, the OpenAPI 3.1 validator, openapi-typescript then tsc) and the printed ratio of tsc's time on the TypeScript to a plain file with the same codes as an enum and an object literal; any failure throws. */
import {spawn} from 'node:child_process'
import {readFile, writeFile} from 'node:fs/promises'
import path from 'node:path'
import process from 'node:process'
import {Validator} from '@seriousme/openapi-schema-validator'
import {Ajv2020} from 'ajv/dist/2020.js'
import openapiTS, {astToString} from 'openapi-typescript'
import {parse} from 'yaml'

/** The strict flags the generated TypeScript must pass, as tsc arguments. */
const strictFlags = ['--noEmit', '--strict', '--noUncheckedIndexedAccess', '--exactOptionalPropertyTypes', '--isolatedModules', '--verbatimModuleSyntax', '--target', 'es2022', '--module', 'esnext', '--moduleResolution', 'bundler', '--lib', 'es2022', '--types', 'node', '--skipLibCheck']

/** One size's outputs: the directory and the file names. */
export interface Outputs {
  rows: number
  directory: string
  base: string
}

/** A median over runs of tsc. */
interface TscTime {
  generated: number
  plain: number
}

/** Check every output of each size in its consumer; then time tsc on the TypeScript against the plain file. */
export async function checkConsumers(sizes: ReadonlyArray<Outputs>, root: string, runs: number): Promise<string> {
  const lines = ['', 'consumers (each must accept the outputs; a failure stops the bench):']
  const times = new Map<number, TscTime>()
  for (const size of sizes) {
    lines.push(...(await checkSize(size, root)))
    times.set(size.rows, await timeTsc(size, root, runs))
  }
  lines.push('', 'tsc --noEmit (strict) on the generated TypeScript against a plain enum and object literal of the same codes, median of ' + runs + ':')
  for (const [rows, time] of times) {
    const ratio = time.generated / time.plain
    lines.push('  ' + rows.toLocaleString('en-US') + ' codes: ' + ms(time.generated) + ' against ' + ms(time.plain) + ': ×' + ratio.toFixed(2) + ' (aim ≤ ×1.5)')
  }
  return lines.join('\n') + '\n'
}

async function checkSize({rows, directory, base}: Outputs, root: string): Promise<Array<string>> {
  const label = '  ' + rows.toLocaleString('en-US') + ' codes: '
  const file = (extension: string): string => path.join(directory, base + extension)
  const lines: Array<string> = []
  let started = Date.now()
  await tsc(root, [file('.ts')])
  lines.push(label + 'tsc strict on the TypeScript: no diagnostic (' + since(started) + ')')

  started = Date.now()
  const schema = JSON.parse(await readFile(file('.schema.json'), 'utf8')) as {$defs: Record<string, {examples?: Array<{code: unknown, message: string}>}>}
  const cpu = process.cpuUsage()
  const validate = new Ajv2020({strict: true}).compile(schema)
  const compiled = process.cpuUsage(cpu)
  const examples = Object.values(schema.$defs).flatMap((entry) => entry.examples ?? [])
  if (examples.length !== rows) throw new Error('expected ' + rows + ' examples in the schema, found ' + examples.length)
  const validating = process.hrtime.bigint()
  for (const example of examples) if (!validate(example)) throw new Error('Ajv rejects the example ' + JSON.stringify(example) + ': ' + JSON.stringify(validate.errors))
  const perBody = Number(process.hrtime.bigint() - validating) / 1e3 / examples.length
  lines.push(label + 'Ajv: compiling the schema takes ' + ((compiled.user + compiled.system) / 1e6).toFixed(2) + ' s of CPU (aim ≤ 5 s), validating a body ' + perBody.toFixed(1) + ' µs (aim ≤ 100 µs; every example once)')
  const first = examples[0] as {code: unknown, message: string}
  if (validate({...first, message: first.message + '!'}) || (validate.errors?.length ?? 0) > 3) throw new Error('Ajv: a wrong message gives ' + JSON.stringify(validate.errors))
  lines.push(label + 'Ajv strict compiles the schema, accepts every example, names a wrong message in ' + validate.errors?.length + ' errors (' + since(started) + ')')

  started = Date.now()
  const text = await readFile(file('.openapi.yaml'), 'utf8')
  const validator = new Validator()
  const result = await validator.validate(parse(text, {maxAliasCount: -1}))
  if (!result.valid) throw new Error('the OpenAPI 3.1 validator rejects the document: ' + JSON.stringify(result.errors).slice(0, 2000))
  lines.push(label + 'the OpenAPI 3.1 schema validator accepts the document (' + since(started) + ')')

  started = Date.now()
  const types = path.join(directory, base + '.openapi-types.ts')
  await writeFile(types, astToString(await openapiTS(text, {enum: true})))
  await tsc(root, [types])
  lines.push(label + 'openapi-typescript --enum, then tsc strict on its types: no diagnostic (' + since(started) + ')')
  return lines
}

/** The plain file: the codes as an enum and an object literal, nothing else. */
async function writePlainFile({directory, base}: Outputs): Promise<string> {
  const source = await readFile(path.join(directory, base + '.ts'), 'utf8')
  const enumeration = /^export enum ErrorCode \{\n([\s\S]*?)^\}/m.exec(source)?.[1] ?? ''
  const members = [...enumeration.matchAll(/^ {2}(\w+) = (-?\d+|"(?:[^"\\]|\\.)*"),?$/gm)].map((match) => match[1] as string)
  const entries = [...source.matchAll(/^ {2}\[ErrorCode\.(\w+)\]: \{\n {4}code: ErrorCode\.\w+,\n {4}status: HttpStatus\.\w+,\n {4}message: ("(?:[^"\\]|\\.)*"),\n {4}resolve: ("(?:[^"\\]|\\.)*"),/gm)]
  if (members.length === 0 || entries.length !== members.length) throw new Error('bench: could not read the codes of ' + base + '.ts (' + members.length + ' members, ' + entries.length + ' entries)')
  const values = [...enumeration.matchAll(/^ {2}(\w+) = (-?\d+|"(?:[^"\\]|\\.)*"),?$/gm)].map((match) => '  ' + match[1] + ' = ' + match[2] + ',')
  const literal = entries.map((match) => '  [ErrorCode.' + match[1] + ']: { code: ErrorCode.' + match[1] + ', status: 400, message: ' + match[2] + ', resolve: ' + match[3] + ' },')
  const plain = path.join(directory, base + '.plain.ts')
  await writeFile(plain, ['export enum ErrorCode {', ...values, '}', '', 'export const errorCatalog = {', ...literal, '} as const;', ''].join('\n'))
  return plain
}

/** The median wall time of tsc on the generated file and on the plain one, interleaved. */
async function timeTsc(outputs: Outputs, root: string, runs: number): Promise<TscTime> {
  const plain = await writePlainFile(outputs)
  const generated = path.join(outputs.directory, outputs.base + '.ts')
  const samples = {generated: [] as Array<number>, plain: [] as Array<number>}
  for (let run = 0; run < runs; run++) {
    samples.generated.push(await timed(() => tsc(root, [generated])))
    samples.plain.push(await timed(() => tsc(root, [plain])))
  }
  return {generated: median(samples.generated), plain: median(samples.plain)}
}

/** Run the project's tsc with the strict flags on files; throws with its output on any diagnostic. */
function tsc(root: string, files: ReadonlyArray<string>): Promise<void> {
  const bin = path.join(root, 'node_modules', 'typescript', 'bin', 'tsc')
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...strictFlags, ...files], {cwd: root, stdio: ['ignore', 'pipe', 'pipe']})
    let output = ''
    child.stdout.on('data', (chunk) => (output += chunk))
    child.stderr.on('data', (chunk) => (output += chunk))
    child.on('error', reject)
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error('tsc ' + files.join(' ') + ' exited with ' + code + ':\n' + output.slice(0, 4000)))))
  })
}

async function timed(run: () => Promise<void>): Promise<number> {
  const started = process.hrtime.bigint()
  await run()
  return Number(process.hrtime.bigint() - started) / 1e6
}

function median(values: ReadonlyArray<number>): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)] as number
}

function since(started: number): string {
  return ms(Date.now() - started)
}

function ms(value: number): string {
  return (value / 1000).toFixed(2) + ' s'
}
