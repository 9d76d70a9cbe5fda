/** The Python target on every fixture that generates, checked by Python's own tools in one run each: `mypy --strict` (for Python 3.9) on every module and a typed consumer, and on the seed's module with the README's example (and it refuses a wrong call), then `python3` imports each module, round-trips every body through the JSON Schema with `jsonschema`, and parses documented, undocumented and invalid bodies. */
import {mkdir, writeFile} from 'node:fs/promises'
import path from 'node:path'
import {beforeAll, describe, expect, test} from 'vitest'
import {exampleValues} from '../../../generator/params/fill.js'
import {readPython} from '../../../generator/targets/python/read-back.js'
import {type AllTargets, allTargetsOfFixtures, pythonWithTools, readmeBlock, run, scratch, seedWithAllTargets} from '../../support/targets.js'

/** A typed consumer of a generated module: what a Python codebase does with it, which mypy must accept. */
const consumer = `from __future__ import annotations

from typing import List, Optional

from . import ERROR_CATALOG, ApiError, Documented, ErrorBody, ErrorCode, ErrorEntry, Invalid, Undocumented, create_error_body, get_error_entry, parse_error_body


def bodies() -> List[ErrorBody]:
    return [create_error_body(code) for code in ErrorCode]


def describe(value: object) -> str:
    parsed = parse_error_body(value)
    if isinstance(parsed, Documented):
        return parsed.entry.name + ": " + parsed.body["message"]
    if isinstance(parsed, Undocumented):
        return "undocumented " + str(parsed.body["code"])
    invalid: Invalid = parsed
    return "invalid: " + invalid.reason


def lookup(code: object) -> Optional[str]:
    entry: Optional[ErrorEntry] = get_error_entry(code)
    return None if entry is None else entry.message


def fail(code: ErrorCode) -> ApiError:
    try:
        raise ApiError(code) from ValueError("the cause")
    except ApiError as error:
        return error


def names() -> List[str]:
    return [entry.name for entry in ERROR_CATALOG.values()]
`

/** The driver: imports each module and checks it against its JSON Schema, printing every body as JSON. */
const driver = `import importlib, json, sys
from jsonschema import Draft202012Validator

results = {}
for package, schema_path in json.loads(sys.argv[1]).items():
    module = importlib.import_module(package)
    examples = json.loads(sys.argv[2]).get(package, {})
    with open(schema_path, encoding="utf-8") as file:
        schema = json.load(file)
    validator = Draft202012Validator(schema)
    # "body": {"messages": "any"} keys the bodies on their code only: any message is valid.
    keyed_on_code = any("const" in d.get("properties", {}).get("code", {}) and set(d["properties"].get("message", {"const": None})) <= {"type", "description"} for d in schema.get("$defs", {}).values())
    bodies = []
    for member in module.ErrorCode:
        params = examples.get(str(member.value))
        args = (member,) if params is None else (member, params)
        body = json.loads(json.dumps(module.create_error_body(*args)))
        errors = [error.message for error in validator.iter_errors(body)]
        assert not errors, (package, member.name, errors)
        parsed = module.parse_error_body(body)
        assert isinstance(parsed, module.Documented) and parsed.entry.code is member, (package, member.name, parsed)
        assert module.get_error_entry(member.value) is module.ERROR_CATALOG[member] and module.is_error_code(member.value)
        assert module.is_error_body(body) and module.ERROR_CATALOG[member].name == member.name
        try:
            raise module.ApiError(*args) from ValueError("the cause")
        except module.ApiError as error:
            assert error.code is member and error.body == module.create_error_body(*args), package
            assert str(error) == body["message"] and isinstance(error.__cause__, ValueError)
        bodies.append(body)
    first = bodies[0]
    unknown = max(member.value for member in module.ErrorCode) + 1 if isinstance(first["code"], int) else "errgen-undocumented"
    for other in [dict(first, code=unknown), dict(first, message="(reworded) " + first["message"] + " (reworded)")]:
        assert isinstance(module.parse_error_body(other), module.Undocumented), (package, other)
        assert (keyed_on_code and other["code"] == first["code"]) or not validator.is_valid(other), (package, other)
    wrong_code = "1000" if isinstance(first["code"], int) else 1000
    for invalid in [[], None, "text", {"message": "no code"}, dict(first, code=wrong_code), dict(first, message=None), dict(first, code=True)]:
        parsed = module.parse_error_body(invalid)
        assert isinstance(parsed, module.Invalid) and parsed.reason, (package, invalid, parsed)
    assert module.get_error_entry(True if isinstance(first["code"], int) else 1) is None
    results[package] = bodies
print(json.dumps(results))
`

