/** Property: no row is ever lost — seeded edits of the real document and of fixtures in, for every case a located error, or every row and outputs the consumers accept, with the remark plugin agreeing, out. */
/*
 * Seeded, reproducible edits of the real document and of several fixtures (block quotes, list and heading markers,
 * blank lines, fences, HTML, indentation, deleted, duplicated and swapped lines, stray pipes, backticks and
 * characters, CRLF mixes), each run through errgen's main in this process: it never throws nor hangs; it exits
 * non-zero with a located error, or exits 0 with exactly as many codes as a line-based count of the document's rows,
 * and outputs that tsc, Ajv (strict) and the OpenAPI 3.1 schema accept (checked in one batch); and the remark plugin
 * reports an error exactly when the command fails.
 *
 * `MUTATION_CASES=2000 npx vitest run test/properties/lost-rows.test.ts` runs thousands (it prints the counts);
 * `MUTATION_SEED` picks another stream of cases.
 */
import {createHash} from 'node:crypto'
import {mkdir, readFile, rm, writeFile} from 'node:fs/promises'
import path from 'node:path'
import {Validator} from '@seriousme/openapi-schema-validator'
import {Ajv2020} from 'ajv/dist/2020.js'
import addFormats from 'ajv-formats'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import {VFile} from 'vfile'
import {parse} from 'yaml'
import {expect, test} from 'vitest'
import remarkErrgen from '../../generator/remark/index.js'
import {root, runInProcess, seed, tempDirectory, typeCheck, type Outcome} from '../support/helpers.js'
import {countRows, mutate, random} from '../support/mutations.js'

const cases = Number(process.env.MUTATION_CASES || 200)
const streamSeed = Number(process.env.MUTATION_SEED || 1)

/** The documents edited, and the index of each one's Code column (every one has integer codes and no code sample). */
const corpus: ReadonlyArray<{name: string, file: string, codeColumn: number}> = [
  {name: 'seed', file: seed, codeColumn: 1},
  ...['several-tables', 'escaped-pipes', 'tables-in-containers', 'no-outer-pipes', 'crlf-bom'].map((name) => fixture(name, 1)),
  ...['signed-codes', 'http-cells'].map((name) => fixture(name, 0))
]

function fixture(name: string, codeColumn: number): {name: string, file: string, codeColumn: number} {
  return {name, file: path.join(root, 'test', 'fixtures', name, 'input.md'), codeColumn}
}

/** How one case went. */
type Verdict = 'generated' | 'refused' | 'unreadable' | 'silent-loss' | 'unlocated' | 'crash' | 'disagreement'

/** A run that takes longer than this is a hang. */
const budget = 20_000

/** Run errgen's main in this process, failing past the budget. */
async function timed(argv: ReadonlyArray<string>, cwd: string): Promise<Outcome> {
  let timer: NodeJS.Timeout | undefined
  const hang = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('no answer within ' + budget + ' ms: a hang')), budget)
  })
  try {
    return await Promise.race([runInProcess(argv, cwd), hang])
  } finally {
    clearTimeout(timer)
  }
}

/** Whether the remark plugin reports an error for a document. */
async function pluginFails(text: string): Promise<boolean> {
  const file = new VFile({path: 'input.md', value: text})
  const processor = unified().use(remarkParse).use(remarkGfm).use(remarkErrgen)
  await processor.run(processor.parse(file), file)
  return file.messages.some((message) => message.fatal)
}

/** A generated set of outputs, by kind. */
interface Outputs {
  readonly typescript: string
  readonly schema: string
  readonly openapi: string
}

async function readOutputs(out: string): Promise<Outputs> {
  const read = (name: string) => readFile(path.join(out, name), 'utf8')
  return {typescript: await read('input.ts'), schema: await read('input.schema.json'), openapi: await read('input.openapi.yaml')}
}

