/** emit-worker: the body of an emit worker thread — a catalog and emit options in, the JSON Schema and OpenAPI files out. */
import {parentPort} from 'node:worker_threads'
import {emitDataFiles} from './emit/data.js'

parentPort?.once('message', (/** @type {{catalog: import('./types.js').Catalog, options: import('./types.js').EmitOptions}} */ request) => {
  parentPort?.postMessage(emitDataFiles(request.catalog, request.options))
})
