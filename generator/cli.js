#!/usr/bin/env node
/** cli: the `errgen` command — process arguments in, exit code out; the work is in run.js. */
import process from 'node:process'
import {main} from './run.js'

process.exitCode = await main(process.argv.slice(2), {
  cwd: process.cwd(),
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text)
})
