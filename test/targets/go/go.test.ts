/** The Go target on every fixture that generates, checked by Go's own tools in one module with a package per fixture, offline: `gofmt -l` lists nothing of errgen's, `go vet` and `go build` pass, and a Go program marshals every body, parses it back, finds each error with `errors.As`, and prints the bodies, which Ajv (strict) validates against the fixture's JSON Schema. */
import {mkdir, writeFile} from 'node:fs/promises'
import path from 'node:path'
import {Ajv2020} from 'ajv/dist/2020.js'
import addFormats from 'ajv-formats'
import {beforeAll, describe, expect, test} from 'vitest'
import {exampleValues} from '../../../generator/params/fill.js'
import {readGo} from '../../../generator/targets/go/read-back.js'
import type {Catalog} from '../../../generator/types.js'
import {type AllTargets, allTargetsOfFixtures, goEnvironment, goPackageOf, readmeBlock, run, scratch, seedWithAllTargets} from '../../support/targets.js'

/**
 * The checks of one package, in Go: every entry's body marshalled, parsed back, looked up, its error found in a chain;
 * a code with parameters given the values the examples fill in.
 */
function checkFunction(name: string, catalog: Catalog): string {
  const examples = catalog.entries.flatMap((entry) => (entry.params ? ['\t\t' + JSON.stringify(entry.code) + ': ' + JSON.stringify(exampleValues(entry.params)) + ','] : []))
  const params = examples.length > 0
  const args = params ? 'entry.Code, examples[entry.Code]' : 'entry.Code'
  return `
func check${name}() []json.RawMessage {
	var bodies []json.RawMessage
	cause := errors.New("the cause")${params ? `
	examples := map[${name}.Code]${name}.Params{
${examples.join('\n')}
	}` : ''}
	for _, entry := range ${name}.Entries() {
		data, err := json.Marshal(${name}.NewBody(${args}))
		must(err)
		parsed, documented, err := ${name}.ParseBody(data)
		expect(err == nil && documented && parsed.Code == entry.Code, "${name}", entry.Name, "parses back as documented")
		found, ok := ${name}.Lookup(entry.Code)
		expect(ok && found == entry && entry.Code.String() == entry.Name, "${name}", entry.Name, "is looked up by its code")
		var target *${name}.Error
		wrapped := fmt.Errorf("handling a request: %w", ${name}.NewError(entry.Code, cause${params ? ', examples[entry.Code]' : ''}))
		expect(errors.As(wrapped, &target) && target.Code == entry.Code && errors.Is(wrapped, cause), "${name}", entry.Name, "is found with errors.As")
		expect(target.Error() == ${params ? name + '.FormatMessage(entry.Code, examples[entry.Code])' : 'entry.Message'}, "${name}", entry.Name, "says its message")
		bodies = append(bodies, data)
	}
	reworded := ${name}.NewBody(${name}.Entries()[0].Code)
	reworded.Message = "(reworded) " + reworded.Message + " (reworded)"
	data, err := json.Marshal(reworded)
	must(err)
	_, documented, err := ${name}.ParseBody(data)
	expect(err == nil && !documented, "${name}", "a reworded message", "is undocumented")
	for _, invalid := range []string{"[]", "null", "\\"text\\"", "{}", "{\\"code\\": [], \\"message\\": \\"x\\"}", strings.Replace(string(bodies[0]), "\\"message\\":", "\\"message\\":null,\\"was\\":", 1)} {
		_, _, err := ${name}.ParseBody([]byte(invalid))
		expect(err != nil, "${name}", invalid, "is invalid")
	}
	return bodies
}
`
}

/** The Go program that checks every package and prints each package's bodies as JSON. */
function program(packages: ReadonlyArray<{name: string, catalog: Catalog}>): string {
  const names = packages.map((item) => item.name)
  return `package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"strings"

${names.map((name) => '\t"errgencheck/' + name + '"').join('\n')}
)

func must(err error) {
	if err != nil {
		panic(err)
	}
}

func expect(ok bool, pkg string, what string, claim string) {
	if !ok {
		fmt.Fprintln(os.Stderr, pkg+": "+what+": expected it "+claim)
		os.Exit(1)
	}
}
${packages.map((item) => checkFunction(item.name, item.catalog)).join('')}
func main() {
	results := map[string][]json.RawMessage{
${names.map((name) => '\t\t"' + name + '": check' + name + '(),').join('\n')}
	}
	must(json.NewEncoder(os.Stdout).Encode(results))
}
`
}

