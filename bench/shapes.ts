/** bench/shapes: the bench's scratch directory and errgen's build in, the cases of the shapes that must cost no more than their size out — `--check` with every resolve text edited, `--against` an output directory of 20,000 codes, 5,000 link reference definitions, 1 MB of text just under the marker limits, `body.params` on a catalog without parameters — with their documents written. */
import {mkdir, mkdtemp, writeFile} from 'node:fs/promises'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import {editedDocument, manyDefinitionsDocument, markerDocument, syntheticDocument} from './documents.js'

/** What a shape case needs of the bench. */
export interface ShapeContext {
  /** The bench's temporary directory. */
  directory: string
  /** errgen's built command line. */
  bin: string
  /** The `--import` that records the peak RSS. */
  peakRss: string
  /** The repository root, whose dist/ is run. */
  root: string
  /** Run errgen once with these arguments in `cwd` (to prepare a case). */
  prepare: (args: ReadonlyArray<string>, cwd: string) => Promise<void>
}

/** A case of the bench, as run.ts runs it. */
export interface ShapeCase {
  id: string
  label: string
  errgen: true
  /** The exit code the run must end with (`--check` on stale outputs: 1). */
  exitCode: number
  cwd: string
  args: (scratch: {emptyDirectory: () => Promise<string>}) => Promise<Array<string>>
}

/** Rows of the document whose every resolve text is edited. */
const editedRows = 2000

/** Write the shapes' documents and outputs; their cases. */
export async function shapeCases(context: ShapeContext): Promise<Array<ShapeCase>> {
  return [await checkEdited(context), await againstOutputs(context), await definitions(context), await markers(context), await bodyParams(context)]
}

/** `--check` on the outputs of 2,000 rows whose every resolve text was edited since: stale, each code changed. */
async function checkEdited({directory, bin, peakRss, prepare}: ShapeContext): Promise<ShapeCase> {
  const cwd = path.join(directory, 'check-edited')
  await mkdir(cwd)
  await writeFile(path.join(cwd, 'errors.md'), syntheticDocument(editedRows))
  await prepare([bin, '--input', 'errors.md', '--out', 'out', '--quiet'], cwd)
  await writeFile(path.join(cwd, 'errors.md'), editedDocument(editedRows))
  return {
    id: 'checkEdited2000',
    label: '2,000 rows, --check, every resolve text edited',
    errgen: true,
    exitCode: 1,
    cwd,
    args: async () => ['--import', peakRss, bin, '--input', 'errors.md', '--out', 'out', '--check', '--quiet']
  }
}

/** A full generation of 20,000 rows compared with the outputs of the same rows in another directory (read back from the OpenAPI document). */
async function againstOutputs({directory, bin, peakRss, prepare}: ShapeContext): Promise<ShapeCase> {
  const cwd = path.join(directory, 'against')
  await mkdir(cwd)
  await writeFile(path.join(cwd, 'errors.md'), syntheticDocument(20000))
  await prepare([bin, '--input', 'errors.md', '--out', 'earlier', '--quiet'], cwd)
  return {
    id: 'against20000',
    label: '20,000 rows, --against an output directory',
    errgen: true,
    exitCode: 0,
    cwd,
    // A new output directory each run, inside the working directory (errgen refuses one outside without --allow-outside).
    args: async () => ['--import', peakRss, bin, '--input', 'errors.md', '--out', path.basename(await mkdtemp(path.join(cwd, 'out-'))), '--against', 'earlier', '--quiet']
  }
}

/** 20,000 rows, one in four linking to a definition of its own: 5,000 one-line definitions below the table. */
async function definitions({directory, bin, peakRss}: ShapeContext): Promise<ShapeCase> {
  await writeFile(path.join(directory, 'errors-definitions.md'), manyDefinitionsDocument(20000, 4))
  return {
    id: 'definitions20000',
    label: '20,000 rows, 5,000 link reference definitions',
    errgen: true,
    exitCode: 0,
    cwd: directory,
    args: async (scratch) => ['--import', peakRss, bin, '--input', 'errors-definitions.md', '--out', await scratch.emptyDirectory(), '--quiet']
  }
}

/** 1 MB of paragraphs, each with as many emphasis markers as the build's limits let a paragraph have, as many as they let a document have, then plain text and a table of 39 rows. */
async function markers({directory, bin, peakRss, root}: ShapeContext): Promise<ShapeCase> {
  const limits = (await import(pathToFileURL(path.join(root, 'dist', 'read', 'limits.js')).href)) as {mostMarkers: number, mostTextMarkers?: number}
  await writeFile(path.join(directory, 'errors-markers.md'), markerDocument(1_000_000, limits.mostMarkers, limits.mostTextMarkers ?? Number.POSITIVE_INFINITY))
  return {
    id: 'markers1mb',
    label: '1 MB of paragraphs just under the marker limit',
    errgen: true,
    exitCode: 0,
    cwd: directory,
    args: async (scratch) => ['--import', peakRss, bin, '--input', 'errors-markers.md', '--out', await scratch.emptyDirectory(), '--quiet']
  }
}

/** 20,000 rows under `body.params: true`, none with parameters: whether a body holds parameters is asked for every entry. */
async function bodyParams({directory, bin, peakRss}: ShapeContext): Promise<ShapeCase> {
  await writeFile(path.join(directory, 'errors-params.md'), syntheticDocument(20000))
  // A configuration file of its own name, which no other case's run finds.
  await writeFile(path.join(directory, 'errgen-params.json'), JSON.stringify({body: {params: true}}) + '\n')
  return {
    id: 'params20000',
    label: '20,000 rows, body.params on, no message with parameters',
    errgen: true,
    exitCode: 0,
    cwd: directory,
    args: async (scratch) => ['--import', peakRss, bin, '--config', 'errgen-params.json', '--input', 'errors-params.md', '--out', await scratch.emptyDirectory(), '--quiet']
  }
}
