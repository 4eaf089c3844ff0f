/**
 * Benchmark of the matching of recruits to postes (`affecter`, the task `affectation` of POST
 * /api/departements/:code/mise-en-relation) on seeded instances over the real communes of the national database:
 * 10 000 recruits and 4 000 postes (the national size), and smaller ones. For each: pairs within reach (kd-tree),
 * the two HiGHS solves, the whole call, the process's resident memory and heap after it, and the independent checks
 * (constraints, and the flow optimality certificate) with their own time. Run `npx tsx tests/bench/mise-en-relation.ts`,
 * or `benchMiseEnRelation()` from `npm run bench`. Numbers go to BENCHMARKS.md by hand.
 */
import { loadavg } from 'node:os'
import { pathToFileURL } from 'node:url'
import { affecter, chargerHighs } from '../../server/spatial/index.ts'
import { couplesAPortee } from '../../server/spatial/affectation.ts'
import { seeded } from '../spatial/helpers/aleatoire.ts'
import { certificatOptimalite, violations } from '../spatial/helpers/oracle-affectation.ts'
import { instanceRecrutement } from '../spatial/helpers/recrutement-aleatoire.ts'
import { donneesNationalesBench } from './donnees-nationales.ts'

const TAILLES = [[1_000, 400], [4_000, 1_600], [10_000, 4_000]] as const
const Mo = (octets: number) => `${(octets / 1024 / 1024).toFixed(0)} Mo`

export async function benchMiseEnRelation(): Promise<string> {
  const { communes } = donneesNationalesBench()
  const highs = await chargerHighs()
  if (highs === undefined) throw new Error('benchMiseEnRelation: HiGHS did not load')
  const lignes = [
    '| recrues | postes (structures) | couples à portée | couples (kd-tree) | affecter (2 solves HiGHS) | placées | distance totale | sans poste : aucun à portée / pourvus | RSS après | tas après | contraintes + certificat |',
    '|---|---|---|---|---|---|---|---|---|---|---|',
  ]
  // Warm-up: HiGHS's Wasm and the JIT on a small instance.
  const chauffe = instanceRecrutement(communes, seeded(1), 300, 120)
  affecter(highs, chauffe.recrues, chauffe.postes)
  for (const [nombreRecrues, nombrePostes] of TAILLES) {
    const { recrues, postes } = instanceRecrutement(communes, seeded(13), nombreRecrues, nombrePostes)
    let t = performance.now()
    const couples = couplesAPortee(recrues, postes)!
    const dCouples = performance.now() - t
    t = performance.now()
    const r = affecter(highs, recrues, postes)
    const dAffecter = performance.now() - t
    const { rss, heapUsed } = process.memoryUsage()
    if (!r.ok) throw new Error(`benchMiseEnRelation: ${r.motif}`)
    t = performance.now()
    const fautes = [...violations(recrues, postes, r.affectations, r.distanceTotaleKm), ...certificatOptimalite(recrues, postes, r.affectations)]
    const dVerif = performance.now() - t
    const aucun = r.sansPoste.filter((s) => s.raison === 'aucun-poste-a-portee').length
    lignes.push(`| ${nombreRecrues.toLocaleString('en')} | ${nombrePostes.toLocaleString('en')} (${postes.length.toLocaleString('en')}) | ${couples.recrue.length.toLocaleString('en')} | ${dCouples.toFixed(0)} ms | ${(dAffecter / 1000).toFixed(2)} s | ${r.affectations.length.toLocaleString('en')} | ${Math.round(r.distanceTotaleKm).toLocaleString('en')} km | ${aucun} / ${r.sansPoste.length - aucun} | ${Mo(rss)} | ${Mo(heapUsed)} | ${fautes.length === 0 ? 'ok' : fautes.slice(0, 3).join(' ; ')} (${(dVerif / 1000).toFixed(1)} s) |`)
    console.log(lignes.at(-1))
  }
  const rapport = `Mise en relation (graine 13, communes réelles hors COM ; charge ${loadavg().map((x) => x.toFixed(2)).join(' ')} à la fin)\n\n${lignes.join('\n')}\n`
  console.log(rapport)
  return rapport
}

if (import.meta.url === pathToFileURL(process.argv[1]!).href) await benchMiseEnRelation()
