import { mkdirSync } from 'node:fs'
import type { Browser } from 'playwright-core'
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

describe('tableau de bord in Chromium', () => {
  it('draws the national choropleth with the colours of its legend', async () => {
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

  it('lists the same zones blanches as the API, in the same order', async () => {
    const page = await nouvellePage(navigateur)
    await page.goto(`${serveur.url}/departements/26?rayonKm=5`)
    await attendreCarteInactive(page)
    await page.locator('[data-liste="zones-blanches"] tbody tr, .maillage-zones-blanches p').first().waitFor()
    const affiches = await page.locator('[data-liste="zones-blanches"] tbody tr').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-code')))
    const reponse = await fetch(`${serveur.url}/api/zones-blanches?departement=26&rayonKm=5&offre=conseillers-numeriques,france-services,mediation,aidants-connect&tri=population&limit=50&methode=centres`)
    const api = (await reponse.json()) as { communes: { code: string }[] }
    expect(affiches).toEqual(api.communes.map((c) => c.code))
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

  it('finds the lieux nearest to Die, in the Drôme, nearest first', async () => {
    const page = await nouvellePage(navigateur)
    await page.goto(`${serveur.url}/trouver`)
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
    await page.close()
  })

  it.each(['/', '/departements/26', '/communes/26113', '/trouver', '/trouver?q=Die&commune=26113'])(
    'has no serious or critical axe violation on %s',
    async (route) => {
      const page = await nouvellePage(navigateur)
      await page.goto(`${serveur.url}${route}`)
      await page.locator('main h1').first().waitFor()
      await page.waitForLoadState('networkidle')
      expect(await sansViolationGrave(page)).toEqual([])
      await page.close()
    },
  )
})
