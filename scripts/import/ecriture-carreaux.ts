import type Database from 'better-sqlite3'
import type { CarreauImporte, Demande } from './carreaux.ts'

/**
 * Writes the cells in commune rang order (a commune's cells contiguous, as the engine reads them) and says
 * for every commune where its inhabitants are counted.
 */
export function ecrireCarreaux(db: Database.Database, carreaux: readonly CarreauImporte[], demande: ReadonlyMap<string, Demande>): void {
  const rangs = new Map((db.prepare('SELECT code, rang FROM commune').all() as { code: string; rang: number }[]).map((c) => [c.code, c.rang] as const))
  const majDemande = db.prepare('UPDATE commune SET demande = ? WHERE code = ?')
  for (const [code, d] of demande) majDemande.run(d, code)
  const tries = carreaux.map((c) => ({ c, rang: rangs.get(c.commune)! })).sort((a, b) => a.rang - b.rang || a.c.ligne - b.c.ligne)
  const insert = db.prepare(`INSERT INTO carreau (rang, commune, code_commune, x3035, y3035, longitude, latitude, population, population_recensee, rattachement)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
  tries.forEach(({ c, rang }, k) =>
    insert.run(k, rang, c.commune, c.x3035, c.y3035, c.longitude, c.latitude, c.populationLegale, c.population, c.rattachement))
}
