/** emit/cache: a catalog's entries and the settings that shape a target's text of them in, the text each target wrote for each entry in the last run out — so that a run after a one-cell edit writes one entry's parts again; keeps only what the last run used; and the values an output written entry by entry makes as it writes them. */
import type {CatalogEntry} from '../types.js'
import {ByteChunks} from './encoded.js'
import {sameContent} from './same-content.js'

/**
 * The text fragments the emitters wrote for each entry, by target part and the settings that shaped them, keyed by
 * the entry's content (every field the emitters read: all but where it is written). A run starts with `begin()`:
 * what it does not use again is dropped when the next run begins, so that a long `--watch` session holds the
 * fragments of one run, never more. Only a session that asks for it has one: a single run pays nothing for it.
 */
export class EmitCache {
  /** The fragments kept, by part and settings, then by entry key, each with the last run that used it. */
  readonly #scopes = new Map<string, Map<string, Slot>>()
  /** The values kept (`value`), likewise. */
  readonly #values = new Map<string, Map<string, ValueSlot>>()
  /** This run's number, and whether it asked for any fragments. */
  #run = 0
  #asked = false
  /**
   * Each code's entry and key, kept across runs (a slot the run that just ended did not key is dropped when the next
   * begins): an entry is found by its code, then by identity, and a slot is updated in place, so that a run whose
   * catalog reuses the last run's entries (a `--watch` save) keys them without filling any map.
   */
  readonly #entries = new Map<number | string, KeyedEntry>()
  /** The lists of the last run and of this one (`listKey`), by name, and how many keys lists were given. */
  #lastLists = new Map<string, KeyedList>()
  #currentLists = new Map<string, KeyedList>()
  #listKeys = 0
  /** The size of each target's output in bytes, as the last run that wrote it took them (`sink`). */
  #sizes = new Map<string, number>()

  /** Start a run: the fragments of the run before it are kept only as far as this run uses them. */
  begin(): void {
    if (this.#asked) {
      this.#dropUnused()
      this.#lastLists = this.#currentLists
    }
    this.#run++
    this.#asked = false
    this.#currentLists = new Map()
  }