/** One case: the verdict, and what it says about a failure. */
async function runCase(index: number, directories: ReadonlyMap<string, string>, texts: ReadonlyMap<string, string>, accepted: Map<string, Outputs>): Promise<{verdict: Verdict, detail: string}> {
  const next = random(streamSeed * 1_000_003 + index)
  const document = corpus[Math.floor(next() * corpus.length)] as (typeof corpus)[number]
  const {text, edits} = mutate(texts.get(document.name) as string, next)
  const directory = directories.get(document.name) as string
  const label = 'case ' + index + ' (' + document.name + ': ' + edits.join(', ') + ')'
  await writeFile(path.join(directory, 'input.md'), text)
  await rm(path.join(directory, 'out'), {recursive: true, force: true})
  let outcome: Outcome
  try {
    outcome = await timed(['--input', 'input.md', '--out', 'out', '--format', 'json'], directory)
  } catch (cause) {
    return {verdict: 'crash', detail: label + ': ' + String(cause instanceof Error ? cause.stack : cause)}
  }
  if ((outcome.code !== 0) !== (await pluginFails(text))) return {verdict: 'disagreement', detail: label + ': errgen exits ' + outcome.code + ', the plugin disagrees'}
  if (outcome.code === 2) return {verdict: 'unreadable', detail: label + ': ' + outcome.stderr}
  if (outcome.code !== 0) {
    const located = (JSON.parse(outcome.stdout) as Array<{severity: string, line: number | null, ruleId: string}>).some((diagnostic) => diagnostic.severity === 'error' && diagnostic.line !== null)
    return located ? {verdict: 'refused', detail: ''} : {verdict: 'unlocated', detail: label + ': ' + outcome.stdout}
  }
  const outputs = await readOutputs(path.join(directory, 'out'))
  const codes = (JSON.parse(outputs.schema) as {$defs: {ErrorCode: {enum: Array<unknown>}}}).$defs.ErrorCode.enum.length
  const rows = countRows(text, document.codeColumn)
  if (codes !== rows) return {verdict: 'silent-loss', detail: label + ': exit 0 with ' + codes + ' codes, the document has ' + rows + ' rows'}
  accepted.set(createHash('sha256').update(outputs.typescript + outputs.schema + outputs.openapi).digest('hex'), outputs)
  return {verdict: 'generated', detail: ''}
}

/** The outputs a consumer rejects: tsc over all of them in one program, Ajv strict and the OpenAPI 3.1 schema over each. */
async function rejectedOutputs(accepted: ReadonlyArray<Outputs>): Promise<Array<string>> {
  const sources = Object.fromEntries(accepted.map((outputs, index) => ['case' + index + '.ts', outputs.typescript]))
  const rejected = typeCheck(sources).map((diagnostic) => 'tsc: ' + diagnostic)
  const validator = new Validator()
  for (const [index, outputs] of accepted.entries()) {
    const ajv = new Ajv2020({strict: true, addUsedSchema: false})
    addFormats.default(ajv)
    try {
      ajv.compile(JSON.parse(outputs.schema))
    } catch (cause) {
      rejected.push('Ajv: output ' + index + ': ' + String(cause))
    }
    const result = await validator.validate(parse(outputs.openapi))
    if (!result.valid) rejected.push('OpenAPI: output ' + index + ': ' + JSON.stringify(result.errors).slice(0, 400))
  }
  return rejected
}

test('no row is lost: ' + cases + ' edited documents each give a located error, or every row and valid outputs; the plugin agrees', async () => {
  const directories = new Map<string, string>()
  const texts = new Map<string, string>()
  for (const document of corpus) {
    const directory = await tempDirectory()
    await mkdir(directory, {recursive: true})
    directories.set(document.name, directory)
    texts.set(document.name, await readFile(document.file, 'utf8'))
  }
  const counts: Record<Verdict, number> = {generated: 0, refused: 0, unreadable: 0, 'silent-loss': 0, unlocated: 0, crash: 0, disagreement: 0}
  const failures: Array<string> = []
  const accepted = new Map<string, Outputs>()
  for (let index = 0; index < cases; index++) {
    const {verdict, detail} = await runCase(index, directories, texts, accepted)
    counts[verdict]++
    if (detail && verdict !== 'unreadable') failures.push(detail)
  }
  const rejected = await rejectedOutputs([...accepted.values()])
  console.log('mutations:', JSON.stringify({cases, seed: streamSeed, ...counts, distinctAccepted: accepted.size, rejectedOutputs: rejected.length}))
  expect(failures.slice(0, 10)).toEqual([])
  expect(rejected.slice(0, 10)).toEqual([])
  // The edits must exercise both ways, or the property says little.
  expect(counts.generated).toBeGreaterThan(cases / 10)
  expect(counts.refused).toBeGreaterThan(cases / 10)
}, 600_000)
