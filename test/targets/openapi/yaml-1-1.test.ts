/** The OpenAPI YAML read by an independent YAML 1.1 reader (PyYAML, through Python): every fixture's document and hostile strings come back with exactly the strings errgen wrote. */
import {execFile} from 'node:child_process'
import {readdir, readFile} from 'node:fs/promises'
import path from 'node:path'
import {promisify} from 'node:util'
import fc from 'fast-check'
import {parse} from 'yaml'
import {describe, expect, test} from 'vitest'
import {stringifyForYaml11} from '../../../generator/targets/openapi/block-yaml.js'
import {root} from '../../support/helpers.js'

const run = promisify(execFile)

/** A Python with PyYAML: `python3`, else Debian's (which `.ci/run` gives python3-yaml when neither has it). */
const python = await (async () => {
  for (const candidate of ['python3', '/usr/bin/python3']) {
    const found = await run(candidate, ['-c', 'import yaml']).then(() => candidate, () => undefined)
    if (found) return found
  }
  throw new Error('no YAML 1.1 reader: install PyYAML (Debian: apt-get install python3-yaml)')
})()

/** What PyYAML reads from a YAML text, as JSON (a date or other non-JSON value fails the test). */
async function readWithPyYaml(texts: ReadonlyArray<string>): Promise<Array<unknown>> {
  const script = 'import json, sys, yaml\nprint(json.dumps([yaml.safe_load(text) for text in json.load(sys.stdin)]))'
  const child = run(python, ['-c', script], {maxBuffer: 64 * 1024 * 1024})
  child.child.stdin?.end(JSON.stringify(texts))
  const {stdout} = await child
  return JSON.parse(stdout) as Array<unknown>
}

/** Every committed OpenAPI document: output/'s and the fixtures'. */
async function openApiDocuments(): Promise<Array<string>> {
  const fixtures = path.join(root, 'test', 'fixtures')
  const files = [path.join(root, 'output', 'error-codes.openapi.yaml')]
  for (const name of await readdir(fixtures)) {
    const out = path.join(fixtures, name, 'output')
    for (const file of await readdir(out).catch(() => [])) if (file.endsWith('.openapi.yaml')) files.push(path.join(out, file))
  }
  return files
}

describe('a YAML 1.1 reader', () => {
  test('reads every committed OpenAPI document with the strings errgen wrote', async () => {
    const files = await openApiDocuments()
    expect(files.length).toBeGreaterThan(5)
    const texts = await Promise.all(files.map((file) => readFile(file, 'utf8')))
    const read = await readWithPyYaml(texts)
    texts.forEach((text, index) => expect(read[index], files[index]).toEqual(parse(text)))
  })

  test('reads hostile strings back exactly: tabs, NEL, line and paragraph separators, DEL, C1, U+FFFE, U+FFFF', async () => {
    const special = fc.constantFrom('\t', '\x85', '\u2028', '\u2029', '\x7f', '\x80', '\x9f', '\ufffe', '\uffff', '\n', '"', '\\', ':', '#', ' ')
    const hostile = fc.string({unit: fc.oneof(special, fc.string({unit: 'binary', minLength: 1, maxLength: 1})), minLength: 1})
    // Only spaces and line breaks: `yaml` writes them as a block scalar that reads back without the spaces, so errgen quotes them.
    const samples = [{a: ' \n'}, {a: '  \n\n', b: ' \n \n'}, {[' \n']: 'x'}, ...fc.sample(fc.dictionary(fc.constantFrom('a', 'b', 'c'), hostile, {minKeys: 1}), 200)]
    const read = await readWithPyYaml(samples.map((data) => stringifyForYaml11({description: data})))
    samples.forEach((data, index) => expect(read[index]).toEqual({description: data}))
  })
})
