import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { echouerSurErreurs } from './page.ts'
import { DOSSIER_ARTEFACTS } from './serveur.ts'
import { navigateurAgents } from './serveur-agents.ts'

const ctx = navigateurAgents()

describe('an agent signs in from the planner, saves a scenario and signs out (Chromium, real local OIDC provider)', () => {
  it('goes through the provider’s login and consent, lands back on the planner, saves and lists the scenario, and refuses a replacement made from a stale version', async () => {
    const contexte = await ctx.navigateur.newContext({ viewport: { width: 1400, height: 1000 }, locale: 'fr-FR' })
    const page = await contexte.newPage()
    echouerSurErreurs(page, [
      // The local OpenID Connect provider's own development pages (not Maillage's) load a Google font, unreachable
      // offline, and have no favicon.
      /fonts\.googleapis\.com/,
      /status of 404 .*\/favicon\.ico\)$/,
      // The replacement made from a stale version, which this test provokes on purpose: the API answers 412 and the
      // browser logs the failed request (the page shows the French conflict message, checked below).
      /status of 412 \(Precondition Failed\) \(http:\/\/127\.0\.0\.1:\d+\/api\/scenarios\/\d+\)$/,
    ])
    await page.goto(`${ctx.serveur.url}/planifier/26?rayonKm=10&ajouts=4.86883,44.58916,2`)
    await page.getByRole('link', { name: 'Se connecter (agents)' }).click()

    // The provider's own pages (oidc-provider's development login form, then its consent).
    await page.locator('input[name="login"]').fill('prefet-26')
    await page.locator('input[name="password"]').fill('x')
    await page.locator('button[type="submit"]').click()
    await page.locator('button[type="submit"]', { hasText: 'Continue' }).click()

    await page.waitForURL(`${ctx.serveur.url}/planifier/26?rayonKm=10&ajouts=4.86883,44.58916,2`)
    await expect.poll(() => page.locator('header').textContent(), { timeout: 15_000 }).toContain('Élise Drôme — Préfecture (26)')
    const cookies = await contexte.cookies()
    const session = cookies.find((c) => c.name === '__Host-maillage_session')!
    expect({ httpOnly: session.httpOnly, secure: session.secure, sameSite: session.sameSite }).toEqual({ httpOnly: true, secure: true, sameSite: 'Lax' })

    await page.getByLabel('Titre du scénario').fill('Deux conseillers à Crest')
    await page.getByRole('button', { name: 'Enregistrer le scénario' }).click()
    const enregistre = page.locator('.maillage-scenarios-enregistres li', { hasText: 'Deux conseillers à Crest' })
    await enregistre.waitFor()
    expect(await enregistre.textContent()).toMatch(/1\s+poste ajouté/)
    const api = await page.request.get(`${ctx.serveur.url}/api/scenarios?departement=26`)
    const { scenarios } = (await api.json()) as { scenarios: { titre: string; ajouts: unknown[]; auteur: string }[] }
    expect(scenarios).toEqual([expect.objectContaining({ titre: 'Deux conseillers à Crest', ajouts: [{ lon: 4.86883, lat: 44.58916, conseillers: 2 }], auteur: 'prefet-26@drome.gouv.fr' })])
    await page.screenshot({ path: resolve(DOSSIER_ARTEFACTS, 'planifier-26-connecte.png'), fullPage: true })

    // Another agent (here, the same one from another tab) changes the scenario; replacing it from the list the
    // page still holds (version 1) is refused with the server's French message, and the list is reloaded.
    const [sauve] = scenarios as unknown as { id: number; version: number }[]
    const ailleurs = await page.request.put(`${ctx.serveur.url}/api/scenarios/${sauve!.id}`, {
      data: { titre: 'Deux conseillers à Crest', departement: '26', rayonKm: 5, ajouts: [{ lon: 4.86883, lat: 44.58916, conseillers: 2 }] },
      headers: { 'If-Match': '"v1"' },
    })
    expect(ailleurs.status()).toBe(200)
    const rechargee = page.waitForResponse((r) => r.url().includes('/api/scenarios?departement=26'))
    const remplacer = enregistre.getByRole('button', { name: /Remplacer par le scénario affiché/ })
    await remplacer.click()
    const alerte = enregistre.getByRole('alert')
    await alerte.waitFor()
    expect(await alerte.textContent()).toBe('Le scénario « Deux conseillers à Crest » a été modifié entre-temps (il en est à la version 2, ' +
      'vous modifiiez la version 1) : votre modification n’est pas enregistrée. Rechargez le scénario, puis refaites-la.')
    // The reloaded list holds version 2: replacing now goes through, with the page's rayon (10 km).
    await rechargee
    await remplacer.click()
    await expect.poll(async () =>
      (await (await page.request.get(`${ctx.serveur.url}/api/scenarios/${sauve!.id}`)).json() as { scenario: { version: number; rayonKm: number } }).scenario,
    { timeout: 15_000 }).toEqual(expect.objectContaining({ version: 3, rayonKm: 10 }))

    await page.getByRole('button', { name: 'Se déconnecter' }).click()
    // The provider asks whether to sign out there too; either way Maillage's session has ended.
    await page.waitForURL((url) => url.origin === ctx.agents.fournisseur.emetteur)
    const moi = await (await page.request.get(`${ctx.serveur.url}/api/moi`)).json() as { identite: unknown }
    expect(moi.identite).toBeNull()
    expect((await page.request.get(`${ctx.serveur.url}/api/scenarios`)).status()).toBe(401)
    await contexte.close()
  })
})
