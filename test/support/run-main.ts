/** Run errgen's main (from the sources) in this thread: arguments and a working directory in, the exit code and what it printed out. */
import {main} from '../../generator/cli/main.js'

/** What a run of errgen gives: its exit code and what it printed. */
export interface Outcome {
  code: number
  stdout: string
  stderr: string
}

export async function runMain(argv: ReadonlyArray<string>, cwd: string): Promise<Outcome> {
  let stdout = ''
  let stderr = ''
  const code = await main(argv, {
    cwd,
    stdout: (text: string) => {
      stdout += text
    },
    stderr: (text: string) => {
      stderr += text
    }
  })
  return {code, stdout, stderr}
}
