import { ouvrirComptes, type Comptes } from '../db/comptes.ts'
import { normaliserEmail } from '../domain/agent.ts'
import { connexionOidc, type ConnexionOidc, type OptionsOidc } from './oidc.ts'
import { sessions, type Sessions } from './session.ts'

export type DepsComptes = Readonly<{
  comptes: Comptes
  sessions: Sessions
  /** null: no identity provider configured, the dashboard is public only. */
  oidc: ConnexionOidc | null
  urlPublique: string | null
}>

export type OptionsComptes = Readonly<{
  chemin: string
  /** Without an issuer, login is off. */
  oidc: OptionsOidc | null
  cookieSecurise: boolean
  dureeSessionMs: number
  urlPublique: string | null
  /** E-mails made admins at startup, so that a fresh install has someone to hand out roles. */
  admins: readonly string[]
}>

/** Opens the accounts database and sets up login; admins named by the configuration are (re)made admins. */
export function buildComptes(o: OptionsComptes): DepsComptes {
  const comptes = ouvrirComptes(o.chemin)
  for (const email of o.admins) {
    if (comptes.agent(email)?.role !== 'admin') comptes.enregistrerAgent({ email: normaliserEmail(email), role: 'admin' })
  }
  return {
    comptes,
    sessions: sessions(comptes, { cookieSecurise: o.cookieSecurise, dureeMs: o.dureeSessionMs }),
    oidc: o.oidc ? connexionOidc(o.oidc) : null,
    urlPublique: o.urlPublique,
  }
}

/** Accounts in memory with login off: what the API gets when no accounts database is configured (tests of public routes). */
export const comptesEnMemoire = (): DepsComptes =>
  buildComptes({ chemin: ':memory:', oidc: null, cookieSecurise: true, dureeSessionMs: 8 * 3_600_000, urlPublique: null, admins: [] })

export type { Comptes }
