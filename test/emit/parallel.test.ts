/** parallel.test: the outputs of a large cold run, the OpenAPI document emitted on this thread and the others in a worker thread at the same time (the last ones by whichever thread is free first), are exactly the bytes of the outputs emitted one after another here. */
import {readFile} from 'node:fs/promises'
import {VFile} from 'vfile'
import {describe, expect, test} from 'vitest'
import {EmitCache} from '../../generator/emit/cache.js'
import {EncodedOutput, encodeOutput} from '../../generator/emit/encoded.js'
import {emitWith, loadEmitters} from '../../generator/emit/index.js'
import {EmitWorker, emitOutputs, emitWorkerFor, startEmitWorker} from '../../generator/emit/parallel/outputs.js'
import type {ConfigFile} from '../../generator/types.js'
import {configFor, generateFrom, seed} from '../support/helpers.js'

/** Every target on, a problem form and a body with every field: each emitter has something to write. */
const everything: ConfigFile = {outputs: {python: 'errors.py', go: 'errors.go', dictionary: 'errors.json'}, problem: {type: 'https://errors.example.com/{code}'}, body: {fields: ['code', 'message', 'status', 'resolve']}}

/** How the command keeps its outputs: each as its bytes once emitted. */
const oneAtATime = {settle: encodeOutput, collect: false}

async function seedRun(written: ConfigFile): Promise<{catalog: Awaited<ReturnType<typeof generateFrom>>['catalog'], options: ReturnType<typeof configFor>}> {
  const {catalog} = await generateFrom({'input/error-codes.md': await readFile(seed, 'utf8')}, written)
  return {catalog, options: configFor(['input/error-codes.md'], written)}
}

