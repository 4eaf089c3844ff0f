/**
 * Issue 17, planner on cells: the what-if simulation and the MCLP of a département counted on the 1 km cells, against
 * the same at commune centres, back to back. Drôme (26) at 10 km, every offre, 5 postes, every commune centre as a
 * candidate: demand points (cells before and after merging those the same sites reach), proven optimum, time.
 * `npx tsx tests/bench/optimisation-carreaux.ts`
 */
import { loadavg } from 'node:os'
import { OFFRE_COMPLETE } from '../../server/domain/offre.ts'
import { buildCarreaux, buildMoteur, buildProbleme, buildSimulateur, chargerHighs, optimiserDepartement, optimiserNational, unitesDemande } from '../../server/spatial/index.ts'
import type { Methode } from '../../server/domain/methode.ts'
import { seeded } from '../spatial/helpers/aleatoire.ts'
import { donneesNationalesBench } from './donnees-nationales.ts'

const d = donneesNationalesBench()
const moteur = buildMoteur(d.communes, d.lieux, d.territoires, { carreaux: buildCarreaux(d.communes, d.cellules) })
const simulateur = buildSimulateur(moteur)
{
  // The first simulation on cells builds the cells' kd-tree and the per-lieu lists: its cost, once per engine.
  // The engine's coverage of these parameters and the Drôme's perimeter first, so that only the cells' structures are measured.
  moteur.chiffresDepartement('26', { rayonKm: 10, masque: OFFRE_COMPLETE }, 'carreaux')
  simulateur.simuler({ departement: '26', rayonKm: 10, masque: OFFRE_COMPLETE, retraits: [], ajouts: [], methode: 'carreaux' })
  simulateur.simuler({ departement: '26', rayonKm: 10, masque: OFFRE_COMPLETE, retraits: [], ajouts: [{ longitude: 5.05, latitude: 44.75, conseillers: 1 }], methode: 'centres' })
  globalThis.gc?.()
  const avant = process.memoryUsage().arrayBuffers
  const t0 = performance.now()
  simulateur.simuler({ departement: '26', rayonKm: 10, masque: OFFRE_COMPLETE, retraits: [], methode: 'carreaux', ajouts: [{ longitude: 5.05, latitude: 44.75, conseillers: 1 }] })
  const dt = performance.now() - t0
  globalThis.gc?.()
  const mo = (x: number) => (x / 1024 / 1024).toFixed(1)
  console.log(`première simulation sur les carreaux (structures construites) : ${dt.toFixed(0)} ms ; tableaux typés ${mo(avant)} → ${mo(process.memoryUsage().arrayBuffers)} Mo`)
}
const highs = await chargerHighs()
let puits = 0
const charge = () => loadavg().map((x) => x.toFixed(2)).join(' / ')
console.log(`début, charge ${charge()}`)

for (const [code, rayonKm, nombrePostes] of [['26', 10, 5], ['26', 5, 10], ['48', 10, 5], ['33', 10, 5]] as const) {
  const params = { rayonKm, masque: OFFRE_COMPLETE }
  moteur.chiffresDepartement(code, params, 'carreaux')
  const u = unitesDemande(moteur, code, params, 'population')!
  const p = buildProbleme(moteur, code, rayonKm, OFFRE_COMPLETE, 'communes', 'population', { methode: 'carreaux' })!
  console.log(`${code} à ${rayonKm} km : ${u.cle.length} unités de demande (carreaux non couverts et centres), ${p.communesDemande} communes, ` +
    `${p.instance.poids.length} points après regroupement, ${p.instance.nbCandidats} candidats, ${p.instance.demandes.length} couples`)
  for (let essai = 0; essai < 3; essai++)
    for (const methode of ['centres', 'carreaux'] as Methode[]) {
      const r = optimiserDepartement(moteur, highs, { departement: code, rayonKm, masque: OFFRE_COMPLETE, nombrePostes, candidats: 'communes', poids: 'population', methode })
      if (!r.ok) throw new Error(r.motif)
      puits += r.objectif
      if (essai > 0)
        console.log(`  ${methode} : ${nombrePostes} postes, objectif ${r.objectif} (glouton ${r.objectifGlouton}), optimal ${r.optimal} (${r.methode}), ` +
          `${r.demande.points} points, ${r.dureeMs.toFixed(0)} ms`)
    }
}

// The national allocation of 20 postes at 10 km (every département's instance, then the marginal gains), both methods.
for (let essai = 0; essai < 2; essai++)
  for (const methode of ['centres', 'carreaux'] as Methode[]) {
    const r = optimiserNational(moteur, highs, { nombrePostes: 20, rayonKm: 10, masque: OFFRE_COMPLETE, candidats: 'communes', poids: 'population', methode })
    puits += r.gainTotal
    if (essai > 0) console.log(`national, 20 postes à 10 km (${methode}) : gain ${r.gainTotal}, optimal ${r.optimal}, ${r.dureeMs.toFixed(0)} ms`)
  }

// One added poste simulated on cells and at centres, alternated: seeded scenarios in a few départements.
const rnd = seeded(17)
const dep = ['26', '48', '33', '13', '2A', '59']
const temps: Record<Methode, number[]> = { centres: [], carreaux: [] }
for (let t = 0; t < 240; t++) {
  const departement = dep[t % dep.length]!
  const is = Array.from({ length: d.communes.n }, (_, i) => i).filter((i) => d.communes.departement[i] === departement)
  const i = is[Math.floor(rnd() * is.length)]!
  const s = { departement, rayonKm: 10, masque: OFFRE_COMPLETE, retraits: [], ajouts: [{ longitude: d.communes.longitude[i]!, latitude: d.communes.latitude[i]!, conseillers: 1 }] }
  for (const methode of (t % 2 === 0 ? ['centres', 'carreaux'] : ['carreaux', 'centres']) as Methode[]) {
    const t0 = performance.now()
    const r = simulateur.simuler({ ...s, methode })
    if (t >= 40) temps[methode].push(performance.now() - t0)
    puits += r.ok ? r.apres.populationCouverte : 0
  }
}
for (const m of ['centres', 'carreaux'] as Methode[]) {
  const x = temps[m].sort((a, b) => a - b)
  console.log(`simulation d'un poste (${m}) : p50 ${x[Math.floor(x.length / 2)]!.toFixed(2)} ms, p95 ${x[Math.floor(x.length * 0.95)]!.toFixed(2)} ms, max ${x[x.length - 1]!.toFixed(2)} ms (${x.length} essais)`)
}
console.log(`fin, charge ${charge()} (puits ${puits})`)
