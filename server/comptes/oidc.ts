import * as client from 'openid-client'

export type OptionsOidc = Readonly<{
  /** Issuer URL of the identity provider (ProConnect: https://auth.agentconnect.gouv.fr/api/v2). */
  emetteur: string
  clientId: string
  clientSecret: string
  /** Scopes asked for; ProConnect: "openid email given_name usual_name". */
  portees: string
  /** acr_values to send (ProConnect: eidas1), none when empty. */
  acr: string
  /** Algorithm of a signed userinfo answer (ProConnect: RS256), none when the provider answers plain JSON. */
  algUserinfo: string
}>

export type Identite = Readonly<{ sujet: string; email: string; nom: string | null; jetonId: string | null }>

/** What the login needs to keep between the redirect to the provider and its return. */
export type Demande = Readonly<{ verificateur: string; etat: string; nonce: string; retour: string }>

/** Plain-HTTP issuers are allowed only on the loopback: a local provider in tests or development. */
const boucleLocale = (url: URL) => ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname)

/**
 * OpenID Connect login, authorization code flow with PKCE (S256), state and nonce, through openid-client.
 * The provider's metadata is discovered on the first login, not at startup: the dashboard starts and
 * serves the public even when the provider is unreachable, and discovery is retried on the next login.
 */
export function connexionOidc(o: OptionsOidc) {
  const emetteur = new URL(o.emetteur)
  let configuration: Promise<client.Configuration> | undefined
  const decouvrir = () => {
    configuration ??= client.discovery(emetteur, o.clientId, {
      client_secret: o.clientSecret,
      ...(o.algUserinfo ? { userinfo_signed_response_alg: o.algUserinfo } : {}),
    }, undefined, boucleLocale(emetteur) ? { execute: [client.allowInsecureRequests] } : {})
      .catch((e: unknown) => {
        configuration = undefined
        throw e
      })
    return configuration
  }

  return {
    /** The provider's authorization URL, and what the return must be checked against. */
    async debuter(redirection: string, retour: string): Promise<{ url: URL; demande: Demande }> {
      const config = await decouvrir()
      const verificateur = client.randomPKCECodeVerifier()
      const demande = { verificateur, etat: client.randomState(), nonce: client.randomNonce(), retour }
      const url = client.buildAuthorizationUrl(config, {
        redirect_uri: redirection,
        scope: o.portees,
        code_challenge: await client.calculatePKCECodeChallenge(verificateur),
        code_challenge_method: 'S256',
        state: demande.etat,
        nonce: demande.nonce,
        ...(o.acr ? { acr_values: o.acr } : {}),
      })
      return { url, demande }
    },

    /** Exchanges the code of the provider's return (checking state, nonce and PKCE) for the agent's identity. */
    async terminer(urlRetour: URL, demande: Demande): Promise<Identite> {
      const config = await decouvrir()
      const jetons = await client.authorizationCodeGrant(config, urlRetour, {
        pkceCodeVerifier: demande.verificateur,
        expectedState: demande.etat,
        expectedNonce: demande.nonce,
        idTokenExpected: true,
      })
      const revendications = jetons.claims()!
      const info = await client.fetchUserInfo(config, jetons.access_token, revendications.sub)
      const email = typeof info.email === 'string' ? info.email : typeof revendications.email === 'string' ? revendications.email : ''
      if (email === '') throw new Error('le fournisseur d’identité n’a pas transmis d’adresse électronique (portée « email »)')
      const prenom = info.given_name ?? revendications.given_name
      const nomFamille = info.usual_name ?? info.family_name ?? revendications.family_name
      const nom = [prenom, nomFamille].filter((x): x is string => typeof x === 'string' && x !== '').join(' ') || (typeof info.name === 'string' ? info.name : null)
      return { sujet: revendications.sub, email, nom, jetonId: jetons.id_token ?? null }
    },

    /** The provider's logout URL (RP-initiated logout), when it has one. */
    async deconnexion(jetonId: string | null, apres: string): Promise<string | null> {
      const config = await decouvrir()
      if (!config.serverMetadata().end_session_endpoint) return null
      return client.buildEndSessionUrl(config, {
        post_logout_redirect_uri: apres,
        ...(jetonId ? { id_token_hint: jetonId } : {}),
      }).href
    },
  }
}

export type ConnexionOidc = ReturnType<typeof connexionOidc>
