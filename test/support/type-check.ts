/** Test support: TypeScript sources in, the compiler's diagnostics under the strict flags out — one program for one set of sources, or one program for many sets whose clean results later checks of the same sources reuse; or a project on disk (a tsconfig.json) checked as tsc checks it, the environment's declarations aside. */
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import ts from 'typescript'

const root = fileURLToPath(new URL('../..', import.meta.url))

/** Where the sources of a check live, in memory. */
const virtual = path.join(root, '.virtual')

/** The compiler flags the generated TypeScript must pass without a diagnostic. */
export const strictOptions: ts.CompilerOptions = {
  strict: true,
  noUncheckedIndexedAccess: true,
  exactOptionalPropertyTypes: true,
  isolatedModules: true,
  verbatimModuleSyntax: true,
  noEmit: true,
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  lib: ['lib.es2022.d.ts'],
  types: []
}

/** The compiler's own files (lib.*.d.ts), parsed once for every type check of this worker. */
const parsedLibraries = new Map<string, ts.SourceFile | undefined>()

/** Sets of sources a shared program found clean, by sets and options: a check of the same sources gives no diagnostic. */
const cleanInSharedProgram = new Set<string>()

/**
 * Type-check TypeScript sources with the compiler; the diagnostics of those sources (the compiler's lib files are
 * parsed once and not checked themselves) as `file(line,col): message` strings. Sources typeCheckTogether found clean
 * are not checked again.
 *
 * @param sources file name → text
 */
export function typeCheck(sources: Record<string, string>, options: ts.CompilerOptions = strictOptions): Array<string> {
  if (cleanInSharedProgram.has(checkKey(sources, options))) return []
  const files = new Map<string, string>(Object.entries(sources).map(([name, text]) => [path.join(virtual, name), text]))
  const program = ts.createProgram([...files.keys()], options, virtualHost(files, options))
  const diagnostics = [...program.getOptionsDiagnostics(), ...program.getGlobalDiagnostics(), ...fileDiagnostics(program, [...files.keys()])]
  return diagnostics.map((diagnostic) => formatDiagnostic(diagnostic, virtual))
}

/**
 * Type-check many sets of sources in one program (the compiler's set-up and its lib files paid once), each set in a
 * folder of its own; the sets with no diagnostic are remembered, so that typeCheck of those sources answers at once.
 * Only modules that add nothing to the global scope share a program, as then no set can see another: otherwise, and
 * for a set with diagnostics, typeCheck checks the set alone, so that its diagnostics are its own.
 */
export function typeCheckTogether(sets: ReadonlyArray<Record<string, string>>, options: ts.CompilerOptions = strictOptions): void {
  const folders = sets.map((sources, index) => new Map(Object.entries(sources).map(([name, text]) => [path.join(virtual, 'set' + index, name), text])))
  const files = new Map(folders.flatMap((folder) => [...folder]))
  const program = ts.createProgram([...files.keys()], options, virtualHost(files, options))
  const own = [...files.keys()].map((name) => program.getSourceFile(name))
  if (!own.every((file) => file !== undefined && isSelfContained(file))) return
  if (program.getOptionsDiagnostics().length > 0 || program.getGlobalDiagnostics().length > 0) return
  folders.forEach((folder, index) => {
    if (fileDiagnostics(program, [...folder.keys()]).length === 0) cleanInSharedProgram.add(checkKey(sets[index] as Record<string, string>, options))
  })
}

/** Whether a file is a module that declares nothing global (no `declare global`, no ambient module). */
function isSelfContained(file: ts.SourceFile): boolean {
  const declaresOutside = (statement: ts.Statement) =>
    ts.isModuleDeclaration(statement) && (ts.isStringLiteral(statement.name) || (statement.flags & ts.NodeFlags.GlobalAugmentation) !== 0)
  return ts.isExternalModule(file) && !file.statements.some(declaresOutside)
}

function checkKey(sources: Record<string, string>, options: ts.CompilerOptions): string {
  return JSON.stringify([options, Object.entries(sources).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))])
}

