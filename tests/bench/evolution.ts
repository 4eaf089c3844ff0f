// npx tsx --expose-gc tests/bench/evolution.ts — what the evolution costs a server: memory of the engines of the earlier
// dates, the first and the following GET /api/evolution, the coverage routes with a date. One pass, no load.
import { execSync } from 'node:child_process'
import { assurerBase } from '../../scripts/assurer-base.ts'
import { dossierSources } from '../../scripts/lib/sources.ts'
import { buildDeps, createApp } from '../../server/app.ts'
import { ouvrirBase } from '../../server/db/open.ts'
import { CHEMIN_BASE_NATIONALE } from '../setup/base-nationale.ts'

const gc = (globalThis as { gc?: () => void }).gc
const memoire = () => {
  gc?.()
  const m = process.memoryUsage()
  return { rssMo: Math.round(m.rss / 1e6), tasMo: Math.round(m.heapUsed / 1e6), tableauxMo: Math.round(m.arrayBuffers / 1e6) }
}
const mesurer = async (app: ReturnType<typeof createApp>, chemin: string) => {
  const debut = performance.now()
  const res = await app.request(chemin)
  await res.arrayBuffer()
  if (res.status !== 200) throw new Error(`${chemin} : ${res.status}`)
  return Math.round(performance.now() - debut)
}

assurerBase(dossierSources(), CHEMIN_BASE_NATIONALE)
console.log(`charge avant : ${execSync('uptime').toString().trim()}`)
if (!gc) console.log('(sans --expose-gc : mémoire mesurée sans ramasse-miettes forcé)')
const avant = memoire()
const deps = buildDeps(ouvrirBase(CHEMIN_BASE_NATIONALE))
const app = createApp(deps)
const demarre = memoire()
const lignes: [string, number][] = []
lignes.push(['GET /api/couverture (aujourd’hui, 10 km)', await mesurer(app, '/couverture')])
const apresActuel = memoire()
lignes.push(['GET /api/evolution (national, 10 km), 1re fois : 5 moteurs construits, 5 couvertures', await mesurer(app, '/evolution')])
const apresEvolution = memoire()
lignes.push(['GET /api/evolution (national, 10 km), 2e fois (réponse mémorisée)', await mesurer(app, '/evolution')])
lignes.push(['GET /api/evolution?departement=26 (moteurs et couvertures déjà là)', await mesurer(app, '/evolution?departement=26')])
lignes.push(['GET /api/evolution?rayonKm=30, 1re fois (6 couvertures à 30 km)', await mesurer(app, '/evolution?rayonKm=30')])
lignes.push(['GET /api/couverture?date=2022-07 (couverture en cache)', await mesurer(app, '/couverture?date=2022-07')])
lignes.push(['GET /api/departements/26/communes?date=2021-06', await mesurer(app, '/departements/26/communes?date=2021-06')])
lignes.push(['GET /api/evolution?offre=conseillers-numeriques&rayonKm=5, 1re fois', await mesurer(app, '/evolution?offre=conseillers-numeriques&rayonKm=5')])
const fin = memoire()
console.log(`charge après : ${execSync('uptime').toString().trim()}`)
console.log('\n| requête | durée (ms) |\n|---|---:|')
for (const [l, ms] of lignes) console.log(`| ${l} | ${ms} |`)
console.log('\n| moment | RSS (Mo) | tas JS (Mo) | tableaux typés (Mo) |\n|---|---:|---:|---:|')
for (const [l, m] of [['avant la base', avant], ['serveur construit (buildDeps)', demarre], ['après la couverture d’aujourd’hui', apresActuel],
  [`après l’évolution nationale (${deps.evolution.moteurs.construits()} moteurs de dates)`, apresEvolution], ['à la fin (3 rayons ou offres de plus)', fin]] as const)
  console.log(`| ${l} | ${m.rssMo} | ${m.tasMo} | ${m.tableauxMo} |`)
