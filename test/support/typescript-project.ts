/** Test support: a catalog in, the TypeScript module's text out as ts-morph gives it from the emitter's structure alone — printed whole (every member a structure), or through a Project (created, parsed, read back) — to check the written text against. */
import {IndentationText, NewLineKind, printStructure, Project, QuoteKind} from 'ts-morph'
import {printOptions} from '../../generator/targets/typescript/kept.js'
import {sourceFileStructure} from '../../generator/targets/typescript/source-file.js'
import {defaultBody} from '../../generator/config/defaults.js'
import type {BodyOptions, Catalog, ProblemSettings, TypeScriptStyle} from '../../generator/types.js'

/**
 * The same text as emitTypeScript, through a ts-morph Project: the source file is created from the structure, parsed by
 * TypeScript, and its full text read back. emitTypeScript prints the structure alone, without the parse (0.7 s at
 * 20,000 codes); tests check both give the same bytes.
 */
export function emitTypeScriptThroughProject(catalog: Catalog, style: TypeScriptStyle = 'enum', body: BodyOptions = defaultBody): string {
  const project = new Project({
    useInMemoryFileSystem: true,
    manipulationSettings: {
      indentationText: IndentationText.TwoSpaces,
      newLineKind: NewLineKind.LineFeed,
      quoteKind: QuoteKind.Double,
      useTrailingCommas: true
    }
  })
  return project.createSourceFile('errors.ts', sourceFileStructure(catalog, style, body)).getFullText()
}

/**
 * The module as ts-morph prints its whole structure in one call, every `ErrorCode` member and catalog item a structure
 * of its own: what the emitter, which writes those statements straight to ts-morph's writer, must give.
 */
export function printedStructure(catalog: Catalog, style: TypeScriptStyle = 'enum', body: BodyOptions = defaultBody, problem?: ProblemSettings): string {
  return printStructure(sourceFileStructure(catalog, style, body, problem), printOptions)
}
