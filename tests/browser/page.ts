// What every browser test file does with a page: open one in its own context, save a screenshot, run axe.
import AxeBuilder from '@axe-core/playwright'
import { resolve } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { DOSSIER_ARTEFACTS } from './serveur.ts'

/** A page in a fresh context (cold cache, French locale); axe needs pages that belong to an explicit context. */
export async function nouvellePage(navigateur: Browser): Promise<Page> {
  const contexte = await navigateur.newContext({ viewport: { width: 1400, height: 1000 }, locale: 'fr-FR', timezoneId: 'Europe/Paris' })
  const page = await contexte.newPage()
  page.on('close', () => void contexte.close())
  page.on('pageerror', (e) => console.error('[page]', e.message))
  return page
}

/** A full-page screenshot saved as a test artefact (tests/artefacts/<nom>.png). */
export const capture = (page: Page, nom: string) => page.screenshot({ path: resolve(DOSSIER_ARTEFACTS, `${nom}.png`), fullPage: true })

/** The serious and critical axe violations of the page (the WebGL canvas left out: its content is in the tables). */
export async function sansViolationGrave(page: Page): Promise<string[]> {
  const resultat = await new AxeBuilder({ page }).exclude('.maplibregl-canvas').analyze()
  return resultat.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)
}
