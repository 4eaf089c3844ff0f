import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { formatEntier, formatEuros } from '../../client/charts/format.ts'
import { echouerSurErreurs } from './page.ts'
import { lirePdf, plat } from './pdf.ts'
import { DOSSIER_ARTEFACTS } from './serveur.ts'
import { connecterPrefet, navigateurAgents } from './serveur-agents.ts'

beforeAll(() => {
  mkdirSync(DOSSIER_ARTEFACTS, { recursive: true })
})
const ctx = navigateurAgents()


describe('the fiche département of a préfet (Chromium)', () => {
  it('sums up the candidatures the API gives the préfet, on screen and in the PDF', async () => {
    const contexte = await ctx.navigateur.newContext({ viewport: { width: 1400, height: 1000 }, locale: 'fr-FR', timezoneId: 'Europe/Paris' })
    const page = await contexte.newPage()
    // The provider's login page (a test fixture) asks for a web font and a favicon it does not have.
    echouerSurErreurs(page, [/fonts\.googleapis\.com/, /status of 404 .*\/favicon\.ico\)$/])
    // GIVEN the préfet of the Drôme signed in
    await connecterPrefet(page, ctx.serveur, '/departements/26/candidatures')
    // AND two candidatures at the two most populated zones blanches, imported through the API with the session
    const zb = (await (await page.request.get(`${ctx.serveur.url}/api/zones-blanches?departement=26&limit=2`)).json()) as { communes: { code: string; nom: string }[] }
    const csv = ['SIRET;Raison sociale;Type;Adresse;Code INSEE;Postes',
      ...zb.communes.map((c, k) => `9876543210001${k};Structure de ${c.nom};${k === 0 ? 'Commune' : 'Association'};1 rue Haute;${c.code};${k + 1}`)].join('\r\n')
    const importe = await page.request.post(`${ctx.serveur.url}/api/departements/26/candidatures`, { headers: { 'Content-Type': 'text/csv', Origin: ctx.serveur.url }, data: csv })
    expect(importe.status(), await importe.text()).toBe(201)
    const liste = (await (await page.request.get(`${ctx.serveur.url}/api/departements/26/candidatures?tri=gain`)).json()) as { candidatures: { nom: string; gain: number; coutEtatEuros: number }[] }

    // WHEN the fiche is opened and printed
    await page.goto(`${ctx.serveur.url}/departements/26/fiche`)
    await page.locator('[data-fiche-prete="oui"]').waitFor({ timeout: 60_000 })
    const resume = plat((await page.locator('[data-section="candidatures"]').textContent()) ?? '')
    const { pages, texte } = await lirePdf(page, join(DOSSIER_ARTEFACTS, 'fiche-26-prefet.pdf'))

    // THEN the summary gives the API's count, postes, cost and best gain, and the PDF holds it on one or two pages
    const cout = liste.candidatures.reduce((s, c) => s + c.coutEtatEuros, 0)
    const attendu = plat(`2 candidatures pour 3 postes (${formatEuros(cout)} de financement de l’État) ; avis : 0 favorables, 0 réservés, 0 défavorables, 2 sans avis.`)
    expect(resume).toContain(attendu)
    expect(resume).toContain(plat(`${liste.candidatures[0]!.nom} (${formatEntier(liste.candidatures[0]!.gain)} habitants`))
    expect(pages.length).toBeLessThanOrEqual(2)
    expect(texte).toContain(attendu)
    await contexte.close()
  }, 180_000)
})
