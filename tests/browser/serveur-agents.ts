import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ouvrirComptes } from '../../server/db/comptes.ts'
import { CLIENT, demarrerFournisseur, PERSONNES } from '../comptes/fournisseur-oidc.ts'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll } from 'vitest'
import { demarrerServeur, lancerNavigateur, portLibre, type Serveur } from './serveur.ts'

export type ServeurAgents = Readonly<{ serveur: Serveur; fournisseur: Awaited<ReturnType<typeof demarrerFournisseur>>; arreter: () => Promise<void> }>

/**
 * The real server with agents' login through a local OpenID Connect provider, on an accounts file of its own where
 * `prefet-26` is the préfet of the Drôme: what the browser tests of an agent's work start from.
 */
export async function demarrerServeurAgents(): Promise<ServeurAgents> {
  const port = await portLibre()
  const fournisseur = await demarrerFournisseur(`http://127.0.0.1:${port}`)
  const dossier = mkdtempSync(join(tmpdir(), 'maillage-agents-'))
  const chemin = join(dossier, 'comptes.sqlite')
  const comptes = await ouvrirComptes(chemin)
  await comptes.enregistrerAgent({ email: PERSONNES['prefet-26']!.email, role: 'prefet', departements: ['26'] })
  await comptes.fermer()
  const serveur = await demarrerServeur({
    port,
    env: { MAILLAGE_BASE_COMPTES: chemin, MAILLAGE_OIDC_EMETTEUR: fournisseur.emetteur, MAILLAGE_OIDC_CLIENT_ID: CLIENT.id, MAILLAGE_OIDC_CLIENT_SECRET: CLIENT.secret },
  })
  return {
    serveur,
    fournisseur,
    arreter: async () => {
      await serveur.arreter()
      await fournisseur.fermer()
      rmSync(dossier, { recursive: true, force: true })
    },
  }
}

/** Opens `chemin` and signs the préfet of the Drôme in through the local provider's form, back on `chemin`. */
export async function connecterPrefet(page: Page, serveur: Serveur, chemin: string): Promise<void> {
  await page.goto(`${serveur.url}${chemin}`)
  await page.getByRole('link', { name: 'Connectez-vous' }).click()
  await page.locator('input[name="login"]').fill('prefet-26')
  await page.locator('input[name="password"]').fill('x')
  await page.locator('button[type="submit"]').click()
  await page.locator('button[type="submit"]', { hasText: 'Continue' }).click()
  await page.waitForURL(`${serveur.url}${chemin}`)
}

/** What a browser test file of an agent's work runs against, set once its `beforeAll` has run. */
export type NavigateurAgents = { serveur: Serveur; navigateur: Browser; agents: ServeurAgents }

/** Registers the file's hooks: the server with its provider, then Chromium, started before its tests and closed after. */
export function navigateurAgents(): NavigateurAgents {
  const ctx = {} as NavigateurAgents
  beforeAll(async () => {
    ctx.agents = await demarrerServeurAgents()
    ctx.serveur = ctx.agents.serveur
    ctx.navigateur = await lancerNavigateur()
  }, 180_000)
  afterAll(async () => {
    await ctx.navigateur?.close()
    await ctx.agents?.arreter()
  })
  return ctx
}
