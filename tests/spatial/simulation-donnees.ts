import { lireDonneesMoteur, type CellulesLues } from '../../server/db/donnees-moteur.ts'
import { ouvrirBase } from '../../server/db/open.ts'
import { bitCategorie } from '../../server/domain/offre.ts'
import type { Communes, Lieux, Territoires } from '../../server/spatial/donnees.ts'
import type { Ajout } from '../../server/spatial/simulation.ts'
import { CHEMIN_BASE_NATIONALE } from '../setup/base-nationale.ts'

export type Donnees = Readonly<{ communes: Communes; lieux: Lieux; territoires: Territoires }>

let cache: (Donnees & { cellules: CellulesLues }) | undefined

/** The engine input read from the national database (built by the global setup), cells included. */
export function donneesNationales(): Donnees & { cellules: CellulesLues } {
  if (cache) return cache
  const db = ouvrirBase(CHEMIN_BASE_NATIONALE)
  cache = lireDonneesMoteur(db)
  db.close()
  return cache
}

/**
 * The engine input with the scenario applied from scratch, independently of the simulator: the
 * retraits made inactive, each ajout appended as a lieu of catégorie conseillers-numeriques with
 * the given ids, `conseillers` postes funded 50 000 € each.
 */
export function appliquerScenario(d: Donnees, departement: string, ajouts: readonly Ajout[], retraits: readonly number[], ids: readonly number[]): Donnees {
  const { lieux } = d
  const retire = new Set(retraits)
  const cat = <T>(a: ArrayLike<T>, b: T[]): T[] => [...Array.from(a), ...b]
  return {
    ...d,
    lieux: {
      n: lieux.n + ajouts.length,
      id: Int32Array.from(cat(lieux.id, [...ids])),
      nom: cat(lieux.nom, ajouts.map(() => 'ajout')),
      categories: Uint8Array.from(cat(lieux.categories, ajouts.map(() => bitCategorie('conseillers-numeriques')))),
      longitude: Float64Array.from(cat(lieux.longitude, ajouts.map((a) => a.longitude))),
      latitude: Float64Array.from(cat(lieux.latitude, ajouts.map((a) => a.latitude))),
      conseillers: Float64Array.from(cat(lieux.conseillers, ajouts.map((a) => a.conseillers))),
      postes: Float64Array.from(cat(lieux.postes, ajouts.map((a) => a.conseillers))),
      financementEuros: Float64Array.from(cat(lieux.financementEuros, ajouts.map((a) => a.conseillers * 50_000))),
      departement: cat(lieux.departement, ajouts.map(() => departement)),
      actif: Uint8Array.from(Array.from(lieux.actif, (x, j) => (retire.has(lieux.id[j]!) ? 0 : x)).concat(ajouts.map(() => 1))),
    },
  }
}
