/** Names that work in every enabled target: a derived name reserved in one of them (Python's `None`, `class`, `__init__`) or spelled alike in one (Go's `CodeCardDeclined`) is resolved the same way for all, with one warning; a Name cell that cannot work is an error; and turning a target on that renames a code is a breaking change like any rename (renamed-code, --pin-names, --allow-breaking). */
import {readFile, writeFile} from 'node:fs/promises'
import path from 'node:path'
import {VFile} from 'vfile'
import {describe, expect, test} from 'vitest'
import {buildCatalog} from '../../generator/catalog/build.js'
import {messageLine, sortMessages} from '../../generator/diagnostics/report.js'
import {parse} from '../../generator/parse/parse.js'
import {resolveOutputs} from '../../generator/targets/index.js'
import {validate} from '../../generator/tables/validate.js'
import type {OutputKind} from '../../generator/types.js'
import {project, runInProcess} from '../support/helpers.js'
import {errors} from '../support/renamed.js'

/** Build a catalog of one document with these outputs on (besides the default ones); its names and messages. */
function build(markdown: string, on: ReadonlyArray<OutputKind>) {
  const file = new VFile({path: 'a.md', value: markdown})
  const outputs = resolveOutputs(Object.fromEntries(on.map((kind) => [kind, true])), 'a')
  const catalog = buildCatalog([validate(parse(file), file)], {codes: 'auto', outputs}, ['a.md'])
  return {names: catalog.entries.map((entry) => entry.code + ' ' + entry.name), messages: sortMessages(file.messages).map((message) => messageLine(message))}
}

const strings = 'Code | Message\n--- | ---\nNone | none\nclass | class\ncard_declined | declined\ncardDeclined | declined again\nok | fine\n'

describe('derived names in every enabled target', () => {
  test('without Python and Go the names are the codes', () => {
    expect(build(strings, []).names).toEqual(['None None', 'cardDeclined cardDeclined', 'card_declined card_declined', 'class class', 'ok ok'])
  })

  test('a name Python reserves gets a suffix in every output, with one warning naming why', () => {
    const {names, messages} = build(strings, ['python'])
    expect(names).toEqual(['None None_1', 'cardDeclined cardDeclined', 'card_declined card_declined', 'class class_1', 'ok ok'])
    expect(messages).toEqual([
      'a.md:3:8-3:12  warning  Name `None` of code None is a keyword in Python: named `None_1`; add a Name column to choose the names  reserved-name',
      'a.md:4:9-4:14  warning  Name `class` of code class is a keyword in Python: named `class_1`; add a Name column to choose the names  reserved-name'
    ])
  })

  test('names Go spells alike are named together, with one warning', () => {
    const {names, messages} = build(strings, ['go'])
    expect(names).toEqual(['None None', 'cardDeclined cardDeclined_2', 'card_declined card_declined_1', 'class class', 'ok ok'])
    expect(messages).toEqual([
      'a.md:5:17-5:25  warning  Names `card_declined`, `cardDeclined` of codes card_declined, cardDeclined are one name in Go (`CodeCardDeclined`): named `card_declined_1`, `cardDeclined_2`; add a Name column to choose the names  duplicate-name'
    ])
  })

  test('a reserved name that stays reserved with its suffix gets `Code` before it', () => {
    expect(build('Code | Message\n--- | ---\n`__init__` | dunder\n`__x` | private\n`_x_` | sunder\n', ['python']).names).toEqual([
      '__init__ Code__init___1',
      '__x Code__x_1',
      '_x_ _x__1'
    ])
  })
})

describe('Name cells in every enabled target', () => {
  const named = 'Code | Message | Name\n--- | --- | ---\n1 | one | None\n2 | two | Foo\n3 | three | foo\n'

  test('a Name cell Python reserves is an error; two Name cells Go spells alike are a conflict', () => {
    expect(build(named, ['python', 'go']).messages).toEqual([
      'a.md:3:11-3:15  error  Unexpected name `None`, it is a keyword in Python  invalid-name',
      'a.md:5:13-5:16  error  Duplicate name `foo` of code 3 in Go (`CodeFoo`), first given to code 2 (`Foo`) at 4:11  name-conflict'
    ])
  })

  test('the same cells are fine when Python and Go are off', () => {
    expect(build(named, []).messages).toEqual([])
  })
})

describe('turning on a target that renames a code', () => {
  /** A project generated once with a string code `None`, then with Python turned on. */
  async function withPythonTurnedOn(): Promise<string> {
    const directory = await project({input: 'errors.md', codes: 'string'})
    await writeFile(path.join(directory, 'errors.md'), 'HTTP | Code | Message | Resolve\n--- | --- | --- | ---\n400 | None | no value | Send one.\n400 | other | other | Other.\n')
    expect((await runInProcess(['--quiet'], directory)).code).toBe(0)
    await writeFile(path.join(directory, 'errgen.config.json'), JSON.stringify({input: 'errors.md', codes: 'string', outputs: {python: true}}))
    return directory
  }

  test('is renamed-code, as any rename, and nothing is written', async () => {
    const directory = await withPythonTurnedOn()
    const result = await runInProcess([], directory)
    expect(result.code).toBe(1)
    expect(errors(result.stderr)).toEqual([
      'errors.md:3:14-3:22  error  Name of code None changed from `None` to `None_1` since output; keep the old name with a Name column (run again with --pin-names to write it) or accept the new one with --allow-breaking  renamed-code'
    ])
  })

  test('--pin-names cannot keep a name the new target reserves: unpinnable-name, and the document is left as it is', async () => {
    const directory = await withPythonTurnedOn()
    const document = path.join(directory, 'errors.md')
    const before = await readFile(document, 'utf8')
    const result = await runInProcess(['--pin-names'], directory)
    expect(result.code).toBe(1)
    expect(errors(result.stderr).join('\n')).toContain('Cannot keep the name `None` of code None: with it in a Name cell the document would have an error: Unexpected name `None`, it is a keyword in Python  unpinnable-name')
    expect(await readFile(document, 'utf8')).toBe(before)
  })

  test('--allow-breaking accepts it, and every output then has the new name', async () => {
    const directory = await withPythonTurnedOn()
    const result = await runInProcess(['--allow-breaking', '--quiet'], directory)
    expect(result.code).toBe(0)
    expect(await readFile(path.join(directory, 'output', 'errors.ts'), 'utf8')).toContain('None_1 = "None"')
    expect(await readFile(path.join(directory, 'output', 'errors.py'), 'utf8')).toContain('    None_1 = "None"\n')
    expect((await runInProcess(['--check'], directory)).code).toBe(0)
  })
})
