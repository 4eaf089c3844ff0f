import { Hono, type Context } from 'hono'
import { z } from 'zod'
import { limitesCalcul, type DelaisCalcul } from '../calculs/delais.ts'
import type { Calculs } from '../calculs/pool.ts'
import { cacheEvaluations, evaluerAvecCache, type Evaluation } from '../candidatures/evaluation.ts'
import { lireCsv, lireObjets, type Lecture } from '../candidatures/lecture.ts'
import { referentielCandidatures } from '../candidatures/referentiel.ts'
import { verifierLignes } from '../candidatures/verification.ts'
import type { VariablesSession } from '../comptes/session.ts'
import type { Candidature, Comptes } from '../db/comptes.ts'
import type { TerritoiresDb } from '../db/territoires.ts'
import { accedeAuDepartement, agitSurCandidatures, type Agent } from '../domain/agent.ts'
import { AVIS } from '../domain/candidature.ts'
import type { Contour, Moteur, Simulateur } from '../spatial/index.ts'
import { exigerAgent, type VariablesAgent } from './acces.ts'
import { corpsJson } from './corps.ts'
import { enTeteCsv, versCsv } from './csv.ts'
import { erreur } from './erreurs.ts'
import { octetsTeleverses } from './fichier-televerse.ts'
import { calculer } from './optimisation.ts'
import { codeDepartement, entier, lireOffre, offre, rayonKm, valider } from './validation.ts'

export type DepsCandidatures = Readonly<{
  comptes: Comptes
  moteur: Moteur
  simulateur: Simulateur
  contours: ReadonlyMap<string, Contour>
  territoires: TerritoiresDb
  /** Where each candidature's simulation runs (the worker pool), and how long an agent may wait for it. */
  calculs: Calculs
  delais: DelaisCalcul
}>

/** Largest candidature file, and most rows in one import: a préfecture's call for candidatures is far smaller. */
export const TAILLE_MAX_IMPORT_OCTETS = 2 * 1024 * 1024
export const MAX_LIGNES_IMPORT = 5_000

const ParamDepartement = z.object({ code: codeDepartement })
export const ParamId = z.object({ id: entier('id', 1, 999_999_999, 0) })
const TRIS = ['gain', 'cout-par-habitant', 'nom'] as const
export const QueryListe = z.object({
  rayonKm,
  offre,
  tri: z.enum(TRIS, { error: `tri doit valoir ${TRIS.join(', ')}` }).default('gain'),
  format: z.enum(['json', 'csv'], { error: 'format doit valoir json ou csv' }).default('json'),
})
export const QueryImport = z.object({ partiel: z.enum(['oui', 'non'], { error: 'partiel doit valoir oui ou non' }).default('non') })
export const CorpsAvis = z.strictObject({
  avis: z.enum(AVIS, { error: `avis doit valoir ${AVIS.join(', ')}` }),
  commentaire: z.string({ error: 'commentaire doit être un texte' }).trim().max(2_000, 'commentaire : 2 000 caractères au plus').default(''),
})
const ObjetsJson = z.array(z.record(z.string(), z.unknown()), { error: 'le JSON doit être une liste de candidatures, ou { "candidatures": [...] }' })
export const CorpsJsonImport = z.union([ObjetsJson, z.strictObject({ candidatures: ObjetsJson })], {
  error: 'le JSON doit être une liste de candidatures, ou { "candidatures": [...] }',
})

const horsPortee = (agent: Agent, departement: string) =>
  erreur(403, `Le département ${departement} n’est pas dans votre périmètre (${agent.departements.join(', ') || 'aucun département'}).`)
const lectureSeule = (departement: string) =>
  erreur(403, `Seuls un préfet du département ${departement} et les administrateurs importent des candidatures et donnent un avis.`)
/** A candidature outside an agent's scope does not exist for them, as with scenarios: ids leak nothing. */
const introuvable = (id: number) => erreur(404, `Candidature introuvable : ${id}`)
const tropVolumineux = erreur(413,
  `Fichier trop volumineux : ${TAILLE_MAX_IMPORT_OCTETS / 1024 / 1024} Mo au plus par import (${MAX_LIGNES_IMPORT} candidatures). Découpez le fichier.`)

/**
 * A candidature with what it would bring on its own; coutParHabitantEuros is null when it covers nobody new.
 * `communesCouvertes`: the communes of the département whose statut it changes (some of their uncovered inhabitants
 * covered: blanche → partielle or couverte, partielle → couverte), most populated first.
 */
const avecEvaluation = (communes: Moteur['index']['communes'], c: Candidature, e: Evaluation) => ({
  ...c,
  coutEtatEuros: e.coutEtatEuros,
  gain: e.gain,
  populationPonderee: e.populationPonderee,
  coutParHabitantEuros: e.gain > 0 ? e.coutEtatEuros / e.gain : null,
  communesCouvertes: e.communes
    .map((i) => ({ code: communes.code[i]!, nom: communes.nom[i]!, population: communes.population[i]! }))
    .sort((a, b) => b.population - a.population || a.code.localeCompare(b.code)),
})
type CandidatureEvaluee = ReturnType<typeof avecEvaluation>

