/** worker: the body of a parse worker thread — markdown texts in (one message each, a slice's with the length of its own text), their encoded mdast trees out, in the same order. */
import {parentPort} from 'node:worker_threads'
import {parseRequest} from './parse.js'
import {encodeTree, type ParseRequest} from './messages.js'

parentPort?.on('message', (request: ParseRequest) => {
  const encoded = encodeTree(parseRequest(request))
  parentPort?.postMessage(encoded, [encoded.points.buffer as ArrayBuffer])
})
