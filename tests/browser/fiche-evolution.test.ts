import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { formatDecimal, formatEntier, formatKm, formatTaux } from '../../client/charts/format.ts'
import { attendreCarteInactive, attendreCarteNationale } from './pixels.ts'
import { capture, nouvellePage, sansViolationGrave } from './page.ts'
import { lirePdf, plat } from './pdf.ts'
import { demarrerServeur, DOSSIER_ARTEFACTS, lancerNavigateur, type Serveur } from './serveur.ts'

let serveur: Serveur
let navigateur: Browser

beforeAll(async () => {
  mkdirSync(DOSSIER_ARTEFACTS, { recursive: true })
  serveur = await demarrerServeur()
  navigateur = await lancerNavigateur()
})

afterAll(async () => {
  await navigateur?.close()
  await serveur?.arreter()
})

const api = async (chemin: string) => (await (await fetch(`${serveur.url}/api${chemin}`)).json()) as any
const texteChiffre = (page: Page, cle: string) => page.locator(`[data-chiffre="${cle}"] dd`).first().textContent()

describe('the evolution of the maillage in Chromium', () => {
  it('draws a point per date and recolours the national map at the chosen date without reloading the page', async () => {
    const page = await nouvellePage(navigateur)
    await page.goto(`${serveur.url}/`)
    await attendreCarteNationale(page)
    const evolution = await api('/evolution')
    const points = page.locator('[data-graphique="evolution"] [data-date]')
    await expect.poll(() => points.count(), { timeout: 30_000 }).toBe(evolution.points.length)
    // Each point's sentence is shown, so a new source is not read as new lieux.
    for (const p of evolution.points) expect(plat((await page.locator('.maillage-evolution__sources').textContent()) ?? '')).toContain(plat(p.description))
    await page.evaluate(() => Object.assign(window, { __memePage: true }))
    const image = () => page.locator('.maillage-carte-nationale canvas').evaluate((c) => (c as HTMLCanvasElement).toDataURL())
    const avant = await image()

    // WHEN the first date is chosen in the date control
    const t0 = await page.evaluate(() => performance.now())
    await page.getByLabel(/Lieux connus à la date/).selectOption('2021-06')
    await page.waitForURL(/date=2021-06/)
    await attendreCarteNationale(page, t0)

    // THEN the map and the key figures are those of 2021-06, in the same page
    expect(await page.evaluate(() => (window as unknown as { __memePage?: boolean }).__memePage)).toBe(true)
    expect(await image()).not.toBe(avant)
    const national2021 = (await api('/couverture?date=2021-06')).national
    await expect.poll(() => texteChiffre(page, 'tauxCouverture'), { timeout: 30_000 }).toBe(`${formatTaux(national2021.tauxCouverture)} (${formatEntier(national2021.populationCouverte)} hab.)`)
    expect(national2021.populationCouverte).toBe(evolution.points[0].chiffres.populationCouverte)
    await expect.poll(() => page.locator('[data-graphique="evolution"] [data-date="2021-06"] circle').getAttribute('r'), { timeout: 30_000 }).toBe('6')
    expect(await sansViolationGrave(page)).toEqual([])
    await capture(page, 'evolution-nationale-2021-06')
    await page.close()
  }, 180_000)

  it('recolours the communes of a département at a date chosen on its chart', async () => {
    const page = await nouvellePage(navigateur)
    await page.goto(`${serveur.url}/departements/26`)
    await attendreCarteInactive(page)
    await page.locator('[data-graphique="evolution"] [data-date="2022-07"]').first().waitFor()
    const reponse = page.waitForResponse((r) => /\/api\/departements\/26\/communes\?.*date=2022-07/.test(r.url()) && r.status() === 200)
    const t0 = await page.evaluate(() => performance.now())
    await page.locator('[data-graphique="evolution"] [data-date="2022-07"] circle').click()
    await page.waitForURL(/date=2022-07/)
    await reponse
    await attendreCarteInactive(page, t0)
    const drome = (await api('/departements/26/couverture?date=2022-07'))
    await expect.poll(() => texteChiffre(page, 'communesZonesBlanches'), { timeout: 30_000 }).toBe(`${formatEntier(drome.communesZonesBlanches)} sur ${formatEntier(drome.communes)}`)
    await capture(page, 'evolution-26-2022-07')
    await page.close()
  }, 180_000)
})

describe('the fiche département in Chromium', () => {
  it('prints on one or two A4 pages whose text holds the figures of the API, without the site’s header and footer', async () => {
    const page = await nouvellePage(navigateur)
    await page.goto(`${serveur.url}/departements/26/fiche`)
    await page.locator('[data-fiche-prete="oui"]').waitFor({ timeout: 60_000 })
    expect(await sansViolationGrave(page)).toEqual([])
    await capture(page, 'fiche-26')

    // WHEN Chromium prints it as PDF, and pdftotext reads the PDF
    // Kept with the screenshots (tests/artefacts), to look at the sheet when the test fails.
    const { pages, texte, lignes } = await lirePdf(page, join(DOSSIER_ARTEFACTS, 'fiche-26.pdf'))

    // THEN one or two pages, with the département's, région's and France's figures as the page formats them
    expect(pages.length).toBeGreaterThanOrEqual(1)
    expect(pages.length).toBeLessThanOrEqual(2)
    const drome = await api('/departements/26/couverture')
    const couverture = await api('/couverture')
    const region = couverture.regions.find((r: { code: string }) => r.code === '84')
    for (const c of [drome, region, couverture.national]) {
      for (const attendu of [formatEntier(c.population), formatEntier(c.populationCouverte), formatTaux(c.tauxCouverture), formatEntier(c.populationZonesBlanches),
        `${formatEntier(c.communesZonesBlanches)} / ${formatEntier(c.communes)}`, formatEntier(c.postes), formatKm(c.distanceMoyenneKm), formatDecimal(c.ifnMoyenZonesBlanches)])
        expect(texte).toContain(plat(attendu))
    }
    // AND the ten most populous zones blanches, with their population and IFN
    const zones = await api('/zones-blanches?departement=26&limit=10&tri=population')
    expect(zones.communes.length).toBe(10)
    for (const z of zones.communes)
      expect(lignes.some((l) => l.includes(plat(`${z.nom} ${formatEntier(z.population)} ${formatKm(z.distanceKm)} ${formatDecimal(z.ifn)}`))), z.nom).toBe(true)
    // AND the evolution, the sources and their date
    const evolution = await api('/evolution?departement=26')
    for (const p of evolution.points) expect(texte).toContain(p.date)
    expect(texte).toContain('Import du')
    expect(texte).toContain('France services')
    // AND neither the site's header nor its footer, nor any candidature (the public gets none)
    expect(texte).not.toContain('Trouver un lieu près de chez moi')
    expect(texte).not.toContain('Intégrer cette carte')
    expect(texte).not.toContain('Candidatures')
    await page.close()
  }, 180_000)
})
