/** encoded.test: outputs kept as their bytes from the moment they are emitted (the command's path) give exactly the library's texts, encoded once. */
import {copyFile, mkdir, writeFile} from 'node:fs/promises'
import path from 'node:path'
import {describe, expect, test} from 'vitest'
import {syntheticDocument} from '../../bench/documents.js'
import {collectGarbage, heapIsLarge} from '../../generator/emit/collect.js'
import {EmitCache} from '../../generator/emit/cache.js'
import {ByteChunks, EncodedFile, EncodedOutput, encodeOutput, located} from '../../generator/emit/encoded.js'
import {prepare} from '../../generator/spine.js'
import {encoded} from '../../generator/write/output-io.js'
import {seed, tempDirectory} from '../support/helpers.js'

describe('outputs encoded as they are emitted', () => {
  test('prepare() with encodeOutputs gives the files of a run that keeps the texts, as bytes, each encoded once', async () => {
    const directory = await tempDirectory()
    await mkdir(path.join(directory, 'docs'))
    await copyFile(seed, path.join(directory, 'docs', 'errors.md'))
    const options = {cwd: directory, input: ['docs/errors.md'], out: 'out'}
    const [texts, bytes] = await Promise.all([prepare(options), prepare({...options, encodeOutputs: true})])
    expect(bytes.ok).toBe(true)
    expect(bytes.files.map((file) => [file.kind, file.name, file.path])).toEqual(texts.files.map((file) => [file.kind, file.name, file.path]))
    expect(texts.files.length).toBeGreaterThanOrEqual(3)
    for (const [index, file] of bytes.files.entries()) {
      const text = texts.files[index]?.text ?? ''
      expect(file).toBeInstanceOf(EncodedFile)
      expect(file.text).toBe(text)
      expect(encoded(file).equals(Buffer.from(text, 'utf8'))).toBe(true)
      // The bytes are those kept, not encoded again from the text.
      expect(encoded(file)).toBe(encoded(file))
      expect(encoded(file)).toBe((file as EncodedFile).bytes)
    }
    // The library's texts stay plain strings on plain objects.
    for (const file of texts.files) expect(file).not.toBeInstanceOf(EncodedOutput)
  })

  test('a catalog of 2,000 codes, emitted OpenAPI first, gives the texts of the registry order', async () => {
    const directory = await tempDirectory()
    await mkdir(path.join(directory, 'docs'))
    await writeFile(path.join(directory, 'docs', 'errors.md'), syntheticDocument(2000))
    const options = {cwd: directory, input: ['docs/errors.md'], out: 'out'}
    const texts = await prepare(options)
    const bytes = await prepare({...options, encodeOutputs: true})
    expect(bytes.catalog?.entries.length).toBe(2000)
    expect(bytes.files.map((file) => file.kind)).toEqual(['typescript', 'jsonSchema', 'openapi'])
    expect(bytes.files.map((file) => [file.name, file.text])).toEqual(texts.files.map((file) => [file.name, file.text]))
  })

  test('the garbage is collected only when the heap is large, with V8\'s collector, and the global scope stays as it was', () => {
    expect(heapIsLarge(1)).toBe(true)
    expect(heapIsLarge(Number.MAX_SAFE_INTEGER)).toBe(false)
    let garbage: Array<Array<number>> | undefined = Array.from({length: 20000}, (_, index) => [index, index + 1])
    expect(garbage.length).toBe(20000)
    garbage = undefined
    collectGarbage()
    collectGarbage()
    expect('gc' in globalThis).toBe(false)
  })

  test('text written in pieces is encoded as the whole text is, across the buffer\'s growth and outside Latin-1', () => {
    // Short pieces (joined before they are encoded) between longer ones, up to twice the length from which a piece is
    // encoded by itself (8,192 characters), some outside Latin-1.
    const long = (index: number) => (index % 2 === 0 ? 'x'.repeat(index % 16411) : '名前 😀 « » — '.repeat(index % 1367)) + '\n'
    const pieces = Array.from({length: 200000}, (_, index) => (index % 211 === 0 ? long(index) : index % 7 === 0 ? 'Code « ' + index + ' » — 名前 😀\n' : 'code ' + index + ': plain text\n'))
    const out = new ByteChunks()
    for (const piece of pieces) out.push(piece)
    const bytes = out.bytes()
    const expected = Buffer.from(pieces.join(''), 'utf8')
    expect(expected.length).toBeGreaterThan(2 << 20)
    expect(bytes.length).toBe(expected.length)
    expect(bytes.equals(expected)).toBe(true)
    const empty = new ByteChunks()
    expect(empty.bytes().length).toBe(0)
  })

  test('a session\'s sink for an output starts at its last run\'s size: the same bytes whether they are fewer, as many or more, one buffer unless more', () => {
    const pieces = (count: number) => Array.from({length: count}, (_, index) => (index % 5 === 0 ? 'Code « ' + index + ' » — 名前 😀\n' : 'code ' + index + ': plain text\n'))
    const cache = new EmitCache()
    const write = (count: number) => {
      const out = cache.sink('openapi')
      const text = pieces(count)
      for (const piece of text) out.push(piece)
      const bytes = out.bytes()
      expect(bytes.equals(Buffer.from(text.join(''), 'utf8'))).toBe(true)
      return bytes
    }
    const first = write(60000)
    for (const count of [60000, 59990, 60010]) {
      // Within the slack of the last size: the one buffer allocated at it, never grown.
      const bytes = write(count)
      expect(bytes.buffer.byteLength).toBeLessThan(first.length * 1.05)
    }
    // Far more than the last run: grown as a buffer without a size told grows; then that size is the next run's.
    const more = write(200000)
    expect(more.length).toBeGreaterThan(first.length * 3)
    expect(write(200000).buffer.byteLength).toBeLessThan(more.length * 1.05)
    // Another target has a size of its own.
    const told: Array<number> = []
    const other = new ByteChunks(64, (size) => told.push(size))
    other.push('x'.repeat(1000))
    expect(other.bytes().length).toBe(1000)
    expect(told).toEqual([1000])
  })

  test('a text outside Latin-1 round-trips, and an encoded output is neither encoded nor decoded again to locate it', () => {
    const text = 'Code « 1001 » — 名前 😀\n'
    const output = encodeOutput({kind: 'typescript', name: 'a.ts', text})
    expect(output.text).toBe(text)
    expect(output.bytes.equals(Buffer.from(text, 'utf8'))).toBe(true)
    expect(encodeOutput(output)).toBe(output)
    const file = located(output, '/out/a.ts')
    expect(file).toBeInstanceOf(EncodedFile)
    expect((file as EncodedFile).bytes).toBe(output.bytes)
    expect(file.path).toBe('/out/a.ts')
    expect(located({kind: 'typescript', name: 'a.ts', text}, '/out/a.ts')).toEqual({kind: 'typescript', name: 'a.ts', text, path: '/out/a.ts'})
  })
})
