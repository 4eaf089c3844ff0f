import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { attendreCarteInactive, attendreCarteNationale } from './pixels.ts'
import { capture, nouvellePage } from './page.ts'
import { demarrerServeur, lancerNavigateur, type Serveur } from './serveur.ts'

let serveur: Serveur
let navigateur: Browser

beforeAll(async () => {
  serveur = await demarrerServeur()
  navigateur = await lancerNavigateur()
})

afterAll(async () => {
  await navigateur?.close()
  await serveur?.arreter()
})

/** Moves the maplibre map and resolves once it has gone idle there (plain data crosses the page boundary, never an event). */
async function allerA(page: Page, centre: [number, number], zoom: number): Promise<void> {
  const t0 = await page.evaluate(({ centre, zoom }) => {
    const t = performance.now()
    window.__maillage!.carte.jumpTo({ center: centre, zoom })
    return t
  }, { centre, zoom })
  await page.waitForFunction((t) => {
    const s = window.__maillage!
    return s.dernierIdle > t && s.carte.loaded() && s.carte.areTilesLoaded()
  }, t0, { timeout: 30_000 })
}

/** The names placed on screen by the given label layers. */
const nomsAffiches = (page: Page, couches: string[]) =>
  page.evaluate((couches) => window.__maillage!.carte.queryRenderedFeatures({ layers: couches }).map((f) => String(f.properties.nom)), couches)

describe('maps that name places, in Chromium', () => {
  it('opens a zoomable map from the national canvas and names the Drôme, its préfecture and its communes', async () => {
    const page = await nouvellePage(navigateur)
    await page.goto(`${serveur.url}/`)
    await attendreCarteNationale(page)
    // No maplibre before the user zooms: the first view stays the canvas.
    expect(await page.evaluate(() => window.__maillage === undefined)).toBe(true)
    const [x, y] = await page.evaluate(() => window.__maillageNational!.projeter([4.89, 44.93]))
    const boite = (await page.locator('.maillage-carte-nationale canvas').boundingBox())!
    await page.mouse.move(boite.x + (x / 720) * boite.width, boite.y + (y / 720) * boite.height)
    await page.mouse.wheel(0, -200)
    await page.waitForFunction(() => !!window.__maillage?.carte.loaded(), undefined, { timeout: 30_000 })
    await attendreCarteInactive(page)
    // The map opened one step in around the pointer, that is around Valence.
    const centre = await page.evaluate(() => window.__maillage!.carte.getCenter().toArray())
    expect(centre[0]).toBeCloseTo(4.89, 0)
    expect(centre[1]).toBeCloseTo(44.93, 0)

    await allerA(page, [5.1, 44.75], 7)
    // COG 2026: the Drôme's chef-lieu is Valence; its département name is drawn at this zoom.
    expect(await nomsAffiches(page, ['etiquettes-departements'])).toContain('Drôme')
    expect(await nomsAffiches(page, ['etiquettes-prefectures'])).toContain('Valence')

    await allerA(page, [5.37, 44.75], 10)
    // Die (4 844 inhabitants) is named once zoomed in on it.
    expect(await nomsAffiches(page, ['etiquettes-communes'])).toContain('Die')
    await capture(page, 'national-zoom-die')
    await page.close()
  })

  it('zooms the national map with its button and the keyboard', async () => {
    const page = await nouvellePage(navigateur)
    await page.goto(`${serveur.url}/`)
    await attendreCarteNationale(page)
    await page.getByRole('button', { name: 'Zoomer sur la carte' }).press('Enter')
    await page.waitForFunction(() => !!window.__maillage?.carte.loaded(), undefined, { timeout: 30_000 })
    await attendreCarteInactive(page)
    const avant = await page.evaluate(() => window.__maillage!.carte.getZoom())
    // maplibre's keyboard handler: "+" zooms in one step on the focused map.
    await page.locator('.maplibregl-canvas').focus()
    await page.keyboard.press('Equal')
    await page.waitForFunction((z) => window.__maillage!.carte.getZoom() > z + 0.9, avant, { timeout: 15_000 })
    await page.getByRole('button', { name: 'Revenir à la vue d’ensemble' }).click()
    await attendreCarteNationale(page)
    await page.close()
  })

  it('names the préfecture and the communes on a département map', async () => {
    const page = await nouvellePage(navigateur)
    await page.goto(`${serveur.url}/departements/26`)
    await attendreCarteInactive(page)
    await page.waitForFunction(() => window.__maillage!.carte.areTilesLoaded(), undefined, { timeout: 30_000 })
    expect(await nomsAffiches(page, ['etiquettes-prefectures'])).toContain('Valence')
    expect((await nomsAffiches(page, ['etiquettes-communes'])).length).toBeGreaterThan(5)
    await capture(page, 'departement-26-noms')
    await page.close()
  })
})
