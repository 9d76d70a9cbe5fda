/** A module-loading hook for tests: preloaded with `--import`, it writes every module the process loads to the file named by ERRGEN_IMPORT_LOG, and the line `compileCacheLine` before the first module resolved after the process enabled Node's compile cache (Node's own function, where there is one, is called then). */
import {appendFileSync} from 'node:fs'
import nodeModule, {register} from 'node:module'
import {MessageChannel} from 'node:worker_threads'

const log = process.env.ERRGEN_IMPORT_LOG
if (log) {
  const {port1, port2} = new MessageChannel()
  port1.on('message', (url: string) => appendFileSync(log, url + '\n'))
  port1.unref()
  // Set at the call, read by the hooks as they resolve each module: the line's place in the log is exact, where the hooks' messages arrive later than the call.
  const enabled = new Int32Array(new SharedArrayBuffer(4))
  register('./log-imports-hooks.js', import.meta.url, {data: {port: port2, enabled}, transferList: [port2]})
  const cached = nodeModule as {enableCompileCache?: (...args: Array<unknown>) => unknown}
  const enable = cached.enableCompileCache
  cached.enableCompileCache = (...args) => {
    Atomics.store(enabled, 0, 1)
    return enable?.apply(nodeModule, args)
  }
}
