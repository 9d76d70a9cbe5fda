/** targets/ts-morph: nothing in, the parts of ts-morph the TypeScript module's emitter prints with out — required as the CommonJS package it is, without the scan of its source for named exports an ES import makes (about 0.15 s of CPU). */
import {createRequire} from 'node:module'

const tsMorph = createRequire(import.meta.url)('ts-morph') as typeof import('ts-morph')

export const {CodeBlockWriter, ModuleDeclarationKind, printStructure, StructureKind} = tsMorph
/** The writer ts-morph prints into, as a type. */
export type CodeBlockWriter = import('ts-morph').CodeBlockWriter
