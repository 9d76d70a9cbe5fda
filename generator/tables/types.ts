/** tables/types: the rows, code cells and tables validate reads from a document, before the catalog reads them. */
import type {Position} from 'unist'
import type {VFile} from 'vfile'
import type {Column, EntryDocs, EntryTemplates, MessageParam} from '../types.js'

/** One table row as written in the document, its cells' text as CommonMark renders it. */
export interface Row {
  /** The document the row comes from (messages about the row go to it). */
  readonly file: VFile
  /** The code cell; the catalog decides the codes' kind and values. */
  readonly code: CodeCell
  /** The HTTP status; undefined when the table has no HTTP column. */
  readonly status: number | undefined
  readonly message: string
  /** The resolve text; undefined when the table has no Resolve column. */
  readonly resolve: string | undefined
  /** The Name cell, when the table has a Name column and the cell is not empty. */
  readonly name: string | undefined
  /** The message and resolve text for documentation, when they hold links: each written `[text](url)`. */
  readonly docs?: EntryDocs | undefined
  /** The text of the heading above the table. */
  readonly group: string | undefined
  /** Set when the message is struck through or the Deprecated cell says so. */
  readonly deprecated: RowDeprecation | undefined
  /** The parameters of the message and resolve text and their templates; undefined when they have none. */
  readonly params?: {readonly params: readonly MessageParam[], readonly templates: EntryTemplates} | undefined
  /** Where each cell's text stands in the document. */
  readonly places: Readonly<Record<'row' | Column, Position>>
  /** The row's translations, from the columns tagged with a locale (`Message (fr)`); undefined when the table has none. */
  readonly translations?: readonly RowTranslation[] | undefined
}

/** A row's message (and resolve text) in one locale, as a tagged column or a locale's document gives it. */
export interface RowTranslation {
  readonly locale: string
  /** Undefined when the cell is empty: the translation is missing. */
  readonly message: string | undefined
  readonly resolve: string | undefined
  /** The parameters of the translated texts and their templates; undefined when they have none. */
  readonly params?: {readonly params: readonly MessageParam[], readonly templates: EntryTemplates} | undefined
  /** Where the translated message stands. */
  readonly place: Position
}

/** A deprecation as written: the code that replaces the entry, if the Deprecated cell or the Resolve text names one. */
export interface RowDeprecation {
  /** The replacement's code as written. */
  readonly replacement: string | undefined
  /** Whether the Deprecated cell names it (it must then exist), rather than the Resolve text (`use 1234`). */
  readonly explicit: boolean
}

/** A code cell as written, before the catalog reads it as an integer or a string. */
export interface CodeCell {
  readonly file: VFile
  readonly text: string
  readonly place: Position
}

/** An error table that was read: where it is, the heading above it, and the column each header cell names. */
export interface TableInfo {
  readonly file: VFile
  readonly place: Position
  readonly heading: string | undefined
  readonly header: readonly HeaderCell[]
  readonly columns: ReadonlySet<Column>
}

/** One header cell: its text and the column it names (undefined when errgen does not read it). */
export interface HeaderCell {
  readonly text: string
  readonly column: Column | undefined
  /** Whether the column is inferred: from a description-like header (`Description` as the message), or by its content. */
  readonly inferred: boolean
  /**
   * Set when what the cells hold decided the column, with why: read as `column` by its content (no header names it),
   * or, with no column, a named column not read because its cells are not what its name says (`Status` of payment states).
   */
  readonly content?: {readonly why: string, readonly named?: Column | undefined} | undefined
  /** Whether the configuration's `columns` names the header: every row must then fill its cell. */
  readonly configured?: boolean | undefined
  /** Set for a column of translations (`Message (fr)`): what it translates, and the locale as written. */
  readonly locale?: HeaderLocale | undefined
}

/** A header cell's locale tag: the column it translates, the tag (canonical), and whether the tag is valid. */
export interface HeaderLocale {
  readonly column: 'message' | 'resolve'
  readonly tag: string
  /** Why the tag is not a locale tag, when it is not (`de_DE`); the column is then not read. */
  readonly invalid?: string | undefined
}

/** What validate reads from one document. */
export interface ReadDocument {
  /** The rows whose every cell is valid. */
  readonly rows: readonly Row[]
  /** Every non-empty code cell, valid row or not, in document order: duplicates are found among these. */
  readonly codes: readonly CodeCell[]
  /** The error tables read. */
  readonly tables: readonly TableInfo[]
}
