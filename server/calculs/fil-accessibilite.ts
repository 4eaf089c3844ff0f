import { Worker } from 'node:worker_threads'
import type { ContributionsAccessibilite, IndexAccessibilite, ParametresCouverture } from '../spatial/index.ts'

export type DemandeFil = Readonly<{ id: number; rayonKm: number; masque: number; partie: number }>
export type ReponseFil = Readonly<{ id: number; contributions?: ContributionsAccessibilite; erreur?: string }>

/** A light thread that walks parts of the 2SFCA's tree for wide radii, beside the pool's worker. */
export type FilAccessibilite = Readonly<{
  /** Starts the thread (its data copied once, its walk compiled) so that the first wide radius finds it ready. */
  prechauffer(): void
  /** Part `partie` of the tree walk of these parameters (accessibilite.ts `contributionsArbre`). */
  contributions(params: ParametresCouverture, partie: number): Promise<ContributionsAccessibilite>
  fermer(): Promise<void>
}>

/**
 * The 2SFCA of a wide radius (≈ 150 ms at 100 km on one core) is shared by the pool's worker and this thread: each
 * walks half the places (`NB_PARTIES_ARBRE`), at once on two cores. The thread holds only what the walk reads
 * (`IndexAccessibilite`: the commune tree and its aggregates, the lieux trees, ≈ 8 MB), not a whole engine: ~30 MB
 * instead of a second pool worker's ~120 MB. A thread that dies fails the parts it owed; the next request starts a
 * new one.
 */
export function filAccessibilite(index: IndexAccessibilite): FilAccessibilite {
  const attentes = new Map<number, { resoudre: (c: ContributionsAccessibilite) => void; rejeter: (e: Error) => void }>()
  let suivant = 0
  let fil: Worker | undefined
  // Only what the walk reads, so that the copy made for the thread stays small.
  const donnees: IndexAccessibilite = {
    communes: { n: index.communes.n },
    arbreCommunes: index.arbreCommunes,
    agregatsCommunes: index.agregatsCommunes,
    populationSlot: index.populationSlot,
    offreLieux: index.offreLieux,
    arbresLieux: index.arbresLieux,
  }

  const demarrer = (): Worker => {
    const w = new Worker(new URL('./fil-accessibilite.mjs', import.meta.url), { workerData: donnees })
    w.on('message', (m: ReponseFil) => {
      const attente = attentes.get(m.id)
      attentes.delete(m.id)
      if (attentes.size === 0) w.unref()
      if (m.contributions) attente?.resoudre(m.contributions)
      else attente?.rejeter(new Error(`fil d'accessibilité : ${m.erreur}`))
    })
    const echouer = (e: Error) => {
      if (fil === w) fil = undefined
      for (const a of attentes.values()) a.rejeter(e)
      attentes.clear()
    }
    w.on('error', echouer)
    w.on('exit', (code) => echouer(new Error(`le fil d'accessibilité s'est arrêté (code ${code})`)))
    // An idle thread must not keep a finished process alive; one that owes parts does (see `contributions`).
    w.unref()
    return w
  }

  return {
    prechauffer: () => {
      fil ??= demarrer()
    },
    contributions: ({ rayonKm, masque }, partie) => {
      const w = (fil ??= demarrer())
      const id = suivant++
      return new Promise<ContributionsAccessibilite>((resoudre, rejeter) => {
        if (attentes.size === 0) w.ref()
        attentes.set(id, { resoudre, rejeter })
        w.postMessage({ id, rayonKm, masque, partie } satisfies DemandeFil)
      })
    },
    fermer: async () => {
      const w = fil
      fil = undefined
      if (w) await w.terminate()
    },
  }
}
