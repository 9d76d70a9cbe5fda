/** targets/typescript/kept: the module's two statements of one line or more per entry (the `ErrorCode` enum, the catalog constant) and a session's fragments in, each written into a sink from its members' kept texts out — the text ts-morph prints for them — in place of a marker line of the printed module; or, without a session, printed a few hundred members at a time straight into a sink. */
import {CodeBlockWriter, printStructure, StructureKind} from '../ts-morph.js'
import type {EnumDeclarationStructure, WriterFunction} from 'ts-morph'
import type {EmitCache, Fragments} from '../../emit/cache.js'
import type {CatalogEntry} from '../../types.js'
import type {TextSink} from '../../emit/encoded.js'
import {type Member, writeEnumMember} from './syntax.js'

/** How the module is printed: the text of a statement is the same printed alone. */
export const printOptions = {indentNumberOfSpaces: 2, newLine: '\n'} as const

/**
 * Statements printed apart and spliced into the module: each stands there as a marker line (after a blank line, as
 * each of them starts) that no generated text can hold, as it has a NUL character, which every text escapes or drops.
 */
export class Splice {
  readonly #texts: Array<string | Written> = []

  /** A statement whose text is `text` (or what `text` writes), a whole number of lines: what the module's printing gets in its place. */
  add(text: string | Written): WriterFunction {
    const marker = markerOf(this.#texts.length)
    this.#texts.push(text)
    return (writer) => {
      writer.blankLineIfLastNot()
      writer.writeLine(marker)
    }
  }

  /** Write the printed module into `out`, each marker line replaced by its statement's text. */
  writeInto(printed: string, out: TextSink): void {
    const places = this.#texts.map((statement, index) => ({statement, index, at: printed.indexOf(markerOf(index) + '\n')}))
    for (const {index, at} of places) {
      const more = at < 0 ? -1 : printed.indexOf(markerOf(index) + '\n', at + 1)
      if (at < 0 || more >= 0) throw new Error('expected one marker of statement ' + index + ' in the printed module, found ' + (at < 0 ? 0 : 2))
    }
    let from = 0
    for (const {statement, index, at} of places.sort((a, b) => a.at - b.at)) {
      out.push(printed.slice(from, at))
      if (typeof statement === 'string') out.push(statement)
      else statement(out)
      from = at + markerOf(index).length + 1
    }
    out.push(printed.slice(from))
  }
}

/** A statement's text written into a sink, piece by piece. */
export type Written = (out: TextSink) => void

function markerOf(index: number): string {
  return '\u0000errgen statement ' + index
}

/**
 * An enum (`enum` style) as ts-morph prints it, each member's lines kept by the session (found or written now), then
 * written into the sink member by member: never joined into one string, which at thousands of members is a large
 * object V8 allocates, and the system gives fresh memory, at every save. It ends with a line break.
 *
 * @param count how many members
 * @param kept the fragments and the key that a member's lines are kept under (everything they are written from)
 * @param member a member, made only when its lines are not kept
 */
export function keptEnum(name: string, doc: string, count: number, kept: (index: number) => KeptAs, member: (index: number) => Member): Written {
  const [header, footer] = enumFrame(name, doc)
  const lines = new Array<string>(count)
  for (let index = 0; index < count; index++) {
    const last = index === count - 1
    const {fragments, key} = kept(index)
    lines[index] = fragments.through(key, () => membersText([member(index)], !last))
  }
  return (out) => {
    out.push(header)
    lines.forEach((line, index) => {
      if (index > 0) out.push('\n')
      out.push(line)
    })
    out.push(footer + '\n')
  }
}

/** Where a member's or an item's text is kept: the fragments and the key. */
export interface KeptAs {
  readonly fragments: Fragments
  readonly key: string
}

/**
 * An enum of the entries' codes (`enum` style), each member's lines kept by the entry's key (`EmitCache.keyOf`) under
 * `shaping` (the statuses' names and phrases), whether it is the last member and the name of the code that replaces it.
 *
 * @param member an entry's member, given each code's name (made only when its lines are not kept)
 */
export function keptCodes(
  name: string,
  doc: string,
  entries: ReadonlyArray<CatalogEntry>,
  shaping: string,
  cache: EmitCache,
  member: (entry: CatalogEntry, names: ReadonlyMap<number | string, string>) => Member
): Written {
  let names: Map<number | string, string> | undefined
  const namesOf = () => (names ??= new Map(entries.map((entry) => [entry.code, entry.name])))
  const byVariant = new Map<string, Fragments>()
  const fragmentsOf = (variant: string): Fragments => {
    let fragments = byVariant.get(variant)
    if (!fragments) {
      fragments = cache.fragments('typescript/enum\0' + variant, shaping)
      byVariant.set(variant, fragments)
    }
    return fragments
  }
  const kept = (index: number): KeptAs => {
    const entry = entries[index] as CatalogEntry
    const replacement = entry.deprecated?.replacement
    const variant = (index === entries.length - 1 ? 'last' : '') + (replacement === undefined ? '' : '\0' + (namesOf().get(replacement) ?? ''))
    return {fragments: fragmentsOf(variant), key: cache.keyOf(entry)}
  }
  return keptEnum(name, doc, entries.length, kept, (index) => member(entries[index] as CatalogEntry, namesOf()))
}

/** The text of an enum before its members and after them: the doc, `export enum Name {` and `}`. */
function enumFrame(name: string, doc: string): [string, string] {
  const printed = printStructure(enumStructure(name, doc, [{name: 'A', initializer: '0'}]), printOptions)
  const [header, footer] = printed.split('  A = 0')
  if (header === undefined || footer === undefined) throw new Error('expected an enum of one member, got ' + printed)
  return [header, footer]
}

/**
 * Members' lines, as ts-morph prints them in an enum: each one's doc comment and `Name = value`, indented, without the
 * last line break; every member but the last with its comma, and the last too when `comma` (`writeEnumMember`).
 */
function membersText(members: ReadonlyArray<Member>, comma: boolean): string {
  const writer = new CodeBlockWriter(printOptions)
  writer.setIndentationLevel(1)
  members.forEach((member, index) => {
    if (index > 0) writer.newLineIfLastNot()
    writeEnumMember(writer, member, comma || index < members.length - 1)
  })
  return writer.toString()
}

function enumStructure(name: string, doc: string | undefined, members: NonNullable<EnumDeclarationStructure['members']>): EnumDeclarationStructure {
  return {kind: StructureKind.Enum, name, isExported: true, ...(doc === undefined ? {} : {docs: [doc]}), members}
}

/**
 * A statement written one item at a time (the catalog constant), each item's lines kept by the session (found, or
 * written now by `writeItem` at the first level of indentation, as the statement writes them), then written into the
 * sink item by item, as `keptEnum` writes its members.
 *
 * @param header the lines before the items, ending with a line break
 * @param footer the lines after them
 * @param keyOf everything an item's lines are written from
 */
export function keptItems<T>(items: ReadonlyArray<T>, header: string, footer: string, keyOf: (item: T) => string, writeItem: (writer: CodeBlockWriter, item: T) => void, fragments: Fragments): Written {
  const lines = items.map((item) => fragments.through(keyOf(item), () => itemText(item, writeItem)))
  return (out) => {
    out.push(header)
    for (const line of lines) out.push(line)
    out.push(footer)
  }
}

function itemText<T>(item: T, writeItem: (writer: CodeBlockWriter, item: T) => void): string {
  const writer = new CodeBlockWriter(printOptions)
  writer.setIndentationLevel(1)
  writeItem(writer, item)
  return writer.toString()
}

/** How many members or items are printed at a time when nothing is kept: few enough to stay small, enough that printing each costs little. */
const batchSize = 256

/** An enum (`enum` style) written a batch of members at a time, as ts-morph prints the whole enum; `member(index)` makes each member when it is printed. */
export function writtenEnum(name: string, doc: string, count: number, member: (index: number) => Member): Written {
  return (out) => {
    const [header, footer] = enumFrame(name, doc)
    out.push(header)
    for (let start = 0; start < count; start += batchSize) {
      const members = Array.from({length: Math.min(batchSize, count - start)}, (_, offset) => member(start + offset))
      // Every member but the enum's last has its comma.
      out.push((start === 0 ? '' : '\n') + membersText(members, start + members.length < count))
    }
    out.push(footer + '\n')
  }
}

/** A statement written one item at a time (the catalog constant), a batch of items at a time, as `keptItems` writes it. */
export function writtenItems<T>(items: ReadonlyArray<T>, header: string, footer: string, writeItem: (writer: CodeBlockWriter, item: T) => void): Written {
  return (out) => {
    out.push(header)
    for (let start = 0; start < items.length; start += batchSize) {
      const writer = new CodeBlockWriter(printOptions)
      writer.setIndentationLevel(1)
      for (const item of items.slice(start, start + batchSize)) writeItem(writer, item)
      out.push(writer.toString())
    }
    out.push(footer)
  }
}
