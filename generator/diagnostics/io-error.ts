/** io-error: a file-system failure in, the one-line IoError the CLI reports with exit code 2 out; and paths as messages show them. */
import path from 'node:path'

/** An I/O problem the CLI reports in one line with exit code 2. */
export class IoError extends Error {
  override name = 'IoError'
}

/** Plain words for the errors of the file system. */
const reasons = new Map([
  ['ENOENT', 'no such file or directory'],
  ['EISDIR', 'it is a directory'],
  ['ENOTDIR', 'a parent is not a directory'],
  ['EACCES', 'permission denied'],
  ['EPERM', 'operation not permitted'],
  ['EROFS', 'read-only file system'],
  ['ENOSPC', 'no space left on device']
])

/**
 * Wrap a file-system error as an IoError that names the file and what was being done.
 *
 * @param doing what failed: `cannot read input/x.md`
 * @param after said after the reason
 */
export function ioError(cause: unknown, doing: string, after: string = ''): IoError {
  const why = reasons.get(errorCode(cause)) || (cause instanceof Error ? cause.message : String(cause))
  return new IoError(doing + ': ' + why + after, {cause})
}

/** The `code` of a Node.js system error (`ENOENT`), or an empty string. */
export function errorCode(cause: unknown): string {
  return cause && typeof cause === 'object' && 'code' in cause ? String(cause.code) : ''
}

/** Whether a path is a directory or inside it. */
export function isWithin(file: string, directory: string): boolean {
  const relative = path.relative(directory, file)
  return relative === '' || (relative !== '..' && !relative.startsWith('..' + path.sep) && !path.isAbsolute(relative))
}

/** A path as messages show it: relative to the working directory, with `/`. */
export function displayPath(absolute: string, cwd: string): string {
  const relative = path.relative(cwd, absolute) || '.'
  return relative.split(path.sep).join('/')
}
