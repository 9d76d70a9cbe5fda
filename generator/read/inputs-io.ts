/** inputs-io: the configured paths and globs in, the documents they name out (paths relative to the working directory, globs' matches sorted, each once; globs stay inside the project and follow no links). */
import path from 'node:path'
import {glob, isDynamicPattern} from 'tinyglobby'
import {displayPath, IoError, isWithin} from '../diagnostics/io-error.js'

/**
 * The documents `patterns` name: each path, and the files each glob matches (sorted); a glob that matches nothing
 * is an IoError.
 *
 * @param patterns relative to the working directory
 * @param project the directories a glob may search: the working directory, and the configuration's
 * @returns relative to the working directory, with `/`
 */
export async function inputFiles(patterns: ReadonlyArray<string>, cwd: string, project: ReadonlyArray<string> = [cwd]): Promise<Array<string>> {
  const files = new Set<string>()
  for (const pattern of patterns) {
    if (!isDynamicPattern(pattern)) {
      files.add(displayPath(path.resolve(cwd, pattern), cwd))
      continue
    }
    if (!project.some((directory) => isWithin(path.resolve(cwd, pattern), directory))) {
      throw new IoError('refusing to search `' + pattern + '`: a glob must stay inside the working directory or the configuration\'s; name a document outside them by its path')
    }
    const matches = await glob(pattern, {cwd, absolute: true, onlyFiles: true, expandDirectories: false, followSymbolicLinks: false})
    if (matches.length === 0) throw new IoError('no document matches `' + pattern + '`')
    for (const match of matches.map((file) => displayPath(file, cwd)).sort()) files.add(match)
  }
  return [...files]
}
