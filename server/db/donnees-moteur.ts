import type Database from 'better-sqlite3'
import type { Communes, Lieux, Territoires } from '../spatial/donnees.ts'

/** The cells of the population grid as stored, sorted by commune index: `buildCarreaux` (server/spatial) checks them. */
export type CellulesLues = Readonly<{ longitude: Float64Array; latitude: Float64Array; population: Float64Array; commune: Int32Array }>

/** Reads once, at startup, the struct-of-arrays the coverage engine works on (communes in rang order), and the cells. */
export function lireDonneesMoteur(db: Database.Database): { communes: Communes; lieux: Lieux; territoires: Territoires; cellules: CellulesLues } {
  return { ...lireEntreesMoteur(db), cellules: lireCellules(db) }
}

/** The same without the cells: a pool worker receives them from the main thread (moteur-base.ts). */
export function lireEntreesMoteur(db: Database.Database): { communes: Communes; lieux: Lieux; territoires: Territoires } {
  const lignesCommunes = db.prepare(`SELECT c.code, c.nom, c.departement, c.region, c.longitude, c.latitude, c.population, c.com, i.ifn_total
    FROM commune c LEFT JOIN commune_indicateur i ON i.code = c.code ORDER BY c.rang`).all() as {
    code: string; nom: string; departement: string; region: string; longitude: number; latitude: number; population: number; com: number; ifn_total: number | null
  }[]
  const n = lignesCommunes.length
  const communes: Communes = {
    n,
    code: lignesCommunes.map((c) => c.code),
    nom: lignesCommunes.map((c) => c.nom),
    departement: lignesCommunes.map((c) => c.departement),
    region: lignesCommunes.map((c) => c.region),
    longitude: Float64Array.from(lignesCommunes, (c) => c.longitude),
    latitude: Float64Array.from(lignesCommunes, (c) => c.latitude),
    population: Float64Array.from(lignesCommunes, (c) => c.population),
    ifn: Float64Array.from(lignesCommunes, (c) => c.ifn_total ?? Number.NaN),
    com: Uint8Array.from(lignesCommunes, (c) => c.com),
  }

  const lieux = lieuxDepuisLignes(db.prepare(`SELECT id, nom, categories, longitude, latitude, conseillers, postes, financement_euros, departement, actif
    FROM lieu ORDER BY id`).all() as LigneLieuMoteur[])

  const territoires: Territoires = {
    departements: (db.prepare('SELECT code, nom, region, com FROM departement ORDER BY code').all() as { code: string; nom: string; region: string; com: number }[])
      .map((d) => ({ code: d.code, nom: d.nom, region: d.region, com: d.com === 1 })),
    regions: db.prepare('SELECT code, nom FROM region ORDER BY code').all() as { code: string; nom: string }[],
  }
  return { communes, lieux, territoires }
}

/** What the engine reads of a lieu row (`lieu`, or `evolution_lieu` for an earlier date). */
export type LigneLieuMoteur = {
  id: number; nom: string; categories: number; longitude: number; latitude: number; conseillers: number | null; postes: number; financement_euros: number; departement: string; actif: number
}

export function lieuxDepuisLignes(lignesLieux: readonly LigneLieuMoteur[]): Lieux {
  return {
    n: lignesLieux.length,
    id: Int32Array.from(lignesLieux, (l) => l.id),
    nom: lignesLieux.map((l) => l.nom),
    categories: Uint8Array.from(lignesLieux, (l) => l.categories),
    longitude: Float64Array.from(lignesLieux, (l) => l.longitude),
    latitude: Float64Array.from(lignesLieux, (l) => l.latitude),
    conseillers: Float64Array.from(lignesLieux, (l) => l.conseillers ?? Number.NaN),
    postes: Float64Array.from(lignesLieux, (l) => l.postes),
    financementEuros: Float64Array.from(lignesLieux, (l) => l.financement_euros),
    departement: lignesLieux.map((l) => l.departement),
    actif: Uint8Array.from(lignesLieux, (l) => l.actif),
  }
}

/**
 * Cells of the population grid in rang order (sorted by commune), read as raw columns: 373 331 rows nationally. On
 * shared memory: the server hands them to its pool workers as they are (moteur-base.ts).
 */
export function lireCellules(db: Database.Database): CellulesLues {
  const n = db.prepare('SELECT COUNT(*) FROM carreau').pluck().get() as number
  const longitude = new Float64Array(new SharedArrayBuffer(8 * n))
  const latitude = new Float64Array(new SharedArrayBuffer(8 * n))
  const population = new Float64Array(new SharedArrayBuffer(8 * n))
  const commune = new Int32Array(new SharedArrayBuffer(4 * n))
  let k = 0
  for (const [lng, lat, pop, rang] of db.prepare('SELECT longitude, latitude, population, commune FROM carreau ORDER BY rang').raw().iterate() as Iterable<[number, number, number, number]>) {
    longitude[k] = lng
    latitude[k] = lat
    population[k] = pop
    commune[k++] = rang
  }
  return { longitude, latitude, population, commune }
}
