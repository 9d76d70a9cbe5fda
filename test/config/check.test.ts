/** The configuration check: what the schema says and what it cannot (output names that collide, take the manifest's, or are not file names; a `$id` that is not a URI without a fragment), each a located config-schema error. */
import {execFile} from 'node:child_process'
import {readdir, writeFile} from 'node:fs/promises'
import path from 'node:path'
import {VFile} from 'vfile'
import {describe, expect, test} from 'vitest'
import {bin, project} from '../support/helpers.js'
import {checkConfig} from '../../generator/config/check.js'
import {messageLine} from '../../generator/diagnostics/report.js'

/** The messages of checking a configuration's text, and whether it passed. */
function check(text: string): {ok: boolean, messages: Array<string>} {
  const file = new VFile({path: 'errgen.config.json', value: text})
  const config = checkConfig(file, [])
  return {ok: config !== undefined, messages: file.messages.map((message) => messageLine(message))}
}

const cases: Array<[string, {given: string, want: Array<string>}]> = [
  ['two outputs of one name', {
    given: '{"outputs": {"jsonSchema": "errors.json", "dictionary": "errors.json"}}',
    want: ['errgen.config.json:1:57-1:70  error  Unexpected name `errors.json` for `outputs.dictionary`, already the name of `outputs.jsonSchema`: each output needs a file of its own  config-schema']
  }],
  ['TypeScript in a .js file', {
    given: '{"outputs": {"typescript": "errors.js"}}',
    want: ['errgen.config.json:1:28-1:39  error  Unexpected name `errors.js` for `outputs.typescript`, expected a name whose extension fits what it holds (TypeScript), such as `errors.ts`  config-schema']
  }],
  ['TypeScript in a .json file, the schema in a .ts file: each named', {
    given: '{"outputs": {"typescript": "codes.json", "jsonSchema": "codes.ts"}}',
    want: [
      'errgen.config.json:1:28-1:40  error  Unexpected name `codes.json` for `outputs.typescript`, expected a name whose extension fits what it holds (TypeScript), such as `codes.ts`  config-schema',
      'errgen.config.json:1:56-1:66  error  Unexpected name `codes.ts` for `outputs.jsonSchema`, expected a name whose extension fits what it holds (JSON Schema), such as `codes.schema.json`  config-schema'
    ]
  }],
  ['OpenAPI (YAML) in a .json file', {
    given: '{"outputs": {"openapi": "api.json"}}',
    want: ['errgen.config.json:1:25-1:35  error  Unexpected name `api.json` for `outputs.openapi`, expected a name whose extension fits what it holds (OpenAPI), such as `api.openapi.yaml`  config-schema']
  }],
  ['an output named like the manifest', {
    given: '{"outputs": {"openapi": ".errgen-manifest.json"}}',
    want: ['errgen.config.json:1:25-1:48  error  Unexpected name `.errgen-manifest.json` for `outputs.openapi`, expected another: errgen keeps its manifest under that name  config-schema']
  }],
  ['an output named `..`', {
    given: '{"outputs": {"typescript": ".."}}',
    want: ['errgen.config.json:1:28-1:32  error  Unexpected name `..` for `outputs.typescript`, expected a file name  config-schema']
  }],
  ['a $id with a fragment', {
    given: '{"jsonSchema": {"id": "https://example.com/errors.json#body"}}',
    want: ['errgen.config.json:1:23-1:61  error  Unexpected string "https://example.com/errors.json#body" for `jsonSchema.id`, expected a URI without a fragment, such as `https://api.example.com/errors.schema.json`  config-schema']
  }],
  ['a $id that is not a URI', {
    given: '{"jsonSchema": {"id": "my schema"}}',
    want: ['errgen.config.json:1:23-1:34  error  Unexpected string "my schema" for `jsonSchema.id`, expected a URI without a fragment, such as `https://api.example.com/errors.schema.json`  config-schema']
  }],
  ['body fields without the message', {
    given: '{"body": {"fields": ["code", "resolve"]}}',
    want: ['errgen.config.json:1:21-1:40  error  Unexpected list for `body.fields`, expected a list with "message"  config-schema']
  }],
  ['a body field errgen does not know', {
    given: '{"body": {"fields": ["code", "message", "hint"]}}',
    want: ['errgen.config.json:1:41-1:47  error  Unexpected "hint" for `body.fields.2`, expected one of "code", "status", "message", "resolve"  config-schema']
  }],
  ['an extra field named like a body field', {
    given: '{"body": {"extraFields": ["requestId", "message"]}}',
    want: ['errgen.config.json:1:26-1:50  error  Unexpected list for `body.extraFields`, expected true, false, or a list of names other than code, status, message and resolve  config-schema']
  }]
]

describe('checkConfig', () => {
  test.each(cases)('%s', (_, {given, want}) => {
    expect(check(given)).toEqual({ok: false, messages: want})
  })

  test('distinct output names, one turned off, and a URI $id pass', () => {
    expect(check('{"outputs": {"typescript": "a.ts", "jsonSchema": false, "openapi": "a.yaml"}, "jsonSchema": {"id": "https://example.com/a.json"}}')).toEqual({ok: true, messages: []})
  })
})

describe('the bin on an output name whose extension does not fit its kind', () => {
  test('is a located configuration error, exit code 2, and nothing is written', async () => {
    const directory = await project()
    await writeFile(path.join(directory, 'errgen.config.json'), '{\n  "outputs": {"typescript": "errors.js"}\n}\n')
    const result = await new Promise<{code: number, stdout: string, stderr: string}>((resolve) => {
      execFile(process.execPath, [bin], {cwd: directory}, (error, stdout, stderr) => resolve({code: error ? Number(error.code) : 0, stdout, stderr}))
    })
    expect(result).toEqual({
      code: 2,
      stdout: '',
      stderr: 'errgen.config.json:2:29-2:40  error  Unexpected name `errors.js` for `outputs.typescript`, expected a name whose extension fits what it holds (TypeScript), such as `errors.ts`  config-schema\n✖ 1 error\n'
    })
    expect(await readdir(directory)).not.toContain('output')
  })
})
