import { describe, expect, it } from 'vitest'
import { buildIndexCouverture } from '../../server/spatial/index-couverture.ts'
import { plusProchesLieux } from '../../server/spatial/plus-proches.ts'
import { BBOX_METROPOLE, donneesAleatoires, seeded } from './helpers/aleatoire.ts'
import { plusProchesBruteForce } from './helpers/oracles.ts'

describe('plusProchesLieux', () => {
  const rnd = seeded(11)
  const { communes, lieux, territoires } = donneesAleatoires(rnd, { communes: 500, lieux: 2_000 })
  const index = buildIndexCouverture(communes, lieux, territoires)

  it('agrees with sorting every lieu, for random points, limits and offres', () => {
    const [x0, y0, x1, y1] = BBOX_METROPOLE
    for (let q = 0; q < 200; q++) {
      const p = [x0 + (x1 - x0) * rnd(), y0 + (y1 - y0) * rnd()] as const
      const limit = 1 + Math.floor(rnd() * 50)
      const masque = Math.floor(rnd() * 16)
      const attendu = plusProchesBruteForce(lieux, p[0], p[1], limit, masque)
      expect(plusProchesLieux(index, p, limit, masque)).toEqual(attendu)
    }
  })

  it('orders lieux at the same location by lieu.id', () => {
    // GIVEN a query at a lieu's exact position, where the generator stacks several lieux
    const positions = new Map<string, number[]>()
    for (let j = 0; j < lieux.n; j++) {
      const cle = `${lieux.longitude[j]},${lieux.latitude[j]}`
      if (lieux.actif[j] === 1) positions.set(cle, [...(positions.get(cle) ?? []), j])
    }
    const [, pile] = [...positions].find(([, js]) => js.length >= 3)!
    const p = [lieux.longitude[pile[0]!]!, lieux.latitude[pile[0]!]!] as const
    // WHEN asking for as many lieux as are stacked there, in the complete offre
    const resultat = plusProchesLieux(index, p, pile.length, 15)
    // THEN they all come first at distance 0, by increasing id
    expect(resultat.map((r) => r.distanceKm)).toEqual(pile.map(() => 0))
    expect(resultat.map((r) => r.id)).toEqual(pile.map((j) => lieux.id[j]!).sort((a, b) => a - b))
  })

  it('returns nothing for an empty offre', () => {
    expect(plusProchesLieux(index, [2.35, 48.85], 10, 0)).toEqual([])
  })

  it.each([
    [[200, 45] as const, 5, 15, 'plusProchesLieux: position [200, 45] is not a WGS84 [lng, lat]'],
    [[2, 45] as const, 0, 15, 'plusProchesLieux: limit must be an integer in 1..50, got 0'],
    [[2, 45] as const, 51, 15, 'plusProchesLieux: limit must be an integer in 1..50, got 51'],
    [[2, 45] as const, 5, 16, 'masque must be an integer in 0..15'],
  ])('rejects position %j, limit %i, masque %i', (p, limit, masque, message) => {
    expect(() => plusProchesLieux(index, p, limit, masque)).toThrow(message)
  })
})
