/** collect: nothing in, a full garbage collection of this thread out — run before each output while the heap is large, so that the parse's garbage is not carried under the emitters' own. */
import v8 from 'node:v8'
import vm from 'node:vm'

let collector: (() => void) | undefined

/**
 * From this much used heap a collection is worth its time (100–250 ms at these sizes): at 100,000 rows the heap
 * holds 260–680 MB before each output; at 20,000 rows, in every shape the bench measures, 90–215 MB, which a
 * collection would bring to 80–95 MB at the cost of a tenth of the run, the peak memory then 400–480 MB without it.
 */
const largeHeap = 256 * 1024 * 1024

/** Whether this thread's heap holds at least `bytes` (by default so much that a full collection pays: see `largeHeap`). */
export function heapIsLarge(bytes = largeHeap): boolean {
  return v8.getHeapStatistics().used_heap_size >= bytes
}

/**
 * Collect the garbage now. V8 lets the heap grow to several times what is alive before a full collection; after the
 * parse of a large document most of the heap is garbage (at 100,000 rows, 630 MB used of which 200 MB alive), and
 * the emitters then allocate hundreds of MB on top of it. The collector is V8's own (`--expose-gc`), reached once
 * through a new context, the flag turned off again at once so that the host's global scope stays as it was.
 */
export function collectGarbage(): void {
  collector ??= exposedCollector()
  collector()
}

function exposedCollector(): () => void {
  v8.setFlagsFromString('--expose-gc')
  try {
    const gc: unknown = vm.runInNewContext('gc')
    return typeof gc === 'function' ? () => void gc() : () => undefined
  } finally {
    v8.setFlagsFromString('--no-expose-gc')
  }
}
