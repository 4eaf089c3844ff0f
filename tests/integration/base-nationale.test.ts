import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { gunzipSync } from 'node:zlib'
import Database from 'better-sqlite3'
import { parse } from 'csv-parse/sync'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { cheminSource, dossierSources } from '../../scripts/lib/sources.ts'
import { CHEMIN_BASE_NATIONALE } from '../setup/base-nationale.ts'

const require = createRequire(import.meta.url)
type CommuneCog = { code: string; type: string; population?: number; departement: string }
const cog = require('@etalab/decoupage-administratif/data/communes.json') as CommuneCog[]
const sources = dossierSources()

/** Rows of a source counted independently of the import code (a CSV parser or JSON.parse). */
function lignesSource(fichier: string): number {
  const chemin = cheminSource(sources, fichier)!
  const brut = readFileSync(chemin)
  const texte = (chemin.endsWith('.gz') ? gunzipSync(brut) : brut).toString('utf8')
  if (fichier.endsWith('.csv')) return (parse(texte, { columns: true, bom: true, relax_column_count: true }) as unknown[]).length
  const json = JSON.parse(texte) as unknown[] | { features: unknown[] }
  return Array.isArray(json) ? json.length : json.features.length
}

describe('the national reference database built from the real sources', () => {
  let db: Database.Database
  beforeAll(() => {
    db = new Database(CHEMIN_BASE_NATIONALE, { readonly: true })
  })
  afterAll(() => db?.close())

  it('holds the 34,969 communes of COG 2026 with their legal population', () => {
    const actuelles = cog.filter((c) => c.type === 'commune-actuelle')
    expect(db.prepare('SELECT COUNT(*) FROM commune').pluck().get()).toBe(34_969)
    expect(db.prepare('SELECT SUM(population) FROM commune').pluck().get()).toBe(actuelles.reduce((s, c) => s + (c.population ?? 0), 0))
  })

  it('holds 101 départements plus the 8 COM, flagged', () => {
    expect(db.prepare('SELECT COUNT(*) FROM departement WHERE com = 0').pluck().get()).toBe(101)
    expect(db.prepare('SELECT code FROM departement WHERE com = 1 ORDER BY code').pluck().all()).toEqual(['975', '977', '978', '984', '986', '987', '988', '989'])
    expect(db.prepare("SELECT COUNT(*) FROM commune WHERE departement IN ('2A', '2B')").pluck().get()).toBe(cog.filter((c) => c.type === 'commune-actuelle' && (c.departement === '2A' || c.departement === '2B')).length)
  })

  it('keeps the 45 arrondissements municipaux apart, never counted in communes', () => {
    expect(db.prepare('SELECT COUNT(*) FROM arrondissement').pluck().get()).toBe(45)
    expect(db.prepare("SELECT COUNT(*) FROM commune WHERE code IN (SELECT code FROM arrondissement)").pluck().get()).toBe(0)
    expect(db.prepare("SELECT population FROM commune WHERE code = '75056'").pluck().get()).toBe(cog.find((c) => c.code === '75056')?.population)
  })

  it('gives every commune a centre point inside France’s bounds and a polygon', () => {
    expect(db.prepare('SELECT COUNT(*) FROM commune_geometrie WHERE type = ?').pluck().get('commune')).toBe(34_969)
    expect(db.prepare('SELECT COUNT(*) FROM commune WHERE longitude IS NULL OR latitude IS NULL').pluck().get()).toBe(0)
  })

  it('places each commune’s centre inside the box of its département’s zone (métropole, each DROM, each COM)', () => {
    // GIVEN boxes [lngMin, lngMax, latMin, latMax] written by hand from geography, not from the data: a little
    // wider than the land (outlying islands included), far narrower than a swapped or mis-signed coordinate
    const metropole = [-5.3, 9.7, 41.3, 51.2] // Ouessant to Corse's east coast, Bonifacio to Bray-Dunes
    const boites: Readonly<Record<string, readonly number[]>> = {
      '971': [-61.9, -60.9, 15.8, 16.6], // Guadeloupe, les Saintes, Marie-Galante, la Désirade
      '972': [-61.3, -60.8, 14.35, 14.9], // Martinique
      '973': [-54.7, -51.5, 2.0, 5.9], // Guyane, from the Maroni to the Oyapock
      '974': [55.2, 55.9, -21.4, -20.85], // La Réunion
      '976': [44.9, 45.35, -13.05, -12.6], // Mayotte
      '975': [-56.5, -56.1, 46.7, 47.2], // Saint-Pierre-et-Miquelon
      '977': [-62.95, -62.75, 17.85, 17.98], // Saint-Barthélemy
      '978': [-63.2, -62.95, 18.0, 18.15], // Saint-Martin (French part)
      // TAAF: from the Îles Éparses (Europa 40° E, Glorieuses 11.5° S) to Terre Adélie (136–142° E, up to the South Pole)
      '984': [39, 142, -90, -11],
      '986': [-178.3, -176.1, -14.4, -13.1], // Wallis-et-Futuna
      '987': [-155, -134, -28, -7.5], // Polynésie française: Société, Tuamotu, Gambier, Australes, Marquises
      '988': [163.5, 168.5, -23, -19], // Nouvelle-Calédonie, Belep to Île des Pins and the Loyauté islands
      '989': [-109.3, -109.1, 10.2, 10.4], // Clipperton
    }
    const communes = db.prepare('SELECT code, departement, longitude, latitude FROM commune').all() as
      { code: string; departement: string; longitude: number; latitude: number }[]
    // WHEN each centre is checked against the box of its zone
    const parZone = new Map<string, number>()
    const dehors: string[] = []
    for (const c of communes) {
      const zone = c.departement in boites ? c.departement : 'metropole'
      const [lngMin, lngMax, latMin, latMax] = boites[c.departement] ?? metropole
      parZone.set(zone, (parZone.get(zone) ?? 0) + 1)
      if (!(c.longitude >= lngMin! && c.longitude <= lngMax! && c.latitude >= latMin! && c.latitude <= latMax!))
        dehors.push(`${c.code} (${c.departement}) [${c.longitude}, ${c.latitude}]`)
    }
    // THEN none lies outside, and every zone has communes (a box no commune reaches would check nothing)
    expect(dehors).toEqual([])
    expect(communes).toHaveLength(34_969)
    expect([...parZone.keys()].sort()).toEqual(['metropole', ...Object.keys(boites)].sort())
  })

  it('accounts for every row of every source file: read = kept + merged + rejected, and read = rows in the file', () => {
    const comptes = db.prepare('SELECT jeu, fichier, lus, gardes, fusionnes, rejetes FROM source_compte').all() as
      { jeu: string; fichier: string; lus: number; gardes: number; fusionnes: number; rejetes: number }[]
    expect(comptes).toHaveLength(17)
    for (const c of comptes) {
      expect(c.lus, c.fichier).toBe(c.gardes + c.fusionnes + c.rejetes)
      expect(c.rejetes, c.fichier).toBe(db.prepare('SELECT COUNT(*) FROM rejet WHERE jeu = ?').pluck().get(c.jeu))
      const attendu = c.jeu === 'cog' ? cog.length : lignesSource(c.fichier)
      expect(c.lus, c.fichier).toBe(attendu)
    }
  })

  it('knows the figures SOURCES.md states for the real files', () => {
    const lus = (jeu: string) => db.prepare('SELECT lus FROM source_compte WHERE jeu = ?').pluck().get(jeu)
    expect([lus('france-services'), lus('cnfs-structures-2021'), lus('cnfs-structures-2023'), lus('cnfs-lieux-2022'), lus('hinaura')]).toEqual([2845, 1450, 2889, 2733, 687])
    // 3,925 postes validated by the COSELEC up to 2023-04-05, every one of them kept
    expect(db.prepare('SELECT SUM(postes) FROM lieu').pluck().get()).toBe(3925)
    // IFN rows cover 34,861 COG-2026 communes, Marseille's row empty; Paris and Lyon have arrondissement
    // rows only: Paris, Lyon and Marseille are combined from their arrondissements
    expect(db.prepare('SELECT COUNT(*) FROM commune_indicateur WHERE ifn_total IS NOT NULL').pluck().get()).toBe(34_861 - 1 + 3)
    expect(db.prepare("SELECT COUNT(*) FROM commune_indicateur WHERE frr IS NOT NULL").pluck().get()).toBe(34_875)
    expect(db.prepare("SELECT COUNT(*) FROM commune_indicateur WHERE montagne = 1").pluck().get()).toBe(8_594)
  })

  it('writes the rejects report as a CSV beside the database', () => {
    const csv = join(CHEMIN_BASE_NATIONALE, '../rejets.csv')
    expect(existsSync(csv)).toBe(true)
    const lignes = parse(readFileSync(csv, 'utf8'), { columns: true, delimiter: ';', bom: true }) as { fichier: string; ligne: string; champ: string; motif: string }[]
    expect(lignes).toHaveLength(db.prepare('SELECT COUNT(*) FROM rejet').pluck().get() as number)
    expect(lignes.every((l) => l.fichier && Number(l.ligne) > 0 && l.champ && l.motif)).toBe(true)
  })

  it('places every lieu in a current commune and says how it was located', () => {
    expect(db.prepare('SELECT COUNT(*) FROM lieu WHERE code_insee NOT IN (SELECT code FROM commune)').pluck().get()).toBe(0)
    expect(db.prepare('SELECT DISTINCT localisation FROM lieu ORDER BY 1').pluck().all()).toEqual(['centre-commune', 'siret', 'source'])
    expect(db.prepare('SELECT COUNT(*) FROM lieu_source').pluck().get()).toBe(
      db.prepare("SELECT SUM(gardes + fusionnes) FROM source_compte WHERE jeu IN ('france-services','cnfs-structures-2021','cnfs-structures-2023','cnfs-lieux-2022','hinaura','aidants-connect')").pluck().get())
  })
})
