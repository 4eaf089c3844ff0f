import { describe, expect, it } from 'vitest'
import { OFFRE_COMPLETE } from '../../server/domain/offre.ts'
import { calculerCouverture } from '../../server/spatial/couverture.ts'
import { calculerDistances } from '../../server/spatial/distances.ts'
import { buildIndexCouverture } from '../../server/spatial/index-couverture.ts'
import { donneesAleatoires, seeded } from './helpers/aleatoire.ts'
import { plusProchesBruteForceTous } from './helpers/oracles.ts'
import { donneesNationales } from './simulation-donnees.ts'
import type { Communes, Lieux } from '../../server/spatial/donnees.ts'

function expectAgreesWithBruteForce(communes: Communes, lieux: Lieux, plusProche: Int32Array, distanceKm: Float64Array, masque: number): void {
  const oracle = plusProchesBruteForceTous(communes, lieux, masque)
  for (let i = 0; i < communes.n; i++) {
    const attendu = { lieu: oracle.lieu[i]!, distanceKm: oracle.distanceKm[i]! }
    if (plusProche[i] !== attendu.lieu || !(Math.abs(distanceKm[i]! - attendu.distanceKm) <= 1e-9 || distanceKm[i] === attendu.distanceKm))
      // One precise failure message instead of 35,000 expectations.
      expect({ commune: communes.code[i], lieu: plusProche[i], distanceKm: distanceKm[i] }).toEqual({
        commune: communes.code[i],
        ...attendu,
      })
  }
}

describe('calculerDistances', () => {
  const { communes, lieux, territoires } = donneesAleatoires(seeded(42), { communes: 3_000, lieux: 600 })
  const index = buildIndexCouverture(communes, lieux, territoires)

  it.each(Array.from({ length: OFFRE_COMPLETE + 1 }, (_, m) => m))(
    'finds the nearest lieu of offre %i for every commune, as a brute-force scan does',
    (masque) => {
      const { plusProche, distanceKm } = calculerDistances(index, masque)
      expectAgreesWithBruteForce(communes, lieux, plusProche, distanceKm, masque)
      expect(plusProche.some((j) => j >= 0)).toBe(masque !== 0)
    },
  )

  it.each([1, 3, 10, 45, 100])('gives the same nearest lieux through the fused 2SFCA pass at rayon %i km', (rayonKm) => {
    for (const masque of [1, 2, 6, 15]) {
      const seule = calculerDistances(index, masque)
      const fusionnee = calculerCouverture(index, { rayonKm, masque })
      expect(fusionnee.plusProche).toEqual(seule.plusProche)
      expect(fusionnee.distanceKm).toEqual(seule.distanceKm)
    }
  })

  it('marks a commune couverte exactly when its nearest lieu is within the radius', () => {
    const c = calculerCouverture(index, { rayonKm: 12, masque: 5 })
    for (let i = 0; i < communes.n; i++) expect(c.couverte[i]).toBe(c.distanceKm[i]! <= 12 ? 1 : 0)
    expect(c.couverte.includes(0)).toBe(true)
    expect(c.couverte.includes(1)).toBe(true)
  })

  it('finds for each of the 34,969 real communes the nearest lieu a brute-force scan finds', () => {
    // The engine input as the server reads it from the reference database the build makes.
    const reel = donneesNationales()
    expect(reel.communes.n).toBe(34_969)
    const indexReel = buildIndexCouverture(reel.communes, reel.lieux, reel.territoires)
    for (const masque of [OFFRE_COMPLETE, 2]) {
      const c = calculerCouverture(indexReel, { rayonKm: 10, masque })
      expectAgreesWithBruteForce(reel.communes, reel.lieux, c.plusProche, c.distanceKm, masque)
    }
  })
})
