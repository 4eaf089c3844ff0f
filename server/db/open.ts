import { existsSync } from 'node:fs'
import Database from 'better-sqlite3'

/** Raised when the reference database is missing or unreadable: main.ts turns it into advice, not a stack trace. */
export class BaseIndisponible extends Error {}

/**
 * Opens the reference database read-only, as datasette serves immutable files. `quick_check` (0.25 s
 * on the national file) catches a truncated or damaged file at startup rather than as a 500 on the
 * first request that reads a bad page. A thread that the main thread starts after opening the same file
 * (pool, tiles) passes `verifiee`: the file was checked, and three checks at once held both cores at start.
 */
export function ouvrirBase(chemin: string, { verifiee = false }: Readonly<{ verifiee?: boolean }> = {}): Database.Database {
  if (!existsSync(chemin))
    throw new BaseIndisponible(`La base de référence ${chemin} est absente. Lancez « npm run build:data » (ou « npm start », qui la construit).`)
  let db: Database.Database | undefined
  try {
    db = new Database(chemin, { readonly: true, fileMustExist: true })
    const verification = verifiee ? 'ok' : db.pragma('quick_check', { simple: true })
    if (verification !== 'ok') throw new Error(`contrôle d'intégrité : ${String(verification).replace(/\s+/g, ' ').slice(0, 300)}`)
    db.prepare('SELECT id FROM import LIMIT 1').get()
    return db
  } catch (e) {
    db?.close()
    throw new BaseIndisponible(
      `La base de référence ${chemin} est illisible ou corrompue (${e instanceof Error ? e.message : String(e)}). ` +
        'Supprimez-la puis lancez « npm run build:data ».',
    )
  }
}
