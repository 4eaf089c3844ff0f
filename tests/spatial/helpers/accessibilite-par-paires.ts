import { POIDS_APL } from '../../../server/spatial/accessibilite.ts'
import { chord2FromKm } from '../../../server/spatial/geo.ts'
import type { IndexCouverture } from '../../../server/spatial/index-couverture.ts'
import { withinSlots } from '../../../server/spatial/kd-tree-3d.ts'

/**
 * The engine's 2SFCA before issue 15, kept as a reference for tests and benchmarks: every (commune,
 * lieu) pair within 1.5R is enumerated by a radius query of the commune tree per lieu, and weights are
 * summed as floats in the tree's order. Its cost grows with the number of pairs (R²).
 */
export function accessibiliteParPaires(index: IndexCouverture, rayonKm: number, masque: number): Float64Array {
  const { communes, arbreCommunes, offreLieux } = index
  const arbre = index.arbresLieux[masque]!
  const accessibilite = new Float64Array(communes.n)
  if (arbre.size === 0) return accessibilite
  const r2Demi = chord2FromKm(rayonKm / 2)
  const r2 = chord2FromKm(rayonKm)
  const r2Max = chord2FromKm(1.5 * rayonKm)
  const n = arbreCommunes.size
  const populationSlot = Float64Array.from(arbreCommunes.ids, (i) => communes.population[i]!)
  const accessibiliteSlot = new Float64Array(n)
  const slots = new Int32Array(n)
  const d2 = new Float64Array(n)
  const poids = new Float64Array(n)
  const c = arbre.coords
  for (let t = 0; t < arbre.size; t++) {
    const count = withinSlots(arbreCommunes, c[3 * t]!, c[3 * t + 1]!, c[3 * t + 2]!, r2Max, slots, d2)
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
