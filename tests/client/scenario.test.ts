import { describe, expect, it } from 'vitest'
import { CATEGORIES } from '../../server/domain/offre.ts'
import { MAX_AJOUTS } from '../../server/domain/planification.ts'
import {
  accepterSites, ajouterPoste, basculerRetrait, changerConseillers, corpsSimulation, ecrirePlanification, lireAjouts, lirePlanification,
  lireRetraits, SCENARIO_VIDE, supprimerAjout,
} from '../../client/presenters/scenario.ts'

describe('scenario in the URL', () => {
  it('reads ajouts as lon,lat,conseillers triples joined by semicolons', () => {
    expect(lireAjouts('4.86883,44.58916,2;5.37,44.75,1')).toEqual([
      { lon: 4.86883, lat: 44.58916, conseillers: 2 },
      { lon: 5.37, lat: 44.75, conseillers: 1 },
    ])
  })

  it('gives an ajout without a number of conseillers one conseiller', () => {
    expect(lireAjouts('5.37,44.75')).toEqual([{ lon: 5.37, lat: 44.75, conseillers: 1 }])
  })

  it('drops malformed or out-of-range triples and keeps the valid ones', () => {
    expect(lireAjouts('abc;5.37,44.75,1;200,44,1;5,95,1;5,44,1,9;5,44,-1;;4.9,44.5,3')).toEqual([
      { lon: 5.37, lat: 44.75, conseillers: 1 },
      { lon: 4.9, lat: 44.5, conseillers: 3 },
    ])
  })

  it('caps conseillers at 50 and ajouts at the server limit of 200', () => {
    expect(lireAjouts('5,44,999')[0]!.conseillers).toBe(50)
    const beaucoup = Array.from({ length: 250 }, (_, i) => `5.${i},44,1`).join(';')
    expect(lireAjouts(beaucoup)).toHaveLength(MAX_AJOUTS)
  })

  it('reads retraits as positive integer ids, each once, in order', () => {
    expect(lireRetraits('12,7,x,12,0,-3,1.5,9')).toEqual([12, 7, 9])
  })

  it('round-trips a planification through its URL parameters', () => {
    const plan = { rayonKm: 7, offre: ['france-services', 'mediation'] as const, ajouts: [{ lon: 4.86883, lat: 44.58916, conseillers: 2 }], retraits: [141, 9551] }
    const params = ecrirePlanification(plan)
    expect(params.get('ajouts')).toBe('4.86883,44.58916,2')
    expect(params.get('retraits')).toBe('141,9551')
    expect(lirePlanification(new URLSearchParams(params.toString()))).toEqual(plan)
  })

  it('always writes rayonKm, leaves out the full offre and an empty scenario', () => {
    const params = ecrirePlanification({ rayonKm: 10, offre: CATEGORIES, ...SCENARIO_VIDE })
    expect(params.toString()).toBe('rayonKm=10')
  })

  it('rounds positions to 5 decimals (about a metre)', () => {
    const s = ajouterPoste(SCENARIO_VIDE, { lon: 5.123456789, lat: 44.987654321 })
    expect(s.ajouts).toEqual([{ lon: 5.12346, lat: 44.98765, conseillers: 1 }])
  })
})

describe('scenario editing', () => {
  it('adds the conseillers to an existing ajout at the same position instead of a second ajout', () => {
    const s = ajouterPoste(ajouterPoste(SCENARIO_VIDE, { lon: 5, lat: 44 }, 2), { lon: 5.000001, lat: 44 }, 3)
    expect(s.ajouts).toEqual([{ lon: 5, lat: 44, conseillers: 5 }])
  })

  it('removes one ajout by its index and keeps the others in order', () => {
    const s = [{ lon: 1, lat: 44 }, { lon: 2, lat: 44 }, { lon: 3, lat: 44 }].reduce((acc, p) => ajouterPoste(acc, p), SCENARIO_VIDE)
    expect(supprimerAjout(s, 1).ajouts.map((a) => a.lon)).toEqual([1, 3])
  })

  it('keeps conseillers between 1 and 50 when changed', () => {
    const s = ajouterPoste(SCENARIO_VIDE, { lon: 5, lat: 44 })
    expect(changerConseillers(s, 0, 0).ajouts[0]!.conseillers).toBe(1)
    expect(changerConseillers(s, 0, 80).ajouts[0]!.conseillers).toBe(50)
    expect(changerConseillers(s, 0, 4).ajouts[0]!.conseillers).toBe(4)
  })

  it('withdraws a lieu, and puts it back on a second toggle', () => {
    const retire = basculerRetrait(SCENARIO_VIDE, 141)
    expect(retire.retraits).toEqual([141])
    expect(basculerRetrait(retire, 141).retraits).toEqual([])
  })

  it('accepts proposed sites as one poste each, skipping a site already in the scenario', () => {
    const s = ajouterPoste(SCENARIO_VIDE, { lon: 4.86883, lat: 44.58916 }, 2)
    const suivant = accepterSites(s, [{ lon: 4.86883, lat: 44.58916 }, { lon: 4.86636, lat: 44.32783 }])
    expect(suivant.ajouts).toEqual([
      { lon: 4.86883, lat: 44.58916, conseillers: 2 },
      { lon: 4.86636, lat: 44.32783, conseillers: 1 },
    ])
  })

  it('builds the POST /api/simulations body of a planification', () => {
    const plan = { rayonKm: 10, offre: CATEGORIES, ajouts: [{ lon: 5, lat: 44, conseillers: 1 }], retraits: [3] }
    expect(corpsSimulation('26', plan)).toEqual({ methode: 'carreaux', departement: '26', rayonKm: 10, offre: [...CATEGORIES], ajouts: [{ lon: 5, lat: 44, conseillers: 1 }], retraits: [3] })
  })
})
