/** targets/ts-morph: nothing in, the ts-morph values errgen's TypeScript output is printed and read with out — ts-morph loaded with `require`, not `import`. */
import {createRequire} from 'node:module'
import type * as TsMorph from 'ts-morph'

/**
 * ts-morph is CommonJS. Imported, Node 20's module loader scans it, and through it @ts-morph/common and TypeScript
 * (13 MB of source), for their named exports: about 0.13 s of a run that `require` does not spend (the same module,
 * without the scan). Every module of errgen takes ts-morph from here.
 */
const tsMorph = createRequire(import.meta.url)('ts-morph') as typeof TsMorph

export const {CodeBlockWriter, ModuleDeclarationKind, printStructure, StructureKind, ts} = tsMorph

/** The writer's type, beside its class. */
export type CodeBlockWriter = TsMorph.CodeBlockWriter
