import type Database from 'better-sqlite3'
import type { SourceDatee } from '../domain/evolution.ts'
import { categoriesDuMasque, type Categorie } from '../domain/offre.ts'
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
  /** Active lieux of a département in the offre at an earlier date, as GeoJSON points (ids: today's lieu). */
  geojsonDepartement(date: string, code: string, masque: number): GeoJSON.FeatureCollection
}>

export function evolutionDb(db: Database.Database): EvolutionDb {
  const sources = db.prepare('SELECT jeu, date, categories FROM evolution_source ORDER BY date, jeu').all() as SourceDatee[]
  const dates = [...new Set(sources.map((s) => s.date))]
  const requete = db.prepare(`SELECT id, lieu_id, nom, categorie, categories, longitude, latitude, conseillers, postes, financement_euros, departement, actif
    FROM evolution_lieu WHERE date = ? ORDER BY id`)
  const duDepartement = db.prepare(`SELECT lieu_id, nom, categorie, categories, longitude, latitude FROM evolution_lieu
    WHERE date = ? AND departement = ? AND actif = 1 AND (categories & ?) != 0 ORDER BY id`)
  return {
    sources,
    dates,
    lieux: (date) => {
      if (!dates.includes(date) || date === dates.at(-1)) return undefined
      const lignes = requete.all(date) as (LigneLieuMoteur & { lieu_id: number; categorie: Categorie })[]
      return { lieux: lieuxDepuisLignes(lignes), lieuActuel: Int32Array.from(lignes, (l) => l.lieu_id), categorie: lignes.map((l) => l.categorie) }
    },
    geojsonDepartement: (date, code, masque) => ({
      type: 'FeatureCollection',
      features: (duDepartement.all(date, code, masque) as { lieu_id: number; nom: string; categorie: string; categories: number; longitude: number; latitude: number }[])
        .map((l) => ({
          type: 'Feature',
          geometry: { type: 'Point', coordinates: [l.longitude, l.latitude] },
          properties: { id: l.lieu_id, nom: l.nom, categorie: l.categorie, categories: categoriesDuMasque(l.categories).join(','), itinerant: false },
        })),
    }),
  }
}
