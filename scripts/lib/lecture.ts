import { parse } from 'csv-parse/sync'
import { contenuSource } from './sources.ts'

/** A source row with the line (CSV) or position (JSON array, from 1) where it starts, for reports. */
export type Ligne<T> = Readonly<{ ligne: number; valeurs: T }>

/** 1-based line of a character offset, for messages that point into a file. */
const ligneDe = (contenu: string, position: number): number => contenu.slice(0, position).split('\n').length

function texte(chemin: string): string {
  const brut = contenuSource(chemin)
  const decode = new TextDecoder('utf-8', { fatal: true })
  try {
    return decode.decode(brut).replace(/^\uFEFF/, '')
  } catch {
    // Name the first line that does not decode, so the bad record can be found (often a Latin-1 accent).
    let ligne = 1
    for (const morceau of brut.toString('latin1').split('\n')) {
      try {
        decode.decode(Buffer.from(morceau, 'latin1'))
      } catch {
        break
      }
      ligne++
    }
    throw new Error(`${chemin} : ligne ${ligne} : le fichier n'est pas en UTF-8 (réenregistrez-le en UTF-8)`)
  }
}

/** JSON.parse with the file, line and reason in the message (Node only gives a character position). */
function lireJson(chemin: string): unknown {
  const contenu = texte(chemin)
  if (contenu.trim() === '') throw new Error(`${chemin} : fichier vide`)
  try {
    return JSON.parse(contenu)
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e)
    const position = /position (\d+)/.exec(message)?.[1]
    const ligne = position === undefined ? ligneDe(contenu, contenu.length) : ligneDe(contenu, Number(position))
    throw new Error(`${chemin} : ligne ${ligne} : JSON mal formé ou tronqué (${message})`)
  }
}

const MOTIFS_CSV: Readonly<Record<string, string>> = {
  CSV_INVALID_CLOSING_QUOTE: 'guillemet fermant suivi d\'un caractère inattendu',
  CSV_QUOTE_NOT_CLOSED: 'guillemet ouvert jamais fermé (fin du fichier atteinte)',
  CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE: 'caractère inattendu après un guillemet fermant',
}

function parserCsv(chemin: string, contenu: string, delimiter: string) {
  try {
    return parse(contenu, { delimiter, columns: true, info: true, relax_column_count: true, skip_empty_lines: true, bom: true }) as {
      record: Record<string, string>
      info: { lines: number }
    }[]
  } catch (e) {
    const erreur = e as { code?: string; lines?: number; message?: string }
    const motif = (erreur.code && MOTIFS_CSV[erreur.code]) ?? `CSV mal formé (${erreur.message ?? String(e)})`
    throw new Error(`${chemin} : ligne ${erreur.lines ?? '?'} : ${motif}`)
  }
}

const delimiteur = (contenu: string): string => {
  const premiere = contenu.split('\n', 1)[0] ?? ''
  return premiere.includes(';') && !premiere.includes(',') ? ';' : ','
}

/** The column names of a CSV's header row (records with missing trailing cells do not show them all). */
export function lireEnteteCsv(chemin: string): string[] {
  const contenu = texte(chemin)
  const [entete] = parse(contenu, { delimiter: delimiteur(contenu), to_line: 1, relax_column_count: true, bom: true }) as string[][]
  return entete ?? []
}

/**
 * Reads a CSV with a header row. Each record keeps the line where it starts (records may span
 * lines). Throws when a column named in `champs` is missing from the header.
 */
export function lireCsv(chemin: string, champs: readonly string[]): Ligne<Record<string, string>>[] {
  const contenu = texte(chemin)
  if (contenu.trim() === '') throw new Error(`${chemin} : fichier vide`)
  const records = parserCsv(chemin, contenu, delimiteur(contenu))
  if (records.length === 0) throw new Error(`${chemin} : aucune ligne de données après l'en-tête`)
  const entete = Object.keys(records[0]!.record)
  const manquants = champs.filter((c) => !entete.includes(c))
  if (manquants.length > 0)
    throw new Error(`${chemin} : ligne 1 (en-tête) : colonne(s) absente(s) : ${manquants.join(', ')}`)
  const lignes: Ligne<Record<string, string>>[] = []
  let fin = 1
  for (const { record, info } of records) {
    lignes.push({ ligne: fin + 1, valeurs: record })
    fin = info.lines
  }
  return lignes
}

/** Reads a JSON array of objects; `ligne` is the position of the record in the array, from 1. */
export function lireJsonTableau(chemin: string): Ligne<Record<string, unknown>>[] {
  const donnees = lireJson(chemin)
  if (!Array.isArray(donnees)) throw new Error(`${chemin} : un tableau JSON est attendu`)
  return donnees.map((valeurs, i) => ({ ligne: i + 1, valeurs: objet(chemin, 'enregistrement', i + 1, valeurs) }))
}

const estObjet = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)

/** Importers read fields of each record: a record that is not an object stops the build with its position. */
function objet(chemin: string, quoi: string, ligne: number, v: unknown): Record<string, unknown> {
  if (!estObjet(v)) throw new Error(`${chemin} : ${quoi} ${ligne} : un objet JSON est attendu (reçu ${v === null ? 'null' : Array.isArray(v) ? 'un tableau' : typeof v})`)
  return v
}

export type Entite = Readonly<{ properties: Record<string, unknown>; geometry: GeoJSON.Geometry | null }>

/** Reads a GeoJSON FeatureCollection (optionally gzipped); `ligne` is the feature's position from 1. */
export function lireGeojson(chemin: string): Ligne<Entite>[] {
  const fc = lireJson(chemin) as { type?: string; features?: unknown[] } | null
  if (fc?.type !== 'FeatureCollection' || !Array.isArray(fc.features))
    throw new Error(`${chemin} : une FeatureCollection GeoJSON est attendue`)
  return fc.features.map((f, i) => {
    const e = objet(chemin, 'entité', i + 1, f) as { properties?: unknown; geometry?: GeoJSON.Geometry | null }
    return { ligne: i + 1, valeurs: { properties: estObjet(e.properties) ? e.properties : {}, geometry: e.geometry ?? null } }
  })
}
