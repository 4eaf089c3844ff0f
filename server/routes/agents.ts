import { Hono } from 'hono'
import { z } from 'zod'
import type { Comptes } from '../db/comptes.ts'
import { gereLesAgents, normaliserEmail, ROLES } from '../domain/agent.ts'
import type { VariablesSession } from '../comptes/session.ts'
import { exigerAgent, type VariablesAgent } from './acces.ts'
import { corpsJson } from './corps.ts'
import { erreur } from './erreurs.ts'
import { codeDepartement, valider } from './validation.ts'

export const ParamEmail = z.object({ email: z.email('adresse électronique invalide').max(254).transform(normaliserEmail) })

export const CorpsAgent = z.strictObject({
  nom: z.string().trim().max(120).nullable().optional(),
  role: z.enum(ROLES, { error: `role doit être l’un de : ${ROLES.join(', ')}` }),
  departements: z.array(codeDepartement).max(120).default([]),
}).refine((a) => a.role !== 'prefet' || a.departements.length > 0, { message: 'un préfet a au moins un département', path: ['departements'] })

/** The list of agents and their roles, managed by admins only (GET, PUT /:email, DELETE /:email). */
export const agentsRoutes = (deps: Readonly<{ comptes: Comptes }>) =>
  new Hono<{ Variables: VariablesSession }>()
    .use('*', exigerAgent(), async (c, next) => {
      if (!gereLesAgents((c.var as VariablesAgent).agent)) return c.json(erreur(403, 'Réservé aux administrateurs de Maillage.'), 403)
      await next()
    })
    .get('/', async (c) => c.json({ ok: true as const, agents: await deps.comptes.agents() }, 200))
    .put('/:email', valider('param', ParamEmail), corpsJson(), valider('json', CorpsAgent), async (c) => {
      const { email } = c.req.valid('param')
      const a = c.req.valid('json')
      return c.json({ ok: true as const, agent: await deps.comptes.enregistrerAgent({ email, nom: a.nom ?? null, role: a.role, departements: a.departements }) }, 200)
    })
    .delete('/:email', valider('param', ParamEmail), async (c) => {
      const { email } = c.req.valid('param')
      if (email === (c.var as VariablesAgent).agent.email) return c.json(erreur(400, 'Un administrateur ne peut pas retirer son propre compte.'), 400)
      return (await deps.comptes.supprimerAgent(email)) ? c.json({ ok: true as const, email }, 200) : c.json(erreur(404, `Agent inconnu : ${email}`), 404)
    })
