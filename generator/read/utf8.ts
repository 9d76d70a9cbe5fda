/** utf8: bytes in, their text out — strict, or with every ill-formed sequence located. */

/** A byte sequence that is not UTF-8. */
export interface IllFormed {
  /** The byte offset of the sequence. */
  offset: number
  /** Its bytes (a maximal subpart: one U+FFFD in the text). */
  bytes: Array<number>
  /** Where its U+FFFD stands in the decoded text. */
  index: number
}

/** Decode UTF-8 strictly (a leading byte-order mark is dropped): the text, or the offset of the first ill-formed byte. */
export function decodeUtf8(bytes: Uint8Array): {text: string} | {invalidAt: number} {
  const {text, illFormed} = decodeUtf8Lossy(bytes)
  const [first] = illFormed
  return first ? {invalidAt: first.offset} : {text}
}

/**
 * Decode UTF-8 as the WHATWG decoder does (a leading byte-order mark is dropped, each maximal ill-formed subpart becomes
 * one U+FFFD), with the place of every ill-formed sequence so that none is replaced silently.
 *
 * @see https://encoding.spec.whatwg.org/#utf-8-decoder
 */
export function decodeUtf8Lossy(bytes: Uint8Array): {text: string, illFormed: Array<IllFormed>} {
  // Well-formed bytes (nearly every document) are decoded at once; only others are walked sequence by sequence.
  const whole = decodeIfWellFormed(bytes)
  if (whole !== undefined) return {text: whole, illFormed: []}
  const illFormed: Array<IllFormed> = []
  let text = ''
  let validFrom = 0
  let offset = 0
  while (offset < bytes.length) {
    const {length, matched} = sequenceAt(bytes, offset)
    if (matched === length) {
      offset += length
      continue
    }
    text += decodeWellFormed(bytes, validFrom, offset)
    const subpart = Math.max(matched, 1)
    illFormed.push({offset, bytes: [...bytes.subarray(offset, offset + subpart)], index: text.length})
    text += '\uFFFD'
    offset += subpart
    validFrom = offset
  }
  return {text: text + decodeWellFormed(bytes, validFrom, bytes.length), illFormed}
}

/** The text of well-formed UTF-8 (a leading byte-order mark dropped); undefined when any sequence is ill-formed. */
function decodeIfWellFormed(bytes: Uint8Array): string | undefined {
  try {
    return decodeWellFormed(bytes, 0, bytes.length)
  } catch (cause) {
    // The strict decoder's one failure: an ill-formed sequence, which the caller then locates.
    if (cause instanceof TypeError) return undefined
    throw cause
  }
}

/** Decode well-formed UTF-8; a byte-order mark is dropped only at the start of the file. */
function decodeWellFormed(bytes: Uint8Array, start: number, end: number): string {
  return new TextDecoder('utf-8', {fatal: true, ignoreBOM: start > 0}).decode(bytes.subarray(start, end))
}

/**
 * The sequence starting at `index`: the length its lead byte calls for, and how many of its bytes are well-formed.
 *
 * @see https://www.unicode.org/versions/Unicode15.0.0/ch03.pdf#G7404 (Table 3-7)
 */
function sequenceAt(bytes: Uint8Array, index: number): {length: number, matched: number} {
  const lead = bytes[index] as number
  if (lead < 0x80) return {length: 1, matched: 1}
  const shape = leadShape(lead)
  if (!shape) return {length: 1, matched: 0}
  const [length, low, high] = shape
  let matched = 1
  while (matched < length) {
    const byte = bytes[index + matched]
    const [min, max] = matched === 1 ? [low, high] : [0x80, 0xbf]
    if (byte === undefined || byte < min || byte > max) break
    matched++
  }
  return {length, matched}
}

/** The length of the sequence a lead byte starts, and the range of its second byte; undefined when it cannot lead. */
function leadShape(lead: number): [number, number, number] | undefined {
  if (lead >= 0xc2 && lead <= 0xdf) return [2, 0x80, 0xbf]
  if (lead === 0xe0) return [3, 0xa0, 0xbf]
  if (lead === 0xed) return [3, 0x80, 0x9f]
  if (lead >= 0xe1 && lead <= 0xef) return [3, 0x80, 0xbf]
  if (lead === 0xf0) return [4, 0x90, 0xbf]
  if (lead >= 0xf1 && lead <= 0xf3) return [4, 0x80, 0xbf]
  if (lead === 0xf4) return [4, 0x80, 0x8f]
  return undefined
}
