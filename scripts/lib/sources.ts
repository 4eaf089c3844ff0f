import { createHash } from 'node:crypto'
import { existsSync, readFileSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { gunzipSync } from 'node:zlib'

/**
 * One source of the bundle. `fichier` is the file's plain name; the bundle stores it gzipped
 * (`fichier` + `.gz`), and a plain copy is read as well. `sha256` and `octets` are those of the
 * plain content, so they do not depend on how the file was compressed, and match the upstream file.
 */
export type EntreeManifest = Readonly<{
  jeu: string
  fichier: string
  titre: string
  producteur: string
  /** Landing page of the dataset. */
  amont: string
  /** Stable URL of the file itself, when upstream publishes one: what `npm run sources:maj` downloads. */
  url?: string
  licence: string
  millesime: string
  /** Date (YYYY-MM-DD) the bundled copy was taken. */
  recupere?: string
  sha256?: string
  octets?: number
  /** A source the build can do without (it is used when present). */
  optionnel?: boolean
  champs: readonly string[]
}>

export type Manifest = Readonly<{ description: string; sources: readonly EntreeManifest[] }>

export const CHEMIN_MANIFEST = resolve(import.meta.dirname, '../../data/sources.json')
export const DOSSIER_SOURCES_DEFAUT = resolve(import.meta.dirname, '../../data/sources')

export function lireManifestComplet(chemin = CHEMIN_MANIFEST): Manifest {
  return JSON.parse(readFileSync(chemin, 'utf8')) as Manifest
}

export function lireManifest(chemin = CHEMIN_MANIFEST): EntreeManifest[] {
  return [...lireManifestComplet(chemin).sources]
}

/** The sources directory: MAILLAGE_SOURCES, else the bundle shipped with the project (data/sources). */
export function dossierSources(env: NodeJS.ProcessEnv = process.env): string {
  return env.MAILLAGE_SOURCES ? resolve(env.MAILLAGE_SOURCES) : DOSSIER_SOURCES_DEFAUT
}

const estFichierSource = (s: EntreeManifest) => !s.fichier.startsWith('npm:')

/** Where a source is in a directory: its gzipped copy first, then a plain one; undefined when neither exists. */
export function cheminSource(dossier: string, fichier: string): string | undefined {
  const candidats = fichier.endsWith('.gz') ? [fichier] : [`${fichier}.gz`, fichier]
  return candidats.map((f) => join(dossier, f)).find((c) => existsSync(c))
}

/** The plain bytes of a source file (gunzipped when its name ends in .gz); a damaged archive is named in French. */
export function contenuSource(chemin: string): Buffer {
  const octets = readFileSync(chemin)
  if (!chemin.endsWith('.gz')) return octets
  try {
    return gunzipSync(octets)
  } catch (e) {
    throw new Error(`${chemin} : archive gzip tronquée ou illisible (${e instanceof Error ? e.message : String(e)}) ; téléchargez-la de nouveau`)
  }
}

export const empreinteSha256 = (octets: Uint8Array): string => createHash('sha256').update(octets).digest('hex')

/** A problem with one file of the bundle, in French, naming the file. */
function defautFichier(s: EntreeManifest, chemin: string): string | undefined {
  let contenu: Buffer
  try {
    contenu = contenuSource(chemin)
  } catch (e) {
    return e instanceof Error ? e.message : String(e)
  }
  if (s.octets !== undefined && contenu.length !== s.octets)
    return `${s.fichier} : ${contenu.length < s.octets ? 'tronqué' : 'altéré'} (${contenu.length} octets au lieu de ${s.octets})`
  if (s.sha256 !== undefined && empreinteSha256(contenu) !== s.sha256)
    return `${s.fichier} : altéré (empreinte sha256 ${empreinteSha256(contenu).slice(0, 12)}… au lieu de ${s.sha256.slice(0, 12)}…)`
  return undefined
}

/**
 * Absolute path of every file source present, after checking each against the manifest's size and
 * sha256. Throws one French message naming every file that is missing, truncated or altered, before
 * anything is built.
 */
export function cheminsSources(dossier: string, manifest: readonly EntreeManifest[]): Map<string, string> {
  const chemins = new Map<string, string>()
  const defauts: string[] = []
  for (const s of manifest.filter(estFichierSource)) {
    const chemin = cheminSource(dossier, s.fichier)
    if (!chemin) {
      if (!s.optionnel) defauts.push(`${s.fichier} : manquant (${s.titre}, ${s.producteur}, millésime ${s.millesime} ; ${s.url ?? s.amont})`)
      continue
    }
    const defaut = defautFichier(s, chemin)
    if (defaut) defauts.push(defaut)
    else chemins.set(s.jeu, chemin)
  }
  if (defauts.length > 0)
    throw new Error(
      `Sources manquantes ou abîmées dans ${dossier} :\n${defauts.map((d) => `  - ${d}`).join('\n')}\n` +
        'Restaurez le dossier des sources (git checkout -- data/sources) ou rapatriez les fichiers avec npm run sources:maj.',
    )
  return chemins
}

/** Latest modification time of the inputs of a build (sources, manifest, import code, schema). */
export function dateSourcesMs(chemins: Iterable<string>, autres: Iterable<string>): number {
  let max = 0
  for (const c of [...chemins, ...autres]) if (existsSync(c)) max = Math.max(max, statSync(c).mtimeMs)
  return max
}
