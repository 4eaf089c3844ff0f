/**
 * A static kd-tree over 3D unit vectors, laid out like kdbush (one sorted array, implicit tree,
 * median of each range is the node), with the split axis chosen per node because points on the
 * sphere around France spread over two of the three axes only. Searches compare squared chord
 * lengths, which order points exactly as great-circle distances do (see geo.ts).
 */

/** A static 3D kd-tree. Slots are positions in the sorted arrays; `ids[slot]` is the caller's index. */
export type KdTree3 = Readonly<{
  size: number
  nodeSize: number
  /** Caller's point index stored at each slot. */
  ids: Int32Array
  /** Key used to break exact distance ties (smallest first), per slot. */
  keys: Int32Array
  /** xyz of each slot, stride 3. */
  coords: Float64Array
  /** Split axis (0, 1, 2) of the node whose median sits at this slot. */
  axes: Uint8Array
}>

const NODE_SIZE = 8
// Depth is about log2(n / NODE_SIZE) and each level pushes at most two ranges.
const STACK_SIZE = 256
const stackLeft = new Int32Array(STACK_SIZE)
const stackRight = new Int32Array(STACK_SIZE)
const stackBound = new Float64Array(STACK_SIZE)

/**
 * Builds a kd-tree over the points `ids` whose unit vectors are in `xyz` (stride 3, indexed by id).
 * @param keys tie-break key of each id (e.g. lieu.id), indexed by id.
 */
export function buildKdTree3(ids: Int32Array, xyz: Float64Array, keys: Int32Array, nodeSize = NODE_SIZE): KdTree3 {
  if (!Number.isInteger(nodeSize) || nodeSize < 1) throw new Error(`buildKdTree3: nodeSize must be a positive integer, got ${nodeSize}`)
  const size = ids.length
  const treeIds = Int32Array.from(ids)
  const coords = new Float64Array(3 * size)
  const treeKeys = new Int32Array(size)
  for (let s = 0; s < size; s++) {
    const id = treeIds[s]!
    if (id < 0 || 3 * id + 2 >= xyz.length) throw new Error(`buildKdTree3: point ${id} has no coordinates`)
    coords[3 * s] = xyz[3 * id]!
    coords[3 * s + 1] = xyz[3 * id + 1]!
    coords[3 * s + 2] = xyz[3 * id + 2]!
    treeKeys[s] = keys[id]!
  }
  const axes = new Uint8Array(size)
  const tree: KdTree3 = { size, nodeSize, ids: treeIds, keys: treeKeys, coords, axes }
  if (size > 0) sortRange(tree, 0, size - 1)
  return tree
}

function sortRange(tree: KdTree3, left: number, right: number): void {
  if (right - left <= tree.nodeSize) return
  const c = tree.coords
  let axis = 0
  let widest = -1
  for (let a = 0; a < 3; a++) {
    let min = Infinity
    let max = -Infinity
    for (let s = left; s <= right; s++) {
      const v = c[3 * s + a]!
      if (v < min) min = v
      if (v > max) max = v
    }
    if (max - min > widest) {
      widest = max - min
      axis = a
    }
  }
  const m = (left + right) >> 1
  select(tree, m, left, right, axis)
  tree.axes[m] = axis
  sortRange(tree, left, m - 1)
  sortRange(tree, m + 1, right)
}

// Floyd–Rivest selection, as in kdbush: puts the k-th smallest along `axis` at slot k.
function select(tree: KdTree3, k: number, left: number, right: number, axis: number): void {
  const c = tree.coords
  while (right > left) {
    if (right - left > 600) {
      const n = right - left + 1
      const m = k - left + 1
      const z = Math.log(n)
      const s = 0.5 * Math.exp((2 * z) / 3)
      const sd = 0.5 * Math.sqrt((z * s * (n - s)) / n) * (m - n / 2 < 0 ? -1 : 1)
      const newLeft = Math.max(left, Math.floor(k - (m * s) / n + sd))
      const newRight = Math.min(right, Math.floor(k + ((n - m) * s) / n + sd))
      select(tree, k, newLeft, newRight, axis)
    }
    const t = c[3 * k + axis]!
    let i = left
    let j = right
    swap(tree, left, k)
    if (c[3 * right + axis]! > t) swap(tree, left, right)
    while (i < j) {
      swap(tree, i, j)
      i++
      j--
      while (c[3 * i + axis]! < t) i++
      while (c[3 * j + axis]! > t) j--
    }
    if (c[3 * left + axis] === t) swap(tree, left, j)
    else {
      j++
      swap(tree, j, right)
    }
    if (j <= k) left = j + 1
    if (k <= j) right = j - 1
  }
}

function swap(tree: KdTree3, i: number, j: number): void {
  const { ids, keys, coords } = tree
  const id = ids[i]!
  ids[i] = ids[j]!
  ids[j] = id
  const key = keys[i]!
  keys[i] = keys[j]!
  keys[j] = key
  for (let a = 0; a < 3; a++) {
    const v = coords[3 * i + a]!
    coords[3 * i + a] = coords[3 * j + a]!
    coords[3 * j + a] = v
  }
}

