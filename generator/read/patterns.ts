/** patterns: a configuration in, the paths and globs of its run's documents out — the input, then each locale's translations; what a run reads and what the manifest keeps as its input. */
import type {Config} from '../types.js'

/** The paths and globs of a run's documents, in the order they are read. */
export function documentPatterns(config: Pick<Config, 'input' | 'locales'>): Array<string> {
  return [...config.input, ...Object.values(config.locales ?? {})]
}
