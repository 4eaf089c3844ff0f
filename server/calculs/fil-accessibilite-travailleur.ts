/**
 * The 2SFCA thread (fil-accessibilite.ts): it receives the walk's data once, compiles the walk on one part of 25 and
 * 40 km radii (results dropped), then answers each part asked, its arrays moved to the main thread, not copied.
 */
import { parentPort, workerData } from 'node:worker_threads'
import { OFFRE_COMPLETE } from '../domain/offre.ts'
import { contributionsArbre, type IndexAccessibilite } from '../spatial/accessibilite.ts'
import type { DemandeFil, ReponseFil } from './fil-accessibilite.ts'

const index = workerData as IndexAccessibilite
for (const rayonKm of [25, 40]) contributionsArbre(index, rayonKm, OFFRE_COMPLETE, 1)

parentPort!.on('message', ({ id, rayonKm, masque, partie }: DemandeFil) => {
  let reponse: ReponseFil
  try {
    const contributions = contributionsArbre(index, rayonKm, masque, partie)
    parentPort!.postMessage({ id, contributions } satisfies ReponseFil, [contributions.parNoeud.buffer as ArrayBuffer, contributions.parSlot.buffer as ArrayBuffer])
    return
  } catch (e) {
    reponse = { id, erreur: e instanceof Error ? e.message : String(e) }
  }
  parentPort!.postMessage(reponse)
})
