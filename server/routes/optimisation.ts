import { Hono, type Context } from 'hono'
import { z } from 'zod'
import { limitesCalcul, type DelaisCalcul } from '../calculs/delais.ts'
import { CalculAnnule, DelaiDepasse, FileAttentePleine, type Calculs } from '../calculs/pool.ts'
import type { ResultatTache, Tache } from '../calculs/taches.ts'
import type { VariablesSession } from '../comptes/session.ts'
import type { LieuxDb } from '../db/lieux.ts'
import { MAX_POSTES_DEPARTEMENT, MAX_POSTES_NATIONAL, TEMPS_LIMITE_DEFAUT_MS, type Contour, type Moteur, type Simulateur } from '../spatial/index.ts'
import { erreur } from './erreurs.ts'
import { ChampsScenario, corpsJson, offreCorps, rayonKmCorps, simulerScenario } from './corps.ts'
import { codeDepartement, lireOffre, methode, valider } from './validation.ts'

const nombrePostes = (max: number) =>
  z.number({ error: 'nombrePostes doit être un entier' }).int('nombrePostes doit être un entier').min(1, 'nombrePostes doit être au moins 1')
    .max(max, `nombrePostes doit être au plus ${max}`)
const candidats = z.enum(['communes', 'structures'], { error: 'candidats doit valoir « communes » ou « structures »' }).default('communes')
const poids = z.enum(['population', 'population-ifn'], { error: 'poids doit valoir « population » ou « population-ifn »' }).default('population')

export const CorpsOptimisation = z.strictObject({
  departement: codeDepartement,
  rayonKm: rayonKmCorps,
  offre: offreCorps,
  nombrePostes: nombrePostes(MAX_POSTES_DEPARTEMENT),
  candidats,
  poids,
  tempsLimiteMs: z.number().int().min(100).max(30_000).default(TEMPS_LIMITE_DEFAUT_MS),
  // Where the inhabitants to cover are counted: on the 1 km cells by default, like the coverage routes.
  methode,
  // The planner's current scenario: the sites proposed are those that best cover what it leaves blanc.
  ajouts: ChampsScenario.ajouts,
  retraits: ChampsScenario.retraits,
})

export const CorpsNational = z.strictObject({ nombrePostes: nombrePostes(MAX_POSTES_NATIONAL), rayonKm: rayonKmCorps, offre: offreCorps, candidats, poids, methode })

/** Seconds a client is asked to wait when every worker is busy and the queue is full. */
export const RETRY_AFTER_FILE_PLEINE_S = 5

const secondes = (ms: number) => (ms / 1000).toLocaleString('fr-FR', { maximumFractionDigits: 1 })

/**
 * Runs a task in the pool for this request: its time limit is the caller's (public or agent), and the request's
 * signal cancels it when the client goes away. A refusal is the answer to send (503 in the envelope).
 */
export async function calculer<T extends Tache>(c: Context<{ Variables: VariablesSession }>, deps: Readonly<{ calculs: Calculs; delais: DelaisCalcul }>, tache: T, delaiMs: number) {
  try {
    return { ok: true as const, resultat: await deps.calculs.executer(tache, { signal: c.req.raw.signal, delaiMs }) as ResultatTache<T> }
  } catch (e) {
    if (e instanceof FileAttentePleine)
      return { ok: false as const, refus: c.json(erreur(503, `Le serveur est occupé par d’autres calculs : réessayez dans ${RETRY_AFTER_FILE_PLEINE_S} secondes.`), 503, { 'Retry-After': String(RETRY_AFTER_FILE_PLEINE_S) }) }
    if (e instanceof DelaiDepasse) {
      const conseil = c.var.agent === null ? `, ou connectez-vous (un agent dispose de ${secondes(deps.delais.agentMs)} s)` : ''
      return { ok: false as const, refus: c.json(erreur(503, `Le calcul n’a pas abouti dans le temps accordé (${secondes(e.delaiMs)} s) : réduisez nombrePostes ou le rayon${conseil}.`), 503) }
    }
    if (e instanceof CalculAnnule) return { ok: false as const, refus: c.json(erreur(503, 'Calcul annulé : la requête a été interrompue.'), 503) }
    throw e
  }
}

