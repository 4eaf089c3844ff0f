import { withinSlots, type KdTree3 } from './kd-tree-3d.ts'

/**
 * Communes grouped into small spatially compact buckets: contiguous slot ranges of the commune
 * kd-tree, each with a centre and a bounding radius in unit-sphere xyz. Whole-country passes
 * (nearest lieu, 2SFCA) query the lieux tree once per bucket and then scan a short candidate list
 * for each commune of the bucket: flat loops over typed arrays instead of one tree walk per commune,
 * which is where a per-commune query spends its time.
 */
export type BucketsCommunes = Readonly<{
  count: number
  /** Bucket b holds commune-tree slots `start[b]` to `start[b + 1] - 1`. */
  start: Int32Array
  /** Centre of each bucket (mean of its unit vectors, not normalised), stride 3. */
  centre: Float64Array
  /** Largest Euclidean distance from the centre to a member. */
  rayon: Float64Array
}>

/** Target bucket size: large enough to amortise the tree query, small enough to keep candidate lists short. */
export const TAILLE_BUCKET = 16

/** Splits the commune tree's slots into buckets of at most `taille` communes following its median splits. */
export function buildBucketsCommunes(arbre: KdTree3, taille = TAILLE_BUCKET): BucketsCommunes {
  if (!Number.isInteger(taille) || taille < 1) throw new Error(`buildBucketsCommunes: taille must be a positive integer, got ${taille}`)
  const bornes: number[] = []
  // Halving ranges at their midpoint follows the tree's own splits (up to the median slot itself,
  // which lies on the splitting plane and so stays close to either half).
  const split = (left: number, right: number): void => {
    if (right - left + 1 <= taille) {
      bornes.push(left)
      return
    }
    const m = (left + right) >> 1
    split(left, m)
    split(m + 1, right)
  }
  if (arbre.size > 0) split(0, arbre.size - 1)
  const count = bornes.length
  const start = new Int32Array(count + 1)
  start.set(bornes)
  start[count] = arbre.size
  const centre = new Float64Array(3 * count)
  const rayon = new Float64Array(count)
  const c = arbre.coords
  for (let b = 0; b < count; b++) {
    const debut = start[b]!
    const fin = start[b + 1]!
    let x = 0
    let y = 0
    let z = 0
    for (let s = debut; s < fin; s++) {
      x += c[3 * s]!
      y += c[3 * s + 1]!
      z += c[3 * s + 2]!
    }
    const k = fin - debut
    x /= k
    y /= k
    z /= k
    let max2 = 0
    for (let s = debut; s < fin; s++) {
      const dx = c[3 * s]! - x
      const dy = c[3 * s + 1]! - y
      const dz = c[3 * s + 2]! - z
      max2 = Math.max(max2, dx * dx + dy * dy + dz * dz)
    }
    centre[3 * b] = x
    centre[3 * b + 1] = y
    centre[3 * b + 2] = z
    rayon[b] = Math.sqrt(max2)
  }
  return { count, start, centre, rayon }
}

/** Scratch buffers for the candidate lieux of one bucket, struct of arrays sized for a whole tree. */
export type Candidats = Readonly<{
  slot: Int32Array
  d2: Float64Array
  x: Float64Array
  y: Float64Array
  z: Float64Array
}>

/** Allocates candidate buffers able to hold every point of a tree of `size` points. */
export function createCandidats(size: number): Candidats {
  return {
    slot: new Int32Array(size),
    d2: new Float64Array(size),
    x: new Float64Array(size),
    y: new Float64Array(size),
    z: new Float64Array(size),
  }
}

/**
 * Gathers the points of `arbre` within squared chord `r2` of (qx, qy, qz) and copies their xyz into
 * contiguous arrays, so that the per-commune scans that follow read memory sequentially.
 * @returns the number of candidates.
 */
export function gatherCandidats(arbre: KdTree3, qx: number, qy: number, qz: number, r2: number, out: Candidats): number {
  const count = withinSlots(arbre, qx, qy, qz, r2, out.slot, out.d2)
  const c = arbre.coords
  for (let k = 0; k < count; k++) {
    const s = out.slot[k]!
    out.x[k] = c[3 * s]!
    out.y[k] = c[3 * s + 1]!
    out.z[k] = c[3 * s + 2]!
  }
  return count
}
