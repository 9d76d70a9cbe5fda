/** bench/check-library: errgen's built library (argv[2]), a document (argv[3]) and an output directory (argv[4]) in, the exit code of `check()` out (0 when the outputs are current) — the library's fast path, timed as a whole process. */
import {pathToFileURL} from 'node:url'

const [library, input, out] = process.argv.slice(2)
if (library === undefined || input === undefined || out === undefined) throw new Error('bench/check-library: give the library, a document and an output directory')
const {check} = (await import(pathToFileURL(library).href)) as {check: (options: {input: ReadonlyArray<string>, out: string}) => Promise<{current: boolean}>}
process.exitCode = (await check({input: [input], out})).current ? 0 : 1
