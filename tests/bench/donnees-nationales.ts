import { assurerBase } from '../../scripts/assurer-base.ts'
import { dossierSources } from '../../scripts/lib/sources.ts'
import { lireDonneesMoteur } from '../../server/db/donnees-moteur.ts'
import { ouvrirBase } from '../../server/db/open.ts'
import { CHEMIN_BASE_NATIONALE } from '../setup/base-nationale.ts'

/** The engine input of the national database, built first when missing or stale: what every bench starts from. */
export function donneesNationalesBench() {
  assurerBase(dossierSources(), CHEMIN_BASE_NATIONALE)
  const db = ouvrirBase(CHEMIN_BASE_NATIONALE)
  try {
    return lireDonneesMoteur(db)
  } finally {
    db.close()
  }
}
