/** An enum's members written directly give exactly the lines ts-morph prints for them. */
import fc from 'fast-check'
import {printStructure, StructureKind} from 'ts-morph'
import type {EnumMemberStructure, OptionalKind} from 'ts-morph'
import {describe, expect, test} from 'vitest'
import {docText} from '../../../generator/targets/typescript/index.js'
import {membersText, printOptions} from '../../../generator/targets/typescript/kept.js'
import {stringLiteral} from '../../../generator/targets/typescript/syntax.js'

/** Pieces with what JSDoc, string literals and code-block-writer treat specially. */
const pieces = ['a', 'Bc', ' ', '  ', '\t', '*', '/', '*/', '/*', '//', '@x', '`', '"', "'", '\\', '\n', '\n\n', '\r\n', '\r', '${x}', '{', '}', '=', ',', 'é', '名']

const text = fc.oneof(
  fc.string({maxLength: 20}),
  fc.array(fc.constantFrom(...pieces), {maxLength: 10}).map((parts) => parts.join(''))
)

/** Names errgen gives and names ts-morph quotes (reserved words) or could (not identifiers). */
const name = fc.oneof(
  fc.stringMatching(/^[A-Z_][A-Za-z0-9_]{0,12}$/),
  fc.constantFrom('class', 'delete', 'default', 'enum', 'Class', '_1', 'a b', '1a', 'é', '$x'),
  fc.stringMatching(/^[a-z][A-Za-z0-9]{0,6}$/)
)

const member: fc.Arbitrary<OptionalKind<EnumMemberStructure>> = fc.record({
  name,
  initializer: fc.oneof(fc.integer({min: -1e9, max: 1e9}).map(String), text.map((value) => stringLiteral(value))),
  docs: fc.oneof(text.map((doc) => [docText(doc)]), text.map((doc) => [doc]), fc.constant(new Array<string>()), fc.tuple(text, text).map(([a, b]) => [docText(a), docText(b)])),
  trailingTrivia: fc.constantFrom(undefined, ',')
}).map(({trailingTrivia, ...rest}) => (trailingTrivia === undefined ? rest : {...rest, trailingTrivia}))

/** What ts-morph prints for the members of an enum, between its braces. */
function printed(members: Array<OptionalKind<EnumMemberStructure>>): string {
  const whole = printStructure({kind: StructureKind.Enum, name: 'E', members}, printOptions)
  return whole.slice(whole.indexOf('{\n') + 2, whole.lastIndexOf('\n}'))
}

describe('enum members written directly', () => {
  test('give the lines ts-morph prints, member by member and in a batch', () => {
    let plain = 0
    fc.assert(
      fc.property(fc.array(member, {minLength: 1, maxLength: 4}), (members) => {
        // A batch's members end with a comma but for the last, as the written enum gives them.
        const batch = members.map((one, index) => (index < members.length - 1 ? {...one, trailingTrivia: ','} : one))
        expect(membersText(batch)).toBe(printed(batch))
        for (const one of members) expect(membersText([one])).toBe(printed([one]))
        if (members.every((one) => /^[A-Z_]/.test(one.name) && /^-?\d+$/.test(String(one.initializer)) && one.docs?.length === 1)) plain++
      }),
      {numRuns: 1500}
    )
    expect(plain).toBeGreaterThan(30)
  })

  test.each([
    ['a one-line doc', {name: 'AccessTokenMissing', initializer: '1000', docs: ['access_token missing']}],
    ['a doc of paragraphs', {name: 'TypeMissing', initializer: '1001', docs: ['type missing\n\nInclude a type.\n\nHTTP status: 400 Bad Request.'], trailingTrivia: ','}],
    ['a string code', {name: 'AuthUserNotFound', initializer: '"auth-user-not-found"', docs: ['No user.']}],
    ['quotes and backticks in the doc', {name: 'Quoted', initializer: '7', docs: ['The user\'s `id` is "unknown".']}]
  ])('%s', (_, one) => {
    expect(membersText([one])).toBe(printed([one]))
  })
})
