import type { EvolutionDb } from './db/evolution.ts'
import type { LieuxDb } from './db/lieux.ts'
import type { SourceDatee } from './domain/evolution.ts'
import type { Categorie } from './domain/offre.ts'
import { buildMoteur, type Communes, type Moteur, type Territoires } from './spatial/index.ts'
import { buildMoteursParDate, type MoteursParDate } from './spatial/moteurs-dates.ts'

/** Cache of (rayonKm, offre) results kept by the engine of an earlier date: the evolution asks few of them. */
export const CAPACITE_CACHE_DATE = 4

/** A date's engine, and how to name its lieux (its ids are ranks in that date's merge, not lieu ids). */
export type Instantane = Readonly<{ moteur: Moteur; resume(id: number): Readonly<{ id: number; nom: string; categorie: Categorie }> | undefined }>

export type Evolution = Readonly<{
  sources: readonly SourceDatee[]
  moteurs: MoteursParDate<Instantane>
  /** The lieux of a département at an earlier date as GeoJSON; undefined for the latest date (today's lieux). */
  geojsonDepartement(date: string, code: string, masque: number): GeoJSON.FeatureCollection | undefined
}>

/** The evolution of one import: the import's engine for the latest date, an engine on the lieux of each earlier date. */
export function buildEvolution(db: EvolutionDb, communes: Communes, territoires: Territoires, actuel: Moteur, lieux: Pick<LieuxDb, 'resume'>): Evolution {
  return {
    sources: db.sources,
    geojsonDepartement: (date, code, masque) => (date === db.dates.at(-1) ? undefined : db.geojsonDepartement(date, code, masque)),
    moteurs: buildMoteursParDate<Instantane>(db.dates, { moteur: actuel, resume: lieux.resume }, (date) => {
      const d = db.lieux(date)!
      const rang = new Map(Array.from(d.lieux.id, (id, k) => [id, k]))
      return {
        moteur: buildMoteur(communes, d.lieux, territoires, { capaciteCache: CAPACITE_CACHE_DATE }),
        resume: (id) => {
          const k = rang.get(id)
          return k === undefined ? undefined : { id: d.lieuActuel[k]!, nom: d.lieux.nom[k]!, categorie: d.categorie[k]! }
        },
      }
    }),
  }
}