/**
 * Slot of the point nearest to (qx, qy, qz), exact ties going to the smallest key; -1 if empty.
 * `hintSlot` (or -1) is a slot known to be close, typically the answer for the previous query
 * point in spatial order: starting from its distance prunes most of the tree at once.
 */
export function nearestSlot(tree: KdTree3, qx: number, qy: number, qz: number, hintSlot: number): number {
  const { coords: c, keys, axes, nodeSize } = tree
  if (tree.size === 0) return -1
  let best = Infinity
  let bestSlot = -1
  if (hintSlot >= 0) {
    const dx = c[3 * hintSlot]! - qx
    const dy = c[3 * hintSlot + 1]! - qy
    const dz = c[3 * hintSlot + 2]! - qz
    best = dx * dx + dy * dy + dz * dz
    bestSlot = hintSlot
  }
  let sp = 0
  stackLeft[0] = 0
  stackRight[0] = tree.size - 1
  stackBound[0] = 0
  sp = 1
  while (sp > 0) {
    sp--
    // A range whose lower bound equals `best` may still hold a tie with a smaller key.
    if (stackBound[sp]! > best) continue
    const left = stackLeft[sp]!
    const right = stackRight[sp]!
    if (right - left <= nodeSize) {
      for (let s = left; s <= right; s++) {
        const dx = c[3 * s]! - qx
        const dy = c[3 * s + 1]! - qy
        const dz = c[3 * s + 2]! - qz
        const d2 = dx * dx + dy * dy + dz * dz
        if (d2 < best || (d2 === best && keys[s]! < keys[bestSlot]!)) {
          best = d2
          bestSlot = s
        }
      }
      continue
    }
    const m = (left + right) >> 1
    const dx = c[3 * m]! - qx
    const dy = c[3 * m + 1]! - qy
    const dz = c[3 * m + 2]! - qz
    const d2 = dx * dx + dy * dy + dz * dz
    if (d2 < best || (d2 === best && keys[m]! < keys[bestSlot]!)) {
      best = d2
      bestSlot = m
    }
    const axis = axes[m]!
    const diff = (axis === 0 ? qx : axis === 1 ? qy : qz) - c[3 * m + axis]!
    const plane2 = diff * diff
    const bound = stackBound[sp]!
    // Push the far side first so that the near side, popped next, tightens `best` before it.
    if (diff < 0) {
      pushRange(sp++, m + 1, right, plane2 > bound ? plane2 : bound)
      pushRange(sp++, left, m - 1, bound)
    } else {
      pushRange(sp++, left, m - 1, plane2 > bound ? plane2 : bound)
      pushRange(sp++, m + 1, right, bound)
    }
  }
  return bestSlot
}

function pushRange(sp: number, left: number, right: number, bound: number): void {
  stackLeft[sp] = left
  stackRight[sp] = right
  stackBound[sp] = bound
}

/**
 * Writes into `outSlots`/`outD2` every slot within squared chord `r2` of (qx, qy, qz).
 * @returns the number of slots written. The buffers must hold `tree.size` entries.
 */
export function withinSlots(
  tree: KdTree3,
  qx: number,
  qy: number,
  qz: number,
  r2: number,
  outSlots: Int32Array,
  outD2: Float64Array,
): number {
  const { coords: c, axes, nodeSize } = tree
  if (tree.size === 0) return 0
  let count = 0
  let sp = 1
  stackLeft[0] = 0
  stackRight[0] = tree.size - 1
  while (sp > 0) {
    sp--
    const left = stackLeft[sp]!
    const right = stackRight[sp]!
    if (right - left <= nodeSize) {
      for (let s = left; s <= right; s++) {
        const dx = c[3 * s]! - qx
        const dy = c[3 * s + 1]! - qy
        const dz = c[3 * s + 2]! - qz
        const d2 = dx * dx + dy * dy + dz * dz
        if (d2 <= r2) {
          outSlots[count] = s
          outD2[count++] = d2
        }
      }
      continue
    }
    const m = (left + right) >> 1
    const dx = c[3 * m]! - qx
    const dy = c[3 * m + 1]! - qy
    const dz = c[3 * m + 2]! - qz
    const d2 = dx * dx + dy * dy + dz * dz
    if (d2 <= r2) {
      outSlots[count] = m
      outD2[count++] = d2
    }
    const axis = axes[m]!
    const diff = (axis === 0 ? qx : axis === 1 ? qy : qz) - c[3 * m + axis]!
    // Left of the median holds values ≤ the split, right holds values ≥ it.
    if (m - 1 >= left && (diff <= 0 || diff * diff <= r2)) {
      stackLeft[sp] = left
      stackRight[sp++] = m - 1
    }
    if (m + 1 <= right && (diff >= 0 || diff * diff <= r2)) {
      stackLeft[sp] = m + 1
      stackRight[sp++] = right
    }
  }
  return count
}
