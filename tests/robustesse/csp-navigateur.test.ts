import { existsSync } from 'node:fs'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { echouerSurErreurs } from '../browser/page.ts'
import { CHROMIUM, demarrerServeur, lancerNavigateur, type Serveur } from '../browser/serveur.ts'

// The CSP is only right if the real client, in a real browser, loads everything it needs under it.
// CI always has Chromium: a missing browser fails the run instead of hiding this check.
describe('the CSP in Chromium', () => {
  let serveur: Serveur
  let navigateur: Browser

  beforeAll(async () => {
    if (!existsSync(CHROMIUM))
      throw new Error(`Chromium est introuvable à ${CHROMIUM} : installez-le (paquet Debian chromium) ou indiquez-le avec CHROMIUM_PATH.`)
    serveur = await demarrerServeur()
    navigateur = await lancerNavigateur()
  })
  afterAll(async () => {
    await navigateur?.close()
    await serveur?.arreter()
  })

  it.each(['/', '/departements/26', '/communes/26113', '/trouver'])('blocks nothing the app loads on %s', async (chemin) => {
    // GIVEN a page that records every CSP violation, reported by the browser as an event or on the console
    const page = await navigateur.newPage({ viewport: { width: 1200, height: 900 } })
    echouerSurErreurs(page)
    const console: string[] = []
    page.on('console', (m) => {
      if (/Content Security Policy|Refused to/i.test(m.text())) console.push(m.text())
    })
    await page.addInitScript(() => {
      const w = window as unknown as { violations: string[] }
      w.violations = []
      document.addEventListener('securitypolicyviolation', (e) => w.violations.push(`${e.violatedDirective} ${e.blockedURI}`))
    })
    // WHEN the view loads, its map draws and its data arrives
    const res = await page.goto(`${serveur.url}${chemin}`, { waitUntil: 'networkidle' })
    // The app has rendered (on a loaded machine its script may still be running when the network is idle)
    await page.locator('main').first().waitFor({ state: 'attached', timeout: 30_000 })
    await page.waitForTimeout(500)
    // THEN the page was served with the CSP and nothing was refused
    expect(res?.headers()['content-security-policy']).toMatch(/script-src 'self'/)
    const violations = await page.evaluate(() => (window as unknown as { violations: string[] }).violations)
    expect([...violations, ...console]).toEqual([])
    await page.close()
  }, 90_000)
})
