import type Database from 'better-sqlite3'
import { lireDonneesMoteur } from '../../server/db/donnees-moteur.ts'
import { CATEGORIES } from '../../server/domain/offre.ts'
import { buildArbresCategories, buildCarreaux, buildPlusProchesCarreaux } from '../../server/spatial/carreaux.ts'

/**
 * Computes, once per import, the nearest active lieu of each catégorie for every cell and stores it (table
 * `carreau_plus_proche`), so that the server reads it instead of computing it at each start. Runs after the lieux and
 * cells are written, on the very rows the engine will read.
 * @returns the number of cells.
 */
export function ecrirePlusProchesCarreaux(db: Database.Database): number {
  const { communes, lieux, cellules } = lireDonneesMoteur(db)
  const carreaux = buildCarreaux(communes, cellules)
  const { lieu, distanceKm } = buildPlusProchesCarreaux(carreaux, lieux, buildArbresCategories(lieux))
  const n = carreaux.n
  const insert = db.prepare('INSERT INTO carreau_plus_proche (categorie, lieu, distance_km) VALUES (?, ?, ?)')
  CATEGORIES.forEach((categorie, b) => {
    const ids = Int32Array.from(lieu.subarray(b * n, (b + 1) * n), (j) => (j < 0 ? -1 : lieux.id[j]!))
    const distances = distanceKm.slice(b * n, (b + 1) * n)
    insert.run(categorie, Buffer.from(ids.buffer, ids.byteOffset, ids.byteLength), Buffer.from(distances.buffer, distances.byteOffset, distances.byteLength))
  })
  return n
}
