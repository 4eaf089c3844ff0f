import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { importerCarreaux, lireCarreau, repartirPopulation } from '../../scripts/import/carreaux.ts'
import { emprise } from '../../scripts/lib/emprise.ts'
import { LocalisateurPolygones } from '../../scripts/lib/point-dans-polygone.ts'
import { Rapport } from '../../scripts/lib/rapport.ts'
import { construireMini } from './helpers/base-mini.ts'

const carre = (x0: number, y0: number, x1: number, y1: number): GeoJSON.Polygon =>
  ({ type: 'Polygon', coordinates: [[[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]]] })

describe('repartirPopulation', () => {
  it.each([
    [[100, 300], 4844, [1211, 3633]],
    // 500 × 50/70 = 357.14…, 500 × 20/70 = 142.86…: the unit left over goes to the larger remainder
    [[50, 20], 500, [357, 143]],
    [[1, 1, 1], 10, [4, 3, 3]],
    [[0, 0], 5, [3, 2]],
    [[7, 3], 0, [0, 0]],
  ])('shares %j into integers proportional to them that sum exactly to %i', (poids, total, attendu) => {
    const parts = repartirPopulation(poids, total)
    expect(parts).toEqual(attendu)
    expect(parts.reduce((a, b) => a + b, 0)).toBe(total)
  })
})

describe('lireCarreau', () => {
  it('refuses a row whose population is not an integer, naming the field', () => {
    expect(lireCarreau(3, { x3035: '1', y3035: '2', lon: '5', lat: '44', pop: '1.5', conf: '0' }))
      .toEqual({ ok: false, champ: 'pop', motif: 'entier positif attendu (reçu « 1.5 »)' })
  })
})

describe('importerCarreaux on hand-made communes by the sea', () => {
  const dossier = mkdtempSync(join(tmpdir(), 'maillage-carreaux-'))
  afterAll(() => rmSync(dossier, { recursive: true, force: true }))

  it('puts a cell in the polygon holding its centre, a cell off the coast within 1.5 km of an edge in that commune, and rejects the rest with its population', () => {
    // GIVEN A and B side by side (0.1° squares at 45° N: 0.01° of longitude is 0.786 km), C with no cell, and a DROM commune
    const communes = [
      { code: '01001', population: 1000, departement: '01', g: carre(2.0, 45.0, 2.1, 45.1) },
      { code: '01002', population: 90, departement: '01', g: carre(2.1, 45.0, 2.2, 45.1) },
      { code: '01003', population: 40, departement: '01', g: carre(3.0, 45.0, 3.1, 45.1) },
      { code: '97101', population: 5000, departement: '971', g: carre(-61.6, 16.0, -61.5, 16.1) },
    ]
    const polygones = new LocalisateurPolygones(communes.map((c) => ({ code: c.code, emprise: emprise(c.g), geometrie: c.g })))
    const chemin = join(dossier, 'grille.csv')
    writeFileSync(chemin, ['x3035,y3035,lon,lat,pop,conf',
      '1,1,2.05,45.05,30,0', // in A
      '2,1,2.15,45.05,10,0', // in B
      '3,1,2.215,45.05,5,0', // 0.015° east of B: 1.18 km from its edge
      '4,1,2.15,45.11,5,0', // 0.01° north of B: 1.11 km from its top edge, 3.9 km from A's corner
      '5,1,2.23,45.05,8,0', // 2.36 km from B: rejected
      '6,1,-61.55,16.05,3,0', // in a DROM commune: rejected, outre-mer keeps its centre
    ].join('\n'))
    const rapport = new Rapport()

    // WHEN the grid is read
    const r = importerCarreaux(chemin, 'grille.csv', communes, new Set(['01']), polygones, rapport)

    // THEN each cell is where the rule puts it, scaled to its commune's légale population
    expect(r.carreaux.map((c) => [c.x3035, c.commune, c.rattachement, c.populationLegale])).toEqual([
      [1, '01001', 'polygone', 1000],
      [2, '01002', 'polygone', 45],
      [3, '01002', 'bord', 23],
      [4, '01002', 'bord', 22],
    ])
    expect(Object.fromEntries(r.demande)).toEqual({ '01001': 'carreaux', '01002': 'carreaux', '01003': 'centre-sans-carreau', '97101': 'centre-outre-mer' })
    expect(r.bilan).toEqual({ lus: 6, dansPolygone: 2, parBord: 2, rejetes: 2, populationRejetee: 11, communesParCarreaux: 2, communesSansCarreau: 1, communesOutreMer: 1 })
    expect(rapport.rejets.map((x) => [x.ligne, x.champ])).toEqual([[6, 'lon,lat'], [7, 'lon,lat']])
    expect(rapport.rejets[0]!.motif).toBe("centre du carreau [2.23, 45.05] dans aucune commune ni à moins de 1,5 km du bord de l'une d'elles (8 habitants)")
    rapport.verifier()
  })
})

describe('the cells of the mini build', () => {
  it('sum, commune by commune, to its légale population, and say where each commune is counted', () => {
    const { dossier, db } = construireMini()
    try {
      expect(db.prepare('SELECT code_commune, longitude, latitude, population, population_recensee, rattachement FROM carreau ORDER BY rang').all()).toEqual([
        { code_commune: '26001', longitude: 5.5, latitude: 44.75, population: 357, population_recensee: 50, rattachement: 'polygone' },
        { code_commune: '26001', longitude: 5.61, latitude: 44.75, population: 143, population_recensee: 20, rattachement: 'bord' },
        { code_commune: '26113', longitude: 5.35, latitude: 44.75, population: 1211, population_recensee: 100, rattachement: 'polygone' },
        { code_commune: '26113', longitude: 5.4, latitude: 44.72, population: 3633, population_recensee: 300, rattachement: 'polygone' },
        { code_commune: '75056', longitude: 2.33, latitude: 48.86, population: 2000, population_recensee: 1000, rattachement: 'polygone' },
        { code_commune: '75056', longitude: 2.37, latitude: 48.86, population: 1000, population_recensee: 500, rattachement: 'polygone' },
      ])
      expect(db.prepare('SELECT code, demande FROM commune ORDER BY rang').all()).toEqual([
        { code: '26001', demande: 'carreaux' }, { code: '26113', demande: 'carreaux' }, { code: '75056', demande: 'carreaux' }, { code: '97411', demande: 'centre-outre-mer' },
      ])
    } finally {
      db.close()
      rmSync(dossier, { recursive: true, force: true })
    }
  })
})
