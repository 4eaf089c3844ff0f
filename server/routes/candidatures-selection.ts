import { Hono } from 'hono'
import { z } from 'zod'
import { limitesCalcul, type DelaisCalcul } from '../calculs/delais.ts'
import type { Calculs } from '../calculs/pool.ts'
import type { VariablesSession } from '../comptes/session.ts'
import { accedeAuDepartement, type Agent } from '../domain/agent.ts'
import { TEMPS_LIMITE_DEFAUT_MS } from '../spatial/index.ts'
import { exigerAgent, type VariablesAgent } from './acces.ts'
import type { DepsCandidatures } from './candidatures.ts'
import { corpsJson, offreCorps, rayonKmCorps } from './corps.ts'
import { erreur } from './erreurs.ts'
import { calculer } from './optimisation.ts'
import { codeDepartement, lireOffre, valider } from './validation.ts'

const ParamDepartement = z.object({ code: codeDepartement })
export const CorpsSelection = z.strictObject({
  budgetEuros: z.number({ error: 'budgetEuros doit être un nombre (euros)' }).int('budgetEuros doit être un nombre entier d’euros')
    .min(1, 'budgetEuros doit être positif').max(1_000_000_000, 'budgetEuros : un milliard d’euros au plus').optional(),
  nombrePostes: z.number({ error: 'nombrePostes doit être un entier' }).int('nombrePostes doit être un entier').min(1, 'nombrePostes doit être au moins 1')
    .max(10_000, 'nombrePostes doit être au plus 10 000').optional(),
  rayonKm: rayonKmCorps,
  offre: offreCorps,
  poids: z.enum(['population', 'population-ifn'], { error: 'poids doit valoir « population » ou « population-ifn »' }).default('population'),
  seulementFavorables: z.boolean({ error: 'seulementFavorables doit valoir true ou false' }).default(false),
  tempsLimiteMs: z.number().int().min(100).max(30_000).default(TEMPS_LIMITE_DEFAUT_MS),
}).refine((s) => (s.budgetEuros === undefined) !== (s.nombrePostes === undefined), {
  message: 'donnez soit budgetEuros (le financement de l’État à ne pas dépasser), soit nombrePostes (les postes à pourvoir), pas les deux',
  path: ['budgetEuros'],
})

const horsPortee = (agent: Agent, departement: string) =>
  erreur(403, `Le département ${departement} n’est pas dans votre périmètre (${agent.departements.join(', ') || 'aucun département'}).`)

/**
 * POST /departements/:code/candidatures/selection: the candidatures to fund within a budget (State funding in euros,
 * or a number of postes) so that the zone-blanche population they cover together is largest, an inhabitant counting
 * once however many of them reach it. Solved exactly by HiGHS in the worker pool, the greedy by gain per euro beside
 * it; each candidature's coverage comes from the what-if simulator, so `gainPopulation` is what /api/simulations says
 * of the retained set. Agents who see the département (planificateurs included: it changes nothing).
 */
export const candidaturesSelectionRoutes = (deps: DepsCandidatures & Readonly<{ calculs: Calculs; delais: DelaisCalcul }>) =>
  new Hono<{ Variables: VariablesSession }>()
    .use('/departements/:code/candidatures/selection', exigerAgent())
    .post('/departements/:code/candidatures/selection', valider('param', ParamDepartement), corpsJson(), valider('json', CorpsSelection), async (c) => {
      const debut = performance.now()
      const agent = (c.var as VariablesAgent).agent
      const { code } = c.req.valid('param')
      if (!accedeAuDepartement(agent, code)) return c.json(horsPortee(agent, code), 403)
      if (deps.territoires.departement(code) === undefined) return c.json(erreur(404, `Département inconnu : ${code}`), 404)
      const { budgetEuros, nombrePostes, rayonKm, offre: categories, poids, seulementFavorables, tempsLimiteMs } = c.req.valid('json')
      const { masque, offre } = lireOffre(categories)
      const toutes = await deps.comptes.candidatures(code)
      const candidatures = seulementFavorables ? toutes.filter((cand) => cand.avis?.avis === 'favorable') : toutes
      const limites = limitesCalcul(deps.delais, true)
      const params = {
        departement: code, rayonKm, masque, poids,
        candidatures: candidatures.map(({ longitude, latitude, postes, type }) => ({ longitude, latitude, postes, type })),
        unite: budgetEuros !== undefined ? 'euros' as const : 'postes' as const,
        budget: budgetEuros ?? nombrePostes!,
        tempsLimiteMs: Math.min(tempsLimiteMs, limites.tempsLimiteMaxMs),
      }
      const calcul = await calculer(c, deps, { type: 'selection-budget', params }, limites.delaiMs)
      if (!calcul.ok) return calcul.refus
      const r = calcul.resultat
      const retenues = r.choisis.map((k) => candidatures[k]!)
      return c.json({
        ok: true as const,
        departement: code,
        rayonKm,
        offre,
        poids,
        budgetEuros: budgetEuros ?? null,
        nombrePostes: nombrePostes ?? null,
        seulementFavorables,
        candidaturesConsiderees: candidatures.length,
        retenues: retenues.map((cand) => cand.id),
        /** The objective, in the chosen weights. */
        gain: r.objectif,
        gainGlouton: r.objectifGlouton,
        /** Inhabitants newly covered by the retained set, whatever the weights. */
        gainPopulation: r.gainPopulation,
        coutEuros: r.coutEuros,
        postes: retenues.reduce((s, cand) => s + cand.postes, 0),
        optimal: r.optimal,
        borneSuperieure: r.borneSuperieure,
        methode: r.methode,
        /** The retained candidatures as postes of a planning scenario (/planifier/:code). */
        ajouts: retenues.map((cand) => ({ lon: cand.longitude, lat: cand.latitude, conseillers: cand.postes })),
        dureeMs: performance.now() - debut,
      }, 200)
    })
