/** capture: errgen's `main`, arguments and a working directory in, the exit code and what it printed out — for the test helpers (the sources' main) and the mutation worker (the build's). */

/** What a run of errgen gives: its exit code and what it printed. */
export interface Outcome {
  code: number
  stdout: string
  stderr: string
}

/** errgen's `main`, as far as a test calls it. */
export type Main = (argv: ReadonlyArray<string>, io: {cwd: string, stdout: (text: string) => void, stderr: (text: string) => void, fastPath?: boolean}) => Promise<number>

/**
 * Run `main` in this thread, keeping what it prints.
 *
 * @param fastPath whether a run whose outputs are current may be answered from the manifest
 */
export async function capture(main: Main, argv: ReadonlyArray<string>, cwd: string, fastPath: boolean = true): Promise<Outcome> {
  let stdout = ''
  let stderr = ''
  const code = await main(argv, {
    cwd,
    fastPath,
    stdout: (text) => {
      stdout += text
    },
    stderr: (text) => {
      stderr += text
    }
  })
  return {code, stdout, stderr}
}
