import { readFileSync } from 'node:fs'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { CHEMIN_SCHEMA } from '../../scripts/build-db.ts'
import { lirePlusProchesCarreaux } from '../../server/db/carreaux.ts'
import { BaseIndisponible } from '../../server/db/open.ts'

/** An empty database with the real schema, optionally without the table the build fills for the cells. */
function baseVide(sansTable: boolean): Database.Database {
  const db = new Database(':memory:')
  db.exec(readFileSync(CHEMIN_SCHEMA, 'utf8'))
  if (sansTable) db.exec('DROP TABLE carreau_plus_proche')
  return db
}

describe('lirePlusProchesCarreaux', () => {
  it('refuses, in French, a database built before the nearest lieux of the cells were stored', () => {
    const db = baseVide(true)
    expect(() => lirePlusProchesCarreaux(db)).toThrow(BaseIndisponible)
    expect(() => lirePlusProchesCarreaux(db)).toThrow(/construite avant le calcul des lieux les plus proches des carreaux \(table carreau_plus_proche absente\)\. Relancez « npm run build:data »/)
  })

  it('refuses a table that lacks a catégorie, naming it', () => {
    const db = baseVide(false)
    const insert = db.prepare('INSERT INTO carreau_plus_proche (categorie, lieu, distance_km) VALUES (?, ?, ?)')
    for (const c of ['conseillers-numeriques', 'france-services', 'mediation']) insert.run(c, Buffer.alloc(0), Buffer.alloc(0))
    expect(() => lirePlusProchesCarreaux(db)).toThrow(/sans aidants-connect/)
  })

  it('reads back, in catégorie order, the little-endian ids and distances of each cell', () => {
    // GIVEN two cells (no commune row is needed to count them) and hand-written BLOBs
    const db = baseVide(false)
    db.pragma('foreign_keys = OFF')
    const cell = db.prepare(`INSERT INTO carreau (rang, commune, code_commune, x3035, y3035, longitude, latitude, population, population_recensee, rattachement)
      VALUES (?, 0, '26001', 0, 0, 5, 45, 1, 1, 'polygone')`)
    cell.run(0)
    cell.run(1)
    const insert = db.prepare('INSERT INTO carreau_plus_proche (categorie, lieu, distance_km) VALUES (?, ?, ?)')
    const valeurs = { 'conseillers-numeriques': [[7, -1], [1.5, Infinity]], 'france-services': [[3, 4], [0, 2]], mediation: [[9, 9], [8, 9]], 'aidants-connect': [[-1, 5], [Infinity, 6.25]] } as const
    for (const [c, [ids, km]] of Object.entries(valeurs)) insert.run(c, Buffer.from(Int32Array.from(ids).buffer), Buffer.from(Float64Array.from(km).buffer))
    // WHEN read
    const lus = lirePlusProchesCarreaux(db)
    // THEN catégorie b of cell k is at b * 2 + k
    expect(Array.from(lus.lieuId)).toEqual([7, -1, 3, 4, 9, 9, -1, 5])
    expect(Array.from(lus.distanceKm)).toEqual([1.5, Infinity, 0, 2, 8, 9, Infinity, 6.25])
  })
})
