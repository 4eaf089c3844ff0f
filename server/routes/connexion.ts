import { Hono } from 'hono'
import { z } from 'zod'
import type { ConnexionOidc, Identite } from '../comptes/oidc.ts'
import type { Sessions, VariablesSession } from '../comptes/session.ts'
import { erreur } from './erreurs.ts'
import { valider } from './validation.ts'

type Deps = Readonly<{
  /** null when no identity provider is configured: the dashboard is then public only. */
  oidc: ConnexionOidc | null
  sessions: Sessions
  /** Public URL of the dashboard (behind a proxy); by default the request's own origin. */
  urlPublique: string | null
}>

/** Where to land after login: a path of this site only (no open redirect to another one). */
export const QueryConnexion = z.object({
  retour: z.string().max(500, 'retour est trop long')
    .refine((s) => /^\/(?![/\\])/.test(s), 'retour doit être un chemin du site, commençant par un seul /')
    .optional(),
})

const sansCache = { 'Cache-Control': 'private, no-store' }

/**
 * Agents' login by OpenID Connect: GET /connexion sends the browser to the identity provider,
 * GET /connexion/retour comes back with a code, opens the session and lands on `retour`;
 * POST /deconnexion ends it; GET /moi says who is signed in and with which role.
 */
export const connexionRoutes = (deps: Deps) => {
  const origine = (url: string) => deps.urlPublique ?? new URL(url).origin
  const nonConfiguree = erreur(404, 'La connexion des agents n’est pas configurée sur ce serveur (MAILLAGE_OIDC_EMETTEUR).')

  return new Hono<{ Variables: VariablesSession }>()
    .get('/moi', (c) => {
      const { session, agent } = c.var
      return c.json({
        ok: true as const,
        connexionPossible: deps.oidc !== null,
        identite: session ? { email: session.email, nom: session.nom } : null,
        agent,
      }, 200, sansCache)
    })
    .get('/connexion', valider('query', QueryConnexion), async (c) => {
      if (!deps.oidc) return c.json(nonConfiguree, 404)
      try {
        const { url, demande } = await deps.oidc.debuter(`${origine(c.req.url)}/api/connexion/retour`, c.req.valid('query').retour ?? '/')
        await deps.sessions.retenirDemande(c, demande)
        return c.redirect(url.href, 302)
      } catch (e) {
        console.error('connexion OIDC :', e)
        return c.json(erreur(503, 'Le fournisseur d’identité ne répond pas ; réessayez dans quelques minutes.'), 503)
      }
    })
    .get('/connexion/retour', async (c) => {
      if (!deps.oidc) return c.json(nonConfiguree, 404)
      const demande = await deps.sessions.reprendreDemande(c)
      const refusFournisseur = c.req.query('error')
      if (refusFournisseur !== undefined)
        return c.json(erreur(400, `Connexion refusée par le fournisseur d’identité : ${refusFournisseur.slice(0, 100)} ${c.req.query('error_description')?.slice(0, 200) ?? ''}`.trim()), 400)
      if (!demande) return c.json(erreur(400, 'Connexion expirée ou commencée dans un autre navigateur : recommencez depuis « Se connecter ».'), 400)
      const url = new URL(c.req.url)
      const urlRetour = new URL(`${origine(c.req.url)}${url.pathname}${url.search}`)
      let identite: Identite
      try {
        identite = await deps.oidc.terminer(urlRetour, demande)
      } catch (e) {
        const motif = e instanceof Error ? `${e.message}${e.cause instanceof Error ? ` : ${e.cause.message}` : ''}` : String(e)
        console.error(`retour OIDC refusé : ${motif}`)
        return c.json(erreur(400, `Connexion impossible : la réponse du fournisseur d’identité est refusée (${motif})`.slice(0, 400)), 400)
      }
      // Outside the try: a store that fails is a server error (500), not the provider's answer refused.
      await deps.sessions.ouvrir(c, identite)
      return c.redirect(demande.retour, 302)
    })
    .post('/deconnexion', async (c) => {
      const jetonId = c.var.session?.jetonId ?? null
      const connecte = c.var.session !== null
      await deps.sessions.fermer(c)
      let redirection: string | null = null
      if (deps.oidc && connecte) {
        try {
          redirection = await deps.oidc.deconnexion(jetonId, `${origine(c.req.url)}/`)
        } catch (e) {
          console.error('déconnexion OIDC :', e)
        }
      }
      return c.json({ ok: true as const, redirection }, 200, sansCache)
    })
}