const COMPARER: Record<(typeof TRIS)[number], (a: CandidatureEvaluee, b: CandidatureEvaluee) => number> = {
  gain: (a, b) => b.gain - a.gain || a.nom.localeCompare(b.nom, 'fr') || a.id - b.id,
  'cout-par-habitant': (a, b) => (a.coutParHabitantEuros ?? Infinity) - (b.coutParHabitantEuros ?? Infinity) || b.gain - a.gain || a.id - b.id,
  nom: (a, b) => a.nom.localeCompare(b.nom, 'fr') || a.id - b.id,
}

const LIBELLE_AVIS = { favorable: 'favorable', reserve: 'réservé', defavorable: 'défavorable' } as const

function csvCandidatures(liste: readonly CandidatureEvaluee[]): string {
  return versCsv(
    ['id', 'SIRET', 'nom', 'type', 'adresse', 'code INSEE', 'postes demandés', 'coût État (€)', 'gain (habitants)', 'population pondérée IFN',
      'coût par habitant (€)', 'localisation', 'longitude', 'latitude', 'date de dépôt', 'avis', 'commentaire de l’avis', 'avis donné par', 'avis donné le',
      'avis précédents'],
    liste.map((c) => [
      c.id, c.siret, c.nom, c.type === 'collectivite' ? 'collectivité' : 'privée', c.adresse, c.codeInsee, c.postes, c.coutEtatEuros, c.gain,
      Math.round(c.populationPonderee * 10) / 10, c.coutParHabitantEuros === null ? null : Math.round(c.coutParHabitantEuros * 100) / 100,
      c.localisation === 'coordonnees' ? 'coordonnées' : 'centre de la commune', c.longitude, c.latitude, c.dateDepot,
      c.avis === null ? null : LIBELLE_AVIS[c.avis.avis], c.avis?.commentaire ?? null, c.avis?.auteur ?? null, c.avis?.donneLe ?? null,
      c.avisHistorique.slice(0, -1).map((a) => `${a.donneLe.slice(0, 10)} ${LIBELLE_AVIS[a.avis]} (${a.auteur})`).join(' | ') || null,
    ]))
}

/** The file of an import: JSON (a list of objects), a CSV in the body, or the `fichier` field of a form. */
async function lireImport(c: Context): Promise<{ lecture: Lecture } | { status: 400 | 413; motif: string }> {
  if (Number(c.req.header('Content-Length') ?? 0) > TAILLE_MAX_IMPORT_OCTETS) return { status: 413, motif: tropVolumineux.error }
  const type = (c.req.header('Content-Type') ?? '').split(';')[0]!.trim().toLowerCase()
  if (/^application\/([\w.-]+\+)?json$/.test(type)) {
    let corps: unknown
    try {
      corps = await c.req.json()
    } catch {
      return { status: 400, motif: 'Le corps de la requête n’est pas du JSON valide.' }
    }
    const r = CorpsJsonImport.safeParse(corps)
    if (!r.success) return { status: 400, motif: `Paramètre invalide — ${r.error.issues[0]?.message ?? 'JSON refusé'}` }
    return { lecture: lireObjets(Array.isArray(r.data) ? r.data : r.data.candidatures, MAX_LIGNES_IMPORT) }
  }
  const lu = await octetsTeleverses(c, TAILLE_MAX_IMPORT_OCTETS, tropVolumineux.error)
  if ('motif' in lu) return lu
  return { lecture: lireCsv(lu.octets, MAX_LIGNES_IMPORT) }
}

/**
 * Candidatures of structures for funded postes, in the accounts store. Agents only: a préfet reads and acts on those of
 * the départements of their scope, an admin on all; a planificateur reads all; the public gets 401. The selection
 * within a budget is in candidatures-selection.ts.
 */
