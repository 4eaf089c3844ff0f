import type { MiddlewareHandler } from 'hono'
import type { Agent } from '../domain/agent.ts'
import type { Session } from '../db/comptes.ts'
import type { VariablesSession } from '../comptes/session.ts'
import { erreur } from './erreurs.ts'

/** Variables once `exigerAgent` has passed: an agent with a role is signed in. */
export type VariablesAgent = { session: Session; agent: Agent }

const sansCache = { 'Cache-Control': 'private, no-store' }

/**
 * The gate of the agents' routes: 401 for the public (no session), 403 for someone signed in whom
 * Maillage's list of agents does not know. Answers are never cached (they depend on who asks).
 */
export const exigerAgent = (): MiddlewareHandler<{ Variables: VariablesSession }> => async (c, next) => {
  if (c.var.session === null)
    return c.json(erreur(401, 'Connexion requise : cette ressource est réservée aux agents connectés (« Se connecter »).'), 401, sansCache)
  if (c.var.agent === null)
    return c.json(erreur(403, `Le compte ${c.var.session.email} n’a pas de rôle dans Maillage : demandez-en un à un administrateur.`), 403, sansCache)
  await next()
  c.res.headers.set('Cache-Control', sansCache['Cache-Control'])
}
