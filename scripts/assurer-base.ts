import { existsSync, readdirSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { CHEMIN_SCHEMA, construireBase } from './build-db.ts'
import { resumeComptes } from './lib/rejets-csv.ts'
import { CHEMIN_MANIFEST, cheminsSources, dateSourcesMs, lireManifest } from './lib/sources.ts'

const racine = resolve(import.meta.dirname, '..')

const fichiersTs = (dossier: string) =>
  readdirSync(dossier, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts')).map((f) => join(dossier, f))

/** Builds the reference database when it is missing or older than its sources, manifest, schema or import code. */
export function assurerBase(sources: string, sortie: string, journal: (ligne: string) => void = console.log): boolean {
  const chemins = cheminsSources(sources, lireManifest())
  const dateEntrees = dateSourcesMs(chemins.values(), [CHEMIN_MANIFEST, CHEMIN_SCHEMA, ...fichiersTs(join(racine, 'scripts'))])
  if (existsSync(sortie) && statSync(sortie).mtimeMs >= dateEntrees) return false
  journal(`Base de référence absente ou plus ancienne que ses sources : construction depuis ${sources}`)
  const r = construireBase({ sources, sortie })
  journal(`${resumeComptes(r.rapport)}\nBase ${r.id} construite en ${(r.dureeMs / 1000).toFixed(1)} s.`)
  return true
}
