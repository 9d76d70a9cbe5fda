/** bench/floor: nothing in, nothing out — imports every runtime dependency in package.json and exits: F, the floor of a full generation. */
import {readFileSync} from 'node:fs'

const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'))

for (const name of Object.keys(manifest.dependencies).sort()) await import(name)
