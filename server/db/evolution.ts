import type Database from 'better-sqlite3'
import type { SourceDatee } from '../domain/evolution.ts'
import type { Categorie } from '../domain/offre.ts'
import type { Lieux } from '../spatial/donnees.ts'
import { lieuxDepuisLignes, type LigneLieuMoteur } from './donnees-moteur.ts'


/** The lieux known at an earlier date, and for each the lieu of today holding its first record (for links). */
export type LieuxDates = Readonly<{ lieux: Lieux; lieuActuel: Int32Array; categorie: readonly Categorie[] }>

export type EvolutionDb = Readonly<{
  /** Sources by date, then jeu. */
  sources: readonly SourceDatee[]
  /** Every date at which a source arrives, ascending; the last one's lieux are the import's (`lieu` table). */
  dates: readonly string[]
  /** The lieux known at `date`; undefined for the latest date (those of the import) or an unknown one. */
  lieux(date: string): LieuxDates | undefined
}>

export function evolutionDb(db: Database.Database): EvolutionDb {
  const sources = db.prepare('SELECT jeu, date, categories FROM evolution_source ORDER BY date, jeu').all() as SourceDatee[]
  const dates = [...new Set(sources.map((s) => s.date))]
  const requete = db.prepare(`SELECT id, lieu_id, nom, categorie, categories, longitude, latitude, conseillers, postes, financement_euros, departement, actif
    FROM evolution_lieu WHERE date = ? ORDER BY id`)
  return {
    sources,
    dates,
    lieux: (date) => {
      if (!dates.includes(date) || date === dates.at(-1)) return undefined
      const lignes = requete.all(date) as (LigneLieuMoteur & { lieu_id: number; categorie: Categorie })[]
      return { lieux: lieuxDepuisLignes(lignes), lieuActuel: Int32Array.from(lignes, (l) => l.lieu_id), categorie: lignes.map((l) => l.categorie) }
    },
  }
}
