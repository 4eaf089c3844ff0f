// The embeddable maps, framed by a page of another origin (a second local server on another port), and the
// router's error pages.
import { createServer, type Server } from 'node:http'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { echouerSurErreurs, nouvellePage } from './page.ts'
import { demarrerServeur, lancerNavigateur, portLibre, type Serveur } from './serveur.ts'

let serveur: Serveur
let navigateur: Browser
let autorise: { url: string; serveur: Server }
let refuse: { url: string; serveur: Server }

/** A mairie's site: one page that frames `src`. */
async function siteHote(src: () => string): Promise<{ url: string; serveur: Server }> {
  const port = await portLibre()
  const s = createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' })
    res.end(`<!doctype html><html lang="fr"><title>Mairie</title><h1>Mairie</h1><iframe id="carte" src="${src()}" title="Carte" width="900" height="700"></iframe>`)
  })
  await new Promise<void>((ok) => s.listen(port, '127.0.0.1', ok))
  return { url: `http://127.0.0.1:${port}`, serveur: s }
}

beforeAll(async () => {
  let cible = ''
  autorise = await siteHote(() => cible)
  refuse = await siteHote(() => cible)
  // Only the first host is declared; 127.0.0.1 on two ports is two origins.
  serveur = await demarrerServeur({ env: { MAILLAGE_INTEGRATION_ORIGINES: autorise.url } })
  cible = `${serveur.url}/integrer/departements/26`
  navigateur = await lancerNavigateur()
})

afterAll(async () => {
  await navigateur?.close()
  await serveur?.arreter()
  autorise?.serveur.close()
  refuse?.serveur.close()
})

describe('embeddable maps, in Chromium', () => {
  it('shows the Drôme map inside an iframe of a declared site, without header, footer or cookie', async () => {
    const page = await nouvellePage(navigateur)
    const cookies: string[] = []
    page.on('response', (r) => {
      if (r.url().startsWith(serveur.url) && r.headers()['set-cookie']) cookies.push(r.url())
    })
    await page.goto(autorise.url)
    const cadre = page.frameLocator('#carte')
    await cadre.locator('main h1', { hasText: 'Drôme' }).waitFor({ timeout: 30_000 })
    await cadre.locator('.maplibregl-canvas').waitFor()
    expect(await cadre.locator('header, footer').count()).toBe(0)
    expect(await cadre.getByRole('link', { name: /Voir sur Maillage/ }).getAttribute('href')).toBe('/departements/26')
    // The framed map really drew: its own probe, in the iframe's window, saw the map go idle.
    const frame = page.frames().find((f) => f.url().startsWith(`${serveur.url}/integrer/`))!
    await frame.waitForFunction(() => (window.__maillage?.idles ?? 0) > 0, undefined, { timeout: 30_000 })
    expect(cookies).toEqual([])
    expect((await page.context().cookies(serveur.url)).length).toBe(0)
    await page.close()
  })

  it('is refused by the browser inside an iframe of a site not declared', async () => {
    const contexte = await navigateur.newContext({ locale: 'fr-FR' })
    const page = await contexte.newPage()
    // The one error expected: Chromium reports the frame-ancestors violation on the console.
    const violations: string[] = []
    page.on('console', (m) => {
      if (/frame-ancestors/.test(m.text())) violations.push(m.text())
    })
    echouerSurErreurs(page, [/frame-ancestors/])
    await page.goto(refuse.url)
    await expect.poll(() => violations.length, { timeout: 15_000 }).toBeGreaterThan(0)
    // "Framing '<Maillage>/' violates … "frame-ancestors 'self' <the declared site>"": this host is not in the list.
    expect(violations[0]).toContain(`Framing '${serveur.url}/'`)
    expect(violations[0]).toContain(`frame-ancestors 'self' ${autorise.url}`)
    expect(violations[0]).not.toContain(refuse.url)
    // Nothing of Maillage rendered in the frame.
    expect(await page.frameLocator('#carte').locator('main h1').count()).toBe(0)
    await contexte.close()
  })

  it('keeps every other page unframeable, even for a declared site', async () => {
    const reponse = await fetch(`${serveur.url}/departements/26`)
    expect(reponse.headers.get('x-frame-options')).toBe('DENY')
    expect(reponse.headers.get('content-security-policy')).toContain("frame-ancestors 'none'")
    const integree = await fetch(`${serveur.url}/integrer/trouver`)
    expect(integree.headers.get('x-frame-options')).toBeNull()
    expect(integree.headers.get('content-security-policy')).toContain(`frame-ancestors 'self' ${autorise.url}`)
    expect(integree.headers.get('set-cookie')).toBeNull()
  })

  it('gives the snippet of the Drôme map on the page reached from the footer', async () => {
    const page = await nouvellePage(navigateur)
    await page.goto(`${serveur.url}/`)
    await page.locator('#pied-de-page').getByRole('link', { name: 'Intégrer cette carte' }).click()
    await page.getByLabel('Carte à intégrer').selectOption('26')
    const code = await page.locator('[data-code-integration]').inputValue()
    expect(code).toContain(`src="${serveur.url}/integrer/departements/26"`)
    expect(code).toContain('title="Couverture de la médiation numérique : Drôme"')
    await page.close()
  })
})

describe('router error pages, in Chromium', () => {
  it('shows a French 404 page for an unknown address', async () => {
    const page = await nouvellePage(navigateur)
    await page.goto(`${serveur.url}/cette-page-n-existe-pas`)
    await page.locator('main h1', { hasText: 'Page introuvable' }).waitFor()
    expect(await page.locator('[data-erreur="404"]').textContent()).toContain('Erreur 404')
    await page.close()
  })

  it('shows a French error page with a reload button when a view’s chunk fails to load', async () => {
    const contexte = await navigateur.newContext({ locale: 'fr-FR' })
    const page = await contexte.newPage()
    // The aborted request and the failed dynamic import are the expected errors here.
    echouerSurErreurs(page, [/ERR_FAILED|Failed to load resource|dynamically imported module|Failed to fetch/i])
    await page.route(/\/assets\/VueDepartement-[^/]+\.js$/, (route) => route.abort())
    await page.goto(`${serveur.url}/departements/26`)
    await page.locator('main h1', { hasText: 'Cette page n’a pas pu être chargée' }).waitFor({ timeout: 30_000 })
    expect(await page.locator('[data-erreur="chargement"]').getByRole('button', { name: 'Recharger la page' }).count()).toBe(1)
    // Inside the site's frame: the header is still there.
    expect(await page.locator('header').count()).toBeGreaterThan(0)
    await contexte.close()
  })
})
