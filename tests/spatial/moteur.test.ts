import { describe, expect, it } from 'vitest'
import { OFFRE_COMPLETE } from '../../server/domain/offre.ts'
import { distanceKm } from '../../server/spatial/geo.ts'
import { buildMoteur } from '../../server/spatial/moteur.ts'
import { COMMUNES_FIXTURE, LIEUX_FIXTURE, TERRITOIRES_FIXTURE } from './helpers/fixture-territoires.ts'

const moteur = () => buildMoteur(COMMUNES_FIXTURE, LIEUX_FIXTURE, TERRITOIRES_FIXTURE)
const TOUT_10 = { rayonKm: 10, masque: OFFRE_COMPLETE }
const ligne = (code: string, departement: string) =>
  moteur().communesDuDepartement(departement, TOUT_10)!.find((c) => c.code === code)!

describe('buildMoteur on a hand-made territory', () => {
  it('gives distance 0 to a commune whose centre hosts a lieu', () => {
    expect(ligne('2A004', '2A')).toMatchObject({ distanceKm: 0, lieuPlusProche: 10, couverte: true })
  })

  it('makes a commune without a lieu within the radius a zone blanche', () => {
    // Bastia's nearest lieux are the two stacked at [9.1497, 42.5], about 33 km away.
    const bastia = ligne('2B033', '2B')
    expect(bastia.couverte).toBe(false)
    expect(bastia.distanceKm).toBeCloseTo(distanceKm([9.4502, 42.6976], [9.1497, 42.5]), 12)
    expect(bastia.distanceKm).toBeGreaterThan(30)
  })

  it('breaks the tie between same-location lieux by the smaller lieu.id', () => {
    expect(ligne('2B033', '2B').lieuPlusProche).toBe(20)
    expect(moteur().plusProches([9.4502, 42.6976], { limit: 2, masque: 1 }).map((l) => l.id)).toEqual([20, 21])
  })

  it('covers the DROM commune 97411 from a lieu of La Réunion', () => {
    const saintDenis = ligne('97411', '974')
    expect(saintDenis.couverte).toBe(true)
    expect(saintDenis.distanceKm).toBeCloseTo(distanceKm([55.44667, -20.93286], [55.465, -20.9466]), 12)
    expect(moteur().chiffresDepartement('974', TOUT_10)!.chiffres).toMatchObject({ population: 155_634, tauxCouverture: 1 })
  })

  it('never counts an inactive lieu', () => {
    const drome = moteur().chiffresDepartement('26', TOUT_10)!.chiffres
    expect(drome.lieux).toEqual({ 'conseillers-numeriques': 1, 'france-services': 1, mediation: 0, 'aidants-connect': 0 })
    expect(drome.postes).toBe(3)
    expect(drome.financementEtatEuros).toBe(150_000)
  })

  it('aggregates Corse communes to 2A, 2B and région 94', () => {
    const m = moteur()
    const corseDuSud = m.chiffresDepartement('2A', TOUT_10)!
    const hauteCorse = m.chiffresDepartement('2B', TOUT_10)!
    const corse = m.chiffresRegions(TOUT_10).find((r) => r.code === '94')!
    expect(corseDuSud).toMatchObject({ region: '94', chiffres: { population: 76_320, populationCouverte: 76_320, communes: 1 } })
    expect(hauteCorse.chiffres).toMatchObject({ population: 48_000, populationCouverte: 0, communesZonesBlanches: 1, postes: 3 })
    expect(corse.chiffres).toMatchObject({
      population: 124_320,
      populationCouverte: 76_320,
      tauxCouverture: 76_320 / 124_320,
      populationZonesBlanches: 48_000,
      communes: 2,
      communesZonesBlanches: 1,
      lieux: { 'conseillers-numeriques': 2, 'france-services': 1, mediation: 0, 'aidants-connect': 0 },
      postes: 3,
      ifnMoyenZonesBlanches: 6.5,
    })
  })

  it('leaves the COM out of the headline national figures and flags the variant', () => {
    const { horsCom, avecCom } = moteur().chiffresNationaux(TOUT_10)
    expect(horsCom.inclutCom).toBe(false)
    expect(avecCom.inclutCom).toBe(true)
    expect(horsCom.chiffres.communes).toBe(4)
    expect(avecCom.chiffres.communes).toBe(5)
    expect(avecCom.chiffres.population - horsCom.chiffres.population).toBe(26_654)
    // Papeete has no IFN: its zone blanche does not move the mean IFN of zones blanches (Bastia only).
    expect(avecCom.chiffres.ifnMoyenZonesBlanches).toBe(6.5)
  })

  it('returns an empty offre as all zones blanches with no distance', () => {
    // GIVEN the Aidants Connect offre, which no lieu carries
    const vide = { rayonKm: 50, masque: 8 }
    const m = moteur()
    // THEN every commune is blanche, without a nearest lieu, and figures have no mean distance
    expect(m.zonesBlanches(vide, { limit: 10 })!.total).toBe(5)
    expect(m.communesDuDepartement('2A', vide)![0]).toMatchObject({ distanceKm: null, lieuPlusProche: null, accessibilite: 0 })
    expect(m.chiffresNationaux(vide).horsCom.chiffres).toMatchObject({
      tauxCouverture: 0,
      distanceMoyenneKm: null,
      accessibiliteMediane: 0,
      postes: 0,
      lieux: { 'conseillers-numeriques': 0, 'france-services': 0, mediation: 0, 'aidants-connect': 0 },
    })
  })

  it('lists zones blanches most populated first and flags truncation', () => {
    const r = moteur().zonesBlanches(TOUT_10, { limit: 1 })!
    // Bastia (48,000) and Papeete (26,654) are blanches at 10 km.
    expect(r).toMatchObject({ total: 2, truncated: true })
    expect(r.communes.map((c) => c.code)).toEqual(['2B033'])
    expect(moteur().zonesBlanches(TOUT_10, { limit: 5, departement: '987' })!.communes.map((c) => c.code)).toEqual(['98735'])
  })

  it('answers undefined for an unknown code département', () => {
    const m = moteur()
    expect(m.chiffresDepartement('20', TOUT_10)).toBeUndefined()
    expect(m.communesDuDepartement('20', TOUT_10)).toBeUndefined()
    expect(m.zonesBlanches(TOUT_10, { limit: 5, departement: '20' })).toBeUndefined()
  })

  it('serves a repeated query from the cache', () => {
    const m = moteur()
    expect(m.couverture({ rayonKm: 10, masque: 3 })).toBe(m.couverture({ rayonKm: 10, masque: 3 }))
    expect(m.chiffresDepartements({ rayonKm: 10, masque: 3 })).toBe(m.chiffresDepartements({ rayonKm: 10, masque: 3 }))
    // Same mask, other radius: new coverage, same nearest distances.
    expect(m.couverture({ rayonKm: 20, masque: 3 }).distanceKm).toBe(m.couverture({ rayonKm: 10, masque: 3 }).distanceKm)
  })

  it.each([
    [{ rayonKm: 0.5, masque: 15 }, 'rayonKm must be a number in [1, 100], got 0.5'],
    [{ rayonKm: 101, masque: 15 }, 'rayonKm must be a number in [1, 100], got 101'],
    [{ rayonKm: Number.NaN, masque: 15 }, 'rayonKm must be a number in [1, 100], got NaN'],
    [{ rayonKm: 10, masque: 1.5 }, 'masque must be an integer in 0..15'],
    [{ rayonKm: 10, masque: -1 }, 'masque must be an integer in 0..15'],
  ])('rejects parameters %j', (params, message) => {
    expect(() => moteur().couverture(params)).toThrow(message)
  })

  it.each([
    [{ ...COMMUNES_FIXTURE, n: 6 }, LIEUX_FIXTURE, 'Communes: code has 5 entries when n = 6'],
    [{ ...COMMUNES_FIXTURE, departement: ['26', '2A', '20', '974', '987'] }, LIEUX_FIXTURE, "Commune 2B033: unknown département '20'"],
    [{ ...COMMUNES_FIXTURE, latitude: Float64Array.of(44.9, 41.9, 42.6, -20.9, 95) }, LIEUX_FIXTURE, 'Commune 98735: position [-149.55683, 95] is not a WGS84 [lng, lat]'],
    [COMMUNES_FIXTURE, { ...LIEUX_FIXTURE, id: Int32Array.of(10, 21, 20, 30, 40, 10) }, 'Lieux: id 10 appears twice'],
  ])('rejects broken data with a precise message (%#)', (communes, lieux, message) => {
    expect(() => buildMoteur(communes, lieux, TERRITOIRES_FIXTURE)).toThrow(message)
  })
})
