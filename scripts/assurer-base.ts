import { existsSync, readdirSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { CHEMIN_SCHEMA, construireBase } from './build-db.ts'
import { resumeComptes } from './lib/rejets-csv.ts'
import { CHEMIN_MANIFEST, cheminSource, dateSourcesMs, lireManifest } from './lib/sources.ts'

const racine = resolve(import.meta.dirname, '..')

const fichiersTs = (dossier: string) =>
  readdirSync(dossier, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts')).map((f) => join(dossier, f))

/**
 * Builds the reference database when it is missing or older than its sources, manifest, schema or import code.
 * Only the files' dates are read here; the build itself checks every file against the manifest (sizes, sha256)
 * before writing anything, so a fresh database is not held up by hashing 28 MB at each start.
 */
export function assurerBase(sources: string, sortie: string, journal: (ligne: string) => void = console.log): boolean {
  const chemins = lireManifest().flatMap((s) => (s.fichier.startsWith('npm:') ? [] : [cheminSource(sources, s.fichier)].filter((c) => c !== undefined)))
  const dateEntrees = dateSourcesMs(chemins, [CHEMIN_MANIFEST, CHEMIN_SCHEMA, ...fichiersTs(join(racine, 'scripts'))])
  if (existsSync(sortie) && statSync(sortie).mtimeMs >= dateEntrees) return false
  journal(`Base de référence absente ou plus ancienne que ses sources : construction depuis ${sources}`)
  const r = construireBase({ sources, sortie })
  journal(`${resumeComptes(r.rapport)}\nBase ${r.id} construite en ${(r.dureeMs / 1000).toFixed(1)} s.`)
  return true
}
