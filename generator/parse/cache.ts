/** cache: markdown texts (a document, or a slice of one) in, the encoded trees parsed for them in the last run out — so that a run after a one-cell edit parses one slice again; keeps only the texts of the last run. */
import type {Root} from 'mdast'
import {decodeTree, type EncodedTree} from './tree-codec.js'

/**
 * The trees of the texts parsed in the last run, keyed by text, each kept encoded (a tree's joining moves and
 * re-parents its nodes, so every use gets a copy of its own). A run starts with `begin()`: what it does not use again
 * is dropped when the next run begins, so a long `--watch` session holds the trees of one run, never more.
 */
export class ParseCache {
  /** The texts of the last run. */
  #last = new Map<string, EncodedTree>()
  /** The texts of this run, so far. */
  #current = new Map<string, EncodedTree>()

  /** Start a run: the texts of the run before it are kept only as far as this run uses them. */
  begin(): void {
    this.#last = this.#current.size > 0 ? this.#current : this.#last
    this.#current = new Map()
  }

  /** Whether it holds the tree of this text. */
  has(text: string): boolean {
    return this.#current.has(text) || this.#last.has(text)
  }

  /** A copy of the tree parsed for this text, in the last run or this one; undefined when it was not parsed. */
  tree(text: string): Root | undefined {
    const encoded = this.#current.get(text) ?? this.#last.get(text)
    if (!encoded) return undefined
    this.#current.set(text, encoded)
    return decodeTree(encoded)
  }

  /** Keep the tree parsed for a text (its encoding, which is not used elsewhere) for this run and the next. */
  keep(text: string, encoded: EncodedTree): void {
    this.#current.set(text, encoded)
  }

  /** How many texts it holds: those of the last run and of this one so far. */
  get size(): number {
    return new Set([...this.#last.keys(), ...this.#current.keys()]).size
  }
}
