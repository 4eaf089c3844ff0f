import { describe, expect, it } from 'vitest'
import type { Optimisation } from '../../client/api/types.ts'
import { libelleOptimaliteLigne, libelleOptimaliteNationale, reperesSites, resumeOptimisation } from '../../client/presenters/optimisation.ts'

const optimisation = (o: Partial<Optimisation> = {}): Optimisation => ({
  ok: true,
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
  raison: null,
  methodeCouverture: 'carreaux',
  demande: { communes: 17, points: 17, poids: 10541 },
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

  it('states the demand counted on cells as uncovered inhabitants in communes and demand points, and at centres as zones blanches', () => {
    const surCarreaux = Object.fromEntries(resumeOptimisation(optimisation({ demande: { communes: 36, points: 141, poids: 9783 } })).map((l) => [l.libelle, l.valeur]))
    expect(surCarreaux['Habitants non couverts']!.replace(/\s/g, ' ')).toBe('9 783 hab. dans 36 communes (141 points de demande)')
    const auxCentres = Object.fromEntries(resumeOptimisation(optimisation({ methodeCouverture: 'centres' })).map((l) => [l.libelle, l.valeur]))
    expect(auxCentres['Zones blanches à couvrir']!.replace(/\s/g, ' ')).toBe('17 communes, 10 541 hab.')
  })

  it('says a greedy answer is proven when it reaches a bound, not that HiGHS proved it', () => {
    const resume = Object.fromEntries(resumeOptimisation(optimisation({ methode: 'gloutonne', ecart: 0, objectifGlouton: 8317 })).map((l) => [l.cle, l.valeur]))
    expect(resume.optimal).toBe('prouvée (la solution gloutonne atteint une borne supérieure)')
  })

  it.each([
    ['temps-limite', 'exacte', 'non prouvée (temps limite atteint, meilleure solution du solveur)'],
    ['temps-limite', 'gloutonne', 'non prouvée (temps limite atteint, solution gloutonne)'],
    ['trop-grand', 'gloutonne', 'non prouvée (instance trop grande pour le solveur, solution gloutonne)'],
    ['erreur-solveur', 'gloutonne', 'non prouvée (le solveur a échoué, solution gloutonne)'],
  ] as const)('says optimality is not proven because of the reason the server gives (%s, %s)', (raison, methode, attendu) => {
    const resume = Object.fromEntries(resumeOptimisation(optimisation({ optimal: false, raison, methode })).map((l) => [l.cle, l.valeur]))
    expect(resume.optimal).toBe(attendu)
  })

  it('names each reason the national rows give, once, and nothing when every row is proven', () => {
    const lignes = [{ optimal: true, raison: null }, { optimal: false, raison: 'temps-limite' }, { optimal: false, raison: 'temps-limite' }, { optimal: false, raison: 'trop-grand' }] as const
    expect(libelleOptimaliteNationale(lignes)).toBe('Certains optimums départementaux ne sont pas prouvés (temps limite atteint ; instance trop grande pour le solveur).')
    expect(libelleOptimaliteNationale([{ optimal: true, raison: null }])).toBe('Chaque optimum départemental est prouvé.')
    expect(lignes.map(libelleOptimaliteLigne)).toEqual(['prouvée', 'non prouvée (temps limite atteint)', 'non prouvée (temps limite atteint)', 'non prouvée (instance trop grande pour le solveur)'])
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
