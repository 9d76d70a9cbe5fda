/** A module-loading hook for tests: preloaded with `--import`, it writes every module the process loads to the file named by ERRGEN_IMPORT_LOG. */
import {appendFileSync} from 'node:fs'
import {register} from 'node:module'
import {MessageChannel} from 'node:worker_threads'

const log = process.env.ERRGEN_IMPORT_LOG
if (log) {
  const {port1, port2} = new MessageChannel()
  port1.on('message', (url: string) => appendFileSync(log, url + '\n'))
  port1.unref()
  register('./log-imports-hooks.js', import.meta.url, {data: {port: port2}, transferList: [port2]})
}
