/** Test support: a catalog in, the TypeScript module's text out as a ts-morph Project gives it (created from the emitter's structure, parsed, read back), to check the printed text against. */
import {IndentationText, NewLineKind, Project, QuoteKind} from 'ts-morph'
import {sourceFileStructure} from '../../generator/targets/typescript/source-file.js'
import {defaultBody} from '../../generator/config/defaults.js'
import type {BodyOptions, Catalog, TypeScriptStyle} from '../../generator/types.js'

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
