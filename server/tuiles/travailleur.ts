/**
 * The tile thread: opens the read-only reference file itself, builds the commune tiles' indexes (≈ 1.2 s and
 * ≈ 130 MB of geojson-vt trees, kept off the main thread's heap and event loop) and answers tile requests.
 */
import { workerData } from 'node:worker_threads'
import { repondreAuxDemandes } from '../calculs/fil-de-requetes.ts'
import { etiquettesDb } from '../db/etiquettes.ts'
import { geometriesDb } from '../db/geometries.ts'
import { ouvrirBase } from '../db/open.ts'
import { buildTuilesCommunes } from './communes.ts'
import { buildTuilesEtiquettes } from './etiquettes.ts'
import type { DemandeTuile } from './hors-fil.ts'

// The main thread checked the file before starting this thread.
const db = ouvrirBase((workerData as { cheminBase: string }).cheminBase, { verifiee: true })

const tuiles = buildTuilesCommunes(geometriesDb(db).communes, buildTuilesEtiquettes(etiquettesDb(db)))
tuiles.prechauffer()

repondreAuxDemandes<DemandeTuile, Uint8Array>(({ z, x, y }) => {
  // A copy of our own: the encoder's bytes may share their buffer, and a transfer would detach it.
  const octets = Uint8Array.from(tuiles.tuile(z, x, y) as Uint8Array)
  return { resultat: octets, transfert: [octets.buffer] }
})
