import type Database from 'better-sqlite3'
import { departementDuCode } from '../../server/domain/code-insee.ts'
import type { EntreeManifest } from '../lib/sources.ts'
import { offreLieu } from './ecriture-lieux.ts'
import type { Fusion } from './lieux/fusion.ts'
import type { LecturesLieux } from './lieux/lieux.ts'

export type DateSource = Readonly<{ jeu: string; date: string; categories: number }>

/**
 * The date of a lieux source, YYYY-MM: the start of its millésime ("2021-06 (COSELEC …)", "2024-08-01"), else the
 * month of its latest date_maj (the national file, whose millésime is that of the file dropped in).
 * @throws Error naming the file when neither gives a date: the evolution cannot place it.
 */
export function dateSource(entree: Pick<EntreeManifest, 'fichier' | 'millesime'>, dateMajMax: string | undefined): string {
  const mois = /^(\d{4})-(0[1-9]|1[0-2])\b/
  const m = mois.exec(entree.millesime) ?? (dateMajMax === undefined ? null : mois.exec(dateMajMax))
  if (!m) throw new Error(`${entree.fichier} : millésime « ${entree.millesime} » sans date (AAAA-MM) et aucune date_maj : la source ne peut pas être datée pour l'évolution`)
  return `${m[1]}-${m[2]}`
}

/** The date of every lieux source read, with the catégories it brings. */
export function datesSources(manifest: readonly EntreeManifest[], lectures: LecturesLieux, datesMaj: ReadonlyMap<string, string>): DateSource[] {
  return [...lectures.categoriesParJeu].map(([jeu, categories]) => ({ jeu, date: dateSource(manifest.find((m) => m.jeu === jeu)!, datesMaj.get(jeu)), categories }))
}

/**
 * For every date but the latest, the lieux a build restricted to the sources dated then or before would have:
 * merged again from those sources only, so positions and merges are theirs. The latest date's are the import's.
 */
export function fusionsParDate(lectures: LecturesLieux, sources: readonly DateSource[]): Map<string, Fusion> {
  const dates = [...new Set(sources.map((s) => s.date))].sort()
  return new Map(dates.slice(0, -1).map((date) => [date, lectures.fusionner(new Set(sources.filter((s) => s.date <= date).map((s) => s.jeu)))]))
}

/** Writes each source's date and the lieux of each earlier date. */
export function ecrireEvolution(db: Database.Database, sources: readonly DateSource[], fusions: ReadonlyMap<string, Fusion>, actuelle: Fusion): void {
  // Every record merged at an earlier date is in today's merge too (more sources only lend more positions).
  const lieuActuel = new Map(actuelle.lieux.flatMap((l) => l.membres.map((m) => [m.lieu.source, l.id] as const)))
  const insertSource = db.prepare('INSERT INTO evolution_source (jeu, date, categories) VALUES (?, ?, ?)')
  for (const s of sources) insertSource.run(s.jeu, s.date, s.categories)
  const insertLieu = db.prepare(`INSERT INTO evolution_lieu (date, id, lieu_id, nom, categorie, categories, longitude, latitude, conseillers,
    postes, financement_euros, departement, actif) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
  for (const [date, fusion] of fusions) {
    for (const lieu of fusion.lieux) {
      const o = offreLieu(lieu)
      const source = lieu.membres[0]!.lieu.source
      const actuel = lieuActuel.get(source)
      if (actuel === undefined) throw new Error(`Évolution ${date} : l'enregistrement ${source.fichier} ligne ${source.ligne} n'est dans aucun lieu de l'import`)
      insertLieu.run(date, lieu.id, actuel, lieu.nom, lieu.categorie, lieu.categories, lieu.longitude, lieu.latitude, o.conseillers, o.postes, o.financementEuros,
        departementDuCode(lieu.commune), o.actif)
    }
  }
}
