import { existsSync } from 'node:fs'
import Database from 'better-sqlite3'

/** Raised when the reference database is missing or unreadable: main.ts turns it into advice, not a stack trace. */
export class BaseIndisponible extends Error {}

/** Opens the reference database read-only, as datasette serves immutable files. */
export function ouvrirBase(chemin: string): Database.Database {
  if (!existsSync(chemin))
    throw new BaseIndisponible(`La base de référence ${chemin} est absente. Lancez « npm run build:data » (ou « npm start », qui la construit).`)
  try {
    const db = new Database(chemin, { readonly: true, fileMustExist: true })
    db.prepare('SELECT id FROM import LIMIT 1').get()
    return db
  } catch (e) {
    throw new BaseIndisponible(
      `La base de référence ${chemin} est illisible ou corrompue (${e instanceof Error ? e.message : String(e)}). ` +
        'Supprimez-la puis lancez « npm run build:data ».',
    )
  }
}
