/**
 * A worker of the computation pool (see pool.ts). It loads the reference data once, when it starts: it opens the
 * read-only SQLite file itself, builds its own engine on the main thread's cells (shared memory, read-only) and loads
 * HiGHS; then it runs tasks, one at a time. Each worker has its own module instances, so the engine's reused work
 * buffers are never shared between threads.
 */
import { BroadcastChannel, workerData } from 'node:worker_threads'
import { ouvrirBase } from '../db/open.ts'
import { moteurDeLaBase, type CarreauxMoteur } from '../moteur-base.ts'
import { OFFRE_COMPLETE } from '../domain/offre.ts'
import { calculerAccessibilite, chargerHighs } from '../spatial/index.ts'
import { executerTache, type Tache } from './taches.ts'

export type DonneesTravailleur = Readonly<{ cheminBase: string; suivi: string | null; carreaux: CarreauxMoteur }>

const { cheminBase, suivi, carreaux } = workerData as DonneesTravailleur
// The main thread checked the file before starting this thread.
const db = ouvrirBase(cheminBase, { verifiee: true })
// Cells included: candidatures and optimisations count inhabitants on them, as the main thread does.
const { moteur } = moteurDeLaBase(db, carreaux)
db.close()
// 2SFCA at start (results dropped) build the neighbour lists (~0.25 s, voisinages.ts) and compile both ways of
// computing it: the first radius a user asks then runs optimised code, not the interpreter's (first call 84–606 ms
// before, against 20–480 ms once compiled). 10 km is read from the lists, 25 and 40 km walk the tree (one walk left
// the next two wide radii at twice their time).
calculerAccessibilite(moteur.index, 10, OFFRE_COMPLETE)
calculerAccessibilite(moteur.index, 25, OFFRE_COMPLETE)
calculerAccessibilite(moteur.index, 40, OFFRE_COMPLETE)
const highs = await chargerHighs()
const canal = suivi === null ? undefined : new BroadcastChannel(suivi)
canal?.unref()

/** Runs one task; when a follow-up channel is named, says on it when the task starts and ends (`<type>:debut`, `<type>:fin`). */
export default function executer(tache: Tache) {
  canal?.postMessage(`${tache.type}:debut`)
  try {
    return executerTache(moteur, highs, tache)
  } finally {
    canal?.postMessage(`${tache.type}:fin`)
  }
}
