/** The configuration check: what the schema says and what it cannot (output names that collide, take the manifest's, or are not file names; a `$id` that is not a URI without a fragment), each a located config-schema error. */
import {VFile} from 'vfile'
import {describe, expect, test} from 'vitest'
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
    given: '{"outputs": {"typescript": "errors.json", "jsonSchema": "errors.json"}}',
    want: ['errgen.config.json:1:57-1:70  error  Unexpected name `errors.json` for `outputs.jsonSchema`, already the name of `outputs.typescript`: each output needs a file of its own  config-schema']
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
