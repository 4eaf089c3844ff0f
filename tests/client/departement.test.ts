import { describe, expect, it } from 'vitest'
import type { CouvertureCommune } from '../../client/api/types.ts'
import { comparer, histogrammeAccessibilite, populationParDistance, presenterCommunes } from '../../client/presenters/departement.ts'

const commune = (code: string, population: number, distanceKm: number | null, accessibilite = 0): CouvertureCommune => ({
  code,
  nom: `Commune ${code}`,
  departement: '26',
  population,
  distanceKm,
  couverte: distanceKm !== null && distanceKm <= 10,
  lieuLePlusProche: null,
  accessibilite,
  ifn: null,
})

describe('département presenters', () => {
  it('adds population into the 0–2, 2–5, 5–10, 10–20 and 20+ km bands, lower bound included', () => {
    const communes = [commune('26001', 100, 0), commune('26002', 10, 2), commune('26003', 5, 9.9), commune('26004', 7, 20), commune('26005', 3, 35)]
    expect(populationParDistance(communes).map((b) => b.valeur)).toEqual([100, 10, 5, 0, 10])
  })

  it('adds a band for communes with no lieu at all', () => {
    const barres = populationParDistance([commune('26001', 40, null)])
    expect(barres[barres.length - 1]).toEqual({ libelle: 'aucun lieu', valeur: 40 })
  })

  it('counts every commune with an accessibility once in the histogram', () => {
    const communes = Array.from({ length: 50 }, (_, i) => commune(`26${String(i).padStart(3, '0')}`, 1, 1, i / 10))
    const classes = histogrammeAccessibilite([...communes, commune('26999', 1, 1, Number.NaN)])
    expect(classes.reduce((s, c) => s + c.effectif, 0)).toBe(50)
    expect(classes[0]!.min).toBe(0)
  })

  it('marks zones blanches in the map state and colours by indicator value', () => {
    const p = presenterCommunes([commune('26001', 1, 3), commune('26002', 1, 30)], 'couverture')
    expect(p.etats.get('26001')).toEqual({ valeur: 1, blanche: false })
    expect(p.etats.get('26002')).toEqual({ valeur: 0, blanche: true })
    expect(p.libelles).toEqual(['Zone blanche', 'Partiellement couverte', 'Couverte'])
  })

  it('colours a commune partly covered on the 1 km grid between blanche and couverte, without the white-zone hatching', () => {
    // GIVEN a commune whose centre is at 11 km but 30 % of its inhabitants live within 10 km (methode carreaux)
    const partielle: CouvertureCommune = { ...commune('26003', 1000, 11), statut: 'partielle', partCouverte: 0.3, populationNonCouverte: 700, parCarreaux: true }
    const blanche: CouvertureCommune = { ...commune('26004', 50, 25), statut: 'blanche', partCouverte: 0, populationNonCouverte: 50, parCarreaux: true }
    // WHEN the map shows the status, then the share covered
    const statut = presenterCommunes([partielle, blanche], 'couverture')
    const part = presenterCommunes([partielle, blanche], 'partCouverte')
    // THEN the status value sits in the middle class (thresholds 0.5 and 1), hatching only the commune with no one covered
    expect(statut.etats.get('26003')).toEqual({ valeur: 0.5, blanche: false })
    expect(statut.etats.get('26004')).toEqual({ valeur: 0, blanche: true })
    expect(statut.classement.seuils).toEqual([0.5, 1])
    // AND the share map reads partCouverte into the quarter classes
    expect(part.etats.get('26003')).toEqual({ valeur: 0.3, blanche: false })
    expect(part.classement.seuils).toEqual([0.25, 0.5, 0.75, 1])
  })

  it('compares the département with its région and France, with a dash for a missing territory', () => {
    const chiffres = {
      population: 1000, populationCouverte: 900, tauxCouverture: 0.9, populationZonesBlanches: 100, communes: 10, communesZonesBlanches: 2,
      lieux: { 'conseillers-numeriques': 1, 'france-services': 1, mediation: 1, 'aidants-connect': 0 }, postes: 2, postesPour10000: 20,
      financementEtatEuros: 0, distanceMoyenneKm: 4, accessibiliteMediane: 1.5, ifnMoyenZonesBlanches: null,
    }
    const lignes = comparer([chiffres, undefined, chiffres])
    expect(lignes[0]).toEqual({ libelle: 'Population couverte', valeurs: ['90,0\u202f%', '—', '90,0\u202f%'] })
    expect(lignes[1]!.valeurs[0]).toBe('20,0\u202f%')
  })
})
