/** inputs-io: the configured paths and globs in, the documents they name out (paths relative to the working directory, globs' matches sorted, each once; globs stay inside the project and follow no link out of it). */
import path from 'node:path'
import {glob, isDynamicPattern} from 'tinyglobby'
import {displayPath, IoError, isWithin} from '../diagnostics/io-error.js'
import {realPathOf} from './files-io.js'

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
  const realProject = Promise.all(project.map((directory) => realPathOf(directory)))
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
    for (const match of matches.map((file) => displayPath(file, cwd)).sort()) {
      const real = await realPathOf(path.resolve(cwd, match))
      if (!(await realProject).some((directory) => isWithin(real, directory))) {
        throw new IoError('refusing to read ' + match + ': the glob `' + pattern + '` reaches it through a symbolic link to a place outside the working directory and the configuration\'s; name a document outside them by its path')
      }
      files.add(match)
    }
  }
  return [...files]
}
