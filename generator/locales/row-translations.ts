/** locales/row-translations: a table's header and one body row in, the row's translations out — each locale's message and resolve cells (from `Message (fr)`, `Resolve (fr)`), their parameters, and a located error for a header's tag that is no locale tag. */
import type {TableCell, TableRow} from 'mdast'
import type {Position} from 'unist'
import type {VFile} from 'vfile'
import {contentPlace, error} from '../diagnostics/messages.js'
import {readParams, type TemplateCell} from '../params/cells.js'
import {cellText, isBlank} from '../tables/cells/text.js'
import type {HeaderCell, ParamSyntax, RowTranslation} from '../types.js'

/** Where a locale's translations stand in a table: the index of its Message and Resolve columns. */
export interface LocaleColumns {
  readonly tag: string
  readonly message: number | undefined
  readonly resolve: number | undefined
}

/** The columns of translations of a header, by locale in the order they first appear; tags that are not valid are left out. */
export function localeColumns(header: ReadonlyArray<HeaderCell>): Array<LocaleColumns> {
  const byTag = new Map<string, {message: number | undefined, resolve: number | undefined}>()
  header.forEach((cell, index) => {
    if (!cell.locale || cell.locale.invalid !== undefined) return
    const columns = byTag.get(cell.locale.tag) ?? {message: undefined, resolve: undefined}
    columns[cell.locale.column] ??= index
    byTag.set(cell.locale.tag, columns)
  })
  return [...byTag].map(([tag, columns]) => ({tag, ...columns}))
}

/**
 * A row's translation in each locale of its table: an empty Message cell is a missing translation (the catalog
 * counts them), an empty Resolve cell one that falls back to the default locale's.
 */
export function readTranslations(row: TableRow, locales: ReadonlyArray<LocaleColumns>, syntaxes: ReadonlyArray<ParamSyntax> | undefined, code: string, file: VFile): Array<RowTranslation> {
  const place = row.position
  if (!place) return []
  return locales.map((locale) => {
    const message = translatedCell(row.children, locale.message, 'Message', place)
    const resolve = translatedCell(row.children, locale.resolve, 'Resolve', place)
    const params = message ? readParams(message, resolve, syntaxes, code, file) : undefined
    return {locale: locale.tag, message: message?.text, resolve: resolve?.text, ...(params ? {params} : {}), place: message?.place ?? place}
  })
}

/** A translated cell that is not blank, as the parameters are read from it. */
function translatedCell(cells: ReadonlyArray<TableCell>, index: number | undefined, label: TemplateCell['label'], fallback: Position): {node: TableCell, text: string, place: Position, label: TemplateCell['label']} | undefined {
  const node = index === undefined ? undefined : cells[index]
  if (!node) return undefined
  const text = cellText(node)
  return isBlank(text) ? undefined : {node, text, place: contentPlace(node) ?? fallback, label}
}

/** An error at each header cell whose tag is no locale tag (`Message (de_DE)`): its column is not read. */
export function reportInvalidLocales(headerRow: TableRow, header: ReadonlyArray<HeaderCell>, file: VFile): void {
  header.forEach((cell, index) => {
    if (cell.locale?.invalid === undefined) return
    const node = headerRow.children[index]
    const reason = 'Unexpected locale tag `' + cell.locale.tag + '` in header `' + cell.text + '`, expected ' + cell.locale.invalid + '; the column is not read'
    error(file, reason, node && contentPlace(node), 'invalid-locale')
  })
}
