/** targets/go/params: a catalog in, the Go declarations about message parameters out — `Params`, the templates, `FormatMessage` and the helpers that fill and match them; none when no message has parameters. */
import {templatePattern} from '../../params/fill.js'
import type {Catalog, CatalogEntry, Template} from '../../types.js'
import {codeConstant} from './emit.js'
import {goString} from './text.js'

/** Whether some message or resolve text of the catalog has parameters. */
export function hasParams(catalog: Catalog): boolean {
  return catalog.entries.some((entry) => entry.params !== undefined)
}

/** The imports the declarations (and the locales', which recognize translated messages) need besides `encoding/json` and `fmt`. */
export function paramImports(catalog: Catalog): Array<string> {
  if (hasParams(catalog)) return ['\t"regexp"', '\t"strings"']
  return catalog.locales ? ['\t"regexp"'] : []
}

/** The declarations about parameters; none when no message has parameters. */
export function paramDeclarations(catalog: Catalog): Array<Array<string>> {
  if (!hasParams(catalog)) return []
  return [
    ['// Params are the values of a message\'s parameters, by name: FormatMessage, NewBody and NewError take them.', 'type Params map[string]any'],
    [
      '// template is a message and resolve text with parameters (literal texts and names alternating), and the pattern',
      '// of its filled-in messages.',
      'type template struct {',
      '\tmessage []string',
      '\tresolve []string',
      '\tpattern *regexp.Regexp',
      '}'
    ],
    ['// templates are the templates of the codes with parameters.', 'var templates = map[Code]template{', ...catalog.entries.flatMap(templateLines), '}'],
    [
      '// fill is a template with its parameters filled in.',
      'func fill(parts []string, params Params) string {',
      '\tvar text strings.Builder',
      '\tfor index, part := range parts {',
      '\t\tif index%2 == 0 {',
      '\t\t\ttext.WriteString(part)',
      '\t\t} else {',
      '\t\t\tfmt.Fprint(&text, params[part])',
      '\t\t}',
      '\t}',
      '\treturn text.String()',
      '}'
    ],
    [
      '// FormatMessage is the message of the error with this code, its parameters filled in.',
      'func FormatMessage(code Code, params Params) string {',
      '\tif t, ok := templates[code]; ok {',
      '\t\treturn fill(t.message, params)',
      '\t}',
      '\treturn catalog[code].Message',
      '}'
    ],
    ...(catalog.hasResolve
      ? [[
          '// filledResolve is the resolve text of the error with this code, its parameters filled in.',
          'func filledResolve(code Code, params Params) string {',
          '\tif t, ok := templates[code]; ok && t.resolve != nil {',
          '\t\treturn fill(t.resolve, params)',
          '\t}',
          '\treturn catalog[code].Resolve',
          '}'
        ]]
      : []),
    [
      '// messageMatches is whether a message is the code\'s: as documented, or its template filled in.',
      'func messageMatches(code Code, message string) bool {',
      '\tif t, ok := templates[code]; ok {',
      '\t\treturn t.pattern.MatchString(message)',
      '\t}',
      '\treturn catalog[code].Message == message',
      '}'
    ]
  ]
}

function list(template: Template): string {
  return '[]string{' + template.map((part) => goString(part)).join(', ') + '}'
}

function templateLines(entry: CatalogEntry): Array<string> {
  const templates = entry.templates
  if (!templates) return []
  const resolve = templates.resolve ? list(templates.resolve) : 'nil'
  return [
    '\t' + codeConstant(entry) + ': {',
    '\t\tmessage: ' + list(templates.message) + ',',
    '\t\tresolve: ' + resolve + ',',
    '\t\tpattern: regexp.MustCompile(' + goString(templatePattern(templates.message)) + '),',
    '\t},'
  ]
}
