import { mkdirSync } from 'node:fs'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SEQUENTIEL } from '../../client/map/palette.ts'
import { attendreCarteInactive, attendreCarteNationale, compterCouleursEcran } from './pixels.ts'
import { capture, nouvellePage, sansViolationGrave } from './page.ts'
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

/** Once the page has its title and nothing more to fetch: no serious or critical axe violation. */
async function sansViolationGraveUneFoisChargee(page: Page): Promise<void> {
  await page.locator('main h1').first().waitFor()
  await page.waitForLoadState('networkidle')
  expect(await sansViolationGrave(page)).toEqual([])
}

describe('tableau de bord in Chromium', () => {
  it('puts the uncovered inhabitants counted at commune centres beside those counted on cells in the départements table', async () => {
    const page = await nouvellePage(navigateur)
    await page.goto(`${serveur.url}/`)
    const cellule = page.locator('#classement tr[data-code="26"] td[data-colonne="zonesBlanchesCentres"]')
    await cellule.waitFor()
    const centres = (await (await fetch(`${serveur.url}/api/couverture?rayonKm=10&methode=centres`)).json()) as { departements: { code: string; populationZonesBlanches: number }[] }
    const attendu = centres.departements.find((d) => d.code === '26')!.populationZonesBlanches
    expect((await cellule.textContent())!.replace(/\D/g, '')).toBe(String(attendu))
    await page.close()
  })

  it('draws the national choropleth with the colours of its legend, with no serious or critical axe violation on /', async () => {
    const page = await nouvellePage(navigateur)
    await page.goto(`${serveur.url}/`)
    await page.locator('#classement tbody tr').first().waitFor()
    await attendreCarteNationale(page)
    const comptes = await compterCouleursEcran(page, '.maillage-carte-nationale canvas', SEQUENTIEL.favorable)
    await capture(page, 'national')
    const classesVisibles = Object.values(comptes).filter((n) => n > 50).length
    expect(classesVisibles).toBeGreaterThanOrEqual(3)
    // Each metropolitan département is drawn.
    expect(await page.evaluate(() => window.__maillageNational!.departements)).toBe(96)
    await sansViolationGraveUneFoisChargee(page)
    await page.close()
  })

  it('opens the Drôme when its département is clicked on the map', async () => {
    const page = await nouvellePage(navigateur)
    await page.goto(`${serveur.url}/`)
    await attendreCarteNationale(page)
    // Die, in the middle of the Drôme: its position in the drawing (720 × 720), then on screen.
    const [x, y] = await page.evaluate(() => window.__maillageNational!.projeter([5.37, 44.75]))
    const boite = (await page.locator('.maillage-carte-nationale canvas').boundingBox())!
    await page.mouse.click(boite.x + (x / 720) * boite.width, boite.y + (y / 720) * boite.height)
    await page.waitForURL(/\/departements\/26/)
    await page.locator('main h1', { hasText: 'Drôme' }).waitFor()
    await page.close()
  })

  it('recolours the national map without a reload when the indicator or rayonKm changes', async () => {
    const page = await nouvellePage(navigateur)
    await page.goto(`${serveur.url}/`)
    await attendreCarteNationale(page)
    const image = () => page.locator('.maillage-carte-nationale canvas').evaluate((c) => (c as HTMLCanvasElement).toDataURL())
    const avant = await image()
    const t0 = await page.evaluate(() => performance.now())
    await page.locator('input[name="rayonKm"]').fill('3')
    await page.waitForURL(/rayonKm=3/)
    await attendreCarteNationale(page, t0)
    expect(await image()).not.toBe(avant)
    await page.close()
  })

  it('lists the same zones blanches and partly covered communes as the API (1 km grid), in the same order', async () => {
    const page = await nouvellePage(navigateur)
    await page.goto(`${serveur.url}/departements/26?rayonKm=5`)
    await attendreCarteInactive(page)
    await page.locator('[data-liste="zones-blanches"] tbody tr, .maillage-zones-blanches p').first().waitFor()
    const affiches = await page.locator('[data-liste="zones-blanches"] tbody tr').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-code')))
    const reponse = await fetch(`${serveur.url}/api/zones-blanches?departement=26&rayonKm=5&offre=conseillers-numeriques,france-services,mediation,aidants-connect&tri=population-non-couverte&limit=50`)
    const api = (await reponse.json()) as { methode: string; communes: { code: string; statut: string }[] }
    expect(api.methode).toBe('carreaux')
    expect(affiches).toEqual(api.communes.map((c) => c.code))
    const statuts = await page.locator('[data-liste="zones-blanches"] tbody td[data-statut]').evaluateAll((tds) => tds.map((td) => td.getAttribute('data-statut')))
    expect(statuts).toEqual(api.communes.map((c) => c.statut))
    expect(statuts).toContain('partielle')
    // The WebGL map really drew the zones blanches: their hatching's red is on screen.
    const hachures = await compterCouleursEcran(page, '.maillage-carte__canevas canvas', ['#ce0500'], 40)
    expect(hachures['#ce0500']).toBeGreaterThan(20)
    await capture(page, 'departement-26')
    await page.close()
  })

  it('recomputes the figures and keeps the map when rayonKm changes', async () => {
    const page = await nouvellePage(navigateur)
    await page.goto(`${serveur.url}/departements/26`)
    const taux = page.locator('[data-chiffre="tauxCouverture"] dd')
    await taux.waitFor()
    await attendreCarteInactive(page)
    const avant = await taux.textContent()
    const t0 = await page.evaluate(() => performance.now())
    await page.locator('input[name="rayonKm"]').fill('2')
    await page.waitForURL(/rayonKm=2/)
    await expect.poll(() => taux.textContent(), { timeout: 15_000 }).not.toBe(avant)
    await attendreCarteInactive(page, t0)
    await page.close()
  })

  it('shows the Drôme counted on cells and at commune centres side by side, as the API gives them, with no serious or critical axe violation', async () => {
    const page = await nouvellePage(navigateur)
    await page.goto(`${serveur.url}/departements/26`)
    const comparaison = page.locator('[data-comparaison="methodes"]')
    await comparaison.locator('summary').click()
    const ligne = comparaison.locator('tr[data-chiffre="populationZonesBlanches"] td')
    await ligne.first().waitFor()
    const requete = 'rayonKm=10&offre=conseillers-numeriques,france-services,mediation,aidants-connect'
    const [carreaux, centres] = (await Promise.all(
      ['carreaux', 'centres'].map((m) => fetch(`${serveur.url}/api/departements/26/couverture?${requete}&methode=${m}`).then((r) => r.json())),
    )) as { populationZonesBlanches: number }[]
    const entier = (n: number) => new Intl.NumberFormat('fr-FR').format(n).replace(/\u202f/g, '\u00a0')
    expect((await ligne.allTextContents()).map((t) => t.replace(/\u202f/g, '\u00a0'))).toEqual([
      `${entier(carreaux!.populationZonesBlanches)} hab.`, `${entier(centres!.populationZonesBlanches)} hab.`,
    ])
    expect(carreaux!.populationZonesBlanches).not.toBe(centres!.populationZonesBlanches)
    await sansViolationGraveUneFoisChargee(page)
    await page.close()
  })

  it('draws the Drôme\'s inhabited 1 km cells once asked, with a legend in km', async () => {
    const page = await nouvellePage(navigateur)
    await page.goto(`${serveur.url}/departements/26`)
    await attendreCarteInactive(page)
    const t0 = await page.evaluate(() => performance.now())
    // The DSFR checkbox is drawn by its label, which takes the click as a user's would
    await page.locator('label', { hasText: 'Montrer où vivent les habitants' }).click()
    expect(await page.getByLabel(/Montrer où vivent les habitants/).isChecked()).toBe(true)
    await page.locator('figure[aria-label="Légende : Distance des habitants au lieu le plus proche"]').waitFor()
    await attendreCarteInactive(page, t0)
    const carreaux = await page.evaluate(() =>
      window.__maillage!.carte.queryRenderedFeatures({ layers: ['carreaux-remplissage'] }).map((f) => f.properties as Record<string, unknown>))
    expect(carreaux.length).toBeGreaterThan(100)
    expect(carreaux.every((p) => typeof p['distanceHm-france-services'] === 'number')).toBe(true)
    await capture(page, 'departement-26-carreaux')
    await page.close()
  })

  it('finds the lieux nearest to Die, in the Drôme, nearest first, with no serious or critical axe violation before and after', async () => {
    const page = await nouvellePage(navigateur)
    await page.goto(`${serveur.url}/trouver`)
    await sansViolationGraveUneFoisChargee(page)
    await page.getByLabel('Commune ou code postal').fill('Die')
    await page.getByRole('button', { name: 'Rechercher' }).click()
    const lieux = page.locator('[data-liste="lieux-proches"] > li')
    await lieux.first().waitFor({ timeout: 15_000 })
    const distances = await lieux.evaluateAll((lis) => lis.map((li) => Number(li.getAttribute('data-distance-km'))))
    expect(distances).toEqual([...distances].sort((a, b) => a - b))
    const premier = await lieux.first().getAttribute('data-code-insee')
    expect(premier?.startsWith('26')).toBe(true)
    await attendreCarteInactive(page)
    await capture(page, 'trouver-die')
    expect(page.url()).toMatch(/\/trouver\?q=Die&commune=26113/)
    await sansViolationGraveUneFoisChargee(page)
    await page.close()
  })

  // '/', '/departements/26' and both '/trouver' pages are checked by the tests above, on the pages they already load.
  it('has no serious or critical axe violation on /communes/26113', async () => {
    const page = await nouvellePage(navigateur)
    await page.goto(`${serveur.url}/communes/26113`)
    await sansViolationGraveUneFoisChargee(page)
    await page.close()
  })
})
