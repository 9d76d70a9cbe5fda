/** typecheck: the project's tsconfig.json, a build info file and a folder to leave out in, tsc's report of the other files the project includes (the tests, the bench, the vitest configuration) out, and exit code 1 when it has an error — for the type check beside `npm test`, whose build's tsc checks the folder left out (generator/) under the same flags. */
import path from 'node:path'
import ts from 'typescript'

const [tsconfig, buildInfo, leftOut] = process.argv.slice(2) as [string, string, string]

/** tsconfig.json as tsc reads it, incremental: the files that did not change keep their results in the build info. */
function readProject(): ts.ParsedCommandLine {
  const host: ts.ParseConfigFileHost = {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
      throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'))
    }
  }
  const config = ts.getParsedCommandLineOfConfigFile(tsconfig, {incremental: true, tsBuildInfoFile: buildInfo}, host)
  if (!config) throw new Error('cannot read ' + tsconfig)
  return config
}

/** Whether a file is the project's own and outside the folder left out. */
function isChecked(file: ts.SourceFile, included: ReadonlySet<string>): boolean {
  return included.has(file.fileName) && !file.fileName.startsWith(leftOut + '/')
}

const config = readProject()
const program = ts.createIncrementalProgram({rootNames: config.fileNames, options: config.options, configFileParsingDiagnostics: config.errors})
const included = new Set(config.fileNames)
const checked = program.getSourceFiles().filter((file) => isChecked(file, included))
const diagnostics = [
  ...program.getConfigFileParsingDiagnostics(),
  ...program.getOptionsDiagnostics(),
  ...program.getGlobalDiagnostics(),
  ...checked.flatMap((file) => [...program.getSyntacticDiagnostics(file), ...program.getSemanticDiagnostics(file)])
]
// With noEmit, emit writes the build info alone.
program.emit()
const host = {getCanonicalFileName: (name: string) => name, getCurrentDirectory: () => path.dirname(tsconfig), getNewLine: () => '\n'}
process.stdout.write(ts.formatDiagnostics(diagnostics, host))
process.exitCode = diagnostics.length > 0 ? 1 : 0
