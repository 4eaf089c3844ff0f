import type { Page } from 'playwright-core'

/** Waits until the map has gone idle at least once after `depuis` (a performance.now() timestamp). */
export async function attendreCarteInactive(page: Page, depuis = 0): Promise<void> {
  await page.waitForFunction(
    (t) => {
      const s = window.__maillage
      return !!s && s.derniereApplication > t && s.dernierIdle > s.derniereApplication && s.carte.loaded()
    },
    depuis,
    { timeout: 30_000 },
  )
}

/**
 * How many sampled on-screen pixels of the element are within `tolerance` of each colour: a screenshot
 * of what the browser really painted (SVG or canvas alike), decoded in the page.
 */
export async function compterCouleursEcran(page: Page, selecteur: string, couleurs: readonly string[], tolerance = 6): Promise<Record<string, number>> {
  const png = (await page.locator(selecteur).screenshot()).toString('base64')
  return page.evaluate(
    async ({ png, couleurs, tolerance }) => {
      const image = new Image()
      image.src = `data:image/png;base64,${png}`
      await image.decode()
      const toile = document.createElement('canvas')
      toile.width = image.width
      toile.height = image.height
      const ctx = toile.getContext('2d')!
      ctx.drawImage(image, 0, 0)
      const { data } = ctx.getImageData(0, 0, toile.width, toile.height)
      const cibles = couleurs.map((h) => [parseInt(h.slice(1, 3), 16), parseInt(h.slice(3, 5), 16), parseInt(h.slice(5, 7), 16)])
      const comptes: Record<string, number> = Object.fromEntries(couleurs.map((c) => [c, 0]))
      for (let i = 0; i < data.length; i += 16)
        cibles.forEach((c, k) => {
          if (Math.abs(data[i]! - c[0]!) <= tolerance && Math.abs(data[i + 1]! - c[1]!) <= tolerance && Math.abs(data[i + 2]! - c[2]!) <= tolerance)
            comptes[couleurs[k]!]!++
        })
      return comptes
    },
    { png, couleurs: [...couleurs], tolerance },
  )
}

/** Waits until the national SVG map has painted fills applied after `depuis` (a performance.now() timestamp). */
export async function attendreCarteNationale(page: Page, depuis = 0): Promise<void> {
  await page.waitForFunction(
    (t) => {
      const s = window.__maillageNational
      return !!s && s.derniereApplication > t && s.dernierDessin > s.derniereApplication
    },
    depuis,
    { timeout: 30_000 },
  )
}
