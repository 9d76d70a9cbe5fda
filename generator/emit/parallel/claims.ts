/** emit/parallel/claims: the cells an emit worker shares with the main thread in, which thread emits each of the worker's outputs out — the one that claims it first, the worker from its first output on, the main thread, once its own are done, from the last. */

/** Who claimed an output's cell: nobody yet, the worker, the main thread. */
export const unclaimed = 0
export const byWorker = 1
export const byMainThread = 2

/** A cell for each of the worker's outputs, unclaimed, in memory both threads share. */
export function claimCells(count: number): Int32Array {
  return new Int32Array(new SharedArrayBuffer(count * Int32Array.BYTES_PER_ELEMENT))
}

/** Claim the output at `index` for a thread: true when it was unclaimed, and is now that thread's to emit. */
export function claim(claims: Int32Array, index: number, by: typeof byWorker | typeof byMainThread): boolean {
  return Atomics.compareExchange(claims, index, unclaimed, by) === unclaimed
}

/**
 * The order in which the worker emits its outputs, the main thread taking them from the end: the one whose emitter
 * holds the most memory first (the OpenAPI document), the others in their given order. The worker claims them one by
 * one in this order and the main thread in the reverse one, so that neither claims an output after the other has
 * claimed a later one (the worker) or an earlier one (the main thread).
 */
export function claimOrder<T>(kinds: ReadonlyArray<T>, first: (kind: T) => boolean): Array<T> {
  return [...kinds].sort((a, b) => Number(first(b)) - Number(first(a)))
}
