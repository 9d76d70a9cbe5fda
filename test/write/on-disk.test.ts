/** on-disk.test: comparing the outputs with the output directory keeps the whole bytes on disk only for `--check` (its diff); a write keeps their first lines, which still refuse a file errgen did not generate. */
import {cp, mkdir, readFile, writeFile} from 'node:fs/promises'
import path from 'node:path'
import {describe, expect, test} from 'vitest'
import {outputArgs} from '../../generator/cli/flags.js'
import {version} from '../../generator/cli/version-io.js'
import {prepare} from '../../generator/spine.js'
import {type Generated, readOnDisk, writeChanged} from '../../generator/write/apply-io.js'
import {isGenerated, markerBytes} from '../../generator/write/foreign.js'
import {snapshotSettings} from '../../generator/write/manifest-io.js'
import {seed, tempDirectory} from '../support/helpers.js'

/** The seed's outputs as the command holds them (bytes), for the output directory `output`. */
async function generatedIn(pkg: string): Promise<Generated> {
  const prepared = await prepare({cwd: pkg, encodeOutputs: true})
  return {
    cwd: pkg,
    out: path.join(pkg, 'output'),
    shownOut: 'output',
    files: prepared.files,
    input: prepared.config?.input ?? [],
    documents: prepared.documents,
    codes: prepared.catalog?.entries.length ?? 0,
    settings: await snapshotSettings(pkg, undefined),
    warnings: [],
    stylish: '',
    version,
    args: outputArgs({input: undefined, out: undefined, style: undefined})
  }
}

describe('the outputs compared with the disk', () => {
  test('a write keeps the first lines of each changed output on disk, a check the whole bytes; a foreign file is refused from its first lines', async () => {
    const pkg = await tempDirectory()
    await mkdir(path.join(pkg, 'input'), {recursive: true})
    const input = path.join(pkg, 'input', 'error-codes.md')
    await cp(seed, input)
    const first = await generatedIn(pkg)
    await writeChanged(await readOnDisk(first, false), first, false)
    await writeFile(input, (await readFile(input, 'utf8')).replace('Ex. bofa, wells', 'Ex. bofa or wells'))
    const second = await generatedIn(pkg)
    expect(second.files.length).toBe(3)

    const forWrite = await readOnDisk(second, false)
    const forCheck = await readOnDisk(second)
    expect(forWrite.changed.map(({file}) => file.name)).toEqual(forCheck.changed.map(({file}) => file.name))
    expect(forWrite.changed.length).toBeGreaterThanOrEqual(2)
    for (const [index, {file, current}] of forWrite.changed.entries()) {
      const onDisk = await readFile(file.path)
      expect(onDisk.length).toBeGreaterThan(markerBytes)
      expect(current?.equals(onDisk.subarray(0, markerBytes))).toBe(true)
      expect(current && isGenerated(current)).toBe(true)
      expect(forCheck.changed[index]?.current?.equals(onDisk)).toBe(true)
    }

    const [target] = second.files
    if (!target) throw new Error('expected an output')
    await writeFile(target.path, 'hand-written\n'.repeat(1000))
    await expect(writeChanged(await readOnDisk(second, false), second, false)).rejects.toThrow(/refusing to overwrite output\/error-codes\.ts/)
    expect(await readFile(target.path, 'utf8')).toBe('hand-written\n'.repeat(1000))
  })
})
