/** vitest: the TypeScript test files, a global setup that builds dist/ once per run, a worker per core whose test files share the modules they load, the longest files started first, a young generation large enough for the trees they build, the dependencies' published (production) builds, and time enough for the tests that spawn errgen or run the compiler. */
import os from 'node:os'
import {defineConfig, type Plugin} from 'vitest/config'
import {LongestFirstSequencer} from './test/setup/sequencer.js'

/**
 * The dependencies as users run them: without the `development` export condition, which vitest sets (and passes to its
 * workers as `--conditions development`) and which makes micromark, mdast-util-from-markdown and others load their
 * development builds, full of internal assertions and debug calls that make the parse tests a tenth slower.
 */
function publishedBuilds(): Plugin {
  return {
    name: 'errgen-published-builds',
    enforce: 'post',
    configResolved(config) {
      for (const options of [config.ssr, ...Object.values(config.environments)]) {
        const resolve = options.resolve
        if (resolve?.conditions) resolve.conditions = resolve.conditions.filter((condition) => condition !== 'development|production' && condition !== 'development')
      }
    }
  }
}

export default defineConfig({
  plugins: [publishedBuilds()],
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/setup/build.ts'],
    setupFiles: ['test/setup/each-file.ts'],
    // vitest leaves one core to itself by default, which on two cores is one worker; the tests wait on processes and files too.
    pool: 'forks',
    maxWorkers: os.availableParallelism(),
    // A larger young generation for the workers (and the parse workers they start): the tests allocate trees, schemas
    // and programs by the megabyte, and with V8's default semi-space (16 MB) the garbage collector took about 15% of their CPU time.
    execArgv: ['--max-semi-space-size=64'],
    // Test files of a worker share its modules (TypeScript, ts-morph, remark are loaded once, not once per file).
    isolate: false,
    // The longest files first, so that the two workers finish together (on a clean clone too).
    sequence: {sequencer: LongestFirstSequencer},
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Under `npm test`, the global setup's teardown waits for the type check that ran beside the tests.
    teardownTimeout: 300_000
  }
})
