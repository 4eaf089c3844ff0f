import { fileURLToPath } from 'node:url'
import { Piscina } from 'piscina'
import { chargerHighs, type Moteur } from '../spatial/index.ts'
import { executerTache, type ResultatTache, type Tache } from './taches.ts'
import type { DonneesTravailleur } from './travailleur.ts'
import { entreeFil } from '../racine.ts'

export type OptionsCalculs = Readonly<{
  /** Worker threads; 0 runs every task inline, on the calling thread (tests, development). */
  travailleurs: number
  /** Tasks that may wait for a worker; one more is refused (`FileAttentePleine`). */
  fileAttenteMax: number
  /** Name of a BroadcastChannel on which workers say when each task starts and ends (tests); null: silent. */
  suivi?: string | null
}>

/** More tasks are waiting than the queue holds: the caller should answer 503 with Retry-After. */
export class FileAttentePleine extends Error {
  constructor(readonly enAttente: number) {
    super(`${enAttente} calculs attendent déjà un fil de calcul`)
    this.name = 'FileAttentePleine'
  }
}

/** The task did not finish within its time limit (waiting included); its worker was stopped. */
export class DelaiDepasse extends Error {
  constructor(readonly delaiMs: number) {
    super(`calcul interrompu après ${delaiMs} ms`)
    this.name = 'DelaiDepasse'
  }
}

/** The caller's signal aborted (the client went away); a running task's worker was stopped and replaced. */
export class CalculAnnule extends Error {
  constructor() {
    super('calcul annulé par le client')
    this.name = 'CalculAnnule'
  }
}

export type OptionsExecution = Readonly<{ signal?: AbortSignal; delaiMs: number }>

/** Where heavy computations run: a pool of worker threads, or inline. */
export type Calculs = Readonly<{
  travailleurs: number
  /**
   * Runs a task. In the pool it rejects with `FileAttentePleine` when the queue is full, `DelaiDepasse` past
   * `delaiMs`, `CalculAnnule` when `signal` aborts; inline, only an already aborted signal is noticed (nothing can
   * interrupt the calling thread), so `delaiMs` is not enforced there.
   */
  executer<T extends Tache>(tache: T, options: OptionsExecution): Promise<ResultatTache<T>>
  /** Tasks waiting for a worker, and tasks running. */
  charge(): Readonly<{ enAttente: number; enCours: number }>
  fermer(): Promise<void>
}>

/** Runs tasks on the calling thread with the given engine (MAILLAGE_TRAVAILLEURS=0). */
export function calculsEnLigne(moteur: Moteur): Calculs {
  let enCours = 0
  return {
    travailleurs: 0,
    async executer(tache, { signal }) {
      const highs = await chargerHighs()
      if (signal?.aborted) throw new CalculAnnule()
      enCours++
      try {
        return executerTache(moteur, highs, tache)
      } finally {
        enCours--
      }
    },
    charge: () => ({ enAttente: 0, enCours }),
    fermer: async () => {},
  }
}

/**
 * A pool of `travailleurs` worker threads (piscina), each with its own engine built from the read-only database at
 * `cheminBase` and `moteur`'s cells (shared, not read again); with 0 workers, tasks run inline on `moteur`. Workers
 * start at once and are kept: loading the data is the expensive part of a worker's life.
 */
export function buildCalculs(options: OptionsCalculs, cheminBase: string, moteur: Moteur): Calculs {
  const { travailleurs, fileAttenteMax } = options
  if (!Number.isInteger(travailleurs) || travailleurs < 0) throw new Error(`buildCalculs: travailleurs must be a non-negative integer, got ${travailleurs}`)
  if (!Number.isInteger(fileAttenteMax) || fileAttenteMax < 0) throw new Error(`buildCalculs: fileAttenteMax must be a non-negative integer, got ${fileAttenteMax}`)
  if (travailleurs === 0) return calculsEnLigne(moteur)
  // The cells go along (28 MB nationally): on shared memory when the engine comes from moteurDeLaBase, copied otherwise.
  const workerData: DonneesTravailleur = { cheminBase, suivi: options.suivi ?? null, carreaux: { carreaux: moteur.carreaux, plusProchesCarreaux: moteur.plusProchesCarreaux } }
  const pool = new Piscina({
    filename: fileURLToPath(entreeFil(new URL('./travailleur.mjs', import.meta.url), 'travailleur')),
    minThreads: travailleurs,
    maxThreads: travailleurs,
    idleTimeout: Infinity,
    concurrentTasksPerWorker: 1,
    workerData,
  })
  let enCours = 0
  return {
    travailleurs,
    async executer(tache, { signal, delaiMs }) {
      if (signal?.aborted) throw new CalculAnnule()
      // Piscina queues a task only when every worker is busy: its queue is the tasks waiting for one.
      if (pool.queueSize >= fileAttenteMax && enCours >= travailleurs) throw new FileAttentePleine(pool.queueSize)
      const delai = AbortSignal.timeout(delaiMs)
      enCours++
      try {
        return (await pool.run(tache, { signal: signal === undefined ? delai : AbortSignal.any([signal, delai]) })) as ResultatTache<typeof tache>
      } catch (e) {
        if (delai.aborted) throw new DelaiDepasse(delaiMs)
        if (signal?.aborted) throw new CalculAnnule()
        throw e
      } finally {
        enCours--
      }
    },
    charge: () => ({ enAttente: pool.queueSize, enCours: Math.max(0, enCours - pool.queueSize) }),
    fermer: () => pool.destroy(),
  }
}
