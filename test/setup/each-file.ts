/** each-file: vitest's setup for every test file — the temporary directories the file made are removed after it, also when test files share a worker and its modules; and byte arrays compared as bytes. */
import {afterAll, expect} from 'vitest'
import {removeTempDirectories} from '../support/helpers.js'

afterAll(removeTempDirectories)

/**
 * Two byte arrays of one kind (a file's Buffer) are equal when their bytes are: the answer vitest's own equality gives,
 * which compares them byte by byte as it compares arrays, thousands of times slower on outputs of megabytes. Other
 * values: undefined, vitest's own equality decides (and a difference is shown as before).
 */
function sameBytes(a: unknown, b: unknown): boolean | undefined {
  if (!(a instanceof Uint8Array) || !(b instanceof Uint8Array) || a.constructor !== b.constructor) return undefined
  return Buffer.compare(a, b) === 0
}

/** Set once a worker's expect has the tester (its list of testers lives as long as the worker). */
const registered = Symbol.for('errgen.test.sameBytes')

if (!(registered in globalThis)) {
  expect.addEqualityTesters([sameBytes])
  Object.defineProperty(globalThis, registered, {value: true})
}
