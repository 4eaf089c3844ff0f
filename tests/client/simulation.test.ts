import { describe, expect, it } from 'vitest'
import type { Chiffres, CollectionLieux, CouvertureCommune } from '../../client/api/types.ts'
import { etatsCommunesScenario, lignesAvantApres, messageRefus, pointsScenario, signe, trierCommunesChangees } from '../../client/presenters/simulation.ts'

const chiffres = (c: Partial<Chiffres> = {}): Chiffres => ({
  population: 1000,
  populationCouverte: 800,
  tauxCouverture: 0.8,
  populationZonesBlanches: 200,
  communes: 10,
  communesZonesBlanches: 3,
  lieux: { 'conseillers-numeriques': 2, 'france-services': 1, mediation: 0, 'aidants-connect': 0 },
  postes: 2,
  postesPour10000: 20,
  financementEtatEuros: 100_000,
  distanceMoyenneKm: 4,
  accessibiliteMediane: 2,
  ifnMoyenZonesBlanches: 5,
  ...c,
})

const commune = (code: string, couverte: boolean): CouvertureCommune => ({
  code, nom: `Commune ${code}`, departement: '26', population: 100, distanceKm: couverte ? 2 : 15, couverte, lieuLePlusProche: null, accessibilite: 0, ifn: null,
})

describe('simulation presenters', () => {
  it('writes signs with the true minus sign and no sign for zero', () => {
    const f = (n: number) => String(n)
    expect([signe(5, f), signe(-5, f), signe(0, f)]).toEqual(['+5', '\u22125', '0'])
  })

  it('shows the white-zone population before, after and its fall, as an improvement', () => {
    const lignes = lignesAvantApres(chiffres(), chiffres({ populationZonesBlanches: 50, populationCouverte: 950, tauxCouverture: 0.95 }), 10)
    const zb = lignes.find((l) => l.cle === 'populationZonesBlanches')!
    expect([zb.avant, zb.apres, zb.ecart, zb.sens]).toEqual(['200', '50', '\u2212150', 'mieux'])
    expect(zb.libelle).toBe('Population en zones blanches (à plus de 10 km)')
    const taux = lignes.find((l) => l.cle === 'tauxCouverture')!
    expect([taux.ecart, taux.sens]).toEqual(['+15,0\u00a0pt', 'mieux'])
  })

  it('marks a rise of the white-zone population as a degradation and equal figures as unchanged', () => {
    const lignes = lignesAvantApres(chiffres(), chiffres({ populationZonesBlanches: 260 }), 10)
    expect(lignes.find((l) => l.cle === 'populationZonesBlanches')!.sens).toBe('moins-bien')
    const communes = lignes.find((l) => l.cle === 'communesZonesBlanches')!
    expect([communes.ecart, communes.sens]).toEqual(['=', 'egal'])
  })

  it('counts lieux over every catégorie and leaves neutral figures without a judgement', () => {
    const apres = chiffres({ lieux: { 'conseillers-numeriques': 3, 'france-services': 1, mediation: 0, 'aidants-connect': 0 }, postes: 3 })
    const lieux = lignesAvantApres(chiffres(), apres, 10).find((l) => l.cle === 'lieux')!
    expect([lieux.avant, lieux.apres, lieux.ecart, lieux.sens]).toEqual(['3', '4', '+1', 'egal'])
  })

  it('colours a commune with its simulated status when it changed, and today’s otherwise', () => {
    const etats = etatsCommunesScenario([commune('26001', true), commune('26002', false), commune('26003', false)], [
      { code: '26002', nom: 'Commune 26002', departement: '26', population: 100, avant: 'blanche', apres: 'couverte' },
    ])
    expect(Object.fromEntries(etats)).toEqual({
      '26001': { valeur: 1, blanche: false, changee: false },
      '26002': { valeur: 1, blanche: false, changee: true },
      '26003': { valeur: 0, blanche: true, changee: false },
    })
  })

  it('fills a commune covered in part by its covered share on the cells, and by half once the scenario changes it', () => {
    const etats = etatsCommunesScenario([
      { ...commune('26001', false), statut: 'partielle', partCouverte: 0.25 },
      { ...commune('26002', false), statut: 'blanche', partCouverte: 0 },
    ], [{ code: '26002', nom: 'Commune 26002', departement: '26', population: 100, avant: 'blanche', apres: 'partielle' }])
    expect(Object.fromEntries(etats)).toEqual({
      '26001': { valeur: 0.25, blanche: false, changee: false },
      '26002': { valeur: 0.5, blanche: false, changee: true },
    })
  })

  it('puts every lieu, flagged when withdrawn, and every ajout with its index on the scenario layer', () => {
    const lieux: CollectionLieux = {
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', id: 7, geometry: { type: 'Point', coordinates: [5, 44] }, properties: { id: 7, nom: 'A', categorie: 'mediation', categories: 'mediation', itinerant: false } },
        { type: 'Feature', id: 8, geometry: { type: 'Point', coordinates: [5.1, 44] }, properties: { id: 8, nom: 'B', categorie: 'france-services', categories: 'france-services', itinerant: false } },
      ],
    }
    const points = pointsScenario(lieux, [{ lon: 5.2, lat: 44.1, conseillers: 3 }], [8])
    expect(points.features.map((f) => [f.properties!.type, f.properties!.id, f.properties!.retire, f.properties!.conseillers])).toEqual([
      ['lieu', 7, false, 0],
      ['lieu', 8, true, 0],
      ['ajout', 0, false, 3],
    ])
  })

  it('lists the communes that became covered first, most populated first', () => {
    const c = (code: string, population: number, apres: 'couverte' | 'blanche') => ({ code, nom: code, departement: '26', population, avant: apres === 'couverte' ? 'blanche' as const : 'couverte' as const, apres })
    expect(trierCommunesChangees([c('26001', 50, 'blanche'), c('26002', 10, 'couverte'), c('26003', 90, 'couverte')]).map((x) => x.code)).toEqual(['26003', '26002', '26001'])
  })

  it('names a refused ajout by its number in the scenario list, from 1', () => {
    expect(messageRefus('ajouts[2] : le point [4.6, 44.9] est dans le département 07, pas dans le département 26')).toBe(
      'Poste n° 3 : le point [4.6, 44.9] est dans le département 07, pas dans le département 26',
    )
    expect(messageRefus('Lieu inconnu : 99')).toBe('Lieu inconnu : 99')
  })
})
