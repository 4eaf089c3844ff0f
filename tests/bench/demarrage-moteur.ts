/**
 * Issue 17: the server's start with the cells, the part that builds everything the routes need (`buildDeps`: reading
 * the engine input, the stored nearest lieux of the cells, the engine, the tiles' index…), then the first national
 * figures on the cells. `npx tsx tests/bench/demarrage-moteur.ts` (run it twice: the first run also warms the disk cache).
 */
import { loadavg } from 'node:os'
import { buildDeps } from '../../server/app.ts'
import { ouvrirBase } from '../../server/db/open.ts'
import { OFFRE_COMPLETE } from '../../server/domain/offre.ts'
import { CHEMIN_BASE_NATIONALE } from '../setup/base-nationale.ts'

const t0 = performance.now()
const deps = buildDeps(ouvrirBase(CHEMIN_BASE_NATIONALE))
const t1 = performance.now()
const { horsCom } = deps.moteur.chiffresNationaux({ rayonKm: 10, masque: OFFRE_COMPLETE }, 'carreaux')
console.log(`buildDeps ${(t1 - t0).toFixed(0)} ms ; premiers chiffres nationaux sur les carreaux ${(performance.now() - t1).toFixed(0)} ms ` +
  `(${horsCom.chiffres.populationZonesBlanches} non couverts) ; charge ${loadavg().map((x) => x.toFixed(2)).join(' / ')}`)
