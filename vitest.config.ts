/** vitest: the TypeScript test files, a global setup that builds dist/ once per run, and time enough for the tests that spawn errgen or run the compiler. */
import {defineConfig} from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/setup/build.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000
  }
})
