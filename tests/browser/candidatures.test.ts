import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { echouerSurErreurs } from './page.ts'
import { DOSSIER_ARTEFACTS } from './serveur.ts'
import { connecterPrefet, navigateurAgents } from './serveur-agents.ts'

const ctx = navigateurAgents()

describe('a préfet ranks the candidatures of the Drôme, gives an avis and opens the best selection in the planner (Chromium)', () => {
  it('imports the préfecture’s CSV, lists it by gain, keeps the avis, and turns the selection into a planner link', async () => {
    const contexte = await ctx.navigateur.newContext({ viewport: { width: 1400, height: 1000 }, locale: 'fr-FR' })
    const page = await contexte.newPage()
    echouerSurErreurs(page, [/fonts\.googleapis\.com/, /status of 404 .*\/favicon\.ico\)$/])
    await connecterPrefet(page, ctx.serveur, '/departements/26/candidatures')

    // GIVEN a file of three candidatures at the three most populated zones blanches of the Drôme, as Excel saves it
    const zb = (await (await page.request.get(`${ctx.serveur.url}/api/zones-blanches?departement=26&limit=3&methode=centres`)).json()) as { communes: { code: string; nom: string }[] }
    const lignes = ['N° SIRET;Raison sociale;Type;Adresse;Code INSEE;Postes demandés',
      ...zb.communes.map((c, k) => `1234567890001${k};Structure de ${c.nom};${k === 0 ? 'Commune' : 'Association'};${k} rue Haute;${c.code};1`)]
    await page.getByLabel(/Fichier des candidatures/).setInputFiles({ name: 'candidatures.csv', mimeType: 'text/csv', buffer: Buffer.from(lignes.join('\r\n'), 'latin1') })
    await page.getByRole('button', { name: 'Importer' }).click()
    await expect.poll(() => page.getByRole('status').first().textContent(), { timeout: 15_000 }).toMatch(/3\s+candidatures importées/)

    // THEN the table lists them, habitants couverts from largest to smallest
    const lignesTableau = page.locator('table:has(caption:text("Candidatures du département")) tbody tr')
    await expect.poll(() => lignesTableau.count(), { timeout: 15_000 }).toBe(3)
    const gains = (await lignesTableau.locator('td:nth-child(5)').allTextContents()).map((t) => Number(t.replace(/\D/g, '')))
    expect(gains).toEqual([...gains].sort((a, b) => b - a))
    expect(gains[0]).toBeGreaterThan(0)

    // WHEN the préfet gives a favourable avis on the first one
    const premiere = lignesTableau.first()
    await premiere.getByRole('textbox').fill('Locaux visités')
    await premiere.getByRole('button', { name: /Donner l’avis/ }).click()
    await expect.poll(() => premiere.textContent(), { timeout: 15_000 }).toContain('Favorable — Locaux visités (prefet-26@drome.gouv.fr')

    // AND asks for the best selection with 80 000 € among favourable candidatures only
    await page.getByLabel('Budget de l’État (euros)').fill('80000')
    await page.locator('label[for="seulement-favorables"]').click()
    await page.getByRole('button', { name: 'Proposer la meilleure sélection' }).click()
    // The first task of the pool waits for its workers to have loaded the national data.
    const resultat = page.locator('section:has(#titre-selection-candidatures) [role="status"]')
    await expect.poll(() => resultat.textContent(), { timeout: 60_000 }).toMatch(/1\s+candidature retenue sur 1 .*Optimum prouvé\./)
    await page.screenshot({ path: resolve(DOSSIER_ARTEFACTS, 'candidatures-26.png'), fullPage: true })

    // THEN the planner opens on it, with its poste added
    await page.getByRole('link', { name: 'Ouvrir cette sélection dans le planificateur' }).click()
    await page.waitForURL(/\/planifier\/26\?/)
    expect(decodeURIComponent(page.url())).toMatch(/\/planifier\/26\?rayonKm=10&ajouts=[\d.]+,[\d.]+,1$/)
    await contexte.close()
  }, 180_000)
})
