import { describe, expect, it } from 'vitest'
import type { Chiffres, CommunesCouverture } from '../../client/api/types.ts'
import { libelleCouvertureCommune } from '../../client/presenters/indicateurs.ts'
import { comparerMethodes, horsGrille } from '../../client/presenters/methodes.ts'

const chiffres = (f: Partial<Chiffres>): Chiffres => ({
  population: 524_207, populationCouverte: 0, tauxCouverture: 0, populationZonesBlanches: 0, communes: 362, communesZonesBlanches: 0,
  lieux: { 'conseillers-numeriques': 0, 'france-services': 0, mediation: 0, 'aidants-connect': 0 }, postes: 0, postesPour10000: 0,
  financementEtatEuros: 0, distanceMoyenneKm: null, accessibiliteMediane: 0, ifnMoyenZonesBlanches: null, ...f,
})

describe('the two counting methods side by side', () => {
  it('puts each figure counted on cells beside the same figure counted at centres', () => {
    // GIVEN the Drôme at 10 km as the API gives it both ways (figures of 2026-11-28)
    const carreaux = chiffres({ populationCouverte: 514_424, tauxCouverture: 514_424 / 524_207, populationZonesBlanches: 9_783, communesZonesBlanches: 4, communesPartielles: 32 })
    const centres = chiffres({ populationCouverte: 513_666, tauxCouverture: 513_666 / 524_207, populationZonesBlanches: 10_541, communesZonesBlanches: 17 })
    // WHEN they are compared
    const lignes = comparerMethodes(carreaux, centres, 10)
    // THEN every row holds both, formatted in fr-FR, and the partielle count has no centre counterpart
    expect(lignes).toEqual([
      { cle: 'tauxCouverture', libelle: 'Population couverte', carreaux: '98,1\u202f%', centres: '98,0\u202f%' },
      { cle: 'populationZonesBlanches', libelle: 'Habitants à plus de 10 km d’un lieu', carreaux: '9\u00a0783 hab.', centres: '10\u00a0541 hab.' },
      { cle: 'communesZonesBlanches', libelle: 'Communes en zone blanche (aucun habitant couvert)', carreaux: '4', centres: '17' },
      { cle: 'communesPartielles', libelle: 'Communes couvertes en partie', carreaux: '32', centres: 'sans objet' },
    ])
  })

  it('describes a partly covered commune by its share and its uncovered inhabitants', () => {
    expect(libelleCouvertureCommune({ statut: 'partielle', couverte: false, partCouverte: 0.1169, populationNonCouverte: 1761 }))
      .toBe('Couverte en partie : 11,7\u202f% des habitants (1\u00a0761 non couverts)')
    expect(libelleCouvertureCommune({ couverte: true })).toBe('Couverte')
    expect(libelleCouvertureCommune({ statut: 'blanche', couverte: false, partCouverte: 0, populationNonCouverte: 12 })).toBe('Zone blanche')
  })
})

describe('a département outside the 1 km grid', () => {
  const commune = (code: string, parCarreaux: boolean) => ({ code, parCarreaux }) as CommunesCouverture['communes'][number]
  const reponse = (methode: 'carreaux' | 'centres', communes: CommunesCouverture['communes']) =>
    ({ ok: true, rayonKm: 10, offre: [], methode, communes }) as CommunesCouverture

  it('is one whose communes, counted on cells, are all at their centre (a DROM)', () => {
    // GIVEN Guadeloupe-like communes, none counted by cells, and a Drôme-like list where one commune is
    expect(horsGrille(reponse('carreaux', [commune('97101', false), commune('97102', false)]))).toBe(true)
    expect(horsGrille(reponse('carreaux', [commune('26001', false), commune('26002', true)]))).toBe(false)
    // THEN an answer counted at centres says nothing about the grid, nor does an empty list
    expect(horsGrille(reponse('centres', [commune('97101', false)]))).toBe(false)
    expect(horsGrille(reponse('carreaux', []))).toBe(false)
  })
})
