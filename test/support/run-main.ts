/** Run errgen's main in this thread: arguments and a working directory in, the exit code and what it printed out (for the test helpers and the mutation worker, which cannot load vitest). */
import {main} from '../../generator/cli/main.js'

/**
 * @param {ReadonlyArray<string>} argv
 * @param {string} cwd
 * @returns {Promise<{code: number, stdout: string, stderr: string}>}
 */
export async function runMain(argv, cwd) {
  let stdout = ''
  let stderr = ''
  const code = await main(argv, {
    cwd,
    stdout: (text) => {
      stdout += text
    },
    stderr: (text) => {
      stderr += text
    }
  })
  return {code, stdout, stderr}
}
