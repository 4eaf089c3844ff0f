import { describe, expect, it } from 'vitest'
import type { Chiffres } from '../../client/api/types.ts'
import { celluleCsv, csvScenario, nomFichierScenario } from '../../client/presenters/export-scenario.ts'

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
  distanceMoyenneKm: 4.25,
  accessibiliteMediane: 2,
  ifnMoyenZonesBlanches: null,
  ...c,
})

const lignes = (csv: string) => csv.replace(/^\uFEFF/, '').split('\r\n')

describe('scenario CSV export', () => {
  const csv = csvScenario({
    departement: { code: '26', nom: 'Drôme' },
    parametres: { rayonKm: 10, offre: ['france-services', 'mediation'] },
    scenario: { ajouts: [{ lon: 4.86883, lat: 44.58916, conseillers: 2 }], retraits: [141] },
    nomsLieux: new Map([[141, 'France services; Die']]),
    avant: chiffres(),
    apres: chiffres({ populationZonesBlanches: 50, populationCouverte: 950, tauxCouverture: 0.95, postes: 4 }),
    communesChangees: [{ code: '26052', nom: 'Bonlieu-sur-Roubion', departement: '26', population: 150, avant: 'blanche', apres: 'couverte' }],
  })

  it('starts with a BOM and ends every line with CRLF, like the server exports', () => {
    expect(csv.startsWith('\uFEFF')).toBe(true)
    expect(csv.endsWith('\r\n')).toBe(true)
  })

  it('lists the ajouts and retraits with a decimal comma and the withdrawn lieu quoted because of its semicolon', () => {
    const l = lignes(csv)
    expect(l).toContain('ajout;4,86883;44,58916;2;;')
    expect(l).toContain('retrait;;;;141;"France services; Die"')
    expect(l.slice(0, 3)).toEqual(['Département;Drôme (26)', 'Rayon de couverture (km);10', 'Offre;france-services, mediation'])
  })

  it('gives each figure before, after and the difference, empty when unknown', () => {
    const l = lignes(csv)
    expect(l).toContain('Population en zones blanches;200;50;-150')
    expect(l).toContain('Taux de couverture;0,8;0,95;0,15')
    expect(l).toContain('Postes de conseillers numériques;2;4;2')
    expect(l).toContain('IFN moyen des zones blanches;;;')
  })

  it('ends with the communes whose status changes', () => {
    expect(lignes(csv)).toContain('26052;Bonlieu-sur-Roubion;150;blanche;couverte')
  })

  it('quotes double quotes and neutralises text that a spreadsheet would run as a formula', () => {
    expect(celluleCsv('Le "Lieu"')).toBe('"Le ""Lieu"""')
    expect(celluleCsv('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`)
    expect(celluleCsv(-3.5)).toBe('-3,5')
    expect(celluleCsv(null)).toBe('')
  })

  it('names the file after the département and the radius', () => {
    expect(nomFichierScenario('2A', 10)).toBe('scenario-2A-10km.csv')
  })
})