  /** Drop the fragments the run that just ended did not use. */
  #dropUnused(): void {
    // With forEach, which makes no [key, value] pair per slot as a for-of would (some 100,000 a save at 5,000 entries).
    this.#entries.forEach((slot, code) => slot.run !== this.#run && this.#entries.delete(code))
    for (const scopes of [this.#scopes, this.#values] as Array<Map<string, Map<string, {run: number}>>>) {
      scopes.forEach((slots, scope) => {
        slots.forEach((slot, key) => slot.run !== this.#run && slots.delete(key))
        if (slots.size === 0) scopes.delete(scope)
      })
    }
  }

  /**
   * A value made of one entry's part (read from its text, say), kept like the fragments: the value of the last run
   * or this one for this key, or the one `make` gives, kept. The value is shared: it must not be changed.
   *
   * @param scope the part and every setting the value depends on, written out
   */
  value<T>(scope: string, key: string, make: () => T): T {
    const slots = this.#slotsOf(this.#values, scope)
    const slot = slots.get(key)
    if (slot !== undefined) {
      slot.run = this.#run
      return slot.value as T
    }
    const value = make()
    slots.set(key, {value, run: this.#run})
    return value
  }

  /**
   * The fragments of one part of a target's output written with these settings: those of the last run as far as
   * this run asks for them, and those written in this run.
   *
   * @param part the target and the part (`openapi/schemas`)
   * @param settings every setting and catalog-wide fact the part's text of an entry depends on, written out
   */
  fragments(part: string, settings: string): Fragments {
    return new Fragments(this.#slotsOf(this.#scopes, part + '\0' + settings), this.#run)
  }

  /** The slots of one scope, made when this run asks for it first. */
  #slotsOf<S>(scopes: Map<string, Map<string, S>>, scope: string): Map<string, S> {
    this.#asked = true
    let slots = scopes.get(scope)
    if (!slots) {
      slots = new Map()
      scopes.set(scope, slots)
    }
    return slots
  }

  /**
   * The fragments of one part of an entry at one indentation, for `Kept` values.
   *
   * @param part the target and the part (`openapi/schema`)
   */
  kept(part: string, settings: string): (indent: string) => Fragments {
    const byIndent = new Map<string, Fragments>()
    return (indent) => {
      let fragments = byIndent.get(indent)
      if (!fragments) {
        fragments = this.fragments(part + '\0' + indent, settings)
        byIndent.set(indent, fragments)
      }
      return fragments
    }
  }

  /**
   * Where a target writes its output's bytes: one buffer as large as its last run's bytes and a little more, rather
   * than a small one doubled as it fills. Every buffer counts as memory outside V8's heap, and a session's saves that
   * allocate some tens of megabytes of it each make V8 mark the whole heap again at every save (a run after a
   * one-cell edit writes about as many bytes as the last).
   *
   * @param target the target's key (`openapi`)
   */
  sink(target: string): ByteChunks {
    const last = this.#sizes.get(target)
    const capacity = last === undefined ? undefined : last + (last >> 6) + 4096
    return new ByteChunks(capacity, (size) => this.#sizes.set(target, size))
  }

  /** The key of an entry's content: everything the emitters read of it (its place in the document is not read). */
  keyOf(entry: CatalogEntry): string {
    const slot = this.#entries.get(entry.code)
    if (slot === undefined) {
      const key = writtenKey(entry)
      this.#entries.set(entry.code, {entry, key, run: this.#run})
      return key
    }
    if (slot.entry !== entry) {
      if (!sameContent(slot.entry, entry)) slot.key = writtenKey(entry)
      slot.entry = entry
    }
    slot.run = this.#run
    return slot.key
  }

  /**
   * The key of a value made of one item per entry (a list of every code's name): the last run's key of the list of
   * this name when it had as many entries and each gives the same item (the same entry's key, or an equal item),
   * else a key no list had before — found without writing the list out.
   *
   * @param name which list (`openapi/ErrorCode/varnames`): the same name, the same `item`
   * @param item what the list holds of an entry: a string or a number
   */
  listKey(name: string, entries: ReadonlyArray<CatalogEntry>, item: (entry: CatalogEntry) => string | number): string {
    const last = this.#lastLists.get(name)
    const key = last !== undefined && this.#sameItems(last.entries, entries, item) ? last.key : 'list\0' + ++this.#listKeys
    this.#currentLists.set(name, {entries, key})
    return key
  }

  /** Whether two lists of entries give the same items, in order. */
  #sameItems(last: ReadonlyArray<CatalogEntry>, entries: ReadonlyArray<CatalogEntry>, item: (entry: CatalogEntry) => string | number): boolean {
    if (last.length !== entries.length) return false
    for (let index = 0; index < entries.length; index++) {
      const before = last[index] as CatalogEntry
      const now = entries[index] as CatalogEntry
      if (before === now) continue
      if (sameContent(before, now)) continue
      if (item(before) !== item(now)) return false
    }
    return true
  }
}

/** An entry's content written out: every field but `source`. */
function writtenKey(entry: CatalogEntry): string {
  const {source: _source, ...content} = entry
  return JSON.stringify(content)
}

/** A list a run keyed (`listKey`): the entries it was made of, and its key. */
interface KeyedList {
  readonly entries: ReadonlyArray<CatalogEntry>
  readonly key: string
}

/** A code's entry as a run last keyed it, its key, and that run. */
interface KeyedEntry {
  entry: CatalogEntry
  key: string
  run: number
}

/** A fragment kept, and the last run that used it. */
interface Slot {
  text: string
  run: number
}

/** A value kept, and the last run that used it. */
interface ValueSlot {
  readonly value: unknown
  run: number
}

/**
 * The fragments of one part and settings: a lookup that marks a fragment of the last run as used by this one. A
 * fragment is found by its kind (which part of the entry, at which indentation) and then by the entry's key, the
 * same string for every kind, so that the long key is hashed once a run.
 */
export class Fragments {
  readonly #slots: Map<string, Slot>
  readonly #run: number

  constructor(slots: Map<string, Slot>, run: number) {
    this.#slots = slots
    this.#run = run
  }

  /** The fragment written for this key, in the last run or this one; undefined when none was. */
  get(key: string): string | undefined {
    const slot = this.#slots.get(key)
    if (slot === undefined) return undefined
    slot.run = this.#run
    return slot.text
  }

  /** Keep the fragment written for this key, for this run and the next (flattened: it is copied into every output after this one). */
  set(key: string, text: string): void {
    const slot = this.#slots.get(key)
    if (slot === undefined) {
      this.#slots.set(key, {text: flattened(text), run: this.#run})
      return
    }
    slot.text = flattened(text)
    slot.run = this.#run
  }

  /** The fragment for this key: the one kept, or the one `write` gives, kept. */
  through(key: string, write: () => string): string {
    const found = this.get(key)
    if (found !== undefined) return found
    const text = write()
    this.set(key, text)
    return text
  }
}

/**
 * A map's value whose text a session keeps: written once at the indentation it is met at (with its key, as the
 * output writes a member), then taken from the fragments while what it was made from is the same.
 */
export class Kept {
  /** The key of the entry the value is made from (`EmitCache.keyOf`). */
  readonly key: string
  /** The value, made only when its text is not kept. */
  readonly make: () => unknown
  /** The fragments of the value's part at an indentation. */
  readonly fragments: (indent: string) => Pick<Fragments, 'through'>

  constructor(key: string, make: () => unknown, fragments: (indent: string) => Pick<Fragments, 'through'>) {
    this.key = key
    this.make = make
    this.fragments = fragments
  }

  /** The member's text at this indentation: the text kept, or the one `write` gives the value, kept. */
  text(indent: string, write: (value: unknown) => string): string {
    return this.fragments(indent).through(this.key, () => write(this.make()))
  }
}

/**
 * The text, flattened in place. A string built with `+` is held by V8 as a tree of its parts, which every join that
 * copies it walks again; a conversion to a number flattens it once (its value, never used, is NaN or a number).
 */
function flattened(text: string): string {
  void Number(text)
  return text
}

/** Fragments that keep nothing: each is written when asked for, then dropped. */
const unkept: Pick<Fragments, 'through'> = {through: (_key, write) => write()}

/**
 * A value made only when it is written, and dropped then: an output written entry by entry puts one in place of each
 * entry's part, so that a run never holds every entry's parts at once. Being a `Kept` value that nothing keeps, it is
 * written as one wherever a writer does not make it itself.
 */
export class Later extends Kept {
  constructor(make: () => unknown) {
    super('', make, () => unkept)
  }
}
