import { describe, expect, it } from 'vitest'
import { calculerAccessibilite, contributionsArbre, finirAccessibiliteArbre } from '../../server/spatial/accessibilite.ts'
import type { Communes, Lieux, Territoires } from '../../server/spatial/donnees.ts'
import { RAYON_TERRE_KM } from '../../server/spatial/geo.ts'
import { buildIndexCouverture } from '../../server/spatial/index-couverture.ts'
import { donneesAleatoires, seeded } from './helpers/aleatoire.ts'
import { accessibiliteParPaires } from './helpers/accessibilite-par-paires.ts'
import { accessibiliteBruteForce } from './helpers/oracles.ts'
import { donneesNationales } from './simulation-donnees.ts'

/** Longitude on the equator of a point `km` east of (0, 0): distances along the equator are exact arcs. */
const lngKm = (km: number): number => (km / RAYON_TERRE_KM) * (180 / Math.PI)

const TERRITOIRES: Territoires = {
  departements: [{ code: '974', nom: 'La Réunion', region: '04', com: false }],
  regions: [{ code: '04', nom: 'La Réunion' }],
}

describe('calculerAccessibilite', () => {
  it('computes the APL of 3 communes and 2 lieux as worked out by hand', () => {
    // GIVEN on the equator, rayon 10 km (rings 5 / 10 / 15 km):
    //   communes A at 0 km (1,000 hab.), B at 7.9 km (2,000 hab.), C at 20 km (500 hab.)
    //   lieux L1 at 2 km (2 conseillers), L2 at 14 km (unknown conseillers, counts as 1)
    // distances: A–L1 2 (w 1), A–L2 14 (w 1/3), B–L1 5.9 (w 2/3), B–L2 6.1 (w 2/3), C–L1 18 (w 0), C–L2 6 (w 2/3)
    // step 1: L1 = 2 / (1000 + 2/3·2000) = 3/3500 ; L2 = 1 / (1000/3 + 4000/3 + 1000/3) = 1/2000
    // step 2 (×10 000): A = 3/3500 + 1/6000 = 43/42000 → 215/21 ; B = 2/3500 + 1/3000 → 190/21 ; C = 1/3000 → 10/3
    const communes: Communes = {
      n: 3,
      code: ['97401', '97402', '97403'],
      nom: ['A', 'B', 'C'],
      departement: ['974', '974', '974'],
      region: ['04', '04', '04'],
      longitude: Float64Array.of(lngKm(0), lngKm(7.9), lngKm(20)),
      latitude: new Float64Array(3),
      population: Float64Array.of(1000, 2000, 500),
      ifn: new Float64Array(3).fill(NaN),
      com: new Uint8Array(3),
    }
    const lieux: Lieux = {
      n: 2,
      id: Int32Array.of(1, 2),
      nom: ['L1', 'L2'],
      categories: Uint8Array.of(1, 1),
      longitude: Float64Array.of(lngKm(2), lngKm(14)),
      latitude: new Float64Array(2),
      conseillers: Float64Array.of(2, NaN),
      postes: new Float64Array(2),
      financementEuros: new Float64Array(2),
      departement: ['974', '974'],
      actif: Uint8Array.of(1, 1),
    }
    const acc = calculerAccessibilite(buildIndexCouverture(communes, lieux, TERRITOIRES), 10, 1)
    expect(acc[0]).toBeCloseTo(215 / 21, 10)
    expect(acc[1]).toBeCloseTo(190 / 21, 10)
    expect(acc[2]).toBeCloseTo(10 / 3, 10)
    // The 3 conseillers are fully distributed: Σ acc·pop / 10 000 = total supply.
    expect((acc[0]! * 1000 + acc[1]! * 2000 + acc[2]! * 500) / 10_000).toBeCloseTo(3, 10)
  })

  it('gives 0 to every commune when the offre is empty', () => {
    const { communes, lieux, territoires } = donneesAleatoires(seeded(3), { communes: 200, lieux: 50 })
    const acc = calculerAccessibilite(buildIndexCouverture(communes, lieux, territoires), 10, 0)
    expect(Array.from(acc).every((a) => a === 0)).toBe(true)
  })

  const { communes, lieux, territoires } = donneesAleatoires(seeded(2026), { communes: 1_500, lieux: 300 })
  const index = buildIndexCouverture(communes, lieux, territoires)

  it.each([
    [1, 15],
    [7.5, 15],
    [10, 15],
    [33, 5],
    [25, 3],
    [60, 8 | 4],
    [100, 2],
  ])('agrees with a direct O(n·m) 2SFCA at rayon %i km for offre %i', (rayonKm, masque) => {
    const attendu = accessibiliteBruteForce(communes, lieux, rayonKm, masque)
    const acc = calculerAccessibilite(index, rayonKm, masque)
    let nonNulles = 0
    for (let i = 0; i < communes.n; i++) {
      expect(acc[i]).toBeCloseTo(attendu[i]!, 9)
      if (attendu[i]! > 0) nonNulles++
    }
    expect(nonNulles).toBeGreaterThan(0)
  })

  it('agrees with a direct O(n·m) 2SFCA when lieux share their place, with different supplies', () => {
    // GIVEN the random data where every third lieu is moved onto the previous one (the same place, its own conseillers)
    const longitude = Float64Array.from(lieux.longitude)
    const latitude = Float64Array.from(lieux.latitude)
    for (let j = 1; j < lieux.n; j += 3) {
      longitude[j] = longitude[j - 1]!
      latitude[j] = latitude[j - 1]!
    }
    const conseillers = Float64Array.from({ length: lieux.n }, (_, j) => (j % 5 === 0 ? NaN : 1 + (j % 4)))
    const empiles = { ...lieux, longitude, latitude, conseillers }
    const indexEmpiles = buildIndexCouverture(communes, empiles, territoires)
    for (const [rayonKm, masque] of [[10, 15], [60, 3]] as const) {
      // WHEN the engine and the direct computation run
      const attendu = accessibiliteBruteForce(communes, empiles, rayonKm, masque)
      const acc = calculerAccessibilite(indexEmpiles, rayonKm, masque)
      // THEN they agree commune by commune
      for (let i = 0; i < communes.n; i++) expect(acc[i]).toBeCloseTo(attendu[i]!, 9)
      expect(attendu.some((a) => a > 0)).toBe(true)
    }
  })

  it('agrees with the pair-by-pair 2SFCA for the 34,969 real communes at 1, 7.5, 33 and 100 km, to 1e-12 relative', () => {
    // GIVEN the engine input as the server reads it, and the previous implementation (every pair within 1.5R)
    const reel = donneesNationales()
    const indexReel = buildIndexCouverture(reel.communes, reel.lieux, reel.territoires)
    for (const [rayonKm, masque] of [[1, 15], [7.5, 15], [33, 2], [100, 15]] as const) {
      // WHEN both compute the accessibility
      const attendu = accessibiliteParPaires(indexReel, rayonKm, masque)
      const acc = calculerAccessibilite(indexReel, rayonKm, masque)
      // THEN they differ by float rounding only (sums taken in another order; the demand is now exact)
      let pire = 0
      let nonNulles = 0
      for (let i = 0; i < reel.communes.n; i++) {
        if ((attendu[i] === 0) !== (acc[i] === 0)) expect({ commune: reel.communes.code[i], acc: acc[i] }).toEqual({ commune: reel.communes.code[i], acc: attendu[i] })
        if (attendu[i] !== 0) {
          nonNulles++
          pire = Math.max(pire, Math.abs(acc[i]! - attendu[i]!) / attendu[i]!)
        }
      }
      expect(pire, `${rayonKm} km, offre ${masque}`).toBeLessThan(1e-12)
      expect(nonNulles).toBeGreaterThan(1_000)
    }
  })

  it('deals the places of the walk into two parts, none twice: each part alone is a share of the whole', () => {
    // GIVEN the random data at 60 km (the tree walk)
    const [a, b] = [0, 1].map((partie) => contributionsArbre(index, 60, 15, partie))
    // THEN each part alone gives less accessibility than both, and both together give the direct O(n·m) 2SFCA
    const seulA = finirAccessibiliteArbre(index, [a!, { parNoeud: new Float64Array(a!.parNoeud.length), parSlot: new Float64Array(a!.parSlot.length) }])
    const tout = finirAccessibiliteArbre(index, [a!, b!])
    const attendu = accessibiliteBruteForce(communes, lieux, 60, 15)
    for (let i = 0; i < communes.n; i++) {
      expect(tout[i]).toBeCloseTo(attendu[i]!, 9)
      expect(seulA[i]!).toBeLessThanOrEqual(tout[i]! * (1 + 1e-12))
    }
    expect(Array.from(seulA).some((x, i) => x < tout[i]! * (1 - 1e-9))).toBe(true)
    expect(() => contributionsArbre(index, 60, 15, 2)).toThrow(/part 2/)
    expect(() => finirAccessibiliteArbre(index, [a!])).toThrow(/1 parts, expected 2/)
  })
})
