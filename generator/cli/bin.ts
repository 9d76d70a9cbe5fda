#!/usr/bin/env node
/** bin: the `errgen` command — process arguments in, exit code out; the manifest answers an up-to-date run, main the rest. */
import process from 'node:process'
import {fastPath} from './fast-path.js'

const argv = process.argv.slice(2)
const io = {
  cwd: process.cwd(),
  stdout: (text: string) => process.stdout.write(text),
  stderr: (text: string) => process.stderr.write(text)
}

const answered = await fastPath(argv, io)
if (answered === undefined) {
  const {main} = await import('./main.js')
  process.exitCode = await main(argv, {...io, fastPath: false})
} else {
  process.exitCode = answered
}
