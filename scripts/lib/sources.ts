import { existsSync, readFileSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'

export type EntreeManifest = Readonly<{
  jeu: string
  fichier: string
  titre: string
  producteur: string
  amont: string
  licence: string
  millesime: string
  champs: readonly string[]
  /** The build runs without this source, and uses it when its file is present. */
  optionnel?: boolean
  /** Stable download address of the file, when the producer gives one. */
  url?: string
}>

export const CHEMIN_MANIFEST = resolve(import.meta.dirname, '../../data/sources.json')

export function lireManifest(): EntreeManifest[] {
  const brut = JSON.parse(readFileSync(CHEMIN_MANIFEST, 'utf8')) as { sources: EntreeManifest[] }
  return brut.sources
}

/** The sources directory: MAILLAGE_SOURCES, else the first that exists of data/sources and ../shared/data. */
export function dossierSources(env: NodeJS.ProcessEnv = process.env): string {
  if (env.MAILLAGE_SOURCES) return resolve(env.MAILLAGE_SOURCES)
  const racine = resolve(import.meta.dirname, '../..')
  const candidats = [join(racine, 'data/sources'), join(racine, '../shared/data')]
  return candidats.find((d) => existsSync(d)) ?? candidats[0]!
}

/** Absolute path of every file source present; throws a message naming each missing required file and where to get it. */
export function cheminsSources(dossier: string, manifest: readonly EntreeManifest[]): Map<string, string> {
  const chemins = new Map<string, string>()
  const manquants: string[] = []
  for (const s of manifest) {
    if (s.fichier.startsWith('npm:')) continue
    const chemin = join(dossier, s.fichier)
    if (existsSync(chemin)) chemins.set(s.jeu, chemin)
    else if (!s.optionnel) manquants.push(`  - ${s.fichier} (${s.titre}, ${s.producteur}, millésime ${s.millesime}) : ${s.amont}`)
  }
  if (manquants.length > 0)
    throw new Error(
      `Source(s) manquante(s) dans ${dossier} :\n${manquants.join('\n')}\n` +
        `Placez ces fichiers dans ce dossier ou indiquez-en un autre avec MAILLAGE_SOURCES.`,
    )
  return chemins
}

/** Latest modification time of the inputs of a build (sources, manifest, import code, schema). */
export function dateSourcesMs(chemins: Iterable<string>, autres: Iterable<string>): number {
  let max = 0
  for (const c of [...chemins, ...autres]) if (existsSync(c)) max = Math.max(max, statSync(c).mtimeMs)
  return max
}
