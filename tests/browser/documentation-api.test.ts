import type { Server } from 'node:http'
import { serve } from '@hono/node-server'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createServeur } from '../../server/main.ts'
import { documentOpenApi } from '../../server/openapi/document.ts'
import { CHEMIN_BASE_NATIONALE } from '../setup/base-nationale.ts'
import { echouerSurErreurs } from './page.ts'
import { lancerNavigateur, portLibre } from './serveur.ts'

/** /api/docs in Chromium: Swagger UI renders the contract under the page's own CSP, from this server only. */
describe('the API documentation page', () => {
  let http: Server
  let url: string
  let navigateur: Browser

  beforeAll(async () => {
    // The API alone, in this process: the page needs no built client.
    const { app } = createServeur(CHEMIN_BASE_NATIONALE, '/dossier/sans/client')
    const port = await portLibre()
    http = serve({ fetch: app.fetch, port, hostname: '127.0.0.1' }) as Server
    url = `http://127.0.0.1:${port}`
    navigateur = await lancerNavigateur()
  }, 120_000)
  afterAll(async () => {
    await navigateur?.close()
    await new Promise((ok) => (http ? http.close(() => ok(undefined)) : ok(undefined)))
  })

  it('lists every operation of the document, with nothing refused by the CSP and nothing fetched from another site', async () => {
    // GIVEN a page that records CSP violations and every request's origin
    const page = await navigateur.newPage()
    echouerSurErreurs(page)
    const origines = new Set<string>()
    page.on('request', (r) => void origines.add(new URL(r.url()).origin))
    await page.addInitScript(() => {
      const w = window as unknown as { violations: string[] }
      w.violations = []
      document.addEventListener('securitypolicyviolation', (e) => w.violations.push(`${e.violatedDirective} ${e.blockedURI}`))
    })
    // WHEN the documentation loads
    const res = await page.goto(`${url}/api/docs`, { waitUntil: 'networkidle' })
    await page.locator('.opblock').first().waitFor({ timeout: 30_000 })
    // THEN each operation of the document is shown once, under the page's CSP, from this origin only
    const attendues = Object.values(documentOpenApi().paths).reduce((n, p) => n + Object.keys(p).length, 0)
    expect(await page.locator('.opblock').count()).toBe(attendues)
    expect(res?.headers()['content-security-policy']).toMatch(/script-src 'self';/)
    expect(await page.evaluate(() => (window as unknown as { violations: string[] }).violations)).toEqual([])
    expect([...origines].filter((o) => o !== url && o !== 'null')).toEqual([])
    await page.close()
  }, 90_000)
})
