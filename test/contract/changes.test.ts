/** The change engine: two lists of entries in, the codes added, removed and kept with the fields that changed out — as `--check` and `--against` both use it. */
import {describe, expect, test} from 'vitest'
import {type Compared, compareEntries, describeChanges} from '../../generator/contract/changes.js'

const entry = (code: number, name: string, more: Partial<Compared> = {}): Compared => ({code, name, status: 400, message: name.toLowerCase(), resolve: 'Fix it.', ...more})

const cases: Array<[string, {given: [Array<Compared>, Array<Compared>], want: {added: Array<number | string>, removed: Array<number | string>, fields: Record<string, Array<string>>, text: string}}]> = [
  ['nothing changed', {given: [[entry(1, 'A')], [entry(1, 'A')]], want: {added: [], removed: [], fields: {1: []}, text: ''}}],
  ['a code added and one removed', {given: [[entry(1, 'A'), entry(2, 'B')], [entry(1, 'A'), entry(3, 'C')]], want: {added: [3], removed: [2], fields: {1: []}, text: 'code 3 added; code 2 removed'}}],
  ['every compared field, in the order messages name them', {
    given: [[entry(1, 'A')], [entry(1, 'B', {status: 404, message: 'other', resolve: 'Other.'})]],
    want: {added: [], removed: [], fields: {1: ['name', 'status', 'message', 'resolve']}, text: 'code 1 changed (name, status, message, resolve)'}
  }],
  ['a field one side does not record is not compared', {
    given: [[entry(1, 'A', {status: undefined})], [entry(1, 'A', {status: 500})]],
    want: {added: [], removed: [], fields: {1: []}, text: ''}
  }],
  ['codes compare as text: 7 and "7" are one code', {given: [[entry(7, 'A')], [{...entry(7, 'A'), code: '7'}]], want: {added: [], removed: [], fields: {7: []}, text: ''}}]
]

describe('compareEntries', () => {
  test.each(cases)('%s', (_, {given: [before, after], want}) => {
    const changes = compareEntries(before, after)
    expect(changes.added.map((item) => item.code)).toEqual(want.added)
    expect(changes.removed.map((item) => item.code)).toEqual(want.removed)
    expect(Object.fromEntries(changes.matched.map((match) => [String(match.after.code), match.fields]))).toEqual(want.fields)
    expect(describeChanges(changes)).toBe(want.text)
  })

  test('compares only the fields it is given: the names, for the outputs a run replaces', () => {
    const before = [entry(1, 'A', {translations: {fr: {message: 'un'}}}), entry(2, 'B')]
    const after = [entry(1, 'A', {status: 404, message: 'other', translations: {fr: {message: 'autre'}}}), entry(2, 'C', {resolve: 'Other.'})]
    expect(compareEntries(before, after, (item) => item, ['name']).matched.map((match) => match.fields)).toEqual([[], ['name']])
    expect(compareEntries(before, after).matched.map((match) => match.fields)).toEqual([['status', 'message'], ['name', 'message', 'resolve']])
  })

  test('keeps the new catalog’s order for matches and additions, the old one’s for removals', () => {
    const changes = compareEntries([entry(5, 'E'), entry(4, 'D'), entry(1, 'A')], [entry(3, 'C'), entry(1, 'A'), entry(2, 'B')])
    expect(changes.added.map((item) => item.code)).toEqual([3, 2])
    expect(changes.removed.map((item) => item.code)).toEqual([5, 4])
    expect(changes.matched.map((match) => match.after.code)).toEqual([1])
  })
})
