import { readFileSync } from 'node:fs'
import { gunzipSync } from 'node:zlib'
import { parse } from 'csv-parse/sync'

/** A source row with the line (CSV) or position (JSON array, from 1) where it starts, for reports. */
export type Ligne<T> = Readonly<{ ligne: number; valeurs: T }>

function texte(chemin: string): string {
  const octets = readFileSync(chemin)
  const brut = chemin.endsWith('.gz') ? gunzipSync(octets) : octets
  const decode = new TextDecoder('utf-8', { fatal: true })
  try {
    return decode.decode(brut).replace(/^\uFEFF/, '')
  } catch {
    throw new Error(`${chemin} : le fichier n'est pas en UTF-8`)
  }
}

/**
 * Reads a CSV with a header row. Each record keeps the line where it starts (records may span
 * lines). Throws when a column named in `champs` is missing from the header.
 */
export function lireCsv(chemin: string, champs: readonly string[]): Ligne<Record<string, string>>[] {
  const contenu = texte(chemin)
  if (contenu.trim() === '') throw new Error(`${chemin} : fichier vide`)
  const delimiter = (contenu.split('\n', 1)[0] ?? '').includes(';') && !contenu.split('\n', 1)[0]!.includes(',') ? ';' : ','
  const records = parse(contenu, { delimiter, columns: true, info: true, relax_column_count: true, skip_empty_lines: true, bom: true }) as {
    record: Record<string, string>
    info: { lines: number }
  }[]
  const entete = Object.keys(records[0]?.record ?? {})
  const manquants = champs.filter((c) => !entete.includes(c))
  if (records.length > 0 && manquants.length > 0)
    throw new Error(`${chemin} : colonne(s) absente(s) : ${manquants.join(', ')}`)
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
  const donnees: unknown = JSON.parse(texte(chemin))
  if (!Array.isArray(donnees)) throw new Error(`${chemin} : un tableau JSON est attendu`)
  return donnees.map((valeurs, i) => ({ ligne: i + 1, valeurs: valeurs as Record<string, unknown> }))
}

export type Entite = Readonly<{ properties: Record<string, unknown>; geometry: GeoJSON.Geometry | null }>

/** Reads a GeoJSON FeatureCollection (optionally gzipped); `ligne` is the feature's position from 1. */
export function lireGeojson(chemin: string): Ligne<Entite>[] {
  const fc = JSON.parse(texte(chemin)) as { type?: string; features?: unknown[] }
  if (fc.type !== 'FeatureCollection' || !Array.isArray(fc.features))
    throw new Error(`${chemin} : une FeatureCollection GeoJSON est attendue`)
  return fc.features.map((f, i) => {
    const e = f as { properties?: Record<string, unknown>; geometry?: GeoJSON.Geometry | null }
    return { ligne: i + 1, valeurs: { properties: e.properties ?? {}, geometry: e.geometry ?? null } }
  })
}
