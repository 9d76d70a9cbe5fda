#!/usr/bin/env node
/** bin: the `errgen` command — process arguments in, exit code out; the manifest answers an up-to-date run, main the rest. */
import process from 'node:process'
import {inCi} from '../diagnostics/progress.js'
import {runCommand} from './fast-path.js'

const argv = process.argv.slice(2)
const io = {
  cwd: process.cwd(),
  stdout: (text: string) => process.stdout.write(text),
  stderr: (text: string) => process.stderr.write(text),
  tty: process.stderr.isTTY === true && !inCi(process.env)
}

process.exitCode = await runCommand(argv, io)
