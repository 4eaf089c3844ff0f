import { createHash, randomBytes } from 'node:crypto'
import type { Context, MiddlewareHandler } from 'hono'
import { deleteCookie, getCookie, setCookie } from 'hono/cookie'
import type { Agent } from '../domain/agent.ts'
import type { Comptes, Session } from '../db/comptes.ts'
import type { Demande } from './oidc.ts'

export type OptionsSession = Readonly<{
  /** Secure cookies with the __Host- prefix; off only for plain-HTTP development on another host than localhost. */
  cookieSecurise: boolean
  dureeMs: number
}>

export type VariablesSession = {
  /** Who is signed in (from the session), or null for the public. */
  session: Session | null
  /** Their role in Maillage, or null: public, or signed in without a role. */
  agent: Agent | null
}

const empreinte = (valeur: string) => createHash('sha256').update(valeur).digest('base64url')

/**
 * Sessions kept server-side (so logout really ends them) behind an opaque random cookie, httpOnly,
 * SameSite=Lax (the return from the identity provider is a top-level navigation from another site),
 * Secure with the __Host- prefix. Only a hash of the cookie's value is stored.
 */
export function sessions(comptes: Comptes, o: OptionsSession) {
  const nomSession = o.cookieSecurise ? '__Host-maillage_session' : 'maillage_session'
  const nomConnexion = o.cookieSecurise ? '__Host-maillage_connexion' : 'maillage_connexion'
  const options = { path: '/', httpOnly: true, secure: o.cookieSecurise, sameSite: 'Lax' as const }
  /** Logins under way live in the store, short-lived like the cookie that binds each to its browser. */
  const DUREE_DEMANDE_MS = 10 * 60_000

  return {
    /** Reads the session cookie into `c.var.session` and `c.var.agent`. */
    lire: (): MiddlewareHandler<{ Variables: VariablesSession }> => async (c, next) => {
      const valeur = getCookie(c, nomSession)
      const session = valeur ? await comptes.session(empreinte(valeur)) : null
      c.set('session', session)
      c.set('agent', session ? await comptes.agent(session.email) : null)
      await next()
    },

    async ouvrir(c: Context, identite: Omit<Session, 'expireLe'>): Promise<void> {
      const valeur = randomBytes(32).toString('base64url')
      await comptes.creerSession(empreinte(valeur), identite, o.dureeMs)
      setCookie(c, nomSession, valeur, { ...options, maxAge: Math.floor(o.dureeMs / 1000) })
    },

    async fermer(c: Context): Promise<void> {
      const valeur = getCookie(c, nomSession)
      if (valeur) await comptes.supprimerSession(empreinte(valeur))
      deleteCookie(c, nomSession, options)
    },

    async retenirDemande(c: Context, demande: Demande): Promise<void> {
      await comptes.retenirDemande(demande.etat, JSON.stringify(demande), DUREE_DEMANDE_MS)
      setCookie(c, nomConnexion, demande.etat, { ...options, maxAge: DUREE_DEMANDE_MS / 1000 })
    },

    /** The login this browser started, once: the state in its cookie must be one we issued and not expired. */
    async reprendreDemande(c: Context): Promise<Demande | null> {
      const etat = getCookie(c, nomConnexion)
      deleteCookie(c, nomConnexion, options)
      if (!etat) return null
      const contenu = await comptes.reprendreDemande(etat)
      return contenu === null ? null : JSON.parse(contenu) as Demande
    },
  }
}

export type Sessions = ReturnType<typeof sessions>
