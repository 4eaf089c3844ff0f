import type { KdTree3 } from './kd-tree-3d.ts'

/**
 * The ranges of a static kd-tree (kd-tree-3d.ts) as nodes in depth-first preorder, each with the bounding box of
 * its points and the sum of a weight over them, built once per import. A node's children follow it, so a walk
 * needs no stack: it steps to `p + 1` to open node p, and jumps to `saut[p]`, the first node after p's subtree,
 * to prune or settle it (skip pointers, as in Smits, « Efficiency issues for ray tracing », JGT 1998). Memory is
 * read forward and the nodes are packed: one per range, not one per slot.
 */
export type AgregatsKd = Readonly<{
  /** Number of nodes (ranges of the tree, internal and leaves). */
  n: number
  /** Bounding box of each node's points: min x, y, z then max x, y, z (stride 6). */
  boites: Float64Array
  /** Sum of the weights of each node's points. */
  sommes: Float64Array
  /** The node after each node's subtree (n after the last one). */
  saut: Int32Array
  /** Parent node of each node, -1 for the root. */
  parent: Int32Array
  /** First and last slot of each node's range of the tree. */
  debut: Int32Array
  fin: Int32Array
  /** Slot of an internal node's own point (the median of its range, in neither child); -1 for a leaf. */
  median: Int32Array
}>

/**
 * Nodes, bounding boxes and sums of `poidsSlot` (by slot) of every range of `tree`.
 * @throws Error when `poidsSlot` does not have one value per slot.
 */
export function buildAgregatsKd(tree: KdTree3, poidsSlot: Float64Array): AgregatsKd {
  if (poidsSlot.length !== tree.size) throw new Error(`buildAgregatsKd: expected ${tree.size} weights, got ${poidsSlot.length}`)
  // Every node holds at least one slot of its own (a leaf its range, an internal node its median).
  const cap = tree.size
  const a = {
    n: 0,
    boites: new Float64Array(6 * cap),
    sommes: new Float64Array(cap),
    saut: new Int32Array(cap),
    parent: new Int32Array(cap),
    debut: new Int32Array(cap),
    fin: new Int32Array(cap),
    median: new Int32Array(cap),
  }
  if (tree.size > 0) visiter(tree, poidsSlot, a, 0, tree.size - 1, -1)
  const n = a.n
  return {
    n,
    boites: a.boites.slice(0, 6 * n),
    sommes: a.sommes.slice(0, n),
    saut: a.saut.slice(0, n),
    parent: a.parent.slice(0, n),
    debut: a.debut.slice(0, n),
    fin: a.fin.slice(0, n),
    median: a.median.slice(0, n),
  }
}

type Construction = { n: number } & Omit<AgregatsKd, 'n'>

function visiter(tree: KdTree3, poids: Float64Array, a: Construction, left: number, right: number, parent: number): void {
  const p = a.n++
  const boites = a.boites
  const c = tree.coords
  const b = 6 * p
  a.parent[p] = parent
  a.debut[p] = left
  a.fin[p] = right
  boites.fill(Infinity, b, b + 3)
  boites.fill(-Infinity, b + 3, b + 6)
  let somme = 0
  const inclure = (s: number) => {
    for (let x = 0; x < 3; x++) {
      const v = c[3 * s + x]!
      if (v < boites[b + x]!) boites[b + x] = v
      if (v > boites[b + 3 + x]!) boites[b + 3 + x] = v
    }
    somme += poids[s]!
  }
  if (right - left <= tree.nodeSize) {
    a.median[p] = -1
    for (let s = left; s <= right; s++) inclure(s)
  } else {
    const id = (left + right) >> 1
    a.median[p] = id
    inclure(id)
    for (const [l, r] of [[left, id - 1], [id + 1, right]] as const) {
      const enfant = a.n
      visiter(tree, poids, a, l, r, p)
      for (let x = 0; x < 3; x++) {
        if (boites[6 * enfant + x]! < boites[b + x]!) boites[b + x] = boites[6 * enfant + x]!
        if (boites[6 * enfant + 3 + x]! > boites[b + 3 + x]!) boites[b + 3 + x] = boites[6 * enfant + 3 + x]!
      }
      somme += a.sommes[enfant]!
    }
  }
  a.sommes[p] = somme
  a.saut[p] = a.n
}
