/** utf8: UTF-8 decoding that locates every ill-formed sequence, and strict decoding that gives the first one's offset. */
import fc from 'fast-check'
import {describe, expect, test} from 'vitest'
import {decodeUtf8, decodeUtf8Lossy, type IllFormed} from '../../generator/read/utf8.js'

describe('decodeUtf8Lossy', () => {
  const cases: Array<[string, {given: Array<number>, want: {text: string, illFormed: Array<IllFormed>}}]> = [
    ['ASCII', {given: [0x61, 0x62], want: {text: 'ab', illFormed: []}}],
    ['a leading byte-order mark is dropped', {given: [0xef, 0xbb, 0xbf, 0x61], want: {text: 'a', illFormed: []}}],
    [
      'a byte-order mark after an ill-formed byte is kept',
      {given: [0xff, 0xef, 0xbb, 0xbf], want: {text: '\uFFFD\uFEFF', illFormed: [{offset: 0, bytes: [0xff], index: 0}]}}
    ],
    ['Latin-1 é', {given: [0x63, 0xe9, 0x0a], want: {text: 'c\uFFFD\n', illFormed: [{offset: 1, bytes: [0xe9], index: 1}]}}],
    [
      'a cut-short sequence is one U+FFFD',
      {given: [0xe2, 0x82, 0x41], want: {text: '\uFFFDA', illFormed: [{offset: 0, bytes: [0xe2, 0x82], index: 0}]}}
    ],
    [
      'a surrogate encoded in UTF-8 is three',
      {
        given: [0xed, 0xa0, 0x80],
        want: {
          text: '\uFFFD\uFFFD\uFFFD',
          illFormed: [
            {offset: 0, bytes: [0xed], index: 0},
            {offset: 1, bytes: [0xa0], index: 1},
            {offset: 2, bytes: [0x80], index: 2}
          ]
        }
      }
    ],
    [
      'the index counts UTF-16 code units of what comes before',
      {given: [0xf0, 0x9f, 0x99, 0x82, 0xc0], want: {text: '🙂\uFFFD', illFormed: [{offset: 4, bytes: [0xc0], index: 2}]}}
    ]
  ]
  test.each(cases)('%s', (_, {given, want}) => {
    expect(decodeUtf8Lossy(new Uint8Array(given))).toEqual(want)
  })

  test('gives the text the WHATWG decoder gives, and its ill-formed sequences with the text give back every byte (random bytes)', () => {
    fc.assert(
      fc.property(fc.uint8Array({maxLength: 64}), (bytes) => {
        const {text, illFormed} = decodeUtf8Lossy(bytes)
        expect(text).toBe(new TextDecoder().decode(bytes))
        expect(Buffer.from(restore(text, illFormed)).equals(withoutByteOrderMark(bytes))).toBe(true)
      }),
      {numRuns: 2000}
    )
  })
})

describe('decodeUtf8', () => {
  const cases: Array<[string, {given: Array<number>, want: {text: string} | {invalidAt: number}}]> = [
    ['UTF-8 text, its byte-order mark dropped', {given: [0xef, 0xbb, 0xbf, 0x63, 0xc3, 0xa9], want: {text: 'cé'}}],
    ['the offset of the first ill-formed byte', {given: [0x63, 0xc3, 0xa9, 0xe9, 0xff], want: {invalidAt: 3}}]
  ]
  test.each(cases)('%s', (_, {given, want}) => {
    expect(decodeUtf8(new Uint8Array(given))).toEqual(want)
  })
})

/** The bytes a decoded text stands for: its well-formed parts encoded again, and the ill-formed bytes in place of their U+FFFD. */
function restore(text: string, illFormed: ReadonlyArray<{bytes: Array<number>, index: number}>): Buffer {
  const parts: Array<Uint8Array> = []
  let from = 0
  for (const sequence of illFormed) {
    expect(text[sequence.index]).toBe('\uFFFD')
    parts.push(Buffer.from(text.slice(from, sequence.index)), Uint8Array.from(sequence.bytes))
    from = sequence.index + 1
  }
  parts.push(Buffer.from(text.slice(from)))
  return Buffer.concat(parts)
}

/** The bytes without their leading byte-order mark, if any. */
function withoutByteOrderMark(bytes: Uint8Array): Buffer {
  const buffer = Buffer.from(bytes)
  return buffer.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf])) ? buffer.subarray(3) : buffer
}