/**
 * POST /api/optimisation (one département, after the planner's scenario when one is sent) and
 * /api/optimisation/nationale: where new postes cover the most zones blanches.
 */
export const optimisationRoutes = (deps: {
  moteur: Moteur; lieux: LieuxDb; simulateur: Simulateur; contours: ReadonlyMap<string, Contour>; calculs: Calculs; delais: DelaisCalcul
}) =>
  new Hono<{ Variables: VariablesSession }>()
    .post('/', corpsJson(), valider('json', CorpsOptimisation), async (c) => {
      const { departement, rayonKm, offre: categories, nombrePostes, candidats, poids, tempsLimiteMs, ajouts, retraits, methode } = c.req.valid('json')
      const { masque, offre } = lireOffre(categories)
      const infos = deps.moteur.chiffresDepartement(departement, { rayonKm, masque })
      if (!infos) return c.json(erreur(404, `Département inconnu : ${departement}`), 404)
      // The scenario's new state, counted as the optimisation counts: cells (with their new distance) and centres.
      const apresScenario = { carreaux: new Map<number, number>(), centres: new Map<number, boolean>() }
      if (ajouts.length > 0 || retraits.length > 0) {
        const s = simulerScenario(deps, { departement, rayonKm, masque, ajouts, retraits, methode })
        if (!s.ok) return c.json(erreur(400, s.motif), 400)
        s.recalculees.commune.forEach((i, t) => apresScenario.centres.set(i, s.recalculees.couverte[t] === 1))
        s.carreauxRecalcules.carreau.forEach((k, t) => apresScenario.carreaux.set(k, s.carreauxRecalcules.distanceKm[t]!))
      }
      const limites = limitesCalcul(deps.delais, c.var.agent !== null)
      const params = { departement, rayonKm, masque, nombrePostes, candidats, poids, methode, tempsLimiteMs: Math.min(tempsLimiteMs, limites.tempsLimiteMaxMs), apresScenario }
      const calcul = await calculer(c, deps, { type: 'optimisation', params }, limites.delaiMs)
      if (!calcul.ok) return calcul.refus
      const r = calcul.resultat
      if (!r.ok) return c.json(erreur(400, r.motif), 400)
      const { sites, ...resultat } = r
      return c.json({
        ...resultat,
        rayonKm,
        offre,
        departement: { code: infos.code, nom: infos.nom },
        nombrePostes,
        candidats,
        poids,
        methodeCouverture: methode,
        sites: sites.map((s) => ({
          lon: s.longitude,
          lat: s.latitude,
          code: s.commune !== null ? deps.moteur.index.communes.code[s.commune]! : deps.lieux.lieu(s.lieuId!)?.codeInsee ?? null,
          nom: s.nom,
          gain: s.gain,
          lieuId: s.lieuId,
        })),
      }, 200)
    })
    .post('/nationale', corpsJson(), valider('json', CorpsNational), async (c) => {
      const { nombrePostes, rayonKm, offre: categories, candidats, poids, methode } = c.req.valid('json')
      const { masque, offre } = lireOffre(categories)
      const limites = limitesCalcul(deps.delais, c.var.agent !== null)
      const params = { nombrePostes, rayonKm, masque, candidats, poids, methode, budgetMs: limites.budgetNationalMs, tempsLimiteParSolveMs: limites.tempsLimiteParSolveMs }
      const calcul = await calculer(c, deps, { type: 'nationale', params }, limites.delaiMs)
      if (!calcul.ok) return calcul.refus
      const r = calcul.resultat
      return c.json({
        ok: true as const,
        rayonKm,
        offre,
        nombrePostes,
        candidats,
        poids,
        methodeCouverture: methode,
        ...r,
        departements: r.departements.map((d, k) => ({ rang: k + 1, ...d })),
      }, 200)
    })
