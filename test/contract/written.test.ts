/** The outputs a `--watch` session wrote: their bytes are taken from the session while the file is unchanged, and read again once it is not; successive saves through one session's memory (and caches) write the bytes and print the diagnostics of a cold run each time, also when an output is edited or replaced between saves. */
import {cp, readFile, rename, rm, stat, writeFile} from 'node:fs/promises'
import path from 'node:path'
import fc from 'fast-check'
import {describe, expect, test} from 'vitest'
import {syntheticDocument} from '../../bench/documents.js'
import {main} from '../../generator/cli/main.js'
import {WrittenFiles} from '../../generator/contract/written-io.js'
import {EmitCache} from '../../generator/emit/cache.js'
import {ParseCache} from '../../generator/parse/cache.js'
import {readTree, tempDirectory} from '../support/helpers.js'

describe('WrittenFiles', () => {
  test('gives the bytes written while the file is unchanged, and none once it was written again or replaced', async () => {
    const directory = await tempDirectory()
    const file = path.join(directory, 'a.json')
    const written = new WrittenFiles()
    const bytes = Buffer.from('{"a": 1}\n')
    await writeFile(file, bytes)
    await written.remember(file, bytes)
    // Not before the file was read back once its clock ticked past the write.
    expect(await written.bytes(file)).toBeUndefined()
    await written.settled()
    expect(await written.bytes(file)).toBe(bytes)

    // The same size, written in place: the change time moves.
    await writeFile(file, '{"a": 2}\n')
    expect(await written.bytes(file)).toBeUndefined()

    await written.remember(file, Buffer.from('{"a": 2}\n'))
    await written.settled()
    expect(await written.bytes(file)).toEqual(Buffer.from('{"a": 2}\n'))
    // Another file renamed into its place: another inode.
    await writeFile(file + '.new', '{"a": 2}\n')
    await rename(file + '.new', file)
    expect(await written.bytes(file)).toBeUndefined()

    await written.remember(file, Buffer.from('{"a": 2}\n'))
    await rm(file)
    expect(await written.bytes(file)).toBeUndefined()
    expect(await written.bytes(path.join(directory, 'never-written'))).toBeUndefined()
  })

  test('a write within the same tick of the clock as errgen\'s, which leaves the status as it was, is caught by the read back', async () => {
    const directory = await tempDirectory()
    const file = path.join(directory, 'a.json')
    // A file system whose times never move (as within one tick of its clock, or one that keeps whole seconds).
    const frozen = await stat(await writeFile(file, '{"a": 1}\n').then(() => file), {bigint: true})
    const written = new WrittenFiles(async () => frozen)
    await written.remember(file, Buffer.from('{"a": 1}\n'))
    await writeFile(file, '{"a": 9}\n')
    await written.settled()
    expect(await written.bytes(file)).toBeUndefined()

    await writeFile(file, '{"a": 1}\n')
    await written.remember(file, Buffer.from('{"a": 1}\n'))
    await written.settled()
    expect(await written.bytes(file)).toEqual(Buffer.from('{"a": 1}\n'))
  })

  test('the read back compares a large file a chunk at a time: a byte changed past the first chunk, or one added, is caught', async () => {
    const directory = await tempDirectory()
    const file = path.join(directory, 'a.yaml')
    const bytes = Buffer.from('line: value\n'.repeat(300_000))
    const changed = Buffer.from(bytes)
    changed[bytes.length - 5] = 0x58
    await writeFile(file, bytes)
    const frozen = await stat(file, {bigint: true})
    const written = new WrittenFiles(async () => frozen)
    for (const [onDisk, trusted] of [[changed, false], [Buffer.concat([bytes, Buffer.from('x')]), false], [bytes, true]] as const) {
      await writeFile(file, onDisk)
      await written.remember(file, bytes)
      await written.settled()
      expect(await written.bytes(file)).toBe(trusted ? bytes : undefined)
    }
  })

  test('a file whose bytes differ from those told is not remembered', async () => {
    const directory = await tempDirectory()
    const file = path.join(directory, 'a.json')
    const written = new WrittenFiles()
    await writeFile(file, 'longer than told\n')
    await written.remember(file, Buffer.from('short\n'))
    expect(await written.bytes(file)).toBeUndefined()
  })

  test('reads each kind of reading of the same bytes once, and again after a failure', async () => {
    const written = new WrittenFiles()
    const bytes = Buffer.from('x')
    let reads = 0
    const read = async () => ++reads
    expect(await written.derived(bytes, 'entries:a', read)).toBe(1)
    expect(await written.derived(bytes, 'entries:a', read)).toBe(1)
    expect(await written.derived(bytes, 'statuses:a', read)).toBe(2)
    expect(await written.derived(Buffer.from('x'), 'entries:a', read)).toBe(3)
    const failing = () => Promise.reject(new Error('not an output'))
    await expect(written.derived(bytes, 'entries:b', failing)).rejects.toThrow('not an output')
    expect(await written.derived(bytes, 'entries:b', read)).toBe(4)
  })
})

