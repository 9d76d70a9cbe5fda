/** sequencer: the order vitest starts the test files in — the durations of this machine's last run when it has them (longest first, vitest's own order), and on a clean clone the files known to be the longest first, so that the workers finish together instead of one running a long file alone at the end. */
import path from 'node:path'
import {BaseSequencer, type TestSpecification} from 'vitest/node'

/**
 * The longest test files, longest first (each about four seconds or more of a worker on two cores); update it when a file
 * grows or shrinks a lot (`npx vitest run --reporter=json --outputFile=durations.json` gives each file's time).
 */
export const longestFiles: ReadonlyArray<string> = [
  'test/package.test.ts',
  'test/cli/fast-path.test.ts',
  'test/fixtures.test.ts',
  'test/write/lock.test.ts',
  'test/targets/go/go.test.ts',
  'test/properties/mutations.test.ts',
  'test/cli/habits.test.ts',
  'test/parse/gfm.test.ts',
  'test/emit/optional-columns.test.ts',
  'test/emit/cache.test.ts',
  'test/remark/edits.test.ts',
  'test/parse/workers.test.ts',
  'test/properties/roundtrip.test.ts',
  'test/parse/parallel.test.ts',
  'test/targets/python/python.test.ts',
  'test/parse/cache.test.ts',
  'test/cli/main.test.ts',
  'test/emit/schema-consumers.test.ts',
  'test/cli/watch.test.ts',
  'test/properties/lost-rows.test.ts',
  'test/cli/lost-rows.test.ts',
  'test/remark/configuration.test.ts',
  'test/golden.test.ts',
  'test/emit/encode.test.ts',
  'test/write/manifest.test.ts'
]

/** vitest's sequencer, with the longest files first when no earlier run on this machine timed them. */
export class LongestFirstSequencer extends BaseSequencer {
  override async sort(files: Array<TestSpecification>): Promise<Array<TestSpecification>> {
    const sorted = await super.sort(files)
    const root = this.ctx.config.root
    const key = (file: TestSpecification) => path.relative(root, file.moduleId).split(path.sep).join('/')
    if (sorted.every((file) => this.ctx.cache.getFileTestResults(file.project.name + ':' + key(file)) !== undefined)) return sorted
    const rank = (file: TestSpecification) => {
      const index = longestFiles.indexOf(key(file))
      return index === -1 ? longestFiles.length : index
    }
    // Array.prototype.sort is stable: the other files keep vitest's order after the longest.
    return sorted.sort((a, b) => rank(a) - rank(b))
  }
}
