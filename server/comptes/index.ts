import { avecSuiviErreurs, estPostgres, ouvrirComptes, type Comptes } from '../db/comptes.ts'
import { ouvrirComptesSqlite } from '../db/comptes/sqlite.ts'
import { normaliserEmail } from '../domain/agent.ts'
import { connexionOidc, type ConnexionOidc, type OptionsOidc } from './oidc.ts'
import { sessions, type Sessions } from './session.ts'

export type DepsComptes = Readonly<{
  comptes: Comptes
  /** Subscribes to the store's failed operations (by name), e.g. to count them in the metrics. */
  suivreErreurs(f: (operation: string) => void): void
  sessions: Sessions
  /** null: no identity provider configured, the dashboard is public only. */
  oidc: ConnexionOidc | null
  urlPublique: string | null
}>

export type OptionsComptes = Readonly<{
  /** A SQLite file (one instance) or a `postgres://…` URL (several instances sharing the store). */
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
export async function buildComptes(o: OptionsComptes): Promise<DepsComptes> {
  const comptes = await ouvrirComptes(o.chemin)
  for (const email of o.admins) {
    if ((await comptes.agent(email))?.role !== 'admin') await comptes.enregistrerAgent({ email: normaliserEmail(email), role: 'admin' })
  }
  return avecConnexion(comptes, o)
}

function avecConnexion(brut: Comptes, o: OptionsComptes): DepsComptes {
  const abonnes = new Set<(operation: string) => void>()
  // Wrapped once, before anything holds it: sessions and routes see the same store, its errors all counted
  const comptes = avecSuiviErreurs(brut, (operation) => {
    for (const f of abonnes) f(operation)
  })
  return {
    comptes,
    suivreErreurs: (f) => void abonnes.add(f),
    sessions: sessions(comptes, { cookieSecurise: o.cookieSecurise, dureeMs: o.dureeSessionMs }),
    oidc: o.oidc ? connexionOidc(o.oidc) : null,
    urlPublique: o.urlPublique,
  }
}

/** Accounts in memory with login off: what the API gets when no accounts database is configured (tests of public routes). */
export const comptesEnMemoire = (): DepsComptes =>
  avecConnexion(ouvrirComptesSqlite(':memory:'), { chemin: ':memory:', oidc: null, cookieSecurise: true, dureeSessionMs: 8 * 3_600_000, urlPublique: null, admins: [] })

export type { Comptes }

/** Why the server cannot start on this accounts store, in French; a PostgreSQL URL is shown without its password. */
export function messageBaseComptes(emplacement: string, e: unknown): string {
  const cause = e instanceof Error ? e.message : String(e)
  if (!estPostgres(emplacement))
    return `La base des comptes ${emplacement} ne s’ouvre pas en écriture (${cause}). ` +
      'Vérifiez le chemin et les droits (MAILLAGE_BASE_COMPTES), ou restaurez sa sauvegarde.'
  const url = new URL(emplacement)
  if (url.password) url.password = '***'
  return `La base des comptes PostgreSQL ${url.href} ne répond pas ou refuse la connexion (${cause}). ` +
    'Vérifiez l’adresse, l’utilisateur et son mot de passe (MAILLAGE_BASE_COMPTES), et que le serveur PostgreSQL est démarré.'
}
