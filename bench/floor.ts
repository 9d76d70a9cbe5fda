/** bench/floor: errgen's repository root (argv[2]) in, nothing out — imports every runtime dependency in its package.json and exits: F, the floor of a full generation. */
import {readFileSync} from 'node:fs'
import path from 'node:path'

const root = process.argv[2]
if (root === undefined) throw new Error('bench/floor: give the repository root as the first argument')
const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {dependencies: Record<string, string>}

/** Declarations only (`@types/…`): nothing to load. */
const isTypes = (name: string): boolean => name.startsWith('@types/')

for (const name of Object.keys(manifest.dependencies).filter((name) => !isTypes(name)).sort()) await import(name)
