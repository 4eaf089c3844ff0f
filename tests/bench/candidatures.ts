/**
 * Benchmark of the selection of candidatures within a budget on the national reference database: in three
 * départements, one seeded candidature per commune centre (1 to 3 postes, collectivité or privée), each simulated
 * alone (what GET /candidatures and the selection do), then the budgeted covering solved by HiGHS, and the greedy.
 * Run `npx tsx tests/bench/candidatures.ts`.
 */
import { pathToFileURL } from 'node:url'
import { evaluerCandidatures, instanceSelection, selectionnerCandidatures } from '../../server/candidatures/evaluation.ts'
import type { Candidature } from '../../server/db/comptes.ts'
import { OFFRE_COMPLETE } from '../../server/domain/offre.ts'
import { buildCarreaux, buildMoteur, buildSimulateur, chargerHighs, gloutonBudget, resoudreBudget } from '../../server/spatial/index.ts'
import { seeded } from '../spatial/helpers/aleatoire.ts'
import { donneesNationalesBench } from './donnees-nationales.ts'

export async function benchCandidatures(): Promise<string> {
  const { communes, lieux, territoires, cellules } = donneesNationalesBench()
  // With the cells, as the server and its workers: candidatures are evaluated on them (issue 17).
  const moteur = buildMoteur(communes, lieux, territoires, { carreaux: buildCarreaux(communes, cellules) })
  const simulateur = buildSimulateur(moteur)
  const highs = await chargerHighs()
  const rnd = seeded(20261128)
  const lignes = ['| département | candidatures | évaluation (simulations) | instance | HiGHS | glouton | gain exact | gain glouton | optimal | tâche selection-budget entière |', '|---|---|---|---|---|---|---|---|---|---|']
  for (const departement of ['26', '62', '2A']) {
    const candidatures: Candidature[] = []
    for (let i = 0; i < communes.n; i++) {
      if (communes.departement[i] !== departement) continue
      const type = rnd() < 0.5 ? 'collectivite' : 'privee'
      candidatures.push({
        id: candidatures.length + 1, departement, siret: String(1e13 + i), nom: communes.nom[i]!, type, adresse: '', codeInsee: communes.code[i]!,
        postes: 1 + Math.floor(rnd() * 3), longitude: communes.longitude[i]!, latitude: communes.latitude[i]!, localisation: 'commune', dateDepot: null,
        importePar: '', creeLe: '', modifieLe: '', avis: null, avisHistorique: [],
      })
    }
    const p = { departement, rayonKm: 10, masque: OFFRE_COMPLETE }
    moteur.couverture(p) // cached coverage, as on a running server
    let t = performance.now()
    const evaluations = evaluerCandidatures({ moteur, simulateur }, p, candidatures)
    const dEval = performance.now() - t
    t = performance.now()
    const instance = instanceSelection(moteur, p, 'population', evaluations, evaluations.map((e) => e.coutEtatEuros))
    const dInstance = performance.now() - t
    const budget = 300_000
    t = performance.now()
    const r = resoudreBudget(highs, instance, budget, 20_000)
    const dExact = performance.now() - t
    t = performance.now()
    const g = gloutonBudget(instance, budget)
    const dGlouton = performance.now() - t
    t = performance.now()
    selectionnerCandidatures({ moteur, simulateur }, highs, { ...p, poids: 'population', candidatures, unite: 'euros', budget, tempsLimiteMs: 20_000 })
    const dTache = performance.now() - t
    lignes.push(`| ${departement} | ${candidatures.length} | ${dEval.toFixed(0)} ms | ${dInstance.toFixed(0)} ms | ${dExact.toFixed(0)} ms | ${dGlouton.toFixed(1)} ms | ${r.objectif} | ${g.objectif} | ${r.optimal ? 'oui' : 'non'} (${r.methode}) | ${dTache.toFixed(0)} ms |`)
  }
  const rapport = `Sélection de candidatures sous un budget de 300 000 € (rayon 10 km, offre complète, une candidature par commune)\n\n${lignes.join('\n')}\n`
  console.log(rapport)
  return rapport
}

if (import.meta.url === pathToFileURL(process.argv[1]!).href) await benchCandidatures()
