import { chord2FromKm } from './geo.ts'
import type { IndexCouverture } from './index-couverture.ts'

/** Distance-decay weights of the APL method, by ring of the catchment radius R. */
export const POIDS_APL = Object.freeze({ moinsDeDemiRayon: 1, moinsDeRayon: 2 / 3, moinsDeRayonEtDemi: 1 / 3 })

/**
 * Accessibility of each commune to the lieux of the offre `masque`, in conseillers accessibles pour
 * 10 000 habitants, by the two-step floating catchment area method with distance decay used by the
 * DREES for the APL (Barlet et al., « L'accessibilité potentielle localisée », DREES 2012):
 * w(d) = 1 if d ≤ R/2, 2/3 if d ≤ R, 1/3 if d ≤ 1.5R, 0 beyond;
 * step 1 ratio_j = offre_j / Σ_i w(d_ij)·pop_i (0 when nobody is in reach);
 * step 2 accessibilite_i = 10 000 · Σ_j w(d_ij)·ratio_j.
 *
 * How, without visiting every (commune, lieu) pair: w = k/3 where k ∈ {0, 1, 2, 3} counts the circles
 * (R/2, R, 1.5R) around the lieu that hold the commune. Each lieu walks the commune tree once; a range
 * whose bounding box lies within the same circles as a whole gets one k (its population sum, kept per
 * range, feeds step 1; step 2 adds k·ratio_j to the range, pushed down to its communes at the end), and
 * only ranges cut by a circle are opened. Step 1 sums integers (populations), so the demand is exact.
 * Arguments are not checked here (hot path); `calculerCouverture` checks them.
 */
