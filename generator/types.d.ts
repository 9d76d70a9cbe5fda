/** errgen's shared types: the rows validate reads from a document, and the readonly Catalog that is the only thing the emitters see. */
import type {Position} from 'unist'
import type {VFile} from 'vfile'

/** The columns errgen reads from an error table. */
export type Column = 'status' | 'code' | 'message' | 'resolve' | 'name'

/** One table row as written in the document, its cells' text as CommonMark renders it. */
export interface Row {
  /** The document the row comes from (messages about the row go to it). */
  readonly file: VFile
  readonly status: number
  readonly code: number
  readonly message: string
  readonly resolve: string
  /** The Name cell, when the table has a Name column and the cell is not empty. */
  readonly name: string | undefined
  /** Where each cell's text stands in the document. */
  readonly places: Readonly<Record<'row' | Column, Position>>
}

/** A code cell that reads as a code, whether or not the rest of its row is valid: duplicates are found among these. */
export interface CodeCell {
  readonly file: VFile
  readonly code: number
  readonly place: Position
}

/** What validate reads from one document. */
export interface ReadDocument {
  /** The rows whose every cell is valid. */
  readonly rows: readonly Row[]
  /** Every code cell that reads as a code, in document order. */
  readonly codes: readonly CodeCell[]
}

/** One documented error. */
export interface CatalogEntry {
  /** The numeric error code (a positive safe integer). */
  readonly code: number
  /** A TypeScript identifier, unique in the catalog: from the Name column, or derived from the message. */
  readonly name: string
  /** The HTTP status sent with this error. */
  readonly status: number
  readonly message: string
  readonly resolve: string
}

/** One HTTP status used by the catalog, with its identifier (`BadRequest`) and standard reason phrase. */
export interface StatusEntry {
  readonly code: number
  readonly name: string
  /** The standard reason phrase (`Bad Request`), or undefined for a status without one. */
  readonly phrase: string | undefined
}

/** The contract between the stages: every documented error, sorted by code. */
export interface Catalog {
  /** The documents the catalog was read from, as POSIX paths relative to the working directory. */
  readonly sources: readonly string[]
  /** Entries sorted by code. */
  readonly entries: readonly CatalogEntry[]
  /** The statuses the entries use, sorted by code. */
  readonly statuses: readonly StatusEntry[]
}

/** What the emitters need besides the catalog. */
export interface EmitOptions {
  /** The base of the output file names (`error-codes`). */
  readonly baseName: string
  /** OpenAPI `info.title`. */
  readonly title: string
  /** OpenAPI `info.version`. */
  readonly version: string
}

/** A generated file: its name inside the output directory and its full text. */
export interface OutputFile {
  readonly name: string
  readonly text: string
}