/** The syntactic and semantic diagnostics of some files of a program. */
function fileDiagnostics(program: ts.Program, names: ReadonlyArray<string>): Array<ts.Diagnostic> {
  return names.flatMap((name) => {
    const file = program.getSourceFile(name)
    return file ? [...program.getSyntacticDiagnostics(file), ...program.getSemanticDiagnostics(file)] : []
  })
}

/** A diagnostic as `file(line,col): message`, the file relative to the folder of the sources. */
function formatDiagnostic(diagnostic: ts.Diagnostic, directory: string): string {
  const text = ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')
  if (!diagnostic.file || diagnostic.start === undefined) return text
  const {line, character} = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start)
  return path.relative(directory, diagnostic.file.fileName) + '(' + (line + 1) + ',' + (character + 1) + '): ' + text
}

/** A compiler host that serves `files` from memory, and the compiler's lib files parsed once. */
function virtualHost(files: ReadonlyMap<string, string>, options: ts.CompilerOptions): ts.CompilerHost {
  const host = ts.createCompilerHost(options)
  const originalGetSourceFile = host.getSourceFile
  host.getSourceFile = (name, languageVersion, ...rest) => {
    const text = files.get(name)
    if (text !== undefined) return ts.createSourceFile(name, text, languageVersion, true)
    const key = name + ' ' + JSON.stringify(languageVersion)
    if (!parsedLibraries.has(key)) parsedLibraries.set(key, originalGetSourceFile.call(host, name, languageVersion, ...rest))
    return parsedLibraries.get(key)
  }
  const originalFileExists = host.fileExists
  host.fileExists = (name) => files.has(name) || originalFileExists.call(host, name)
  const originalReadFile = host.readFile
  host.readFile = (name) => files.get(name) ?? originalReadFile.call(host, name)
  const originalDirectoryExists = host.directoryExists?.bind(host)
  const virtualDirectories = new Set([...files.keys()].flatMap((name) => [path.dirname(name), path.dirname(path.dirname(name))]))
  host.directoryExists = (name) => name === virtual || virtualDirectories.has(name) || (originalDirectoryExists ? originalDirectoryExists(name) : false)
  return host
}

/** The declarations of the environment, not of the package: @types/node and the package that it alone uses. */
const environmentPackages = ['@types/node', 'undici-types']

/** The package a file is in (`vfile`, `@types/mdast`), or undefined for the project's own files. */
function packageOf(file: string): string | undefined {
  return /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(file)?.[1]
}

/**
 * The compiler's diagnostics for a project, as `tsc -p` prints them, with the environment's declarations (TypeScript's
 * lib files and @types/node) read but not checked, as `skipLibCheck` would skip them: the project's files, errgen's
 * declarations and those of every package they use are checked, each once. Also the packages whose declarations were checked.
 */
export function typeCheckProject(tsconfig: string): {diagnostics: string, packages: Array<string>} {
  const config = ts.getParsedCommandLineOfConfigFile(tsconfig, {}, {...ts.sys, onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
    throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'))
  }})
  if (!config) throw new Error('cannot read ' + tsconfig)
  const program = ts.createProgram({rootNames: config.fileNames, options: config.options})
  const environment = (file: ts.SourceFile) => program.isSourceFileDefaultLibrary(file) || environmentPackages.includes(packageOf(file.fileName) ?? '')
  const checked = program.getSourceFiles().filter((file) => !environment(file))
  const diagnostics = [
    ...config.errors,
    ...program.getOptionsDiagnostics(),
    ...program.getGlobalDiagnostics(),
    ...checked.flatMap((file) => [...program.getSyntacticDiagnostics(file), ...program.getSemanticDiagnostics(file)])
  ]
  const host = {getCanonicalFileName: (name: string) => name, getCurrentDirectory: () => path.dirname(tsconfig), getNewLine: () => '\n'}
  return {diagnostics: ts.formatDiagnostics(diagnostics, host), packages: [...new Set(checked.flatMap((file) => packageOf(file.fileName) ?? []))].sort()}
}
