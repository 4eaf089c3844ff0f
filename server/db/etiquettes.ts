import type Database from 'better-sqlite3'

/** A name to write on the map, at a point [lng, lat]. */
export type Etiquette = Readonly<{ position: [number, number]; nom: string; code: string; population: number; prefecture: boolean }>

/**
 * The label points of the maps: every current commune at its centre (the one the coverage figures use),
 * flagged when it is its département's chef-lieu (COG `chefLieu`), and every département at the mean of
 * its communes' centres, a point inside all but the most crescent-shaped ones, with no geometry computed.
 */
export function etiquettesDb(db: Database.Database) {
  return {
    communes: (): Etiquette[] =>
      (db.prepare(`SELECT c.code, c.nom, c.population, c.longitude, c.latitude, (d.chef_lieu = c.code) AS prefecture
        FROM commune c JOIN departement d ON d.code = c.departement ORDER BY c.population DESC, c.code`).all() as
        { code: string; nom: string; population: number; longitude: number; latitude: number; prefecture: number | null }[])
        .map((r) => ({ position: [r.longitude, r.latitude], nom: r.nom, code: r.code, population: r.population, prefecture: r.prefecture === 1 })),
    departements: (): Etiquette[] =>
      (db.prepare(`SELECT d.code, d.nom, AVG(c.longitude) AS longitude, AVG(c.latitude) AS latitude, SUM(c.population) AS population
        FROM departement d JOIN commune c ON c.departement = d.code GROUP BY d.code ORDER BY d.code`).all() as
        { code: string; nom: string; population: number; longitude: number; latitude: number }[])
        .map((r) => ({ position: [r.longitude, r.latitude], nom: r.nom, code: r.code, population: r.population, prefecture: false })),
  }
}
export type EtiquettesDb = ReturnType<typeof etiquettesDb>
