import { gunzipSync } from 'node:zlib'
import { lireCsv, lireEnteteCsv, lireGeojson, lireJsonTableau } from '../lib/lecture.ts'
import type { EntreeManifest } from '../lib/sources.ts'

/** What a source file holds, as far as `sources:maj` needs to know: its records and, for a CSV, its header. */
export type ContenuLu = Readonly<{ enregistrements: readonly Record<string, unknown>[]; entete: readonly string[] | undefined }>

const estGzip = (octets: Uint8Array) => octets.length >= 2 && octets[0] === 0x1f && octets[1] === 0x8b

/** The plain bytes of a download: servers send a file plain or gzipped, told apart by gzip's magic bytes. */
export function contenuEnClair(octets: Buffer): Buffer {
  if (!estGzip(octets)) return octets
  try {
    return gunzipSync(octets)
  } catch (e) {
    throw new Error(`archive gzip tronquée ou illisible (${e instanceof Error ? e.message : String(e)})`)
  }
}

/** A web page where a data file was expected: an error page, a login wall, a dataset's landing page. */
function estPageHtml(octets: Buffer): boolean {
  const debut = octets.subarray(0, 512).toString('utf8').replace(/^\uFEFF/, '').trimStart().toLowerCase()
  return /^<(!doctype html|html|head|body)\b/.test(debut)
}

/**
 * Reads a source file with the build's own readers, so that a file accepted here is one the build reads:
 * a CSV must hold the manifest's `champs` in its header, a JSON must be an array, a GeoJSON a
 * FeatureCollection. Messages are the readers' own, with `nom` instead of the temporary path.
 */
export function lireContenu(entree: EntreeManifest, chemin: string, nom = entree.fichier): ContenuLu {
  try {
    if (entree.fichier.endsWith('.csv')) {
      const lignes = lireCsv(chemin, entree.champs)
      return { enregistrements: lignes.map((l) => l.valeurs), entete: lireEnteteCsv(chemin) }
    }
    if (entree.fichier.endsWith('.geojson'))
      return { enregistrements: lireGeojson(chemin).map((l) => l.valeurs.properties), entete: undefined }
    return { enregistrements: lireJsonTableau(chemin).map((l) => l.valeurs), entete: undefined }
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e)
    throw new Error(message.startsWith(`${chemin} : `) ? message.slice(chemin.length + 3) : message.replaceAll(chemin, nom))
  }
}

/** Refuses what is plainly not the expected file before parsing it. */
export function verifierNature(entree: EntreeManifest, octets: Buffer): void {
  if (octets.length === 0) throw new Error('fichier vide')
  if (estPageHtml(octets)) {
    const attendu = entree.fichier.split('.').pop()?.toUpperCase() ?? 'données'
    throw new Error(`page HTML reçue au lieu du fichier ${attendu} attendu (page d'erreur ou page du jeu de données ?)`)
  }
}

/** Columns added and removed between two CSV headers; both empty when the header did not change. */
export function changementColonnes(avant: readonly string[], apres: readonly string[]): { ajoutees: string[]; retirees: string[] } {
  return { ajoutees: apres.filter((c) => !avant.includes(c)), retirees: avant.filter((c) => !apres.includes(c)) }
}
