import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { RACINE } from '../../racine.ts'

export type Migration = Readonly<{ version: number; nom: string; sql: string }>

export type Moteur = 'sqlite' | 'postgres'

/** Table recording the applied versions, the same on both engines. */
export const TABLE_MIGRATIONS = 'migration_comptes'

/**
 * The numbered migrations of an engine (`migrations/<moteur>/NNN-nom.sql`), in order. Numbers start at 1
 * and follow each other: a gap or a duplicate is a mistake in the repository, refused at startup.
 */
export function lireMigrations(moteur: Moteur): Migration[] {
  // From the project's folder: the compiled server (dist/serveur) reads the same files.
  const dossier = join(RACINE, 'server/db/comptes/migrations', moteur)
  const migrations = readdirSync(dossier)
    .filter((f) => f.endsWith('.sql'))
    .map((f) => {
      const m = /^(\d+)-([\w-]+)\.sql$/.exec(f)
      if (!m) throw new Error(`migration ${moteur}/${f} : nom attendu NNN-nom.sql`)
      return { version: Number(m[1]), nom: m[2]!, sql: readFileSync(join(dossier, f), 'utf8') }
    })
    .sort((a, b) => a.version - b.version)
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`migrations ${moteur} : version ${i + 1} attendue, ${m.version} trouvée (${m.nom})`)
  })
  return migrations
}
