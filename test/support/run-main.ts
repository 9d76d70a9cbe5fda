/** Run errgen's main (from the sources) in this thread: arguments and a working directory in, the exit code and what it printed out. */
import {main} from '../../generator/cli/main.js'
import {capture, type Outcome} from '../runners/capture.js'

export type {Outcome} from '../runners/capture.js'

/** errgen's main from the sources, its output kept: the full run, never answered from the manifest (tests compare the two). */
export function runMain(argv: ReadonlyArray<string>, cwd: string): Promise<Outcome> {
  return capture(main, argv, cwd, false)
}
