import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { gzipSync } from 'node:zlib'
import Database from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { construireBase, type ResumeConstruction } from '../../scripts/build-db.ts'
import { manifestPour } from '../robustesse/helpers/sources.ts'

const FIXTURE = resolve(import.meta.dirname, '../fixtures/sources-mini')

describe('construireBase on the hand-written mini sources', () => {
  let dossier: string
  let resume: ResumeConstruction
  let db: Database.Database

  beforeAll(() => {
    // GIVEN a sources directory shaped like the national one (the commune layer is gzipped there)
    dossier = mkdtempSync(join(tmpdir(), 'maillage-mini-'))
    cpSync(FIXTURE, join(dossier, 'sources'), { recursive: true })
    writeFileSync(join(dossier, 'sources/communes-2026.geojson.gz'), gzipSync(readFileSync(join(FIXTURE, 'communes-2026.geojson'))))
    rmSync(join(dossier, 'sources/communes-2026.geojson'))
    // WHEN the database is built
    const sources = join(dossier, 'sources')
    resume = construireBase({ sources, sortie: join(dossier, 'base.sqlite'), dossierCog: join(FIXTURE, 'cog'), silencieux: true, manifest: manifestPour(sources) })
    db = new Database(join(dossier, 'base.sqlite'), { readonly: true })
  })
  afterAll(() => {
    db?.close()
    rmSync(dossier, { recursive: true, force: true })
  })

  it('keeps the current communes once, Paris without its arrondissements', () => {
    expect(db.prepare('SELECT code FROM commune ORDER BY rang').pluck().all()).toEqual(['26001', '26113', '75056', '97411'])
    expect(db.prepare('SELECT SUM(population) FROM commune').pluck().get()).toBe(4844 + 500 + 3000 + 150000)
    expect(db.prepare('SELECT code FROM arrondissement ORDER BY code').pluck().all()).toEqual(['75101', '75102'])
  })

  it('places each commune at the centroid of its polygon, worked out by hand for the rectangles of the fixture', () => {
    expect(db.prepare('SELECT code, longitude, latitude, methode_centre FROM commune ORDER BY rang').all()).toEqual([
      { code: '26001', longitude: 5.525, latitude: 44.75, methode_centre: 'centroid' },
      { code: '26113', longitude: 5.375, latitude: 44.75, methode_centre: 'centroid' },
      { code: '75056', longitude: 2.35, latitude: 48.86, methode_centre: 'centroid' },
      { code: '97411', longitude: 55.45, latitude: -20.9, methode_centre: 'centroid' },
    ].map((c) => ({ ...c, longitude: expect.closeTo(c.longitude, 9), latitude: expect.closeTo(c.latitude, 9) })))
    expect(resume.centres).toEqual({ parMethode: { centroid: 6, scanline: 0, sommets: 0 }, sansSurface: [] })
  })

  it('derives each région outline from its départements', () => {
    expect(db.prepare('SELECT code, geojson FROM region_geometrie ORDER BY code').all()).toEqual([
      { code: '04', geojson: JSON.stringify({ type: 'MultiPolygon', coordinates: [[[[55.4, -20.95], [55.5, -20.95], [55.5, -20.85], [55.4, -20.85], [55.4, -20.95]]]] }) },
      { code: '11', geojson: JSON.stringify({ type: 'MultiPolygon', coordinates: [[[[2.3, 48.85], [2.4, 48.85], [2.4, 48.87], [2.3, 48.87], [2.3, 48.85]]]] }) },
      { code: '84', geojson: JSON.stringify({ type: 'MultiPolygon', coordinates: [[[[5.3, 44.7], [5.6, 44.7], [5.6, 44.8], [5.3, 44.8], [5.3, 44.7]]]] }) },
    ])
  })

  it('merges records of one place across sources and lists every source', () => {
    const lieux = db.prepare('SELECT id, nom, code_insee, categories, postes, financement_euros, localisation, actif FROM lieu ORDER BY id').all()
    expect(lieux).toEqual([
      { id: 1, nom: 'France services de Die', code_insee: '26113', categories: 2, postes: 0, financement_euros: 0, localisation: 'source', actif: 1 },
      { id: 2, nom: 'France services Paris Centre', code_insee: '75056', categories: 2, postes: 0, financement_euros: 0, localisation: 'source', actif: 1 },
      { id: 3, nom: 'MAIRIE DE DIE', code_insee: '26113', categories: 1 | 8, postes: 3, financement_euros: 150_000, localisation: 'source', actif: 1 },
      { id: 4, nom: 'Médiathèque de Die', code_insee: '26113', categories: 1 | 4, postes: 0, financement_euros: 0, localisation: 'source', actif: 1 },
      { id: 5, nom: 'ASSOCIATION DU DIOIS', code_insee: '26001', categories: 1, postes: 1, financement_euros: 40_000, localisation: 'centre-commune', actif: 1 },
      { id: 6, nom: 'CCAS de Saint-Denis', code_insee: '97411', categories: 8, postes: 0, financement_euros: 0, localisation: 'centre-commune', actif: 0 },
    ])
    expect(db.prepare('SELECT jeu, fusion FROM lieu_source WHERE lieu_id = 3 ORDER BY rowid').all()).toEqual([
      { jeu: 'cnfs-structures-2021', fusion: null },
      { jeu: 'cnfs-structures-2023', fusion: 'même SIRET 21260113200019' },
      { jeu: 'aidants-connect', fusion: 'même SIRET 21260113200019' },
    ])
    expect(db.prepare('SELECT fusion FROM lieu_source WHERE lieu_id = 4 AND jeu = ?').pluck().get('hinaura')).toBe('même nom et même position')
  })

  it('rejects each bad row with its file, line, field and a French reason', () => {
    expect(db.prepare("SELECT fichier, ligne, champ, motif FROM rejet WHERE jeu NOT IN ('ifn') ORDER BY fichier, ligne").all()).toEqual([
      { fichier: 'aidants-connect-structures-2024-02.csv', ligne: 3, champ: 'City Insee Code', motif: 'aucune position : ni coordonnées, ni code INSEE, ni SIRET géocodé, ni code postal propre à une commune' },
      { fichier: 'cnfs-lieux-2022.json', ligne: 2, champ: 'latitude', motif: 'position (5, 40) hors de toute commune de France' },
      { fichier: 'cnfs-structures-2023-04.csv', ligne: 4, champ: 'code_insee_norm', motif: 'code INSEE 25282 inconnu du COG 2026, ni coordonnées ni SIRET géocodé' },
      { fichier: 'communes-2026.geojson', ligne: 7, champ: 'code', motif: 'code 99999 absent du COG 2026' },
      { fichier: 'france-services-2024-08.csv', ligne: 5, champ: 'latitude', motif: 'coordonnées non numériques : « 5.37 », « abc »' },
      { fichier: 'population-carroyee-2021-1km.csv', ligne: 6, champ: 'lon,lat', motif: "centre du carreau [6, 44.75] dans aucune commune ni à moins de 1,5 km du bord de l'une d'elles (7 habitants)" },
      { fichier: 'population-carroyee-2021-1km.csv', ligne: 9, champ: 'pop', motif: 'entier positif attendu (reçu « abc »)' },
    ])
  })

  it('accounts for every row of every source', () => {
    const comptes = Object.fromEntries((db.prepare('SELECT jeu, lus, gardes, fusionnes, rejetes FROM source_compte').all() as { jeu: string; lus: number; gardes: number; fusionnes: number; rejetes: number }[])
      .map((c) => [c.jeu, [c.lus, c.gardes, c.fusionnes, c.rejetes]]))
    expect(comptes).toMatchObject({
      cog: [7, 7, 0, 0],
      'communes-geometrie': [7, 6, 0, 1],
      'france-services': [3, 2, 0, 1],
      'cnfs-structures-2021': [1, 1, 0, 0],
      'cnfs-lieux-2022': [2, 1, 0, 1],
      hinaura: [1, 0, 1, 0],
      'cnfs-structures-2023': [3, 1, 1, 1],
      'aidants-connect': [3, 1, 1, 1],
      ifn: [5, 1, 2, 2],
      'population-carroyee': [8, 6, 0, 2],
    })
    expect(resume.rapport.rejets).toHaveLength(db.prepare('SELECT COUNT(*) FROM rejet').pluck().get() as number)
  })

  it('combines the IFN of Paris from its arrondissements and leaves unknown values null', () => {
    const ind = db.prepare('SELECT code, ifn_total, ifn_pauvrete, centralite, montagne, massif, revenu_median, taux_pauvrete FROM commune_indicateur ORDER BY code').all()
    expect(ind).toEqual([
      { code: '26001', ifn_total: null, ifn_pauvrete: null, centralite: null, montagne: 0, massif: null, revenu_median: 20100, taux_pauvrete: null },
      { code: '26113', ifn_total: 7, ifn_pauvrete: 7, centralite: "Centre intermédiaire d'équipements et de services", montagne: 1, massif: '04 - Massif des Alpes', revenu_median: 19500, taux_pauvrete: 21.5 },
      { code: '75056', ifn_total: 3, ifn_pauvrete: 5, centralite: null, montagne: 0, massif: null, revenu_median: null, taux_pauvrete: null },
      { code: '97411', ifn_total: null, ifn_pauvrete: null, centralite: null, montagne: 0, massif: null, revenu_median: null, taux_pauvrete: null },
    ])
  })

  it('converts France services opening hours to the OSM syntax', () => {
    expect(db.prepare('SELECT horaires, itinerant FROM lieu WHERE id = 1').get()).toEqual({ horaires: 'Mo 09:00-12:00; Tu 09:00-12:00,14:00-17:00', itinerant: 0 })
  })

  it('writes an import row with the per-source accounting', () => {
    const imp = db.prepare('SELECT id, sources FROM import').get() as { id: string; sources: string }
    expect(imp.id).toBe(resume.id)
    expect((JSON.parse(imp.sources) as { jeu: string; lus: number }[]).find((s) => s.jeu === 'hinaura')?.lus).toBe(1)
  })
})
