/** cache: markdown texts (a document, or a slice of one) in, the encoded trees parsed for them in the last run out — so that a run after a one-cell edit parses one slice again; keeps only the texts of the last run. A session's cache can also hand out each slice's one tree, placed where the last join put it. */
import type {Root} from 'mdast'
import {fresh, type Placed} from './join.js'
import {decodeTree, type EncodedTree} from './messages.js'

/** How a cache is used. */
export interface ParseCacheOptions {
  /**
   * Hand out the same tree of a slice to every run while its text is unchanged (`placed`), rather than a copy each
   * time: for a caller whose runs read the joined trees and change nothing in them (the command's `--watch`), so that
   * a save neither decodes nor holds anew the trees of the slices it did not change. A processor whose plugins may
   * change the tree (the remark plugin) gets copies.
   */
  readonly share?: boolean | undefined
}

/**
 * The trees of the texts parsed in the last run, keyed by text (a slice taking labels as defined: by `requestKey`),
 * each kept encoded (a tree's joining moves and re-parents its nodes, so every use gets a copy of its own), or, when
 * shared, decoded once and placed. A run starts
 * with `begin()`: what it does not use again is dropped when the next run begins, so a long `--watch` session holds
 * the trees of one run, never more.
 */
export class ParseCache {
  /** The texts of the last run. */
  #last = new Map<string, EncodedTree>()
  /** The texts of this run, so far. */
  #current = new Map<string, EncodedTree>()
  /** With `share`: the slices' trees of the last run and of this one, decoded. */
  #lastPlaced = new Map<string, Placed>()
  #currentPlaced = new Map<string, Placed>()
  /** The texts whose shared tree this run was given: a text met twice in a run gets a tree of its own the second time. */
  #given = new Set<string>()
  /** Whether a slice's tree is handed out shared. */
  readonly shares: boolean

  constructor(options: ParseCacheOptions = {}) {
    this.shares = options.share ?? false
  }

  /** Start a run: the texts of the run before it are kept only as far as this run uses them. */
  begin(): void {
    if (this.#current.size > 0 || this.#currentPlaced.size > 0) {
      this.#last = this.#current
      this.#lastPlaced = this.#currentPlaced
    }
    this.#current = new Map()
    this.#currentPlaced = new Map()
    this.#given = new Set()
  }

  /** Whether it holds the tree of this text. */
  has(text: string): boolean {
    return this.#current.has(text) || this.#last.has(text) || this.#currentPlaced.has(text) || this.#lastPlaced.has(text)
  }

  /** A copy of the tree parsed for this text, in the last run or this one; undefined when it was not parsed (or, shared, is only placed). */
  tree(text: string): Root | undefined {
    const encoded = this.#current.get(text) ?? this.#last.get(text)
    if (!encoded) return undefined
    this.#current.set(text, encoded)
    return decodeTree(encoded)
  }

  /**
   * With `share`: the one tree of a slice's text, placed where the last join put it; decoded the first time it is
   * asked for (its encoding then dropped). Undefined when the text was not parsed, or its tree was already given in
   * this run (a copy is then parsed for it).
   */
  placed(text: string): Placed | undefined {
    if (!this.shares || this.#given.has(text)) return undefined
    let placed = this.#currentPlaced.get(text) ?? this.#lastPlaced.get(text)
    if (!placed) {
      const encoded = this.#current.get(text) ?? this.#last.get(text)
      if (!encoded) return undefined
      placed = fresh(decodeTree(encoded))
      this.#current.delete(text)
      this.#last.delete(text)
    }
    this.#currentPlaced.set(text, placed)
    this.#given.add(text)
    return placed
  }

  /** Keep the tree parsed for a text (its encoding, which is not used elsewhere) for this run and the next. */
  keep(text: string, encoded: EncodedTree): void {
    this.#current.set(text, encoded)
  }

  /** How many texts it holds: those of the last run and of this one so far. */
  get size(): number {
    return new Set([...this.#last.keys(), ...this.#current.keys(), ...this.#lastPlaced.keys(), ...this.#currentPlaced.keys()]).size
  }
}
