import type { KdTree3 } from './kd-tree-3d.ts'

/**
 * Per-node aggregates of a static kd-tree (kd-tree-3d.ts), built once per import. Every range of the
 * implicit tree, internal node or leaf, is named by its median slot `(left + right) >> 1`: no two ranges
 * share one (an internal node's median belongs to neither child, and leaves do not overlap).
 */
export type AgregatsKd = Readonly<{
  /** Bounding box of the points of each range, by range id: min x, y, z then max x, y, z (stride 6). */
  boites: Float64Array
  /** Sum of `poids` over the points of each range, by range id. */
  sommes: Float64Array
}>

/**
 * Bounding boxes and sums of `poidsSlot` (by slot) of every range of `tree`.
 * @throws Error when `poidsSlot` does not have one value per slot.
 */
export function buildAgregatsKd(tree: KdTree3, poidsSlot: Float64Array): AgregatsKd {
  if (poidsSlot.length !== tree.size) throw new Error(`buildAgregatsKd: expected ${tree.size} weights, got ${poidsSlot.length}`)
  const boites = new Float64Array(6 * tree.size)
  const sommes = new Float64Array(tree.size)
  if (tree.size > 0) agreger(tree, poidsSlot, boites, sommes, 0, tree.size - 1)
  return { boites, sommes }
}

function agreger(tree: KdTree3, poids: Float64Array, boites: Float64Array, sommes: Float64Array, left: number, right: number): void {
  const id = (left + right) >> 1
  const c = tree.coords
  const b = 6 * id
  boites.fill(Infinity, b, b + 3)
  boites.fill(-Infinity, b + 3, b + 6)
  let somme = 0
  const inclure = (s: number) => {
    for (let a = 0; a < 3; a++) {
      const v = c[3 * s + a]!
      if (v < boites[b + a]!) boites[b + a] = v
      if (v > boites[b + 3 + a]!) boites[b + 3 + a] = v
    }
    somme += poids[s]!
  }
  if (right - left <= tree.nodeSize) {
    for (let s = left; s <= right; s++) inclure(s)
  } else {
    inclure(id)
    for (const [l, r] of [[left, id - 1], [id + 1, right]] as const) {
      agreger(tree, poids, boites, sommes, l, r)
      const e = (l + r) >> 1
      for (let a = 0; a < 3; a++) {
        if (boites[6 * e + a]! < boites[b + a]!) boites[b + a] = boites[6 * e + a]!
        if (boites[6 * e + 3 + a]! > boites[b + 3 + a]!) boites[b + 3 + a] = boites[6 * e + 3 + a]!
      }
      somme += sommes[e]!
    }
  }
  sommes[id] = somme
}
