import { Hono } from 'hono'
import { z } from 'zod'
import { limitesCalcul, type DelaisCalcul } from '../calculs/delais.ts'
import type { Calculs } from '../calculs/pool.ts'
import type { VariablesSession } from '../comptes/session.ts'
import { accedeAuDepartement, agitSurCandidatures, type Agent } from '../domain/agent.ts'
import { normaliserCodeInsee } from '../domain/code-insee.ts'
import { TEMPS_LIMITE_DEFAUT_MS, type RaisonSansPoste } from '../spatial/index.ts'
import { exigerAgent, type VariablesAgent } from './acces.ts'
import type { DepsCandidatures } from './candidatures.ts'
import { corpsJson, offreCorps, rayonKmCorps } from './corps.ts'
import { erreur } from './erreurs.ts'
import { calculer } from './optimisation.ts'
import { codeDepartement, lireOffre, valider } from './validation.ts'

const ParamDepartement = z.object({ code: codeDepartement })
const CorpsSelection = z.strictObject({
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

const Recrue = z.strictObject({
  id: z.string({ error: 'id doit être un texte' }).trim().min(1, 'id est requis').max(64, 'id : 64 caractères au plus'),
  codeInsee: z.string().optional(),
  lon: z.number({ error: 'lon doit être un nombre (degrés)' }).min(-180).max(180).optional(),
  lat: z.number({ error: 'lat doit être un nombre (degrés)' }).min(-90).max(90).optional(),
  distanceMaxKm: z.number({ error: 'distanceMaxKm doit être un nombre (km)' }).min(1, 'distanceMaxKm : 1 km au moins').max(100, 'distanceMaxKm : 100 km au plus').default(30),
}).refine((r) => r.codeInsee !== undefined || (r.lon !== undefined && r.lat !== undefined), { message: 'chaque recrue a un codeInsee, ou lon et lat' })
const CorpsMiseEnRelation = z.strictObject({
  recrues: z.array(Recrue).min(1, 'au moins une recrue').max(2_000, '2 000 recrues au plus'),
  /** Candidatures to fill; those whose current avis is favorable when absent. */
  candidatures: z.array(z.number().int().positive()).max(5_000).optional(),
}).refine((c) => new Set(c.recrues.map((r) => r.id)).size === c.recrues.length, { message: 'deux recrues ont le même id', path: ['recrues'] })

const MOTIF_SANS_POSTE: Record<RaisonSansPoste, (km: number) => string> = {
  'aucun-poste-a-portee': (km) => `aucune structure à ${km.toLocaleString('fr-FR')} km ou moins`,
  'postes-a-portee-pourvus': (km) => `les postes à ${km.toLocaleString('fr-FR')} km ou moins sont tous pourvus par d’autres recrues`,
}

const horsPortee = (agent: Agent, departement: string) =>
  erreur(403, `Le département ${departement} n’est pas dans votre périmètre (${agent.departements.join(', ') || 'aucun département'}).`)

/**
 * POST /departements/:code/candidatures/selection: the candidatures to fund within a budget (State funding in euros,
 * or a number of postes) so that the zone-blanche population they cover together is largest, an inhabitant counting
 * once however many of them reach it. Solved exactly by HiGHS in the worker pool, the greedy by gain per euro beside
 * it; each candidature's coverage comes from the what-if simulator, so `gainPopulation` is what /api/simulations says
 * of the retained set. Agents who see the département (planificateurs included: it changes nothing).
 * Also POST /departements/:code/mise-en-relation, the matching of recruits to the postes of candidatures.
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
    /**
     * POST /departements/:code/mise-en-relation: which recruit goes to which candidature's postes — as many recruits
     * placed as possible, each within their distanceMaxKm, then the least total distance. Recruits are located at
     * their coordinates or their commune's centre. Nothing about them is stored. A préfet of the département or an admin.
     */
    .use('/departements/:code/mise-en-relation', exigerAgent())
    .post('/departements/:code/mise-en-relation', valider('param', ParamDepartement), corpsJson(), valider('json', CorpsMiseEnRelation), async (c) => {
      const agent = (c.var as VariablesAgent).agent
      const { code } = c.req.valid('param')
      if (!accedeAuDepartement(agent, code)) return c.json(horsPortee(agent, code), 403)
      if (!agitSurCandidatures(agent, code)) return c.json(erreur(403, `Seuls un préfet du département ${code} et les administrateurs mettent des recrues en relation.`), 403)
      if (deps.territoires.departement(code) === undefined) return c.json(erreur(404, `Département inconnu : ${code}`), 404)
      const corps = c.req.valid('json')
      const toutes = await deps.comptes.candidatures(code)
      const inconnues = (corps.candidatures ?? []).filter((id) => !toutes.some((x) => x.id === id))
      if (inconnues.length > 0) return c.json(erreur(400, `Candidatures inconnues dans le département ${code} : ${inconnues.join(', ')}`), 400)
      const candidatures = corps.candidatures === undefined ? toutes.filter((x) => x.avis?.avis === 'favorable') : toutes.filter((x) => corps.candidatures!.includes(x.id))
      const recrues: { longitude: number; latitude: number; distanceMaxKm: number }[] = []
      for (const [k, r] of corps.recrues.entries()) {
        if (r.lon !== undefined && r.lat !== undefined) {
          recrues.push({ longitude: r.lon, latitude: r.lat, distanceMaxKm: r.distanceMaxKm })
          continue
        }
        const insee = normaliserCodeInsee(r.codeInsee)
        const commune = insee === null ? undefined : deps.territoires.commune(insee)
        if (commune === undefined) return c.json(erreur(400, `Paramètre invalide — recrues.${k}.codeInsee : commune inconnue « ${r.codeInsee ?? ''} »`), 400)
        recrues.push({ longitude: commune.longitude, latitude: commune.latitude, distanceMaxKm: r.distanceMaxKm })
      }
      const postes = candidatures.map((x) => ({ longitude: x.longitude, latitude: x.latitude, places: x.postes }))
      const limites = limitesCalcul(deps.delais, true)
      const calcul = await calculer(c, deps, { type: 'affectation', params: { recrues, postes } }, limites.delaiMs)
      if (!calcul.ok) return calcul.refus
      const r = calcul.resultat
      if (!r.ok) return c.json(erreur(400, r.motif), 400)
      const placees = new Set(r.affectations.map((a) => a.recrue))
      const occupees = new Map<number, number>()
      for (const a of r.affectations) occupees.set(a.poste, (occupees.get(a.poste) ?? 0) + 1)
      return c.json({
        ok: true as const,
        departement: code,
        candidaturesConsiderees: candidatures.length,
        affectations: r.affectations.map((a) => ({ recrue: corps.recrues[a.recrue]!.id, candidature: candidatures[a.poste]!.id, nom: candidatures[a.poste]!.nom, distanceKm: a.distanceKm })),
        nonAffectees: corps.recrues.filter((_, k) => !placees.has(k)).map((x) => x.id),
        /** Each recruit without a poste, and why. */
        sansPoste: r.sansPoste.map(({ recrue, raison }) => ({ recrue: corps.recrues[recrue]!.id, raison, motif: MOTIF_SANS_POSTE[raison](recrues[recrue]!.distanceMaxKm) })),
        postesVacants: candidatures.map((x, k) => ({ candidature: x.id, places: x.postes - (occupees.get(k) ?? 0) })).filter((v) => v.places > 0),
        distanceTotaleKm: r.distanceTotaleKm,
      }, 200)
    })
