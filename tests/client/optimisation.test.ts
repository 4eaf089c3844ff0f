import { describe, expect, it } from 'vitest'
import type { Optimisation } from '../../client/api/types.ts'
import { reperesSites, resumeOptimisation } from '../../client/presenters/optimisation.ts'

const optimisation = (o: Partial<Optimisation> = {}): Optimisation => ({
  rayonKm: 10,
  offre: ['france-services'],
  departement: { code: '26', nom: 'Drôme' },
  nombrePostes: 2,
  candidats: 'communes',
  poids: 'population',
  sites: [
    { lon: 4.86883, lat: 44.58916, code: '26052', nom: 'Bonlieu-sur-Roubion', gain: 6323, lieuId: null },
    { lon: 4.86636, lat: 44.32783, code: '26033', nom: 'La Baume-de-Transit', gain: 1994, lieuId: null },
  ],
  objectif: 8317,
  objectifGlouton: 8000,
  optimal: true,
  ecart: 0.0381,
  borneSuperieure: 8317,
  methode: 'exacte',
  demande: { communes: 17, poids: 10541 },
  nbCandidats: 362,
  dureeMs: 215,
  ...o,
})

describe('optimisation presenters', () => {
  it('summarises the objective, the greedy objective, the proof and the gap', () => {
    const resume = Object.fromEntries(resumeOptimisation(optimisation()).map((l) => [l.cle, l.valeur]))
    expect(resume.objectif).toBe('8\u00a0317\u00a0hab.')
    expect(resume.objectifGlouton).toBe('8\u00a0000\u00a0hab.')
    expect(resume.optimal).toBe('prouvée (solveur HiGHS)')
    expect(resume.ecart).toBe('3,8\u202f%')
  })

  it('says why optimality is not proven', () => {
    const parTemps = Object.fromEntries(resumeOptimisation(optimisation({ optimal: false })).map((l) => [l.cle, l.valeur]))
    const glouton = Object.fromEntries(resumeOptimisation(optimisation({ optimal: false, methode: 'gloutonne' })).map((l) => [l.cle, l.valeur]))
    expect(parTemps.optimal).toBe('non prouvée (temps limite atteint)')
    expect(glouton.optimal).toBe('non prouvée (instance trop grande, solution gloutonne)')
  })

  it('does not call an IFN-weighted objective inhabitants alone', () => {
    const resume = Object.fromEntries(resumeOptimisation(optimisation({ poids: 'population-ifn', objectif: 1234.6 })).map((l) => [l.cle, l.valeur]))
    expect(resume.objectif).toBe('1\u00a0235\u00a0hab. × IFN')
  })

  it('numbers the proposed sites from 1, in the order of the table, as distinct markers', () => {
    const reperes = reperesSites(optimisation())
    expect(reperes.map((r) => [r.numero, r.longitude, r.latitude, r.variante])).toEqual([
      [1, 4.86883, 44.58916, 'propose'],
      [2, 4.86636, 44.32783, 'propose'],
    ])
    expect(reperes[0]!.libelle).toBe('Site proposé n° 1 : Bonlieu-sur-Roubion (+6\u00a0323\u00a0hab.)')
    expect(reperesSites(undefined)).toEqual([])
  })
})
