import type Database from 'better-sqlite3'

export type SourceImportee = Readonly<{
  jeu: string
  fichier: string
  titre: string
  producteur: string
  amont: string
  licence: string
  millesime: string
  lus: number
  gardes: number
  fusionnes: number
  rejetes: number
  /** Latest date_maj among the lieux kept from this source (lieux sources only). */
  dateMajMax?: string
  optionnel?: boolean
}>

export type Import = Readonly<{ id: string; date: string; dureeMs: number; sources: readonly SourceImportee[] }>

export function lireImport(db: Database.Database): Import {
  const row = db.prepare('SELECT id, date, duree_ms, sources FROM import LIMIT 1').get() as
    | { id: string; date: string; duree_ms: number; sources: string }
    | undefined
  if (!row) throw new Error('La base ne contient aucune ligne import : elle est incomplète')
  const sources = (JSON.parse(row.sources) as (SourceImportee & { champs?: unknown })[]).map(({ champs: _champs, ...s }) => s)
  return { id: row.id, date: row.date, dureeMs: row.duree_ms, sources }
}
