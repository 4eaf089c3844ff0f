import type Database from 'better-sqlite3'
import { lirePlusProchesCarreaux } from './db/carreaux.ts'
import { lireDonneesMoteur } from './db/donnees-moteur.ts'
import { buildCarreaux, buildMoteur, plusProchesDepuisIds, type Moteur } from './spatial/index.ts'

/**
 * The engine of today's import, cells included, with the nearest lieux the build stored for them: one home for the
 * server (app.ts) and the workers of the computation pool, which must count alike.
 * @throws BaseIndisponible (French) when the database was built before the cells' nearest lieux were stored.
 */
export function moteurDeLaBase(db: Database.Database): ReturnType<typeof lireDonneesMoteur> & { moteur: Moteur } {
  const donnees = lireDonneesMoteur(db)
  const { communes, lieux, territoires, cellules } = donnees
  const carreaux = buildCarreaux(communes, cellules)
  const plusProchesCarreaux = plusProchesDepuisIds(carreaux, lieux, lirePlusProchesCarreaux(db))
  return { ...donnees, moteur: buildMoteur(communes, lieux, territoires, { carreaux, plusProchesCarreaux }) }
}
