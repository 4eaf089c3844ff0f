/**
 * Two kd-tree searches the what-if simulation needs and the coverage engine does not: the communes
 * an added lieu could become the nearest lieu of (a radius that varies per commune), and the nearest
 * lieu when some lieux are withdrawn. Both walk the implicit trees of kd-tree-3d.ts (a range
 * `[left, right]` longer than `nodeSize` has its median at `(left + right) >> 1`) and compare
 * squared chords exactly as the engine does, so ties and distances match a full recompute bit for bit.
 */
import type { KdTree3 } from './kd-tree-3d.ts'

const STACK_SIZE = 256
const stackLeft = new Int32Array(STACK_SIZE)
const stackRight = new Int32Array(STACK_SIZE)
const stackBound = new Float64Array(STACK_SIZE)

/**
 * Max of `valeurSlot` over each node's subtree, stored at the node's key slot `(left + right) >> 1`
 * (the median of an inner node, the middle slot of a leaf; keys never collide since leaves hold no median).
 */
export function buildMaxParNoeud(tree: KdTree3, valeurSlot: Float64Array): Float64Array {
  if (valeurSlot.length !== tree.size) throw new Error(`buildMaxParNoeud: expected ${tree.size} values, got ${valeurSlot.length}`)
  const max = new Float64Array(tree.size)
  const build = (left: number, right: number): number => {
    if (left > right) return -Infinity
    const m = (left + right) >> 1
    let v = -Infinity
    if (right - left <= tree.nodeSize) {
      for (let s = left; s <= right; s++) if (valeurSlot[s]! > v) v = valeurSlot[s]!
    } else {
      v = Math.max(valeurSlot[m]!, build(left, m - 1), build(m + 1, right))
    }
    max[m] = v
    return v
  }
  build(0, tree.size - 1)
  return max
}

/**
 * Writes every slot s with squared chord to (qx, qy, qz) ≤ `rayon2Slot[s]` (its own radius) into
 * `outSlots`/`outD2`; `maxParNoeud` comes from `buildMaxParNoeud(tree, rayon2Slot)`. With the squared
 * chord to each commune's nearest lieu as radius, these are the communes a new lieu at q may serve.
 * @returns the number of slots written (buffers must hold `tree.size` entries).
 */
export function slotsAPorteeVariable(
  tree: KdTree3,
  rayon2Slot: Float64Array,
  maxParNoeud: Float64Array,
  qx: number,
  qy: number,
  qz: number,
  outSlots: Int32Array,
  outD2: Float64Array,
): number {
  const { coords: c, axes, nodeSize } = tree
  if (tree.size === 0) return 0
  let count = 0
  const consider = (s: number): void => {
    const dx = c[3 * s]! - qx
    const dy = c[3 * s + 1]! - qy
    const dz = c[3 * s + 2]! - qz
    const d2 = dx * dx + dy * dy + dz * dz
    if (d2 <= rayon2Slot[s]!) {
      outSlots[count] = s
      outD2[count++] = d2
    }
  }
  let sp = 1
  stackLeft[0] = 0
  stackRight[0] = tree.size - 1
  stackBound[0] = 0
  while (sp > 0) {
    sp--
    const left = stackLeft[sp]!
    const right = stackRight[sp]!
    const bound = stackBound[sp]!
    const m = (left + right) >> 1
    // `bound` is a lower bound of the squared chord to any slot of the range (rounding is monotone, see geo.ts).
    if (bound > maxParNoeud[m]!) continue
    if (right - left <= nodeSize) {
      for (let s = left; s <= right; s++) consider(s)
      continue
    }
    consider(m)
    const axis = axes[m]!
    const diff = (axis === 0 ? qx : axis === 1 ? qy : qz) - c[3 * m + axis]!
    const far = Math.max(diff * diff, bound)
    if (m - 1 >= left) push(sp++, left, m - 1, diff <= 0 ? bound : far)
    if (m + 1 <= right) push(sp++, m + 1, right, diff >= 0 ? bound : far)
  }
  return count
}

/**
 * Slot of the point nearest to (qx, qy, qz) among those whose id is not flagged in `exclus`
 * (indexed by id), exact ties going to the smallest key, as `nearestSlot` does; -1 if none is left.
 */
export function plusProcheSlotHors(tree: KdTree3, qx: number, qy: number, qz: number, exclus: Uint8Array): number {
  const { coords: c, keys, ids, axes, nodeSize } = tree
  let best = Infinity
  let bestSlot = -1
  const consider = (s: number): void => {
    if (exclus[ids[s]!] === 1) return
    const dx = c[3 * s]! - qx
    const dy = c[3 * s + 1]! - qy
    const dz = c[3 * s + 2]! - qz
    const d2 = dx * dx + dy * dy + dz * dz
    if (d2 < best || (d2 === best && keys[s]! < keys[bestSlot]!)) {
      best = d2
      bestSlot = s
    }
  }
  if (tree.size === 0) return -1
  let sp = 1
  stackLeft[0] = 0
  stackRight[0] = tree.size - 1
  stackBound[0] = 0
  while (sp > 0) {
    sp--
    // A range whose bound equals `best` may still hold a tie with a smaller key.
    if (stackBound[sp]! > best) continue
    const left = stackLeft[sp]!
    const right = stackRight[sp]!
    if (right - left <= nodeSize) {
      for (let s = left; s <= right; s++) consider(s)
      continue
    }
    const m = (left + right) >> 1
    consider(m)
    const axis = axes[m]!
    const diff = (axis === 0 ? qx : axis === 1 ? qy : qz) - c[3 * m + axis]!
    const bound = stackBound[sp]!
    const far = Math.max(diff * diff, bound)
    // Far side first, so that the near side, popped next, tightens `best` before it.
    if (diff < 0) {
      push(sp++, m + 1, right, far)
      push(sp++, left, m - 1, bound)
    } else {
      push(sp++, left, m - 1, far)
      push(sp++, m + 1, right, bound)
    }
  }
  return bestSlot
}

function push(sp: number, left: number, right: number, bound: number): void {
  stackLeft[sp] = left
  stackRight[sp] = right
  stackBound[sp] = bound
}