let directory = ''
let generated: Array<AllTargets> = []
let env: Record<string, string> = {}

/** `go build` of every package, once: the check program's executable written to bin/ (one link, run without `go run`). */
let built: Promise<{code: number, stdout: string, stderr: string}> | undefined
function build(): Promise<{code: number, stdout: string, stderr: string}> {
  built ??= run('go', ['build', '-o', path.join(directory, 'bin') + path.sep, './...'], directory, env)
  return built
}

beforeAll(async () => {
  generated = await allTargetsOfFixtures()
  directory = await scratch()
  env = await goEnvironment()
  await writeFile(path.join(directory, 'go.mod'), 'module errgencheck\n\ngo 1.19\n')
  for (const {fixture, outputs} of generated) {
    await mkdir(path.join(directory, goPackageOf(fixture)))
    await writeFile(path.join(directory, goPackageOf(fixture), 'errors.go'), outputs.go)
  }
  // The seed's file and the README's example that uses it, in the same vet and build.
  const seedOutputs = await seedWithAllTargets()
  await mkdir(path.join(directory, 'errorcodes'))
  await writeFile(path.join(directory, 'errorcodes', 'errors.go'), seedOutputs['error-codes.go'] as string)
  await mkdir(path.join(directory, 'readme'))
  const example = await readmeBlock('go', 'errorcodes.ParseBody')
  await writeFile(path.join(directory, 'readme', 'example.go'), 'package readme\n\nimport (\n\t"errors"\n\t"fmt"\n\n\t"errgencheck/errorcodes"\n)\n\n' + example)
  await mkdir(path.join(directory, 'cmd', 'check'), {recursive: true})
  await writeFile(path.join(directory, 'cmd', 'check', 'main.go'), program(generated.map(({fixture, catalog}) => ({name: goPackageOf(fixture), catalog}))))
}, 300_000)

describe('the Go file of every fixture', () => {
  test('gofmt -l lists none of them (and lists a file that is not gofmt-clean)', async () => {
    await mkdir(path.join(directory, 'unformatted'))
    await writeFile(path.join(directory, 'unformatted', 'x.go'), 'package unformatted\nfunc  F() {}\n')
    const result = await run('gofmt', ['-l', 'errorcodes', 'readme', ...generated.map(({fixture}) => goPackageOf(fixture)), 'unformatted'], directory, env)
    expect(result.stderr).toBe('')
    expect(result.stdout.split('\n').filter(Boolean)).toEqual([path.join('unformatted', 'x.go')])
  }, 120_000)

  test('go vet and go build pass on them, on the program that uses them and on the README\'s example', async () => {
    const vet = await run('go', ['vet', './...'], directory, env)
    expect(vet.stderr).toBe('')
    expect(vet.code).toBe(0)
    const result = await build()
    expect([result.code, result.stderr]).toEqual([0, ''])
  }, 300_000)

  test('a Go program marshals every body, parses it back as documented, finds its error with errors.As; Ajv validates the bodies against the JSON Schema', async () => {
    expect((await build()).code).toBe(0)
    const result = await run(path.join(directory, 'bin', 'check'), [], directory)
    expect(result.stderr).toBe('')
    expect(result.code).toBe(0)
    const bodies = JSON.parse(result.stdout) as Record<string, Array<unknown>>
    for (const {fixture, outputs, catalog} of generated) {
      const schema = JSON.parse(outputs.jsonSchema)
      const ajv = new Ajv2020({strict: true, allErrors: true})
      addFormats.default(ajv)
      const validate = ajv.compile(schema)
      const fromGo = bodies[goPackageOf(fixture)] ?? []
      expect(fromGo.length, fixture).toBe(catalog.entries.length)
      for (const body of fromGo) expect(validate(body), fixture + ' ' + JSON.stringify(validate.errors)).toBe(true)
      const defs = schema.$defs as Record<string, {examples: Array<unknown>}>
      expect(fromGo, fixture).toEqual(catalog.entries.map((entry) => defs[entry.name]?.examples[0]))
    }
  }, 300_000)

  test('errgen reads every file back: the catalog it was generated from', () => {
    for (const {fixture, outputs, catalog} of generated) {
      const read = readGo(outputs.go)
      expect(read.map((entry) => [entry.code, entry.name, entry.status, entry.message, entry.resolve, entry.deprecated]), fixture).toEqual(
        catalog.entries.map((entry) => [entry.code, entry.name, entry.status, entry.message, entry.resolve, entry.deprecated !== undefined])
      )
    }
  })
})
