import { chord2FromKm } from './geo.ts'
import type { IndexCouverture } from './index-couverture.ts'
import { withinSlots } from './kd-tree-3d.ts'

/**
 * Nearest lieu among the pairs a 2SFCA pass enumerates, by commune-tree slot: `d2` is the squared
 * chord to it (Infinity when no lieu is within 1.5R) and `slot` its slot in the offre's lieux tree.
 * A lieu nearer than one within 1.5R is itself within 1.5R, so a finite entry is the exact nearest.
 */
export type PlusProchesPartiels = Readonly<{ d2: Float64Array; slot: Int32Array }>

/** Distance-decay weights of the APL method, by ring of the catchment radius R. */
export const POIDS_APL = Object.freeze({ moinsDeDemiRayon: 1, moinsDeRayon: 2 / 3, moinsDeRayonEtDemi: 1 / 3 })

/**
 * Accessibility of each commune to the lieux of the offre `masque`, in conseillers accessibles pour
 * 10 000 habitants, by the two-step floating catchment area method with distance decay used by the
 * DREES for the APL (Barlet et al., « L'accessibilité potentielle localisée », DREES 2012):
 * w(d) = 1 if d ≤ R/2, 2/3 if d ≤ R, 1/3 if d ≤ 1.5R, 0 beyond;
 * step 1 ratio_j = offre_j / Σ_i w(d_ij)·pop_i (0 when nobody is in reach);
 * step 2 accessibilite_i = 10 000 · Σ_j w(d_ij)·ratio_j.
 * Arguments are not checked here (hot path); `calculerCouverture` checks them.
 * @param partiels when given, also records each commune's nearest enumerated lieu (ties: smallest
 *   lieu.id), so that a full recompute does not walk the lieux tree again for most communes.
 */
export function calculerAccessibilite(
  index: IndexCouverture,
  rayonKm: number,
  masque: number,
  partiels?: PlusProchesPartiels,
): Float64Array {
  const { communes, arbreCommunes, offreLieux } = index
  const arbre = index.arbresLieux[masque]!
  const accessibilite = new Float64Array(communes.n)
  if (arbre.size === 0) return accessibilite

  // Ring limits as squared unit-sphere chords: chords are monotone in great-circle distance, so
  // comparing them is comparing distances, without a trigonometric call per pair.
  const r2Demi = chord2FromKm(rayonKm / 2)
  const r2 = chord2FromKm(rayonKm)
  const r2Max = chord2FromKm(1.5 * rayonKm)

  // Work in commune-tree slot order: the communes a lieu reaches are then mostly contiguous in memory.
  const n = arbreCommunes.size
  const { populationSlot, accessibiliteSlot, slots, d2, poids } = scratchFor(n)
  for (let s = 0; s < n; s++) populationSlot[s] = communes.population[arbreCommunes.ids[s]!]!
  accessibiliteSlot.fill(0)

  const c = arbre.coords
  const keys = arbre.keys
  for (let t = 0; t < arbre.size; t++) {
    const count = withinSlots(arbreCommunes, c[3 * t]!, c[3 * t + 1]!, c[3 * t + 2]!, r2Max, slots, d2)
    if (partiels !== undefined) {
      const { d2: best, slot: bestSlot } = partiels
      for (let k = 0; k < count; k++) {
        const s = slots[k]!
        const e = d2[k]!
        if (e < best[s]! || (e === best[s]! && keys[t]! < keys[bestSlot[s]!]!)) {
          best[s] = e
          bestSlot[s] = t
        }
      }
    }
    let demande = 0
    for (let k = 0; k < count; k++) {
      const e = d2[k]!
      const w = e <= r2Demi ? POIDS_APL.moinsDeDemiRayon : e <= r2 ? POIDS_APL.moinsDeRayon : POIDS_APL.moinsDeRayonEtDemi
      poids[k] = w
      demande += w * populationSlot[slots[k]!]!
    }
    if (demande === 0) continue
    const ratio = offreLieux[arbre.ids[t]!]! / demande
    for (let k = 0; k < count; k++) accessibiliteSlot[slots[k]!]! += poids[k]! * ratio
  }
  for (let s = 0; s < n; s++) accessibilite[arbreCommunes.ids[s]!] = accessibiliteSlot[s]! * 10_000
  return accessibilite
}

type Scratch = Readonly<{ populationSlot: Float64Array; accessibiliteSlot: Float64Array; slots: Int32Array; d2: Float64Array; poids: Float64Array }>
let scratch: Scratch | undefined

// Work buffers are reused across calls: fresh typed arrays on every recompute count as external
// memory for V8 and were measured to trigger full GCs that tripled the mean recompute time.
function scratchFor(n: number): Scratch {
  if (scratch === undefined || scratch.slots.length < n)
    scratch = { populationSlot: new Float64Array(n), accessibiliteSlot: new Float64Array(n), slots: new Int32Array(n), d2: new Float64Array(n), poids: new Float64Array(n) }
  return scratch
}