export function calculerAccessibilite(index: IndexCouverture, rayonKm: number, masque: number): Float64Array {
  const { communes, arbreCommunes, agregatsCommunes, populationSlot, offreLieux } = index
  const arbre = index.arbresLieux[masque]!
  const accessibilite = new Float64Array(communes.n)
  if (arbre.size === 0) return accessibilite

  // Circle limits as squared unit-sphere chords: chords are monotone in great-circle distance.
  const r2a = chord2FromKm(rayonKm / 2)
  const r2b = chord2FromKm(rayonKm)
  const r2c = chord2FromKm(1.5 * rayonKm)

  const n = arbreCommunes.size
  const nodeSize = arbreCommunes.nodeSize
  const c = arbreCommunes.coords
  const { boites, sommes } = agregatsCommunes
  // Work arrays are local to the call: no module state, so any number of engines (and workers) may run.
  const parRange = new Float64Array(n)
  const parSlot = new Float64Array(n)
  // A lieu's decomposition: range id or slot, times 8, plus 4 for a slot, plus k. At most one entry per range and per slot.
  const entrees = new Int32Array(2 * n)
  const pile = new Int32Array(2 * 64)

  const cl = arbre.coords
  let nb = 0
  let demande3 = 0
  for (let t = 0; t < arbre.size; t++) {
    const qx = cl[3 * t]!
    const qy = cl[3 * t + 1]!
    const qz = cl[3 * t + 2]!
    // Lieux at the very same place (17 % of the national ones) have the same decomposition: reuse it.
    if (t > 0 && qx === cl[3 * t - 3] && qy === cl[3 * t - 2] && qz === cl[3 * t - 1]) {
      if (demande3 !== 0) appliquer(entrees, nb, offreLieux[arbre.ids[t]!]! / (demande3 / 3), parRange, parSlot)
      continue
    }
    nb = 0
    demande3 = 0
    let sp = 0
    pile[sp++] = 0
    pile[sp++] = n - 1
    while (sp > 0) {
      const right = pile[--sp]!
      const left = pile[--sp]!
      const id = (left + right) >> 1
      const b = 6 * id
      // Bounds use the operands and order of a point's own d2 (commune − lieu, x then y then z): rounding
      // is monotone, so a box entirely within a circle holds only points whose computed d2 is within it.
      let lo = boites[b]! - qx
      let hi = boites[b + 3]! - qx
      let min = lo > 0 ? lo * lo : hi < 0 ? hi * hi : 0
      let max = -lo > hi ? lo * lo : hi * hi
      lo = boites[b + 1]! - qy
      hi = boites[b + 4]! - qy
      min += lo > 0 ? lo * lo : hi < 0 ? hi * hi : 0
      max += -lo > hi ? lo * lo : hi * hi
      lo = boites[b + 2]! - qz
      hi = boites[b + 5]! - qz
      min += lo > 0 ? lo * lo : hi < 0 ? hi * hi : 0
      max += -lo > hi ? lo * lo : hi * hi
      if (min > r2c) continue
      const kMin = (max <= r2a ? 1 : 0) + (max <= r2b ? 1 : 0) + (max <= r2c ? 1 : 0)
      const kMax = (min <= r2a ? 1 : 0) + (min <= r2b ? 1 : 0) + 1
      if (kMin === kMax) {
        entrees[nb++] = id * 8 + kMin
        demande3 += kMin * sommes[id]!
        continue
      }
      if (right - left <= nodeSize) {
        for (let s = left; s <= right; s++) {
          const dx = c[3 * s]! - qx
          const dy = c[3 * s + 1]! - qy
          const dz = c[3 * s + 2]! - qz
          const d2 = dx * dx + dy * dy + dz * dz
          if (d2 > r2c) continue
          const k = (d2 <= r2a ? 1 : 0) + (d2 <= r2b ? 1 : 0) + 1
          entrees[nb++] = s * 8 + 4 + k
          demande3 += k * populationSlot[s]!
        }
        continue
      }
      const dx = c[3 * id]! - qx
      const dy = c[3 * id + 1]! - qy
      const dz = c[3 * id + 2]! - qz
      const d2 = dx * dx + dy * dy + dz * dz
      if (d2 <= r2c) {
        const k = (d2 <= r2a ? 1 : 0) + (d2 <= r2b ? 1 : 0) + 1
        entrees[nb++] = id * 8 + 4 + k
        demande3 += k * populationSlot[id]!
      }
      pile[sp++] = left
      pile[sp++] = id - 1
      pile[sp++] = id + 1
      pile[sp++] = right
    }
    // demande3 = 3 × Σ w·pop, an exact integer; one division gives the correctly rounded demand.
    if (demande3 === 0) continue
    appliquer(entrees, nb, offreLieux[arbre.ids[t]!]! / (demande3 / 3), parRange, parSlot)
  }

  // Push each range's sum down to its slots, then to communes: Σ_j k·ratio_j, and w = k/3.
  const pileDescente = new Int32Array(2 * 64)
  const herite = new Float64Array(64)
  let sp = 0
  pileDescente[0] = 0
  pileDescente[1] = n - 1
  herite[0] = 0
  sp = 1
  const ids = arbreCommunes.ids
  while (sp > 0) {
    sp--
    const left = pileDescente[2 * sp]!
    const right = pileDescente[2 * sp + 1]!
    const id = (left + right) >> 1
    const h = herite[sp]! + parRange[id]!
    if (right - left <= nodeSize) {
      for (let s = left; s <= right; s++) accessibilite[ids[s]!] = ((h + parSlot[s]!) * 10_000) / 3
      continue
    }
    accessibilite[ids[id]!] = ((h + parSlot[id]!) * 10_000) / 3
    pileDescente[2 * sp] = left
    pileDescente[2 * sp + 1] = id - 1
    herite[sp++] = h
    pileDescente[2 * sp] = id + 1
    pileDescente[2 * sp + 1] = right
    herite[sp++] = h
  }
  return accessibilite
}

/** Step 2 for one lieu: adds k·ratio to each range and slot of its decomposition. */
function appliquer(entrees: Int32Array, nb: number, ratio: number, parRange: Float64Array, parSlot: Float64Array): void {
  for (let e = 0; e < nb; e++) {
    const code = entrees[e]!
    const k = code & 3
    if ((code & 4) === 0) parRange[code >> 3]! += k * ratio
    else parSlot[code >> 3]! += k * ratio
  }
}
