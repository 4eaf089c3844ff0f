import { describe, expect, it } from 'vitest'
import { OFFRE_COMPLETE } from '../../server/domain/offre.ts'
import { calculerCouverture } from '../../server/spatial/couverture.ts'
import { calculerDistances } from '../../server/spatial/distances.ts'
import { buildIndexCouverture } from '../../server/spatial/index-couverture.ts'
import { plusProchesParMinimum } from '../../server/spatial/plus-proches-categories.ts'
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

  it.each([1, 3, 10, 45, 100])('gives, at rayon %i km, the nearest lieux of a walk of the offre tree through the per-catégorie minimum', (rayonKm) => {
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

  it.each(Array.from({ length: OFFRE_COMPLETE + 1 }, (_, m) => m))(
    'takes the nearest lieu of offre %i as the element-wise minimum over its catégories, bit for bit what its own tree walk finds',
    (masque) => {
      const parArbre = calculerDistances(index, masque)
      const parMinimum = plusProchesParMinimum(index.plusProchesCategories, lieux.id, masque)
      expect(parMinimum.plusProche).toEqual(parArbre.plusProche)
      expect(parMinimum.distanceKm).toEqual(parArbre.distanceKm)
    },
  )

  it('gives the nearest lieu of lieux at the same place, or at the same distance, the smallest lieu.id across catégories', () => {
    // GIVEN two lieux at the same point in different catégories, the larger id in the first catégorie
    const { communes: c, lieux: l, territoires: t } = donneesAleatoires(seeded(7), { communes: 200, lieux: 40 })
    l.longitude[1] = l.longitude[0]!
    l.latitude[1] = l.latitude[0]!
    l.categories[0] = 2
    l.categories[1] = 1
    l.actif[0] = 1
    l.actif[1] = 1
    l.id[0] = 500
    l.id[1] = 900
    c.longitude[0] = l.longitude[0]!
    c.latitude[0] = l.latitude[0]!
    const idx = buildIndexCouverture(c, l, t)
    // WHEN the offre holds both catégories THEN the minimum breaks ties as the tree walk does
    expect(plusProchesParMinimum(idx.plusProchesCategories, l.id, 3).plusProche[0]).toBe(0)
    for (const masque of [1, 2, 3, 15]) expect(plusProchesParMinimum(idx.plusProchesCategories, l.id, masque).plusProche).toEqual(calculerDistances(idx, masque).plusProche)
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
    // Every offre combination: the per-catégorie minimum is bit for bit the walk of the offre's own tree.
    for (let masque = 0; masque <= OFFRE_COMPLETE; masque++) {
      const parArbre = calculerDistances(indexReel, masque)
      const parMinimum = plusProchesParMinimum(indexReel.plusProchesCategories, reel.lieux.id, masque)
      expect(parMinimum.plusProche, `offre ${masque}`).toEqual(parArbre.plusProche)
      expect(parMinimum.distanceKm, `offre ${masque}`).toEqual(parArbre.distanceKm)
    }
  })
})
