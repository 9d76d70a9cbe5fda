/** The localized page of test/fixtures/localized-api in Python and Go: each fills a code's message in per locale (falling back to the default locale's), builds localized bodies that its own parser reads as documented, and those bodies pass the generated JSON Schema (Python's jsonschema, Ajv for Go's). */
import {cp, mkdir, readFile, writeFile} from 'node:fs/promises'
import path from 'node:path'
import {Ajv2020} from 'ajv/dist/2020.js'
import {beforeAll, describe, expect, test} from 'vitest'
import {generate} from '../../generator/index.js'
import {root, tempDirectory} from '../support/helpers.js'
import {goEnvironment, pythonWithTools, run, scratch} from '../support/targets.js'

/** Each output's text, by kind, of the localized page with Python and Go on. */
let outputs: Record<string, string>

beforeAll(async () => {
  const directory = await tempDirectory()
  await cp(path.join(root, 'test', 'fixtures', 'localized-api'), directory, {recursive: true})
  const config = JSON.parse(await readFile(path.join(directory, 'errgen.config.json'), 'utf8')) as {outputs: Record<string, unknown>}
  await writeFile(path.join(directory, 'errgen.config.json'), JSON.stringify({...config, outputs: {...config.outputs, python: 'orders_errors.py', go: 'errors.go'}, go: {package: 'orders'}}))
  const result = await generate({cwd: directory, against: false})
  if (!result.ok) throw new Error(result.diagnostics.map((item) => item.message).join('; '))
  outputs = Object.fromEntries(result.files.map((file) => [file.kind, file.text]))
})

/** The checks the Python and Go programs make, and what each must print. */
const expected = {
  fr: 'Commande 17 introuvable',
  es: 'Pedido 17 no encontrado',
  missing: 'Order 17 not found',
  plain: 'Falta el token de acceso'
}

const pythonProgram = `import json, sys
from jsonschema import Draft202012Validator
from orders_errors import ErrorCode, create_error_body, format_message, parse_error_body, Documented, LOCALES, DEFAULT_LOCALE

with open(sys.argv[1], encoding="utf-8") as file:
    validator = Draft202012Validator(json.load(file))
bodies = [create_error_body(ErrorCode.OrderNotFound, {"orderId": 17}, locale) for locale in LOCALES]
bodies.append(create_error_body(ErrorCode.MissingAccessToken, locale="es"))
for body in bodies:
    validator.validate(body)
print(json.dumps({
    "fr": format_message(ErrorCode.OrderNotFound, {"orderId": 17}, "fr"),
    "es": bodies[1]["message"],
    "missing": format_message(ErrorCode.OrderNotFound, {"orderId": 17}, "de"),
    "plain": bodies[-1]["message"],
    "documented": all(isinstance(parse_error_body(body), Documented) for body in bodies),
    "locales": [DEFAULT_LOCALE, *LOCALES],
}))
`

const goProgram = `package main

import (
	"encoding/json"
	"fmt"

	"localizedcheck/orders"
)

func main() {
	documented := true
	bodies := []orders.Body{}
	for _, locale := range orders.Locales {
		body := orders.NewBodyIn(orders.CodeOrderNotFound, locale, orders.Params{"orderId": 17})
		data, _ := json.Marshal(body)
		_, ok, err := orders.ParseBody(data)
		documented = documented && ok && err == nil
		bodies = append(bodies, body)
	}
	out, _ := json.Marshal(map[string]any{
		"fr":         orders.FormatMessageIn(orders.CodeOrderNotFound, "fr", orders.Params{"orderId": 17}),
		"es":         bodies[1].Message,
		"missing":    orders.FormatMessageIn(orders.CodeOrderNotFound, "de", orders.Params{"orderId": 17}),
		"plain":      orders.NewBodyIn(orders.CodeMissingAccessToken, "es").Message,
		"resolve":    bodies[2].Resolve,
		"documented": documented,
		"bodies":     bodies,
	})
	fmt.Println(string(out))
}
`

describe('the localized page in other languages', () => {
  test('Python (mypy --strict) fills messages in per locale; its bodies are documented and pass the schema', async () => {
    const python = await pythonWithTools()
    const directory = await scratch()
    await writeFile(path.join(directory, 'orders_errors.py'), outputs['python'] as string)
    await writeFile(path.join(directory, 'schema.json'), outputs['jsonSchema'] as string)
    await writeFile(path.join(directory, 'check.py'), pythonProgram)
    const mypy = await run(python, ['-m', 'mypy', '--strict', '--python-version', '3.9', 'orders_errors.py'], directory)
    expect(mypy.stdout + mypy.stderr, 'mypy').toMatch(/^Success/)
    const result = await run(python, ['check.py', 'schema.json'], directory)
    expect(result.stderr).toBe('')
    expect(JSON.parse(result.stdout)).toEqual({...expected, documented: true, locales: ['en', 'en', 'es', 'fr']})
  })

  test('Go (go vet) fills messages in per locale; its bodies are documented and pass the schema', async () => {
    const directory = await scratch()
    const env = await goEnvironment()
    await writeFile(path.join(directory, 'go.mod'), 'module localizedcheck\n\ngo 1.19\n')
    await mkdir(path.join(directory, 'orders'))
    await mkdir(path.join(directory, 'cmd'))
    await writeFile(path.join(directory, 'orders', 'errors.go'), outputs['go'] as string)
    await writeFile(path.join(directory, 'cmd', 'main.go'), goProgram)
    const vet = await run('go', ['vet', './...'], directory, env)
    expect(vet.stderr, 'go vet').toBe('')
    const result = await run('go', ['run', './cmd'], directory, env)
    expect(result.stderr).toBe('')
    const printed = JSON.parse(result.stdout) as Record<string, unknown> & {bodies: Array<unknown>}
    const {bodies, ...rest} = printed
    expect(rest).toEqual({...expected, documented: true, resolve: 'Vérifiez l\'identifiant de la commande.'})
    const validate = new Ajv2020({strict: true}).compile(JSON.parse(outputs['jsonSchema'] as string) as object)
    for (const body of bodies) expect(validate(body), JSON.stringify(validate.errors)).toBe(true)
  })
})
