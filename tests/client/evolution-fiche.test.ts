import { describe, expect, it } from 'vitest'
import type { CandidatureEvaluee as Candidature, Chiffres, PointEvolution } from '../../client/api/types.ts'
import { dateDeVue, libelleMois, presenterEvolution } from '../../client/presenters/evolution.ts'
import { lignesChiffresFiche, resumerCandidatures } from '../../client/presenters/fiche.ts'
import { ecrireVue, lireVue, VUE_DEFAUT } from '../../client/presenters/parametres.ts'

const chiffres = (tauxCouverture: number, populationCouverte: number): Chiffres => ({
  population: 1000, populationCouverte, tauxCouverture, populationZonesBlanches: 1000 - populationCouverte, communes: 10, communesZonesBlanches: 3,
  lieux: { 'conseillers-numeriques': 2, 'france-services': 1, mediation: 0, 'aidants-connect': 4 }, postes: 3, postesPour10000: 30, financementEtatEuros: 130_000,
  distanceMoyenneKm: 4.25, accessibiliteMediane: 1.5, ifnMoyenZonesBlanches: null,
})
const point = (date: string, taux: number): PointEvolution => ({ date, sources: [], nouvelles: [], description: `${date} : …`, chiffres: chiffres(taux, taux * 1000) })
const POINTS = [point('2021-06', 0.5), point('2022-07', 0.8), point('2024-08', 0.9)]

describe('presenterEvolution', () => {
  it('selects the last point (today’s lieux) when the view has no date', () => {
    expect(presenterEvolution(POINTS, null).map((p) => [p.date, p.choisi, p.aujourdhui])).toEqual([
      ['2021-06', false, false], ['2022-07', false, false], ['2024-08', true, true],
    ])
  })

  it('selects the point of the view’s date, with its rate and covered population', () => {
    expect(presenterEvolution(POINTS, '2022-07')[1]).toEqual({ date: '2022-07', taux: 0.8, populationCouverte: 800, description: '2022-07 : …', choisi: true, aujourdhui: false })
  })
})

describe('dateDeVue', () => {
  it.each([['2021-06', '2021-06'], ['2024-08', null]])('turns the choice %s into the view’s date %s (null: today, a clean URL)', (choix, date) => {
    expect(dateDeVue(POINTS, choix)).toBe(date)
  })
})

describe('libelleMois', () => {
  it.each([['2021-06', 'juin 2021'], ['2024-08', 'août 2024'], ['2024-13', '2024-13']])('names %s « %s »', (date, libelle) => {
    expect(libelleMois(date)).toBe(libelle)
  })
})

describe('the view’s date in the URL', () => {
  it('reads a month and writes it back, and drops anything else', () => {
    expect(lireVue(new URLSearchParams('date=2022-07')).date).toBe('2022-07')
    expect(ecrireVue({ ...VUE_DEFAUT, date: '2022-07' }).toString()).toBe('date=2022-07')
    expect(lireVue(new URLSearchParams('date=juillet')).date).toBeNull()
    expect(lireVue(new URLSearchParams('date=2022-00')).date).toBeNull()
    expect(ecrireVue(VUE_DEFAUT).toString()).toBe('')
  })
})

describe('lignesChiffresFiche', () => {
  it('formats each figure for the département, its région and France, a dash where a territory is missing', () => {
    const lignes = lignesChiffresFiche([chiffres(0.98, 980), undefined, chiffres(0.5, 500)], 10)
    expect(lignes.find((l) => l.cle === 'tauxCouverture')!.valeurs).toEqual(['98,0\u202f%', '—', '50,0\u202f%'])
    expect(lignes.find((l) => l.cle === 'communesZonesBlanches')!.valeurs[0]).toBe('3 / 10')
    expect(lignes.find((l) => l.cle === 'lieux')!.valeurs[0]).toBe('7')
    expect(lignes.find((l) => l.cle === 'populationZonesBlanches')!.libelle).toBe('Population à plus de 10 km d’un lieu')
    expect(lignes.find((l) => l.cle === 'ifnMoyenZonesBlanches')!.valeurs[0]).toBe('—')
  })
})

describe('resumerCandidatures', () => {
  const candidature = (nom: string, postes: number, gain: number, avis: 'favorable' | 'reserve' | null): Candidature => ({
    id: 1, departement: '26', siret: '1', nom, type: 'collectivite', adresse: '', codeInsee: '26113', postes, longitude: 5, latitude: 44, localisation: 'commune',
    dateDepot: null, importePar: 'x', creeLe: '', modifieLe: '', avis: avis === null ? null : { avis, commentaire: '', auteur: 'x', donneLe: '' }, avisHistorique: [],
    coutEtatEuros: postes * 50_000, gain, populationPonderee: gain, coutParHabitantEuros: null, communesCouvertes: [],
  })

  it('says nothing when there is no candidature (or none given)', () => {
    expect(resumerCandidatures([])).toBeNull()
    expect(resumerCandidatures(undefined)).toBeNull()
  })

  it('counts candidatures, postes, cost and avis, and names the one that alone covers most', () => {
    const r = resumerCandidatures([candidature('A', 1, 100, 'favorable'), candidature('B', 2, 2500, null), candidature('C', 1, 0, 'reserve')])
    expect(r).toEqual({ nombre: 3, postes: 4, coutEtatEuros: '200\u00a0000\u00a0€', avis: { favorable: 1, reserve: 1, defavorable: 0, sansAvis: 1 }, meilleure: { nom: 'B', gain: '2\u00a0500' } })
  })
})