/** One save between runs: a cell's text changed (a message changes a derived name), an output edited or replaced by hand, or nothing. */
type Step = {kind: 'resolve' | 'message', row: number, text: string} | OutputChange | {kind: 'none'}

/** An output changed by hand between saves. */
type OutputChange = {kind: 'edit-output' | 'replace-output' | 'remove-output', output: number}

const step: fc.Arbitrary<Step> = fc.oneof(
  {weight: 4, arbitrary: fc.record({kind: fc.constantFrom('resolve' as const, 'message' as const), row: fc.nat(59), text: fc.constantFrom(' Edited.', ' again', 'x', ' `code`', ' *em*')})},
  {weight: 2, arbitrary: fc.record({kind: fc.constantFrom('edit-output' as const, 'replace-output' as const, 'remove-output' as const), output: fc.nat(2)})},
  {weight: 1, arbitrary: fc.constant({kind: 'none' as const})}
)

/** The document with a row's Message or Resolve cell added to. */
function edited(text: string, row: number, cell: 'message' | 'resolve', added: string): string {
  const lines = text.split('\n')
  const rows = lines.flatMap((line, index) => (/^```\d+```\|/.test(line) ? [index] : []))
  const at = rows[row % rows.length] ?? 0
  const cells = (lines[at] ?? '').split('|')
  const index = cell === 'message' ? 2 : 3
  cells[index] = cell === 'message' ? (cells[index] ?? '').replace(/\*$/, added.replace(/[`*]/g, '') + '*') : (cells[index] ?? '') + added
  lines[at] = cells.join('|')
  return lines.join('\n')
}

/** Change an output on disk as a user could: a byte changed in place (same size), the file replaced, or removed. */
async function touchOutput(directory: string, change: OutputChange): Promise<void> {
  const names = [...(await readTree(path.join(directory, 'out'))).keys()]
  const name = names[change.output % names.length]
  if (!name) return
  const file = path.join(directory, 'out', name)
  const bytes = await readFile(file)
  if (change.kind === 'remove-output') return rm(file)
  if (change.kind === 'replace-output') {
    await writeFile(file + '.new', bytes.toString('utf8').replace(/Access/g, 'Aqcess'))
    return rename(file + '.new', file)
  }
  const text = bytes.toString('utf8')
  // A derived name changed by hand, same length: the comparison of names must see it.
  await writeFile(file, text.replace(/AccessToken/g, 'AccessTokem'))
}

/** Run errgen's main in a directory; the exit code and what it printed, its timings removed. */
async function run(directory: string, session?: {parseCache: ParseCache, emitCache: EmitCache, written: WrittenFiles}) {
  let out = ''
  const print = (text: string) => (out += text)
  const code = await main(['--input', 'errors.md', '--out', 'out'], {cwd: directory, stdout: print, stderr: print, fastPath: false, ...session})
  return {code, printed: out.replace(/\(\d+ ms\)/g, '(ms)')}
}

describe('a session that keeps what it wrote', () => {
  test('successive saves and hand edits of the outputs give a cold run\'s outputs and diagnostics each time', async () => {
    let kept = 0
    await fc.assert(
      fc.asyncProperty(fc.array(step, {minLength: 2, maxLength: 5}), async (steps) => {
        const session = {parseCache: new ParseCache(), emitCache: new EmitCache(), written: new WrittenFiles()}
        const bytes = session.written.bytes.bind(session.written)
        session.written.bytes = async (file) => {
          const found = await bytes(file)
          if (found) kept++
          return found
        }
        const warm = await tempDirectory()
        const cold = await tempDirectory()
        let text = syntheticDocument(60)
        await writeFile(path.join(warm, 'errors.md'), text)
        expect((await run(warm, session)).code).toBe(0)
        for (const [index, change] of steps.entries()) {
          // Half the saves come once the outputs just written are trusted, half before (they are read again).
          if (index % 2 === 0) await session.written.settled()
          if ('output' in change) await touchOutput(warm, change)
          else if (change.kind !== 'none') text = edited(text, change.row, change.kind, change.text)
          await writeFile(path.join(warm, 'errors.md'), text)
          // The cold run starts from the same disk: the document, and the outputs as they are now.
          await rm(cold, {recursive: true, force: true})
          await cp(warm, cold, {recursive: true})
          const warmRun = await run(warm, session)
          const coldRun = await run(cold)
          expect(warmRun).toEqual(coldRun)
          expect(await readTree(path.join(warm, 'out'))).toEqual(await readTree(path.join(cold, 'out')))
        }
      }),
      {numRuns: 4}
    )
    // Not vacuous: outputs were taken from the session rather than read again.
    expect(kept).toBeGreaterThan(6)
  }, 120_000)
})
