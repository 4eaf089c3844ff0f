import { describe, expect, it } from 'vitest'
import type { Chiffres } from '../../server/spatial/chiffres.ts'
import { buildMoteur } from '../../server/spatial/moteur.ts'
import { donneesAleatoires, seeded } from './helpers/aleatoire.ts'
import { accessibiliteBruteForce, chiffresNaifs, plusProchesBruteForceTous } from './helpers/oracles.ts'

/** Float sums are accumulated in another order by the engine: compare numbers to 1e-9 relative. */
function expectChiffresProches(recu: Chiffres, attendu: Chiffres): void {
  for (const [cle, v] of Object.entries(attendu)) {
    const r = recu[cle as keyof Chiffres]
    if (typeof v === 'number' && typeof r === 'number') expect(r, cle).toBeCloseTo(v, 9 - Math.max(0, Math.ceil(Math.log10(Math.abs(v) + 1))))
    else expect(r, cle).toEqual(v)
  }
}

describe('figures of départements, régions and the nation', () => {
  const { communes, lieux, territoires } = donneesAleatoires(seeded(99), { communes: 1_200, lieux: 250 })
  const moteur = buildMoteur(communes, lieux, territoires)

  it.each([
    [10, 15],
    [5, 1],
    [40, 6],
    [100, 8],
    [20, 0],
  ])('agree with a naive aggregation of brute-force results at rayon %i km, offre %i', (rayonKm, masque) => {
    // GIVEN per-commune results computed without any index
    const { distanceKm } = plusProchesBruteForceTous(communes, lieux, masque)
    const accessibilite = accessibiliteBruteForce(communes, lieux, rayonKm, masque)
    const r = { distanceKm, accessibilite, rayonKm, masque }
    const params = { rayonKm, masque }
    // THEN every département matches
    for (const d of moteur.chiffresDepartements(params)) {
      const attendu = chiffresNaifs(communes, lieux, (i) => communes.departement[i] === d.code, (j) => lieux.departement[j] === d.code, r)
      expectChiffresProches(d.chiffres, attendu)
    }
    // AND every région, through its départements
    const regionDe = new Map(territoires.departements.map((d) => [d.code, d.region] as const))
    for (const reg of moteur.chiffresRegions(params)) {
      const attendu = chiffresNaifs(
        communes,
        lieux,
        (i) => regionDe.get(communes.departement[i]!) === reg.code,
        (j) => regionDe.get(lieux.departement[j]!) === reg.code,
        r,
      )
      expectChiffresProches(reg.chiffres, attendu)
    }
    // AND both national variants
    const { horsCom, avecCom } = moteur.chiffresNationaux(params)
    const horsComAttendu = chiffresNaifs(communes, lieux, (i) => communes.com[i] === 0, (j) => lieux.departement[j] !== '987', r)
    expectChiffresProches(horsCom.chiffres, horsComAttendu)
    expectChiffresProches(avecCom.chiffres, chiffresNaifs(communes, lieux, () => true, () => true, r))
    expect(avecCom.chiffres.communes).toBeGreaterThan(horsCom.chiffres.communes)
  })
})
