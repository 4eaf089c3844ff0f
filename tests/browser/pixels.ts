import type { Page } from 'playwright-core'

/** How many sampled canvas pixels are within `tolerance` of each colour (hex), read in the page. */
export function compterCouleurs(page: Page, couleurs: readonly string[], tolerance = 6): Promise<Record<string, number>> {
  return page.evaluate(
    ({ couleurs, tolerance }) => {
      const source = window.__maillage!.carte.getCanvas()
      const copie = document.createElement('canvas')
      copie.width = source.width
      copie.height = source.height
      const ctx = copie.getContext('2d')!
      ctx.drawImage(source, 0, 0)
      const { data } = ctx.getImageData(0, 0, copie.width, copie.height)
      const cibles = couleurs.map((h) => [parseInt(h.slice(1, 3), 16), parseInt(h.slice(3, 5), 16), parseInt(h.slice(5, 7), 16)])
      const comptes: Record<string, number> = Object.fromEntries(couleurs.map((c) => [c, 0]))
      // Every 4th pixel in each direction is plenty to find the choropleth colours.
      for (let y = 0; y < copie.height; y += 4)
        for (let x = 0; x < copie.width; x += 4) {
          const i = (y * copie.width + x) * 4
          cibles.forEach((c, k) => {
            if (Math.abs(data[i]! - c[0]!) <= tolerance && Math.abs(data[i + 1]! - c[1]!) <= tolerance && Math.abs(data[i + 2]! - c[2]!) <= tolerance)
              comptes[couleurs[k]!]!++
          })
        }
      return comptes
    },
    { couleurs: [...couleurs], tolerance },
  )
}

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
