/** vitest: the test files, and time enough for the tests that spawn errgen or run the TypeScript compiler. */
import {defineConfig} from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/**/*.test.js'],
    testTimeout: 60_000,
    hookTimeout: 60_000
  }
})
