import { Hono } from 'hono'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApp } from '../../server/app.ts'
import { depsNationales } from '../routes/app-nationale.ts'
import { Bocal, seConnecter } from './agent-http.ts'
import { appeler, contexteComptes } from './contexte.ts'
import { ORIGINE_MAILLAGE, PERSONNES } from './fournisseur-oidc.ts'

let ctx: Awaited<ReturnType<typeof contexteComptes>>

beforeAll(async () => {
  ctx = await contexteComptes()
  await ctx.comptes.comptes.enregistrerAgent({ email: PERSONNES['prefet-26']!.email, role: 'prefet', departements: ['26'] })
})
afterAll(() => ctx.fermer())

describe('agents’ login through OpenID Connect (real local provider)', () => {
  it('sends the browser to the provider with the authorization code flow, PKCE S256, state and nonce', async () => {
    const res = await ctx.app.request(`${ORIGINE_MAILLAGE}/api/connexion?retour=/departements/26`)
    expect(res.status).toBe(302)
    const url = new URL(res.headers.get('Location')!)
    expect(url.origin).toBe(ctx.fournisseur.emetteur)
    expect(url.searchParams.get('response_type')).toBe('code')
    expect(url.searchParams.get('code_challenge_method')).toBe('S256')
    expect(url.searchParams.get('code_challenge')).toMatch(/^[\w-]{43}$/)
    expect(url.searchParams.get('state')).toBeTruthy()
    expect(url.searchParams.get('nonce')).toBeTruthy()
    expect(url.searchParams.get('redirect_uri')).toBe(`${ORIGINE_MAILLAGE}/api/connexion/retour`)
  })

  it('opens a session in an httpOnly, Secure, SameSite=Lax __Host- cookie and lands where the agent started', async () => {
    const { bocal, arrivee, setCookie } = await seConnecter(ctx.app, 'prefet-26', '/planifier/26?rayonKm=5')
    expect(arrivee).toBe('/planifier/26?rayonKm=5')
    const session = setCookie.find((l) => l.startsWith('__Host-maillage_session='))!
    expect(session).toMatch(/; HttpOnly/i)
    expect(session).toMatch(/; Secure/i)
    expect(session).toMatch(/; SameSite=Lax/i)
    expect(session).toMatch(/; Path=\//i)
    const moi = await appeler(ctx.app, 'GET', '/api/moi', bocal.entete())
    expect(moi.corps).toEqual({
      ok: true, connexionPossible: true,
      identite: { email: 'prefet-26@drome.gouv.fr', nom: 'Élise Drôme' },
      agent: { email: 'prefet-26@drome.gouv.fr', nom: null, role: 'prefet', departements: ['26'] },
    })
    expect(moi.entetes.get('Cache-Control')).toBe('private, no-store')
    expect(moi.entetes.get('ETag')).toBeNull()
  })

  it('ends the session at logout: the old cookie no longer opens anything, and the provider’s logout URL is given', async () => {
    const { bocal } = await seConnecter(ctx.app, 'prefet-26')
    const ancien = bocal.entete()
    expect((await appeler(ctx.app, 'GET', '/api/scenarios', ancien)).status).toBe(200)
    const sortie = await ctx.app.request(`${ORIGINE_MAILLAGE}/api/deconnexion`, { method: 'POST', headers: ancien })
    const corps = await sortie.json() as { redirection: string }
    const fin = new URL(corps.redirection)
    expect(fin.origin).toBe(ctx.fournisseur.emetteur)
    expect(fin.searchParams.get('id_token_hint')).toBeTruthy()
    expect(fin.searchParams.get('post_logout_redirect_uri')).toBe(`${ORIGINE_MAILLAGE}/`)
    expect(sortie.headers.getSetCookie().some((l) => /^__Host-maillage_session=;/.test(l))).toBe(true)
    expect((await appeler(ctx.app, 'GET', '/api/moi', ancien)).corps.identite).toBeNull()
    expect((await appeler(ctx.app, 'GET', '/api/scenarios', ancien)).status).toBe(401)
  })

  it('refuses a return without the state cookie of the browser that started the login', async () => {
    const depart = await ctx.app.request(`${ORIGINE_MAILLAGE}/api/connexion`)
    const etat = new URL(depart.headers.get('Location')!).searchParams.get('state')!
    const r = await appeler(ctx.app, 'GET', `/api/connexion/retour?code=abc&state=${etat}`, {})
    expect(r.status).toBe(400)
    expect(r.corps.error).toMatch(/Connexion expirée ou commencée dans un autre navigateur/)
  })

  it('refuses a forged code for a real login under way, and a provider’s refusal, with a French message', async () => {
    const depart = await ctx.app.request(`${ORIGINE_MAILLAGE}/api/connexion`)
    const bocal = new Bocal()
    bocal.absorber(depart)
    const etat = new URL(depart.headers.get('Location')!).searchParams.get('state')!
    const r = await appeler(ctx.app, 'GET', `/api/connexion/retour?code=faux&state=${etat}`, bocal.entete())
    expect(r.status).toBe(400)
    expect(r.corps.error).toMatch(/^Connexion impossible/)
    const refus = await appeler(ctx.app, 'GET', '/api/connexion/retour?error=access_denied', {})
    expect(refus.status).toBe(400)
    expect(refus.corps.error).toMatch(/Connexion refusée par le fournisseur d’identité : access_denied/)
  })

  it('never redirects to another site after login', async () => {
    for (const retour of ['//exemple.com/', 'https://exemple.com/', '/\\exemple.com', 'javascript:alert(1)']) {
      const r = await appeler(ctx.app, 'GET', `/api/connexion?retour=${encodeURIComponent(retour)}`, {})
      expect(r.status, retour).toBe(400)
      expect(r.corps.error).toMatch(/retour doit être un chemin du site/)
    }
  })

  it('treats a forged session cookie as the public', async () => {
    const r = await appeler(ctx.app, 'GET', '/api/scenarios', { Cookie: '__Host-maillage_session=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' })
    expect(r.status).toBe(401)
  })

  it('signs in someone the list of agents does not know, without any right (403 on agents’ routes)', async () => {
    const { bocal } = await seConnecter(ctx.app, 'sans-role')
    const moi = await appeler(ctx.app, 'GET', '/api/moi', bocal.entete())
    expect(moi.corps.identite.email).toBe('curieux@exemple.gouv.fr')
    expect(moi.corps.agent).toBeNull()
    const r = await appeler(ctx.app, 'GET', '/api/scenarios', bocal.entete())
    expect(r.status).toBe(403)
    expect(r.corps.error).toMatch(/n’a pas de rôle dans Maillage/)
  })

  it('answers 404 in French when no identity provider is configured, and says so in /api/moi', async () => {
    const sansConnexion = new Hono().route('/api', createApp(depsNationales()))
    const r = await sansConnexion.request('/api/connexion')
    expect(r.status).toBe(404)
    expect((await r.json()).error).toMatch(/La connexion des agents n’est pas configurée/)
    expect((await (await sansConnexion.request('/api/moi')).json()).connexionPossible).toBe(false)
  })
})
