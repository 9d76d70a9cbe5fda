/** worker: the body of a parse worker thread — markdown texts in (one message each), their encoded mdast trees out, in the same order. */
import {parentPort} from 'node:worker_threads'
import {VFile} from 'vfile'
import {parse} from './parse.js'
import {encodeTree} from './tree-codec.js'

parentPort?.on('message', (text: string) => {
  const encoded = encodeTree(parse(new VFile({value: text})))
  parentPort?.postMessage(encoded, [encoded.points.buffer as ArrayBuffer])
})
