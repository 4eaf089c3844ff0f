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

export const CorpsScenario = z.strictObject({
  titre: z.string({ error: 'titre doit être un texte' }).trim().min(1, 'titre est requis').max(120, 'titre : 120 caractères au plus'),
  ...ChampsScenario,
})
type CorpsScenario = z.infer<typeof CorpsScenario>
/** A change names the version it was made from, here or in If-Match. */
export const CorpsModification = CorpsScenario.extend({
  version: z.number({ error: 'version doit être un entier' }).int('version doit être un entier').min(1).max(2 ** 31 - 1).optional(),
})

export const ParamId = z.object({ id: entier('id', 1, 999_999, 0) })
export const FiltreListe = z.object({ departement: codeDepartement.optional() })

/** A scenario outside an agent's scope does not exist for them: 404, the same as a missing one, so ids leak nothing. */
const introuvable = (id: number) => erreur(404, `Scénario introuvable : ${id}`)
/** The ETag of a scenario is its version: it changes with every saved change. */
export const etagScenario = (s: Scenario) => `"v${s.version}"`

/**
 * The version named by If-Match: `"vN"`, also weak (`W/"vN"`: compression weakens the ETag of the answer the
 * client read, the version it names is the same), `*` for whatever version is current; null for none we issued.
 */
export function versionIfMatch(ifMatch: string, actuelle: number): number | null {
  for (const t of ifMatch.split(',').map((x) => x.trim())) {
    if (t === '*') return actuelle
    const m = /^(?:W\/)?"v(\d{1,10})"$/.exec(t)
    if (m && Number(m[1]) === actuelle) return actuelle
  }
  const premiere = /^(?:W\/)?"v(\d{1,10})"/.exec(ifMatch.trim())
  return premiere ? Number(premiere[1]) : null
}

const conflit = (actuel: Scenario, version: number | null, status: 409 | 412) => erreur(status,
  `Le scénario « ${actuel.titre} » a été modifié entre-temps (il en est à la version ${actuel.version}, ` +
  `${version === null ? 'votre version n’est pas reconnue' : `vous modifiiez la version ${version}`}) : ` +
  'votre modification n’est pas enregistrée. Rechargez le scénario, puis refaites-la.')
const versionRequise = erreur(428,
  'Précisez la version du scénario que vous modifiez (en-tête If-Match avec son ETag, ou champ version) : ' +
  'sans elle, une modification faite entre-temps par un autre agent serait écrasée.')

const horsPortee = (agent: Agent, departement: string) =>
  erreur(403, `Le département ${departement} n’est pas dans votre périmètre (${agent.departements.join(', ') || 'aucun département'}).`)

/**
 * Saved planning scenarios, in the writable accounts database. A préfet lists, reads, saves, changes
 * and deletes the scenarios of the départements of their scope only; planificateurs and admins,
 * those of every département; the public gets 401. A scenario is checked as a simulation is (known
 * département, postes inside it, known lieux) before it is saved. A change names the version it was made
 * from (If-Match with the ETag of GET /:id, or a `version` field): if another change was saved since,
 * it is refused (412 with If-Match, 409 with the field), so that no change is silently overwritten.
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
    .get('/', valider('query', FiltreListe), async (c) => {
      const agent = (c.var as VariablesAgent).agent
      const { departement } = c.req.valid('query')
      if (departement !== undefined && !accedeAuDepartement(agent, departement)) return c.json(horsPortee(agent, departement), 403)
      const portee = departement !== undefined ? [departement] : porteeNationale(agent) ? null : agent.departements
      return c.json({ ok: true as const, scenarios: await deps.comptes.scenarios(portee) }, 200)
    })
    .post('/', corpsJson(), valider('json', CorpsScenario), async (c) => {
      const agent = (c.var as VariablesAgent).agent
      const corps = c.req.valid('json')
      if (!accedeAuDepartement(agent, corps.departement)) return c.json(horsPortee(agent, corps.departement), 403)
      const v = verifier(corps)
      if ('motif' in v) return c.json(erreur(v.status, v.motif), v.status)
      const cree = await deps.comptes.creerScenario(corps.titre, corps.departement, v.contenu, agent.email)
      return c.json({ ok: true as const, scenario: cree }, 201, { ETag: etagScenario(cree) })
    })
    .get('/:id', valider('param', ParamId), async (c) => {
      const { id } = c.req.valid('param')
      const s = await deps.comptes.scenario(id)
      if (!visible((c.var as VariablesAgent).agent, s)) return c.json(introuvable(id), 404)
      return c.json({ ok: true as const, scenario: s }, 200, { ETag: etagScenario(s) })
    })
    .put('/:id', valider('param', ParamId), corpsJson(), valider('json', CorpsModification), async (c) => {
      const agent = (c.var as VariablesAgent).agent
      const { id } = c.req.valid('param')
      const actuel = await deps.comptes.scenario(id)
      if (!visible(agent, actuel)) return c.json(introuvable(id), 404)
      const { version: versionCorps, ...corps } = c.req.valid('json')
      const ifMatch = c.req.header('If-Match')
      const statusConflit = ifMatch !== undefined ? 412 : 409
      const version = ifMatch !== undefined ? versionIfMatch(ifMatch, actuel.version) : versionCorps
      if (version === undefined) return c.json(versionRequise, 428)
      // Refused before any check of the content: the agent is changing something that is no longer there.
      if (version !== actuel.version) return c.json(conflit(actuel, version, statusConflit), statusConflit)
      if (!accedeAuDepartement(agent, corps.departement)) return c.json(horsPortee(agent, corps.departement), 403)
      const v = verifier(corps)
      if ('motif' in v) return c.json(erreur(v.status, v.motif), v.status)
      // The store changes the row only if it is still at `version`: of two concurrent changes, one wins.
      const r = await deps.comptes.modifierScenario(id, version, corps.titre, corps.departement, v.contenu)
      if (r.ok) return c.json({ ok: true as const, scenario: r.scenario }, 200, { ETag: etagScenario(r.scenario) })
      if (r.motif === 'conflit') return c.json(conflit(r.actuel, version, statusConflit), statusConflit)
      return c.json(introuvable(id), 404)
    })
    .delete('/:id', valider('param', ParamId), async (c) => {
      const { id } = c.req.valid('param')
      if (!visible((c.var as VariablesAgent).agent, await deps.comptes.scenario(id)) || !(await deps.comptes.supprimerScenario(id)))
        return c.json(introuvable(id), 404)
      return c.json({ ok: true as const, id }, 200)
    })
}
