import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import Provider from 'oidc-provider'

export const ORIGINE_MAILLAGE = 'http://maillage.test'
export const CLIENT = { id: 'maillage', secret: 'secret-de-test-maillage-0123456789' } as const

/** The people the test provider knows: login → claims. Roles are NOT here: Maillage's own list gives them. */
export const PERSONNES: Readonly<Record<string, { email: string; given_name: string; family_name: string }>> = {
  'prefet-26': { email: 'prefet-26@drome.gouv.fr', given_name: 'Élise', family_name: 'Drôme' },
  'prefet-07': { email: 'prefet-07@ardeche.gouv.fr', given_name: 'Paul', family_name: 'Ardèche' },
  'prefet-26-07': { email: 'prefet-26-07@auvergne-rhone-alpes.gouv.fr', given_name: 'Inès', family_name: 'Région' },
  planificateur: { email: 'planificateur@anct.gouv.fr', given_name: 'Anne', family_name: 'Planif' },
  admin: { email: 'admin@anct.gouv.fr', given_name: 'Adam', family_name: 'Admin' },
  'sans-role': { email: 'curieux@exemple.gouv.fr', given_name: 'Claude', family_name: 'Curieux' },
}

/**
 * A real OpenID Connect provider (npm oidc-provider) on a loopback port: authorization code + PKCE,
 * its development login form (any login in PERSONNES), consent, userinfo and RP-initiated logout.
 */
export async function demarrerFournisseur(origineMaillage = ORIGINE_MAILLAGE): Promise<{ emetteur: string; fermer: () => Promise<void> }> {
  const serveur: Server = createServer()
  await new Promise<void>((ok) => serveur.listen(0, '127.0.0.1', ok))
  const emetteur = `http://127.0.0.1:${(serveur.address() as AddressInfo).port}`
  const fournisseur = new Provider(emetteur, {
    clients: [{
      client_id: CLIENT.id,
      client_secret: CLIENT.secret,
      redirect_uris: [`${origineMaillage}/api/connexion/retour`],
      post_logout_redirect_uris: [`${origineMaillage}/`],
      grant_types: ['authorization_code'],
      response_types: ['code'],
    }],
    pkce: { required: () => true },
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['given_name', 'family_name', 'name'] },
    features: { devInteractions: { enabled: true }, rpInitiatedLogout: { enabled: true } },
    cookies: { keys: ['cle-de-test-des-cookies-du-fournisseur'] },
    findAccount: (_ctx, id) => {
      const p = PERSONNES[id]
      if (!p) return undefined
      return { accountId: id, claims: () => ({ sub: id, email_verified: true, ...p }) }
    },
  })
  serveur.on('request', fournisseur.callback())
  return { emetteur, fermer: () => new Promise<void>((ok) => serveur.close(() => ok())) }
}
