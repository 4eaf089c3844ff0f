import { filDeRequetes } from '../calculs/fil-de-requetes.ts'
import { entreeFil } from '../racine.ts'
import { Lru } from '../spatial/lru.ts'
import type { TuilesCommunes } from './communes.ts'

export type DemandeTuile = Readonly<{ z: number; x: number; y: number }>

const CAPACITE_CACHE_TUILES = 20_000

/**
 * The commune tiles made by a thread of their own (`travailleur.ts`), so that building their index (≈ 1.2 s) never
 * delays an answer of the main thread, and its ≈ 130 MB live outside the main heap. The main thread keeps the
 * encoded tiles (LRU). A thread that dies fails the tiles it owed; the next request starts a new one
 * (fil-de-requetes.ts).
 */
export function tuilesHorsFil(cheminBase: string): TuilesCommunes {
  // Pending tiles too: each missing tile is asked once, however many requests wait for it.
  const cache = new Lru<string, Promise<Uint8Array>>(CAPACITE_CACHE_TUILES)
  const fil = filDeRequetes<DemandeTuile, Uint8Array>(entreeFil(new URL('./travailleur.mjs', import.meta.url), 'tuiles-travailleur'), { cheminBase }, 'le fil des tuiles')
  return {
    prechauffer: fil.prechauffer,
    tuile: (z, x, y) => {
      const cle = `${z}/${x}/${y}`
      return cache.getOrCompute(cle, () => {
        const p = fil.demander({ z, x, y })
        p.catch(() => cache.delete(cle))
        return p
      })
    },
    fermer: fil.fermer,
  }
}
