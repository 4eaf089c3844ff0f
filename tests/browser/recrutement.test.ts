import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { capture, echouerSurErreurs, sansViolationGrave } from './page.ts'
import { connecterPrefet, navigateurAgents } from './serveur-agents.ts'

const ctx = navigateurAgents()

describe('a préfet matches recruits to the postes of the Drôme’s candidatures (Chromium)', () => {
  it('chooses the postes, uploads the recruits’ CSV, sees the lines on the map and in the tables, and exports them safe from formulas', async () => {
    const contexte = await ctx.navigateur.newContext({ viewport: { width: 1400, height: 1000 }, locale: 'fr-FR', acceptDownloads: true })
    const page = await contexte.newPage()
    echouerSurErreurs(page, [/fonts\.googleapis\.com/, /status of 404 .*\/favicon\.ico\)$/])
    await connecterPrefet(page, ctx.serveur, '/departements/26/recrutement')

    // GIVEN two candidatures in the two most populated zones blanches of the Drôme, the first (2 postes) favoured
    const zb = (await (await page.request.get(`${ctx.serveur.url}/api/zones-blanches?departement=26&limit=2&methode=centres`)).json()) as { communes: { code: string; nom: string }[] }
    const [a, b] = zb.communes
    const importe = await page.request.post(`${ctx.serveur.url}/api/departements/26/candidatures`, { data: [
      { siret: '31111111100015', nom: `Mairie de ${a!.nom}`, type: 'commune', adresse: '1 place', codeInsee: a!.code, postes: 2 },
      { siret: '32222222200014', nom: `Association de ${b!.nom}`, type: 'association', adresse: '2 rue', codeInsee: b!.code, postes: 1 },
    ] })
    expect(importe.status(), await importe.text()).toBe(201)
    const liste = (await (await page.request.get(`${ctx.serveur.url}/api/departements/26/candidatures?tri=nom`)).json()) as { candidatures: { id: number; siret: string }[] }
    const id = (siret: string) => liste.candidatures.find((c) => c.siret === siret)!.id
    expect((await page.request.put(`${ctx.serveur.url}/api/candidatures/${id('31111111100015')}/avis`, { data: { avis: 'favorable', commentaire: '' } })).status()).toBe(200)
    await page.reload()

    // THEN the favourable candidature is ticked, the other not; the préfet ticks it with the keyboard
    const caseA = page.getByLabel(new RegExp(`Mairie de ${a!.nom} — 2 postes`))
    const caseB = page.getByLabel(new RegExp(`Association de ${b!.nom} — 1 poste`))
    await expect.poll(() => caseA.isChecked(), { timeout: 30_000 }).toBe(true)
    expect(await caseB.isChecked()).toBe(false)
    await caseB.focus()
    await page.keyboard.press('Space')
    expect(await caseB.isChecked()).toBe(true)

    // WHEN the recruits' file is uploaded: one living in A's commune (an id starting a formula), one 5 km east of it,
    // one 5 km north of B but available only in September, one in Lille; the postes start on 1 March 2027
    const centre = async (code: string) => ((await (await page.request.get(`${ctx.serveur.url}/api/communes/${code}`)).json()) as { commune: { longitude: number; latitude: number } }).commune
    const [ca, cb] = [await centre(a!.code), await centre(b!.code)]
    const csv = ['Identifiant;Code INSEE;Longitude;Latitude;Mobilité (km);Disponible le', `=1+1;${a!.code};;;20;`, `R-2;;${ca.longitude + 0.063};${ca.latitude};;`,
      `R-3;;${cb.longitude};${cb.latitude + 0.045};30;01/09/2027`, 'R-4;59350;;;30;'].join('\r\n')
    await page.getByLabel(/Fichier des recrues/).setInputFiles({ name: 'recrues.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'latin1') })
    await page.getByLabel(/Date de prise de poste/).fill('2027-03-01')
    await page.getByRole('button', { name: 'Mettre en relation' }).click()

    // THEN the two of A are placed; the late one and the one from Lille are not, and each is told why; B's poste stays vacant
    const resume = page.locator('section:has(#titre-resultat-recrutement) [role="status"]')
    await expect.poll(() => resume.textContent(), { timeout: 60_000 }).toMatch(/^2\s+recrues placées sur 4, 2 sans poste ; 1\s+poste vacant ;/)
    const placees = page.locator('table:has(caption:text("Recrues placées")) tbody tr')
    expect((await placees.locator('th').allTextContents()).sort()).toEqual(['=1+1', 'R-2'])
    expect(await page.locator('table:has(caption:text("Recrues sans poste")) tbody tr').allTextContents())
      .toEqual(['R-3disponible le 01/09/2027, après la prise de poste du 01/03/2027', 'R-4aucune structure à 30 km ou moins'])
    expect(await page.locator('table:has(caption:text("Postes restés vacants")) tbody tr').allTextContents()).toEqual([`Association de ${b!.nom}1`])

    // AND the map draws a line from each placed recruit to their structure
    await page.waitForFunction(() => window.__maillage?.carte.getSource('recrutement') !== undefined, undefined, { timeout: 60_000 })
    const liens = await page.evaluate(() => {
      const source = window.__maillage!.carte.getSource('recrutement') as unknown as { serialize: () => { data: GeoJSON.FeatureCollection } }
      return source.serialize().data.features.filter((f) => f.properties!.type === 'lien').length
    })
    expect(liens).toBe(2)
    // One of them has a length (the first recruit lives where her structure is): drawn once the map has settled.
    await page.waitForFunction(() => (window.__maillage?.idles ?? 0) > 0, undefined, { timeout: 90_000 })
    await expect.poll(() => page.evaluate(() => window.__maillage!.carte.queryRenderedFeatures({ layers: ['recrutement-liens'] }).length), { timeout: 30_000 })
      .toBeGreaterThanOrEqual(1)
    await capture(page, 'recrutement-26')
    expect(await sansViolationGrave(page)).toEqual([])

    // WHEN the export is asked with the keyboard THEN the CSV lists the pairs and the recruit left, the formula quoted
    await page.getByRole('button', { name: 'Exporter la mise en relation (CSV)' }).focus()
    const [telechargement] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')])
    expect(telechargement.suggestedFilename()).toBe('mise-en-relation-26.csv')
    const lignes = readFileSync((await telechargement.path())!, 'utf8').replace(/^\uFEFF/, '').trim().split('\r\n')
    expect(lignes[0]).toBe('recrue;structure;SIRET;code INSEE de la structure;candidature;distance (km);sans poste : motif')
    expect(lignes.filter((l) => l.startsWith("'=1+1;Mairie de "))).toHaveLength(1)
    expect(lignes.slice(-2)).toEqual(['R-3;;;;;;disponible le 01/09/2027, après la prise de poste du 01/03/2027', 'R-4;;;;;;aucune structure à 30 km ou moins'])
    await contexte.close()
  }, 180_000)
})
