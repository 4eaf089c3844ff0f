/**
 * The 2SFCA thread (fil-accessibilite.ts): it receives the walk's data once, compiles the walk on one part of 25 and
 * 40 km radii (results dropped), then answers each part asked, its arrays moved to the main thread, not copied.
 */
import { workerData } from 'node:worker_threads'
import { OFFRE_COMPLETE } from '../domain/offre.ts'
import { contributionsArbre, type ContributionsAccessibilite, type IndexAccessibilite } from '../spatial/accessibilite.ts'
import type { DemandeFil } from './fil-accessibilite.ts'
import { repondreAuxDemandes } from './fil-de-requetes.ts'

const index = workerData as IndexAccessibilite
for (const rayonKm of [25, 40]) contributionsArbre(index, rayonKm, OFFRE_COMPLETE, 1)

repondreAuxDemandes<DemandeFil, ContributionsAccessibilite>(({ rayonKm, masque, partie }) => {
  const resultat = contributionsArbre(index, rayonKm, masque, partie)
  return { resultat, transfert: [resultat.parNoeud.buffer as ArrayBuffer, resultat.parSlot.buffer as ArrayBuffer] }
})
