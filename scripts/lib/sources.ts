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
}>

export const CHEMIN_MANIFEST = resolve(import.meta.dirname, '../../data/sources.json')

export function lireManifest(): EntreeManifest[] {
  const brut = JSON.parse(readFileSync(CHEMIN_MANIFEST, 'utf8')) as { sources: EntreeManifest[] }
  return brut.sources
}

/**
 * The sources directory: MAILLAGE_SOURCES, else data/sources (a folder or a symbolic link to one). Nothing
 * outside the repository is looked for implicitly: where the sources live is the machine's business.
 */
export function dossierSources(env: NodeJS.ProcessEnv = process.env): string {
  if (env.MAILLAGE_SOURCES) return resolve(env.MAILLAGE_SOURCES)
  return resolve(import.meta.dirname, '../../data/sources')
}

/** Absolute path of every file source; throws a message naming the missing file and where to get it. */
export function cheminsSources(dossier: string, manifest: readonly EntreeManifest[]): Map<string, string> {
  const chemins = new Map<string, string>()
  const manquants: string[] = []
  for (const s of manifest) {
    if (s.fichier.startsWith('npm:')) continue
    const chemin = join(dossier, s.fichier)
    if (existsSync(chemin)) chemins.set(s.jeu, chemin)
    else manquants.push(`  - ${s.fichier} (${s.titre}, ${s.producteur}, millésime ${s.millesime}) : ${s.amont}`)
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
