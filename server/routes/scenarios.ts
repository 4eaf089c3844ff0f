import { Hono } from 'hono'
import { z } from 'zod'
import type { Comptes, ContenuScenario, Scenario } from '../db/comptes.ts'
import { accedeAuDepartement, porteeNationale, type Agent } from '../domain/agent.ts'
import type { Contour, Moteur, Simulateur } from '../spatial/index.ts'
import type { VariablesSession } from '../comptes/session.ts'
import { exigerAgent, type VariablesAgent } from './acces.ts'
import { ChampsScenario, corpsJson, simulerScenario } from './corps.ts'
import { erreur } from './erreurs.ts'
import { codeDepartement, entier, lireOffre, valider } from './validation.ts'

type Deps = Readonly<{ comptes: Comptes; moteur: Moteur; simulateur: Simulateur; contours: ReadonlyMap<string, Contour> }>

const CorpsScenario = z.strictObject({
  titre: z.string({ error: 'titre doit être un texte' }).trim().min(1, 'titre est requis').max(120, 'titre : 120 caractères au plus'),
  ...ChampsScenario,
})
type CorpsScenario = z.infer<typeof CorpsScenario>

const ParamId = z.object({ id: entier('id', 1, 999_999, 0) })
const FiltreListe = z.object({ departement: codeDepartement.optional() })

/** A scenario outside an agent's scope does not exist for them: 404, the same as a missing one, so ids leak nothing. */
const introuvable = (id: number) => erreur(404, `Scénario introuvable : ${id}`)
const horsPortee = (agent: Agent, departement: string) =>
  erreur(403, `Le département ${departement} n’est pas dans votre périmètre (${agent.departements.join(', ') || 'aucun département'}).`)

/**
 * Saved planning scenarios, in the writable accounts database. A préfet lists, reads, saves, changes
 * and deletes the scenarios of the départements of their scope only; planificateurs and admins,
 * those of every département; the public gets 401. A scenario is checked as a simulation is (known
 * département, postes inside it, known lieux) before it is saved.
 */
export const scenariosRoutes = (deps: Deps) => {
  /** Why the scenario can't be saved, or its content. */
  const verifier = (corps: CorpsScenario): { motif: string; status: 400 | 404 } | { contenu: ContenuScenario } => {
    const { departement, rayonKm, offre: categories, ajouts, retraits } = corps
    const { masque, offre } = lireOffre(categories)
    if (!deps.moteur.chiffresDepartement(departement, { rayonKm, masque })) return { motif: `Département inconnu : ${departement}`, status: 404 }
    const r = simulerScenario(deps, { departement, rayonKm, masque, ajouts, retraits })
    if (!r.ok) return { motif: r.motif, status: 400 }
    return { contenu: { rayonKm, offre, ajouts, retraits } }
  }
  const visible = (agent: Agent, s: Scenario | null): s is Scenario => s !== null && accedeAuDepartement(agent, s.departement)

  return new Hono<{ Variables: VariablesSession }>()
    .use('*', exigerAgent())
    .get('/', valider('query', FiltreListe), (c) => {
      const agent = (c.var as VariablesAgent).agent
      const { departement } = c.req.valid('query')
      if (departement !== undefined && !accedeAuDepartement(agent, departement)) return c.json(horsPortee(agent, departement), 403)
      const portee = departement !== undefined ? [departement] : porteeNationale(agent) ? null : agent.departements
      return c.json({ ok: true as const, scenarios: deps.comptes.scenarios(portee) }, 200)
    })
    .post('/', corpsJson(), valider('json', CorpsScenario), (c) => {
      const agent = (c.var as VariablesAgent).agent
      const corps = c.req.valid('json')
      if (!accedeAuDepartement(agent, corps.departement)) return c.json(horsPortee(agent, corps.departement), 403)
      const v = verifier(corps)
      if ('motif' in v) return c.json(erreur(v.status, v.motif), v.status)
      return c.json({ ok: true as const, scenario: deps.comptes.creerScenario(corps.titre, corps.departement, v.contenu, agent.email) }, 201)
    })
    .get('/:id', valider('param', ParamId), (c) => {
      const { id } = c.req.valid('param')
      const s = deps.comptes.scenario(id)
      if (!visible((c.var as VariablesAgent).agent, s)) return c.json(introuvable(id), 404)
      return c.json({ ok: true as const, scenario: s }, 200)
    })
    .put('/:id', valider('param', ParamId), corpsJson(), valider('json', CorpsScenario), (c) => {
      const agent = (c.var as VariablesAgent).agent
      const { id } = c.req.valid('param')
      if (!visible(agent, deps.comptes.scenario(id))) return c.json(introuvable(id), 404)
      const corps = c.req.valid('json')
      if (!accedeAuDepartement(agent, corps.departement)) return c.json(horsPortee(agent, corps.departement), 403)
      const v = verifier(corps)
      if ('motif' in v) return c.json(erreur(v.status, v.motif), v.status)
      const s = deps.comptes.modifierScenario(id, corps.titre, corps.departement, v.contenu)
      return s ? c.json({ ok: true as const, scenario: s }, 200) : c.json(introuvable(id), 404)
    })
    .delete('/:id', valider('param', ParamId), (c) => {
      const { id } = c.req.valid('param')
      if (!visible((c.var as VariablesAgent).agent, deps.comptes.scenario(id)) || !deps.comptes.supprimerScenario(id))
        return c.json(introuvable(id), 404)
      return c.json({ ok: true as const, id }, 200)
    })
}
