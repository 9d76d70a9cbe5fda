/** bench/documents: a row count in, a synthetic error-code document in the seed's exact format out (about 130 bytes a row), also with link reference definitions, with every resolve text edited, or with lines just under the marker limit. */

/** The seed's lines before the table. */
const preamble = '#Error Codes#\n\nBelow you will find details for our various response codes.\n\n'

/** The seed's header and delimiter row (with its trailing space). */
const header = 'HTTP | Code | Message | Resolve\n--- | --- | --- | --- \n'

const statuses = [400, 401, 402, 403, 404, 409, 422, 429, 500, 501, 502, 503]

const subjects = ['access_token', 'client_id', 'secret', 'credentials', 'account', 'institution', 'mapping', 'category', 'product', 'user', 'item', 'session', 'webhook', 'transfer', 'payment', 'statement']

const problems = ['missing', 'invalid', 'revoked', 'expired', 'locked', 'not found', 'not supported', 'disallowed', 'unavailable', 'malformed', 'too large', 'rate limited']

const advice = [
  'You need to include the {s} that you received from the original submit call.',
  'The {s} provided was not correct; check it against the documentation and retry.',
  'This {s} is not currently supported. Please contact us to enable it for your account.',
  'We failed to read the {s} from the institution - make sure the user can access it.',
  'Double check the provided {s} and its format; it must be JSON or stringified JSON.'
]

/** One table row, as the seed writes them: ```400```| ```1000```|*message*|resolve */
export function syntheticRow(index: number): string {
  const status = statuses[index % statuses.length]
  const subject = subjects[index % subjects.length] || ''
  const problem = problems[Math.floor(index / subjects.length) % problems.length]
  const message = subject + ' ' + problem + ' ' + (index + 1)
  const resolve = (advice[index % advice.length] || '').replace('{s}', subject)
  return '```' + status + '```| ```' + (10000 + index) + '```|*' + message + '*|' + resolve + '\n'
}

/** A document with `rows` rows, unique codes and unique messages. */
export function syntheticDocument(rows: number): string {
  const lines = [preamble, header]
  for (let index = 0; index < rows; index++) lines.push(syntheticRow(index))
  return lines.join('')
}

/** A document with `rows` rows whose text links to a link reference definition below the table (parsed in slices, each with a copy of it). */
export function definedDocument(rows: number): string {
  return syntheticDocument(rows) + '\nSee [the guide][guide].\n\n[guide]: https://example.com/guide\n'
}

/** A document with `rows` rows, one in `every` of whose resolve texts links to a definition of its own, one line each below the table. */
export function manyDefinitionsDocument(rows: number, every: number): string {
  const lines = [preamble, header]
  const definitions = []
  for (let index = 0; index < rows; index++) {
    const row = syntheticRow(index)
    if (index % every !== 0) {
      lines.push(row)
      continue
    }
    lines.push(row.replace(/\n$/, ' See [guide ' + index + '].\n'))
    definitions.push('[guide ' + index + ']: https://example.com/guide/' + index + '\n')
  }
  return lines.join('') + '\n' + definitions.join('')
}

/** The document of `rows` rows with every resolve text edited (one word added): each code changes. */
export function editedDocument(rows: number): string {
  return syntheticDocument(rows).replace(/^(```.*)$/gm, '$1 Edited.')
}

/**
 * About `bytes` of paragraphs, each one line with `markers` emphasis markers (`*a_`: the costliest to parse of the
 * markers, measured) up to `total` markers, then paragraphs of plain text, then a table of 39 rows.
 */
export function markerDocument(bytes: number, markers: number, total: number): string {
  const paragraph = '*a_'.repeat(Math.floor(markers / 2)) + (markers % 2 === 1 ? '*' : '') + '\n\n'
  const marked = paragraph.repeat(Math.min(Math.floor(total / markers), Math.floor(bytes / paragraph.length)))
  const plain = 'Plain words of text, '.repeat(40) + '\n\n'
  return marked + plain.repeat(Math.max(0, Math.floor((bytes - marked.length) / plain.length))) + syntheticDocument(39)
}
