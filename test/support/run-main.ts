/** Run errgen in this thread, from the sources: arguments and a working directory in, the exit code and what it printed out — main alone, or the command as the bin runs it (the fast path first). */
import {runCommand as command} from '../../generator/cli/fast-path.js'
import {main} from '../../generator/cli/main.js'
import {capture, type Outcome} from '../runners/capture.js'

export type {Outcome} from '../runners/capture.js'

/** errgen's main from the sources, its output kept: the full run, never answered from the manifest (tests compare the two). */
export function runMain(argv: ReadonlyArray<string>, cwd: string): Promise<Outcome> {
  return capture(main, argv, cwd, false)
}

/** The `errgen` command from the sources, as the bin runs it but in this thread, its output kept. */
export function runCommand(argv: ReadonlyArray<string>, cwd: string): Promise<Outcome> {
  return capture(command, argv, cwd)
}