describe('outputs emitted in parallel', () => {
  test('every target on: the bytes are those of the outputs emitted here one after another, in the registry order', async () => {
    const {catalog, options} = await seedRun(everything)
    const emitters = await loadEmitters(options)
    expect(emitters.map((loaded) => loaded.kind)).toEqual(['typescript', 'jsonSchema', 'openapi', 'python', 'go', 'dictionary'])
    const serial = emitWith(emitters, catalog, options)
    // Whatever the count of entries (the seed's 39), as a run of 2,000 does.
    const parallel = await emitOutputs(emitters, catalog, options, {oneAtATime, worker: emitWorkerFor(options)})
    expect(parallel.map((file) => [file.kind, file.name])).toEqual(serial.map((file) => [file.kind, file.name]))
    for (const [index, file] of parallel.entries()) {
      expect(file).toBeInstanceOf(EncodedOutput)
      expect((file as EncodedOutput).bytes.equals(Buffer.from(serial[index]?.text ?? '', 'utf8'))).toBe(true)
    }
  })

  test('the defaults: the OpenAPI document here, the TypeScript module in the worker, the same bytes, with or without its emitter loaded here', async () => {
    const {catalog, options} = await seedRun({})
    const emitters = await loadEmitters(options)
    const serial = emitWith(emitters, catalog, options, undefined, oneAtATime)
    const parallel = await emitOutputs(emitters, catalog, options, {oneAtATime, worker: emitWorkerFor(options)})
    expect(parallel.map((file) => file.kind)).toEqual(['typescript', 'jsonSchema', 'openapi'])
    expect(parallel.map((file) => file.text)).toEqual(serial.map((file) => file.text))
    // As a run does: the worker's first output (TypeScript) left to it, its emitter not loaded here.
    const worker = emitWorkerFor(options)
    expect(worker?.leads).toBe('typescript')
    const notTypeScript = await loadEmitters(options, (kind) => kind !== 'typescript')
    expect(notTypeScript.map((loaded) => loaded.kind)).toEqual(['jsonSchema', 'openapi'])
    const deferred = await emitOutputs(notTypeScript, catalog, options, {oneAtATime, worker, deferred: ['typescript']})
    expect(deferred.map((file) => file.text)).toEqual(serial.map((file) => file.text))
    // The worker declined (a session's run, which keeps its texts, emits here): the emitter left to it is loaded here, the outputs in the registry's order.
    const here = await emitOutputs(notTypeScript, catalog, options, {oneAtATime, worker: emitWorkerFor(options), deferred: ['typescript'], cache: new EmitCache()})
    expect(here.map((file) => file.text)).toEqual(serial.map((file) => file.text))
  })

  test('each of the worker\'s outputs is emitted once, by the thread that claims it first: the worker from its first output on, this thread from the last', async () => {
    const {catalog, options} = await seedRun({})
    const emitters = await loadEmitters(options)
    const serial = new Map(emitWith(emitters, catalog, options, undefined, oneAtATime).map((file) => [file.kind, (file as EncodedOutput).bytes]))
    // This thread claimed the JSON Schema first: the worker emits the TypeScript module alone.
    const shared = emitWorkerFor(options)
    expect(shared?.claim('jsonSchema')).toBe(true)
    const rest = (await shared?.emit(catalog, options)) ?? []
    expect(rest.map((file) => file.kind)).toEqual(['typescript'])
    expect(rest[0]?.bytes.equals(serial.get('typescript') as Buffer)).toBe(true)
    expect(shared?.claim('typescript')).toBe(false)
    expect(shared?.claim('openapi')).toBe(false)
    // Unclaimed here: the worker emits both, in the order it was given them, and this thread can claim neither after.
    const whole = emitWorkerFor(options)
    const both = (await whole?.emit(catalog, options)) ?? []
    expect(both.map((file) => file.kind)).toEqual(['typescript', 'jsonSchema'])
    for (const file of both) expect(file.bytes.equals(serial.get(file.kind) as Buffer)).toBe(true)
    expect(whole?.claim('jsonSchema')).toBe(false)
  })

  test('below the size, or keeping the texts, or with TypeScript off, everything is emitted here as before', async () => {
    const {catalog, options} = await seedRun({})
    const emitters = await loadEmitters(options)
    const texts = emitWith(emitters, catalog, options)
    expect(catalog.entries.length).toBeLessThan(2000)
    const small = await emitOutputs(emitters, catalog, options, {oneAtATime, worker: emitWorkerFor(options)})
    expect(small.map((file) => file.text)).toEqual(texts.map((file) => file.text))
    const kept = await emitOutputs(emitters, catalog, options, {worker: emitWorkerFor(options)})
    expect(kept).toEqual(texts)
    for (const file of kept) expect(file).not.toBeInstanceOf(EncodedOutput)
    const withoutTypeScript = emitters.filter((loaded) => loaded.kind !== 'typescript')
    const others = await emitOutputs(withoutTypeScript, catalog, options, {oneAtATime, worker: emitWorkerFor(options)})
    expect(others.map((file) => file.text)).toEqual(texts.slice(1).map((file) => file.text))
  })

  test('a worker started while large documents are parsed loads its emitters and gives the same bytes; small documents, a session or kept texts start none', async () => {
    const {catalog, options} = await seedRun({})
    const emitters = await loadEmitters(options)
    const serial = emitWith(emitters, catalog, options, undefined, oneAtATime)
    const large = [new VFile({path: 'a.md', value: 'x'.repeat(150_000)}), new VFile({path: 'b.md', value: 'y'.repeat(60_000)})]
    const small = [new VFile({path: 'a.md', value: 'x'.repeat(1000)})]
    const huge = [new VFile({path: 'a.md', value: 'x'.repeat(6_000_000)})]
    expect(startEmitWorker(small, options, {oneAtATime})).toBeUndefined()
    expect(startEmitWorker(huge, options, {oneAtATime})).toBeUndefined()
    expect(startEmitWorker(large, options, {})).toBeUndefined()
    const worker = startEmitWorker(large, options, {oneAtATime})
    expect(worker).toBeInstanceOf(EmitWorker)
    // Told the documents are parsed: it loads its emitters before it is asked.
    worker?.load()
    const parallel = await emitOutputs(emitters, catalog, options, {oneAtATime, worker})
    expect(parallel.map((file) => file.text)).toEqual(serial.map((file) => file.text))
    await worker?.stop()
    // Not told the documents are parsed: it loads its emitters once asked, and gives the same bytes.
    const unused = startEmitWorker(large, options, {oneAtATime})
    const here = await emitOutputs(emitters, catalog, options, {oneAtATime, worker: unused})
    expect(here.map((file) => file.text)).toEqual(serial.map((file) => file.text))
  })

  test('a worker that cannot emit what it was given fails the run with the reason', async () => {
    const {catalog, options} = await seedRun({})
    const worker = new EmitWorker(options.outputs, ['python'])
    await expect(worker.emit(catalog, options)).rejects.toThrow(/errgen's emit worker failed: expected an enabled output to emit in the worker, not python/)
  })
})