let python = ''
let directory = ''
let generated: Array<AllTargets> = []
const packageOf = (fixture: string) => 'fx_' + fixture.replace(/-/g, '_')

beforeAll(async () => {
  python = await pythonWithTools()
  generated = await allTargetsOfFixtures()
  directory = await scratch()
  // The seed's module and the README's example that imports it, in the same mypy run.
  const seedOutputs = await seedWithAllTargets()
  await writeFile(path.join(directory, 'error_codes.py'), seedOutputs['error_codes.py'] as string)
  await writeFile(path.join(directory, 'readme_example.py'), await readmeBlock('python', 'from error_codes import'))
  for (const {fixture, outputs} of generated) {
    const folder = path.join(directory, packageOf(fixture))
    await mkdir(folder)
    await writeFile(path.join(folder, '__init__.py'), outputs.python)
    await writeFile(path.join(folder, 'consumer.py'), consumer)
    await writeFile(path.join(folder, 'schema.json'), outputs.jsonSchema)
  }
}, 300_000)

describe('the Python module of every fixture', () => {
  test('mypy --strict (Python 3.9) accepts every module, its typed consumer and the README\'s example, and refuses a wrong call', async () => {
    const wrong = path.join(directory, packageOf(generated[0]?.fixture ?? ''), 'wrong.py')
    await writeFile(wrong, 'from . import create_error_body\n\ncreate_error_body(12345)\n')
    const args = ['-m', 'mypy', '--strict', '--python-version', '3.9', '--no-incremental', '--cache-dir', '/dev/null', '--no-error-summary']
    const result = await run(python, [...args, 'error_codes.py', 'readme_example.py', ...generated.map(({fixture}) => packageOf(fixture))], directory)
    expect(result.stdout.trim()).toBe(path.relative(directory, wrong) + ':3: error: Argument 1 to "create_error_body" has incompatible type "int"; expected "ErrorCode"  [arg-type]')
    expect(result.code).toBe(1)
  }, 300_000)

  test('python3 imports each, every body passes the JSON Schema (jsonschema) and parses as documented; others are undocumented or invalid', async () => {
    const schemas = Object.fromEntries(generated.map(({fixture}) => [packageOf(fixture), path.join(directory, packageOf(fixture), 'schema.json')]))
    await writeFile(path.join(directory, 'check.py'), driver)
    const examples = Object.fromEntries(generated.map(({fixture, catalog}) => [packageOf(fixture), Object.fromEntries(catalog.entries.flatMap((entry) => (entry.params ? [[String(entry.code), exampleValues(entry.params)]] : [])))]))
    const result = await run(python, ['check.py', JSON.stringify(schemas), JSON.stringify(examples)], directory)
    expect(result.stderr).toBe('')
    expect(result.code).toBe(0)
    const bodies = JSON.parse(result.stdout) as Record<string, Array<unknown>>
    for (const {fixture, outputs, catalog} of generated) {
      const defs = JSON.parse(outputs.jsonSchema).$defs as Record<string, {examples: Array<unknown>}>
      expect(bodies[packageOf(fixture)], fixture).toEqual(catalog.entries.map((entry) => defs[entry.name]?.examples[0]))
    }
  }, 300_000)

  test('errgen reads every module back: the catalog it was generated from', () => {
    for (const {fixture, outputs, catalog} of generated) {
      const read = readPython(outputs.python)
      expect(read.map((entry) => [entry.code, entry.name, entry.status, entry.message, entry.resolve, entry.deprecated]), fixture).toEqual(
        catalog.entries.map((entry) => [entry.code, entry.name, entry.status, entry.message, entry.resolve, entry.deprecated !== undefined])
      )
    }
  })
})