export const candidaturesRoutes = (deps: DepsCandidatures) => {
  const referentiel = referentielCandidatures(deps.territoires, deps.contours)
  const cache = cacheEvaluations()
  const departementConnu = (code: string) => deps.territoires.departement(code) !== undefined
  const visible = (agent: Agent, c: Candidature | null): c is Candidature => c !== null && accedeAuDepartement(agent, c.departement)

  return new Hono<{ Variables: VariablesSession }>()
    .use('/departements/:code/candidatures', exigerAgent())
    .use('/candidatures/*', exigerAgent())
    .get('/departements/:code/candidatures', valider('param', ParamDepartement), valider('query', QueryListe), async (c) => {
      const agent = (c.var as VariablesAgent).agent
      const { code } = c.req.valid('param')
      if (!accedeAuDepartement(agent, code)) return c.json(horsPortee(agent, code), 403)
      if (!departementConnu(code)) return c.json(erreur(404, `Département inconnu : ${code}`), 404)
      const { rayonKm, offre: categories, tri, format } = c.req.valid('query')
      const { masque, offre } = lireOffre(categories)
      const candidatures = await deps.comptes.candidatures(code)
      // Simulating each candidature not yet evaluated takes seconds for a large département: it runs in the pool.
      const limites = limitesCalcul(deps.delais, true)
      const evaluees = await evaluerAvecCache(cache, { departement: code, rayonKm, masque }, candidatures,
        (params) => calculer(c, deps, { type: 'evaluation-candidatures', params }, limites.delaiMs))
      if (!evaluees.ok) return evaluees.refus
      const { evaluations } = evaluees
      const liste = candidatures.map((cand, k) => avecEvaluation(deps.moteur.index.communes, cand, evaluations[k]!)).sort(COMPARER[tri])
      if (format === 'csv') return c.body(csvCandidatures(liste), 200, enTeteCsv(`candidatures-${code}.csv`))
      return c.json({ ok: true as const, departement: code, rayonKm, offre, tri, candidatures: liste }, 200)
    })
    .post('/departements/:code/candidatures', valider('param', ParamDepartement), valider('query', QueryImport), async (c) => {
      const agent = (c.var as VariablesAgent).agent
      const { code } = c.req.valid('param')
      if (!accedeAuDepartement(agent, code)) return c.json(horsPortee(agent, code), 403)
      if (!agitSurCandidatures(agent, code)) return c.json(lectureSeule(code), 403)
      if (!departementConnu(code)) return c.json(erreur(404, `Département inconnu : ${code}`), 404)
      const lu = await lireImport(c)
      if ('motif' in lu) return c.json(erreur(lu.status, lu.motif), lu.status)
      if (!lu.lecture.ok) return c.json(erreur(400, lu.lecture.motif), 400)
      const { lignes, colonnesIgnorees } = lu.lecture
      if (lignes.length === 0) return c.json(erreur(400, 'Le fichier ne contient aucune candidature (seulement l’en-tête).'), 400)
      const { candidatures, rejetees } = verifierLignes(lignes, code, referentiel)
      const partiel = c.req.valid('query').partiel === 'oui'
      const lignesRejetees = new Set(rejetees.map((r) => r.ligne)).size
      // The file was read and each row checked, but nothing is saved: 422 (content understood, not processed), never a
      // 201 that says something was created; 400 stays for a request that is not a readable file (README « Décisions »).
      if (candidatures.length === 0 || (rejetees.length > 0 && !partiel)) {
        const refusees = `${lignesRejetees} ligne${lignesRejetees > 1 ? 's' : ''} refusée${lignesRejetees > 1 ? 's' : ''}`
        const message = candidatures.length === 0
          ? `Aucune candidature n’est valable (${refusees}) : rien n’est importé.`
          : `${refusees} sur ${lignes.length} : rien n’est importé. Corrigez-les, ou importez les autres seules avec ?partiel=oui.`
        return c.json({ ...erreur(422, message), importees: 0, rejetees, colonnesIgnorees }, 422)
      }
      const { creees, modifiees } = await deps.comptes.enregistrerCandidatures(code, candidatures.map(({ ligne: _, ...cand }) => cand), agent.email)
      return c.json({ ok: true as const, importees: candidatures.length, creees, modifiees, rejetees, colonnesIgnorees }, 201)
    })
    .get('/candidatures/:id', valider('param', ParamId), async (c) => {
      const { id } = c.req.valid('param')
      const cand = await deps.comptes.candidature(id)
      if (!visible((c.var as VariablesAgent).agent, cand)) return c.json(introuvable(id), 404)
      return c.json({ ok: true as const, candidature: cand }, 200)
    })
    .put('/candidatures/:id/avis', valider('param', ParamId), corpsJson(), valider('json', CorpsAvis), async (c) => {
      const agent = (c.var as VariablesAgent).agent
      const { id } = c.req.valid('param')
      const cand = await deps.comptes.candidature(id)
      if (!visible(agent, cand)) return c.json(introuvable(id), 404)
      if (!agitSurCandidatures(agent, cand.departement)) return c.json(lectureSeule(cand.departement), 403)
      const { avis, commentaire } = c.req.valid('json')
      const apres = await deps.comptes.donnerAvis(id, avis, commentaire, agent.email)
      if (apres === null) return c.json(introuvable(id), 404)
      return c.json({ ok: true as const, candidature: apres }, 200)
    })
    .delete('/candidatures/:id', valider('param', ParamId), async (c) => {
      const agent = (c.var as VariablesAgent).agent
      const { id } = c.req.valid('param')
      const cand = await deps.comptes.candidature(id)
      if (!visible(agent, cand)) return c.json(introuvable(id), 404)
      if (!agitSurCandidatures(agent, cand.departement)) return c.json(lectureSeule(cand.departement), 403)
      if (!(await deps.comptes.supprimerCandidature(id))) return c.json(introuvable(id), 404)
      return c.json({ ok: true as const, id }, 200)
    })
}
