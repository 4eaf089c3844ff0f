import type Database from 'better-sqlite3'
import { CATEGORIES } from '../domain/offre.ts'
import { BaseIndisponible } from './open.ts'

/** Lower-left corners of the population grid's cells in EPSG:3035 metres, in rang order (the engine's cell order). */
export type CoinsCarreaux = Readonly<{ x3035: Int32Array; y3035: Int32Array }>

export function lireCoinsCarreaux(db: Database.Database): CoinsCarreaux {
  const n = db.prepare('SELECT COUNT(*) FROM carreau').pluck().get() as number
  const x3035 = new Int32Array(n)
  const y3035 = new Int32Array(n)
  let k = 0
  for (const [x, y] of db.prepare('SELECT x3035, y3035 FROM carreau ORDER BY rang').raw().iterate() as Iterable<[number, number]>) {
    x3035[k] = x
    y3035[k++] = y
  }
  return { x3035, y3035 }
}

/** Nearest lieu of each catégorie for every cell as the build stored it: catégorie b of cell k at `b * n + k`, by lieu.id. */
export type PlusProchesStockes = Readonly<{ lieuId: Int32Array; distanceKm: Float64Array }>

/**
 * Reads the nearest lieux the build computed for every cell (table `carreau_plus_proche`).
 * @throws BaseIndisponible, in French, when the database was built before the table existed or lacks a catégorie:
 *   the server refuses it rather than serve figures from a stale build (`npm start` rebuilds it by itself).
 */
export function lirePlusProchesCarreaux(db: Database.Database): PlusProchesStockes {
  const existe = db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'carreau_plus_proche'`).get() !== undefined
  const lignes = existe ? (db.prepare('SELECT categorie, lieu, distance_km FROM carreau_plus_proche').all() as { categorie: string; lieu: Buffer; distance_km: Buffer }[]) : []
  const parCategorie = new Map(lignes.map((l) => [l.categorie, l] as const))
  const manquantes = CATEGORIES.filter((c) => !parCategorie.has(c))
  if (manquantes.length > 0)
    throw new BaseIndisponible(
      `La base de référence ${db.name} a été construite avant le calcul des lieux les plus proches des carreaux ` +
        `(table carreau_plus_proche ${existe ? `sans ${manquantes.join(', ')}` : 'absente'}). Relancez « npm run build:data ».`,
    )
  const n = db.prepare('SELECT COUNT(*) FROM carreau').pluck().get() as number
  const lieuId = new Int32Array(CATEGORIES.length * n)
  // On shared memory: the engine keeps it as it is, and the server hands it to its pool workers (moteur-base.ts).
  const distanceKm = new Float64Array(new SharedArrayBuffer(8 * CATEGORIES.length * n))
  CATEGORIES.forEach((c, b) => {
    const l = parCategorie.get(c)!
    if (l.lieu.byteLength !== 4 * n || l.distance_km.byteLength !== 8 * n)
      throw new BaseIndisponible(`La base de référence ${db.name} est incohérente : carreau_plus_proche « ${c} » ne compte pas ${n} carreaux. Relancez « npm run build:data ».`)
    // Copies: a Buffer's bytes need not be aligned for a typed array view.
    new Uint8Array(lieuId.buffer, 4 * b * n, 4 * n).set(l.lieu)
    new Uint8Array(distanceKm.buffer, 8 * b * n, 8 * n).set(l.distance_km)
  })
  return { lieuId, distanceKm }
}
