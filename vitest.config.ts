/** vitest: the TypeScript test files, a global setup that builds dist/ once per run, a worker per core whose test files share the modules they load, the longest files started first, and time enough for the tests that spawn errgen or run the compiler. */
import os from 'node:os'
import {defineConfig} from 'vitest/config'
import {LongestFirstSequencer} from './test/setup/sequencer.js'

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/setup/build.ts'],
    setupFiles: ['test/setup/each-file.ts'],
    // vitest leaves one core to itself by default, which on two cores is one worker; the tests wait on processes and files too.
    pool: 'forks',
    maxWorkers: os.availableParallelism(),
    // Test files of a worker share its modules (TypeScript, ts-morph, remark are loaded once, not once per file).
    isolate: false,
    // The longest files first, so that the two workers finish together (on a clean clone too).
    sequence: {sequencer: LongestFirstSequencer},
    testTimeout: 60_000,
    hookTimeout: 60_000
  }
})
