/** targets/typescript/kept: the module's two statements of one line or more per entry (the `ErrorCode` enum, the catalog constant) and a session's fragments in, their text assembled from each member's kept text out — the text ts-morph prints for them — spliced into the printed module where a marker line stands. */
import {CodeBlockWriter, printStructure, StructureKind} from 'ts-morph'
import type {EnumDeclarationStructure, WriterFunction} from 'ts-morph'
import type {Fragments} from '../../emit/cache.js'
import {enumMembers, type Member} from './syntax.js'

/** How the module is printed: the text of a statement is the same printed alone. */
export const printOptions = {indentNumberOfSpaces: 2, newLine: '\n'} as const

/**
 * Statements printed apart and spliced into the module: each stands there as a marker line (after a blank line, as
 * each of them starts) that no generated text can hold, as it has a NUL character, which every text escapes or drops.
 */
export class Splice {
  readonly #texts: Array<string> = []

  /** A statement whose text is `text`, a whole number of lines: what the module's printing gets in its place. */
  add(text: string): WriterFunction {
    const marker = markerOf(this.#texts.length)
    this.#texts.push(text)
    return (writer) => {
      writer.blankLineIfLastNot()
      writer.writeLine(marker)
    }
  }

  /** The printed module with each marker line replaced by its statement's text. */
  apply(printed: string): string {
    let text = printed
    this.#texts.forEach((statement, index) => {
      const parts = text.split(markerOf(index) + '\n')
      if (parts.length !== 2) throw new Error('expected one marker of statement ' + index + ' in the printed module, found ' + (parts.length - 1))
      text = parts[0] + statement + parts[1]
    })
    return text
  }
}

function markerOf(index: number): string {
  return '\u0000errgen statement ' + index
}

/** An enum's text (`enum` style) as ts-morph prints it, each member's lines kept by the session; it ends with a line break. */
export function keptEnum(name: string, doc: string, members: readonly Member[], fragments: Fragments): string {
  const [header, footer] = enumFrame(name, doc)
  const structures = enumMembers(members)
  const lines = structures.map((structure, index) => {
    const member = members[index] as Member
    return fragments.through(JSON.stringify([member.name, member.value, member.doc, structure.trailingTrivia ?? '']), () => memberText(structure))
  })
  return header + lines.join('\n') + footer + '\n'
}

/** The text of an enum before its members and after them: the doc, `export enum Name {` and `}`. */
function enumFrame(name: string, doc: string): [string, string] {
  const printed = printStructure(enumStructure(name, doc, [{name: 'A', initializer: '0'}]), printOptions)
  const [header, footer] = printed.split('  A = 0')
  if (header === undefined || footer === undefined) throw new Error('expected an enum of one member, got ' + printed)
  return [header, footer]
}

/** A member's lines, as ts-morph prints them in an enum: its doc comment and `Name = value`, indented, without the last line break. */
function memberText(member: NonNullable<EnumDeclarationStructure['members']>[number]): string {
  const printed = printStructure(enumStructure('E', undefined, [member]), printOptions)
  const start = printed.indexOf('{\n') + 2
  const end = printed.lastIndexOf('\n}')
  return printed.slice(start, end)
}

function enumStructure(name: string, doc: string | undefined, members: NonNullable<EnumDeclarationStructure['members']>): EnumDeclarationStructure {
  return {kind: StructureKind.Enum, name, isExported: true, ...(doc === undefined ? {} : {docs: [doc]}), members}
}

/**
 * A statement written one item at a time (the catalog constant), each item's lines kept by the session: written by
 * `writeItem` at the first level of indentation, as the statement writes them.
 *
 * @param header the lines before the items, ending with a line break
 * @param footer the lines after them
 * @param keyOf everything an item's lines are written from
 */
export function keptItems<T>(items: ReadonlyArray<T>, header: string, footer: string, keyOf: (item: T) => string, writeItem: (writer: CodeBlockWriter, item: T) => void, fragments: Fragments): string {
  const lines = items.map((item) => fragments.through(keyOf(item), () => itemText(item, writeItem)))
  return header + lines.join('') + footer
}

function itemText<T>(item: T, writeItem: (writer: CodeBlockWriter, item: T) => void): string {
  const writer = new CodeBlockWriter(printOptions)
  writer.setIndentationLevel(1)
  writeItem(writer, item)
  return writer.toString()
}
