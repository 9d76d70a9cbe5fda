/** version-io: nothing in, errgen's own version out — read from the package.json of the installed package. */
import {readFileSync} from 'node:fs'

/** errgen's version (`--version`, and part of the manifest's fingerprint). */
export const version: string = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {version: string}).version
