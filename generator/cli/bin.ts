#!/usr/bin/env node
/** cli: the `errgen` command — process arguments in, exit code out; the manifest answers an up-to-date run, run.js the rest. */
import process from 'node:process'
import {fastPath} from './fast-path.js'

const argv = process.argv.slice(2)
const io = {
  cwd: process.cwd(),
  stdout: (/** @type {string} */ text) => process.stdout.write(text),
  stderr: (/** @type {string} */ text) => process.stderr.write(text)
}

const answered = await fastPath(argv, io)
if (answered === undefined) {
  const {main} = await import('./main.js')
  process.exitCode = await main(argv, io)
} else {
  process.exitCode = answered
}
