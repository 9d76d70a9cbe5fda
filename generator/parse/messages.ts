/** messages: what a parse worker is asked (a text, the part of it to scan, the labels it takes as defined) and what it answers (an mdast tree as a compact copy for postMessage: the tree's JSON without positions, and the positions as integers; decoding costs a fifth of a structured clone) — nothing here loads remark, so the thread that only sends them never does. */
import type {Root, RootContent} from 'mdast'
import type {Point} from 'unist'

/** A tree as a worker posts it. */
export interface EncodedTree {
  /** The tree's JSON, without positions. */
  skeleton: string
  /**
   * Per node in depth-first order: start line, column, offset, end line, column, offset (a line of 0 for a node
   * without position, NaN for a point without offset).
   */
  points: Float64Array
}

/** The numbers a node's position takes. */
const width = 6

/** Encode a tree; it is emptied of its positions, so it must not be used after. */
export function encodeTree(tree: Root): EncodedTree {
  const points: Array<number> = []
  eachNode(tree, (node) => {
    const place = node.position
    if (place) {
      points.push(place.start.line, place.start.column, place.start.offset ?? Number.NaN)
      points.push(place.end.line, place.end.column, place.end.offset ?? Number.NaN)
      node.position = undefined
    } else {
      points.push(0, 0, 0, 0, 0, 0)
    }
  })
  return {skeleton: JSON.stringify(tree), points: Float64Array.from(points)}
}

/** Rebuild a tree from its encoding. */
export function decodeTree(encoded: EncodedTree): Root {
  const {points} = encoded
  const tree: Root = JSON.parse(encoded.skeleton)
  let index = 0
  eachNode(tree, (node) => {
    if (points[index]) node.position = {start: pointAt(points, index), end: pointAt(points, index + width / 2)}
    index += width
  })
  return tree
}

function pointAt(points: Float64Array, index: number): Point {
  const line = points[index] ?? 0
  const column = points[index + 1] ?? 0
  const offset = points[index + 2] ?? Number.NaN
  return Number.isNaN(offset) ? {line, column} : {line, column, offset}
}

/** Call `visit` on every node, depth first, parents before children. */
function eachNode(node: Root | RootContent, visit: (node: Root | RootContent) => void): void {
  visit(node)
  if ('children' in node) for (const child of node.children) eachNode(child, visit)
}

/**
 * A text for a parse worker: a plain text, or a slice's text with the part of it that can hold the costly GFM
 * constructs (`Slice.scanned`) and the labels it takes as defined (`Slice.defined`).
 */
export type ParseRequest = string | {text: string, scanned?: string, defined?: ReadonlyArray<string>}

/** The request of a slice: its text, and (when they say more than the text alone) the part it scans and the labels it takes as defined. */
export function sliceRequest(slice: {text: string, scanned: string, defined: ReadonlyArray<string>}): ParseRequest {
  const {text, scanned, defined} = slice
  if (scanned === text && defined.length === 0) return text
  return {text, ...(scanned === text ? {} : {scanned}), ...(defined.length === 0 ? {} : {defined})}
}

/**
 * A request's key in a cache of trees (`ParseCache`): a plain text itself; with labels taken as defined, a key no text
 * is (a character U+0000 — which a text with no labels starting so gets too — then the labels' JSON, then the text).
 * How much of the text is scanned is left out: the tree is the same.
 */
export function requestKey(request: ParseRequest): string {
  const text = requestText(request)
  const defined = typeof request === 'string' ? [] : request.defined ?? []
  return defined.length === 0 && !text.startsWith('\u0000') ? text : '\u0000' + JSON.stringify(defined) + text
}

/** The text a request parses. */
export function requestText(request: ParseRequest): string {
  return typeof request === 'string' ? request : request.text
}
