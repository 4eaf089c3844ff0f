import { describe, expect, it } from 'vitest'
import { capture, echouerSurErreurs, sansViolationGrave } from './page.ts'
import { connecterPrefet, navigateurAgents } from './serveur-agents.ts'

const ctx = navigateurAgents()

type Point = { id: number; postes: number; gain: number; couleur: string | null; selection: boolean }

describe('a préfet examines the candidatures of the Drôme on a map (Chromium)', () => {
  it('sees them over the coverage sized by postes and coloured by gain, filters them, opens one from the table or the map, and gives an avis in its panel', async () => {
    const contexte = await ctx.navigateur.newContext({ viewport: { width: 1400, height: 1000 }, locale: 'fr-FR' })
    const page = await contexte.newPage()
    echouerSurErreurs(page, [/fonts\.googleapis\.com/, /status of 404 .*\/favicon\.ico\)$/])
    await connecterPrefet(page, ctx.serveur, '/departements/26/candidatures')

    // GIVEN three candidatures in the three most populated zones blanches of the Drôme, the commune's one favoured
    const zb = (await (await page.request.get(`${ctx.serveur.url}/api/zones-blanches?departement=26&limit=3&methode=centres`)).json()) as { communes: { code: string; nom: string }[] }
    const lignes = zb.communes.map((c, k) => ({ siret: `4111111110001${k}`, nom: `Structure ${k} de ${c.nom}`, type: k === 0 ? 'commune' : 'association', adresse: 'rue', codeInsee: c.code, postes: 3 - k }))
    expect((await page.request.post(`${ctx.serveur.url}/api/departements/26/candidatures`, { data: lignes })).status()).toBe(201)
    type Api = { id: number; nom: string; gain: number; postes: number; longitude: number; latitude: number; communesCouvertes: { nom: string }[] }
    const api = ((await (await page.request.get(`${ctx.serveur.url}/api/departements/26/candidatures`)).json()) as { candidatures: Api[] }).candidatures
    const [premiere] = api
    const favorable = api.find((c) => c.nom.startsWith('Structure 0'))!
    expect((await page.request.put(`${ctx.serveur.url}/api/candidatures/${favorable.id}/avis`, { data: { avis: 'favorable', commentaire: '' } })).status()).toBe(200)
    await page.reload()

    // THEN the map holds a disc per candidature, its postes for the size, the largest gain in the darkest colour
    const points = () => page.evaluate(() => {
      const source = window.__maillage?.carte.getSource('candidatures') as unknown as { serialize: () => { data: GeoJSON.FeatureCollection } } | undefined
      return (source?.serialize().data.features ?? []).map((f) => f.properties as Point)
    })
    await expect.poll(async () => (await points()).length, { timeout: 60_000 }).toBe(3)
    const disques = await points()
    expect(disques.map((p) => [p.id, p.postes]).sort()).toEqual(api.map((c) => [c.id, c.postes]).sort())
    const plusGrand = api.reduce((a, b) => (b.gain > a.gain ? b : a))
    expect(disques.find((p) => p.id === plusGrand.id)!.couleur).toBe('#08519c')

    // WHEN the préfet keeps the favourable ones, then the private structures
    await page.getByLabel('Avis', { exact: true }).selectOption('favorable')
    const lignesTableau = page.locator('table:has(caption:text("Candidatures du département")) tbody tr')
    await expect.poll(() => lignesTableau.count()).toBe(1)
    await expect.poll(async () => (await points()).map((p) => p.id)).toEqual([favorable.id])
    expect(await page.getByText(/1\s+candidature affichée sur 3/).count()).toBe(1)
    await page.getByLabel('Avis', { exact: true }).selectOption('tous')
    await page.getByLabel('Type de structure').selectOption('privee')
    await expect.poll(() => lignesTableau.count()).toBe(2)
    await page.getByLabel('Type de structure').selectOption('tous')
    await expect.poll(() => lignesTableau.count()).toBe(3)

    // WHEN the first row's detail is opened with the keyboard THEN its panel takes the focus, with its figures and communes
    await lignesTableau.first().getByRole('button', { name: /Voir le détail/ }).focus()
    await page.keyboard.press('Enter')
    const panneau = page.locator('aside.maillage-panneau-candidature')
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('titre-panneau-candidature')
    expect(await panneau.getByRole('heading', { level: 2 }).textContent()).toBe(premiere!.nom)
    expect(await panneau.locator('ul li').allTextContents()).toHaveLength(premiere!.communesCouvertes.length)
    expect((await panneau.locator('ul li').allTextContents()).map((t) => t.split(' (')[0])).toEqual(premiere!.communesCouvertes.map((c) => c.nom))
    expect((await points()).filter((p) => p.selection).map((p) => p.id)).toEqual([premiere!.id])

    // WHEN another candidature's disc is clicked on the map THEN the panel shows it
    const autre = api.find((c) => c.id !== premiere!.id)!
    await page.waitForFunction(() => (window.__maillage?.idles ?? 0) > 0, undefined, { timeout: 90_000 })
    const pixel = await page.evaluate(([lng, lat]) => window.__maillage!.carte.project([lng!, lat!]), [autre.longitude, autre.latitude])
    const boite = (await page.locator('.maillage-carte__canevas').first().boundingBox())!
    await page.mouse.click(boite.x + pixel.x, boite.y + pixel.y)
    await expect.poll(() => panneau.getByRole('heading', { level: 2 }).textContent(), { timeout: 15_000 }).toBe(autre.nom)

    // AND an avis given in the panel is kept and shown
    await panneau.getByLabel(/^Avis sur/).selectOption('reserve')
    await panneau.getByLabel(/^Commentaire de l’avis/).fill('Locaux à visiter')
    await panneau.getByRole('button', { name: /Donner l’avis/ }).click()
    await expect.poll(() => panneau.textContent(), { timeout: 15_000 }).toContain('Réservé — Locaux à visiter (prefet-26@drome.gouv.fr')
    await capture(page, 'candidatures-carte-26')
    expect(await sansViolationGrave(page)).toEqual([])
    await contexte.close()
  }, 240_000)
})
