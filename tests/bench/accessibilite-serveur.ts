/**
 * Issue 15: the 2SFCA as the server computes a radius never asked, on the national data (offre complète): up to
 * 20 km one task of the pool reads the neighbour lists (and sorts the result for the medians by territory, 2–4 ms of
 * the time shown); beyond, the pool's worker and the 2SFCA thread each walk half
 * the places at once, and this thread adds the halves (accessibilite-hors-fil.ts). Both threads have compiled their
 * code at start, as in the server; each radius is asked once (the first time), with 3 neighbouring radii for a
 * median. Wall time from the request to the accessibility in hand, messages included.
 * Run `npx tsx tests/bench/accessibilite-serveur.ts`.
 */
import { loadavg } from 'node:os'
import { filAccessibilite } from '../../server/calculs/fil-accessibilite.ts'
import { buildCalculs } from '../../server/calculs/pool.ts'
import { ouvrirBase } from '../../server/db/open.ts'
import { OFFRE_COMPLETE } from '../../server/domain/offre.ts'
import { moteurDeLaBase } from '../../server/moteur-base.ts'
import { finirAccessibiliteArbre, parVoisinages } from '../../server/spatial/index.ts'
import { CHEMIN_BASE_NATIONALE } from '../setup/base-nationale.ts'

const db = ouvrirBase(CHEMIN_BASE_NATIONALE)
const { moteur } = moteurDeLaBase(db)
db.close()
const calculs = buildCalculs({ travailleurs: 1, fileAttenteMax: 4 }, CHEMIN_BASE_NATIONALE, moteur)
const fil = filAccessibilite(moteur.index)
fil.prechauffer()
const options = { delaiMs: 60_000 }
// The worker loads its engine and compiles both ways; the thread compiles its walk.
await calculs.executer({ type: 'accessibilite', params: { rayonKm: 1, masque: OFFRE_COMPLETE } }, options)
await fil.contributions({ rayonKm: 30, masque: OFFRE_COMPLETE }, 1)

const accessibilite = async (rayonKm: number): Promise<number> => {
  const params = { rayonKm, masque: OFFRE_COMPLETE }
  const debut = performance.now()
  if (parVoisinages(rayonKm)) await calculs.executer({ type: 'accessibilite', params }, options)
  else {
    const parties = await Promise.all([calculs.executer({ type: 'accessibilite-partie', params, partie: 0 }, options), fil.contributions(params, 1)])
    finirAccessibiliteArbre(moteur.index, parties)
  }
  return performance.now() - debut
}

console.log(`load ${loadavg().map((l) => l.toFixed(2)).join(' ')}`)
console.log('| rayon | 2SFCA, première fois (médiane de 3 rayons voisins) | les 3 |\n|---|---:|---|')
for (const r of [1, 5, 10, 15, 20, 25, 33, 50, 75, 100]) {
  const t: number[] = []
  for (const d of [-0.2, -0.1, 0]) t.push(await accessibilite(r === 1 ? 1 + 0.1 * (t.length + 1) : r + d))
  const tries = [...t].sort((a, b) => a - b)
  console.log(`| ${r} km | ${tries[1]!.toFixed(1)} ms | ${t.map((x) => x.toFixed(1)).join(' ; ')} |`)
}
console.log(`load ${loadavg().map((l) => l.toFixed(2)).join(' ')}`)
await calculs.fermer()
await fil.fermer()
