/** The `problem` configuration: the type template's placeholders, URI syntax and uniqueness checked, each problem a located config-schema error (all at once, exit code 2, nothing written); a valid template is resolved, and none leaves the resolved configuration as before. */
import {readdir} from 'node:fs/promises'
import {VFile} from 'vfile'
import {describe, expect, test} from 'vitest'
import {checkConfig} from '../../generator/config/check.js'
import {headingSlug, problemType} from '../../generator/config/settings/problem-template.js'
import {messageLine} from '../../generator/diagnostics/report.js'
import {configFor, project, runInProcess} from '../support/helpers.js'

/** The messages of checking a configuration's text, and whether it passed. */
function check(text: string): {ok: boolean, messages: Array<string>} {
  const file = new VFile({path: 'errgen.config.json', value: text})
  const config = checkConfig(file, [])
  return {ok: config !== undefined, messages: file.messages.map((message) => messageLine(message))}
}

const cases: Array<[string, {given: string, want: Array<string>}]> = [
  ['an unknown placeholder', {
    given: '{"problem": {"type": "https://docs.example.com/errors#{id}"}}',
    want: [
      'errgen.config.json:1:22-1:60  error  Unexpected placeholder `{id}` in `problem.type`, expected `{code}`, `{name}` or `{heading}`  config-schema',
      'errgen.config.json:1:22-1:60  error  Unexpected template `https://docs.example.com/errors#{id}` for `problem.type`, expected `{code}` or `{name}` in it: each code needs a problem type of its own  config-schema',
      'errgen.config.json:1:22-1:60  error  Unexpected template `https://docs.example.com/errors#{id}` for `problem.type`, expected an absolute URI such as `https://docs.example.com/errors#{code}`  config-schema'
    ]
  }],
  ['a relative reference, not an absolute URI', {
    given: '{"problem": {"type": "/errors#{code}"}}',
    want: ['errgen.config.json:1:22-1:38  error  Unexpected template `/errors#{code}` for `problem.type`, expected an absolute URI such as `https://docs.example.com/errors#{code}`  config-schema']
  }],
  ['spaces and a second fragment', {
    given: '{"problem": {"type": "https://docs.example.com/my errors#{code}#x"}}',
    want: ['errgen.config.json:1:22-1:67  error  Unexpected template `https://docs.example.com/my errors#{code}#x` for `problem.type`, expected an absolute URI such as `https://docs.example.com/errors#{code}`  config-schema']
  }],
  ['one type for every code', {
    given: '{\n  "problem": {\n    "type": "https://docs.example.com/{heading}"\n  }\n}',
    want: ['errgen.config.json:3:13-3:49  error  Unexpected template `https://docs.example.com/{heading}` for `problem.type`, expected `{code}` or `{name}` in it: each code needs a problem type of its own  config-schema']
  }],
  ['no type', {
    given: '{"problem": {}}',
    want: ['errgen.config.json:1:13-1:15  error  Missing key `type` in `problem`  config-schema']
  }],
  ['another key', {
    given: '{"problem": {"type": "urn:example:error:{code}", "title": "x"}}',
    want: ['errgen.config.json:1:50-1:57  error  Unexpected key `title` in `problem`, expected one of type  config-schema']
  }]
]

describe('checkConfig on problem', () => {
  test.each(cases)('%s', (_, {given, want}) => {
    expect(check(given)).toEqual({ok: false, messages: want})
  })

  test.each([
    'https://docs.example.com/errors#{code}',
    'https://docs.example.com/{heading}/{name}',
    'urn:example:error:{code}',
    'https://docs.example.com/errors?code={code}&lang=en#%E2%9C%93'
  ])('%s passes', (type) => {
    expect(check(JSON.stringify({problem: {type}}))).toEqual({ok: true, messages: []})
  })
})

describe('the resolved configuration', () => {
  test('holds the template when set, and no problem key when not', () => {
    expect(configFor(['input.md'], {problem: {type: 'urn:example:{code}'}}).problem).toEqual({type: 'urn:example:{code}'})
    const plain = configFor(['input.md'])
    expect('problem' in plain).toBe(false)
    expect(JSON.stringify(plain)).not.toContain('problem')
  })

  test('the placeholders are filled and percent-encoded', () => {
    const entry = {code: 'auth/user not-found', name: 'AuthUserNotFound', group: 'Rate limits & quotas'}
    expect(problemType({type: 'https://x.example/{heading}/{name}#{code}'}, entry)).toBe('https://x.example/rate-limits--quotas/AuthUserNotFound#auth%2Fuser%20not-found')
    expect(problemType({type: 'https://x.example/{heading}#{code}'}, {...entry, group: undefined})).toBe('https://x.example/#auth%2Fuser%20not-found')
    expect(headingSlug('  Café: Errors (v2)  ')).toBe('café-errors-v2')
  })
})

describe('the command line', () => {
  test('a bad template is exit code 2 with the located messages, and nothing is written', async () => {
    const directory = await project({problem: {type: 'docs/{id}'}})
    const result = await runInProcess([], directory)
    expect(result.code).toBe(2)
    expect(result.stderr.split('\n')).toEqual([
      'errgen.config.json:3:13-3:24  error  Unexpected placeholder `{id}` in `problem.type`, expected `{code}`, `{name}` or `{heading}`  config-schema',
      'errgen.config.json:3:13-3:24  error  Unexpected template `docs/{id}` for `problem.type`, expected `{code}` or `{name}` in it: each code needs a problem type of its own  config-schema',
      'errgen.config.json:3:13-3:24  error  Unexpected template `docs/{id}` for `problem.type`, expected an absolute URI such as `https://docs.example.com/errors#{code}`  config-schema',
      '✖ 3 errors',
      ''
    ])
    expect(await readdir(directory)).not.toContain('output')
  })

  test('--print-config shows the template', async () => {
    const directory = await project({problem: {type: 'https://docs.example.com/errors#{code}'}})
    const result = await runInProcess(['--print-config'], directory)
    expect(JSON.parse(result.stdout).problem).toEqual({type: 'https://docs.example.com/errors#{code}'})
  })
})
