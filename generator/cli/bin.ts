#!/usr/bin/env node
/** bin: the `errgen` command — process arguments in, exit code out; the manifest answers an up-to-date run, main the rest. */
import nodeModule from 'node:module'
import process from 'node:process'
import {inCi} from '../diagnostics/progress.js'

// Node's module compile cache (Node.js 22.8 and later): the code V8 compiles for errgen and its libraries is kept on
// disk (the system's temporary directory, or NODE_COMPILE_CACHE) and read back by the next run, which then starts
// faster; enabled before errgen's modules are imported, so that they are cached too. Not in CI (`CI` set), where the
// directory rarely outlives the job and writing the cache would cost more than it saves; NODE_DISABLE_COMPILE_CACHE=1
// turns it off. The command only: the library never changes its host's settings.
const ci = inCi(process.env)
if (!ci) (nodeModule as {enableCompileCache?: () => unknown}).enableCompileCache?.()

const {runCommand} = await import('./fast-path.js')

const argv = process.argv.slice(2)
const io = {
  cwd: process.cwd(),
  stdout: (text: string) => process.stdout.write(text),
  stderr: (text: string) => process.stderr.write(text),
  tty: process.stderr.isTTY === true && !ci
}

process.exitCode = await runCommand(argv, io)
