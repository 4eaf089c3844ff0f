// What every browser test file does with a page: open one in its own context, fail on its errors, save a screenshot, run axe.
import AxeBuilder from '@axe-core/playwright'
import { resolve } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { expect, onTestFinished } from 'vitest'
import { DOSSIER_ARTEFACTS } from './serveur.ts'

/**
 * Console errors a browser test may see without failing. Each entry says why it is expected; keep this list short.
 * (Empty: no test expects one today.)
 */
export const ERREURS_CONSOLE_PERMISES: readonly RegExp[] = []

/**
 * Fails the test that calls it if, by its end, the page threw an uncaught error or logged a console error not in
 * `permises` (matched against `<message> (<url of its source>)`): a page that breaks while the assertions happen to pass is still broken.
 */
export function echouerSurErreurs(page: Page, permises: readonly RegExp[] = ERREURS_CONSOLE_PERMISES): void {
  const erreurs: string[] = []
  page.on('pageerror', (e) => erreurs.push(`erreur non rattrapée : ${e.message}`))
  page.on('console', (m) => {
    const texte = `${m.text()} (${m.location().url})`
    if (m.type() === 'error' && !permises.some((r) => r.test(texte))) erreurs.push(`console.error : ${texte}`)
  })
  onTestFinished(() => {
    expect(erreurs, `erreurs de la page ${page.url()}`).toEqual([])
  })
}

/**
 * A page in a fresh context (cold cache, French locale); axe needs pages that belong to an explicit context. Call it
 * inside a test: the page's errors fail that test.
 */
export async function nouvellePage(navigateur: Browser): Promise<Page> {
  const contexte = await navigateur.newContext({ viewport: { width: 1400, height: 1000 }, locale: 'fr-FR', timezoneId: 'Europe/Paris' })
  const page = await contexte.newPage()
  // When the browser itself closes (afterAll), the page's close event comes while its context is going too: closing it
  // again then rejects ("Target page, context or browser has been closed"), which is no failure of the test.
  page.on('close', () => {
    contexte.close().catch(() => undefined)
  })
  echouerSurErreurs(page)
  return page
}

/** A full-page screenshot saved as a test artefact (tests/artefacts/<nom>.png). */
export const capture = (page: Page, nom: string) => page.screenshot({ path: resolve(DOSSIER_ARTEFACTS, `${nom}.png`), fullPage: true })

/** The serious and critical axe violations of the page (the WebGL canvas left out: its content is in the tables). */
export async function sansViolationGrave(page: Page): Promise<string[]> {
  const resultat = await new AxeBuilder({ page }).exclude('.maplibregl-canvas').analyze()
  return resultat.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)
}
