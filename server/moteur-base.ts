import type Database from 'better-sqlite3'
import { lirePlusProchesCarreaux } from './db/carreaux.ts'
import { lireCellules, lireEntreesMoteur } from './db/donnees-moteur.ts'
import { buildCarreaux, buildMoteur, plusProchesDepuisIds, type Carreaux, type Communes, type Lieux, type Moteur, type PlusProchesCarreaux } from './spatial/index.ts'

/**
 * The 1 km cells and their nearest lieux per catégorie (28 MB nationally), on memory shared between threads: a pool
 * worker given them (pool.ts) reads the same memory instead of reading, checking and holding its own copy.
 */
export type CarreauxMoteur = Readonly<{ carreaux: Carreaux; plusProchesCarreaux: PlusProchesCarreaux }>

/**
 * The engine of today's import, cells included, with the nearest lieux the build stored for them: one home for the
 * server (app.ts) and the workers of the computation pool, which must count alike. The workers pass the main thread's
 * cells (`carreaux`); without them they are read here, checked and put on shared memory.
 * @throws BaseIndisponible (French) when the database was built before the cells' nearest lieux were stored.
 */
export function moteurDeLaBase(db: Database.Database, carreaux?: CarreauxMoteur): ReturnType<typeof lireEntreesMoteur> & { moteur: Moteur } {
  const entrees = lireEntreesMoteur(db)
  const { communes, lieux, territoires } = entrees
  const cellules = carreaux ?? carreauxPartages(db, communes, lieux)
  return { ...entrees, moteur: buildMoteur(communes, lieux, territoires, cellules) }
}

/** The cells and their nearest lieux as stored, checked, on shared memory (read there directly; `debut` copied). */
function carreauxPartages(db: Database.Database, communes: Communes, lieux: Lieux): CarreauxMoteur {
  const carreaux = buildCarreaux(communes, lireCellules(db))
  const plusProches = plusProchesDepuisIds(carreaux, lieux, lirePlusProchesCarreaux(db))
  return {
    carreaux: {
      n: carreaux.n,
      longitude: partager(carreaux.longitude),
      latitude: partager(carreaux.latitude),
      population: partager(carreaux.population),
      commune: partager(carreaux.commune),
      debut: partager(carreaux.debut),
    },
    plusProchesCarreaux: { lieu: partager(plusProches.lieu), distanceKm: partager(plusProches.distanceKm) },
  }
}

/** `a` on a SharedArrayBuffer (itself when it is already; a copy otherwise): a worker thread it is posted to reads the same memory. */
function partager<T extends Float64Array | Int32Array>(a: T): T {
  if (a.buffer instanceof SharedArrayBuffer) return a
  const copie = (a instanceof Float64Array ? new Float64Array(new SharedArrayBuffer(a.byteLength)) : new Int32Array(new SharedArrayBuffer(a.byteLength))) as T
  copie.set(a)
  return copie
}
