import { Worker } from 'node:worker_threads'
import { Lru } from '../spatial/lru.ts'
import type { TuilesCommunes } from './communes.ts'

export type DemandeTuile = Readonly<{ id: number; z: number; x: number; y: number }>
export type ReponseTuile = Readonly<{ id: number; octets?: Uint8Array; erreur?: string }>

const CAPACITE_CACHE_TUILES = 20_000

/**
 * The commune tiles made by a thread of their own (`travailleur.ts`), so that building their index (≈ 1.2 s) never
 * delays an answer of the main thread, and its ≈ 130 MB live outside the main heap. The main thread keeps the
 * encoded tiles (LRU). A thread that dies fails
 * the tiles it owed; the next request starts a new one.
 */
export function tuilesHorsFil(cheminBase: string): TuilesCommunes {
  // Pending tiles too: each missing tile is asked once, however many requests wait for it.
  const cache = new Lru<string, Promise<Uint8Array>>(CAPACITE_CACHE_TUILES)
  const attentes = new Map<number, { resoudre: (o: Uint8Array) => void; rejeter: (e: Error) => void }>()
  let suivant = 0
  let fil: Worker | undefined

  const demarrer = (): Worker => {
    const w = new Worker(new URL('./travailleur.mjs', import.meta.url), { workerData: { cheminBase } })
    w.on('message', (m: ReponseTuile | { pret: true }) => {
      if (!('id' in m)) return
      const attente = attentes.get(m.id)
      attentes.delete(m.id)
      if (m.octets) attente?.resoudre(m.octets)
      else attente?.rejeter(new Error(`tuile : ${m.erreur}`))
    })
    const echouer = (e: Error) => {
      if (fil === w) fil = undefined
      for (const a of attentes.values()) a.rejeter(e)
      attentes.clear()
    }
    w.on('error', echouer)
    w.on('exit', (code) => echouer(new Error(`le fil des tuiles s'est arrêté (code ${code})`)))
    // The tile thread must not keep a finished process alive.
    w.unref()
    return w
  }

  return {
    prechauffer: () => {
      fil ??= demarrer()
    },
    tuile: (z, x, y) => {
      const cle = `${z}/${x}/${y}`
      return cache.getOrCompute(cle, () => {
        const w = (fil ??= demarrer())
        const id = suivant++
        const p = new Promise<Uint8Array>((resoudre, rejeter) => {
          attentes.set(id, { resoudre, rejeter })
          w.postMessage({ id, z, x, y } satisfies DemandeTuile)
        })
        p.catch(() => cache.delete(cle))
        return p
      })
    },
    fermer: async () => {
      const w = fil
      fil = undefined
      if (w) await w.terminate()
    },
  }
}
