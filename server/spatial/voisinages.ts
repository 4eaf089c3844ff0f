import { OFFRE_COMPLETE } from '../domain/offre.ts'
import { chord2FromKm } from './geo.ts'
import type { IndexCouverture } from './index-couverture.ts'
import { withinSlots } from './kd-tree-3d.ts'

/** How far the lists reach, in km: the 2SFCA's outer circle is 1.5 R, so radii up to 20 km are read from them. */
export const PORTEE_VOISINAGES_KM = 30

/**
 * The communes around each place of the active lieux (lieux at the very same unit vector share a place), nearest
 * first, up to `PORTEE_VOISINAGES_KM`: with them, the 2SFCA at a radius whose outer circle fits is a prefix scan of
 * each place's list, no tree walk (accessibilite.ts). Built once per index, on first use.
 */
export type Voisinages = Readonly<{
  /** Squared unit-sphere chord of the reach: every commune with a computed d2 ≤ it is listed. */
  portee2: number
  /** Number of places; place p holds the lieux `lieux[debutLieux[p]..debutLieux[p+1])`. */
  n: number
  debutLieux: Int32Array
  lieux: Int32Array
  /** Unit vector of each place, stride 3. */
  xyz: Float64Array
  /** Place p's communes are the entries `debut[p]..debut[p+1]`, as slots of `arbreCommunes`. */
  debut: Int32Array
  slot: Int32Array
  /**
   * Each entry's squared chord rounded to float32, non-decreasing within a place. Rounding is monotone, so once
   * `cle > Math.fround(r2)` no later entry is within r2; the exact d2 is recomputed from the coordinates.
   */
  cle: Float32Array
}>

const memo = new WeakMap<IndexCouverture, Voisinages>()

/** The neighbour lists of `index`, built on the first call (about 1.8 M entries, 14 MB, for the national data). */
export function voisinagesDe(index: IndexCouverture): Voisinages {
  let v = memo.get(index)
  if (v === undefined) memo.set(index, (v = buildVoisinages(index, PORTEE_VOISINAGES_KM)))
  return v
}

/** Lists of every place of the active lieux up to `porteeKm` (exported for tests). */
export function buildVoisinages(index: IndexCouverture, porteeKm: number): Voisinages {
  const { arbreCommunes } = index
  const arbre = index.arbresLieux[OFFRE_COMPLETE]!
  const portee2 = chord2FromKm(porteeKm)
  // Places in the order of the lieux tree (spatial, so that successive places touch the same communes).
  const placeParCle = new Map<string, number>()
  const lieuxParPlace: number[][] = []
  const xyz: number[] = []
  for (let t = 0; t < arbre.size; t++) {
    const x = arbre.coords[3 * t]!
    const y = arbre.coords[3 * t + 1]!
    const z = arbre.coords[3 * t + 2]!
    const cle = `${x},${y},${z}`
    let p = placeParCle.get(cle)
    if (p === undefined) {
      placeParCle.set(cle, (p = lieuxParPlace.length))
      lieuxParPlace.push([])
      xyz.push(x, y, z)
    }
    lieuxParPlace[p]!.push(arbre.ids[t]!)
  }
  const n = lieuxParPlace.length
  const debutLieux = new Int32Array(n + 1)
  lieuxParPlace.forEach((l, p) => (debutLieux[p + 1] = debutLieux[p]! + l.length))

  // Two passes: the lists' sizes first, so that the entries are allocated once at their size (no growing copies).
  const slots = new Int32Array(arbreCommunes.size)
  const d2s = new Float64Array(arbreCommunes.size)
  const debut = new Int32Array(n + 1)
  for (let p = 0; p < n; p++) debut[p + 1] = debut[p]! + withinSlots(arbreCommunes, xyz[3 * p]!, xyz[3 * p + 1]!, xyz[3 * p + 2]!, portee2, slots, d2s)
  const slot = new Int32Array(debut[n]!)
  const cle = new Float32Array(debut[n]!)
  const cles = new Float64Array(arbreCommunes.size)
  const bits = new Uint32Array(1)
  const f32 = new Float32Array(bits.buffer)
  for (let p = 0; p < n; p++) {
    const m = withinSlots(arbreCommunes, xyz[3 * p]!, xyz[3 * p + 1]!, xyz[3 * p + 2]!, portee2, slots, d2s)
    // Sort by float32 key, then by position: key bits (< 2^31, positive floats order as integers) × 2^20 + position
    // is an exact float64 below 2^51, and the typed array's native sort orders it.
    if (m > 1 << 20) throw new Error(`buildVoisinages: ${m} communes around one place, at most ${1 << 20}`)
    for (let e = 0; e < m; e++) {
      f32[0] = d2s[e]!
      cles[e] = bits[0]! * 1_048_576 + e
    }
    const tries = cles.subarray(0, m).sort()
    const base = debut[p]!
    for (let e = 0; e < m; e++) {
      const position = tries[e]! % 1_048_576
      slot[base + e] = slots[position]!
      cle[base + e] = d2s[position]!
    }
  }
  return { portee2, n, debutLieux, lieux: Int32Array.from(lieuxParPlace.flat()), xyz: Float64Array.from(xyz), debut, slot, cle }
}
