import { mkdirSync } from 'node:fs'
import { resolve } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { attendreCarteInactive } from './pixels.ts'
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

const RAYON_KM = 10
const OFFRE = 'conseillers-numeriques,france-services,mediation,aidants-connect'

type Chiffres = { populationZonesBlanches: number; communesZonesBlanches: number; postes: number }
type Simulation = { avant: Chiffres; apres: Chiffres; communesChangees: { code: string; apres: string }[] }
type Ajout = { lon: number; lat: number; conseillers: number }

async function api<T>(chemin: string, corps?: unknown): Promise<T> {
  const init = corps === undefined ? {} : { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(corps) }
  const reponse = await fetch(`${serveur.url}/api${chemin}`, init)
  expect(reponse.status).toBe(200)
  return (await reponse.json()) as T
}

/** The scenario the page holds, read back from its URL: what a shared link would send. */
function scenarioDeLUrl(page: Page): { ajouts: Ajout[]; retraits: number[] } {
  const params = new URL(page.url()).searchParams
  const ajouts = (params.get('ajouts') ?? '').split(';').filter(Boolean).map((t) => {
    const [lon, lat, conseillers] = t.split(',').map(Number)
    return { lon: lon!, lat: lat!, conseillers: conseillers! }
  })
  const retraits = (params.get('retraits') ?? '').split(',').filter(Boolean).map(Number)
  return { ajouts, retraits }
}

const simuler = (s: { ajouts: Ajout[]; retraits: number[] }) =>
  api<Simulation>('/simulations', { departement: '26', rayonKm: RAYON_KM, offre: OFFRE.split(','), ...s })

/** The integer a figure cell shows ("10 541" with a non-breaking space → 10541). */
const entierAffiche = async (page: Page, chiffre: string, colonne: 'avant' | 'apres') =>
  Number(((await page.locator(`[data-chiffre="${chiffre}"] [data-colonne="${colonne}"]`).textContent()) ?? '').replace(/\D/g, ''))

async function ouvrirPlanificateur(page: Page, requete = '') {
  await page.goto(`${serveur.url}/planifier/26?rayonKm=${RAYON_KM}${requete}`)
  await page.locator('[data-chiffre="populationZonesBlanches"] [data-colonne="apres"]').waitFor()
  await attendreCarteInactive(page)
}

describe('planificateur in Chromium', () => {
  it('shows the white-zone population falling by exactly what the simulation API computes for a poste clicked on the map', async () => {
    // GIVEN the commune of the Drôme with the most uncovered inhabitants (on the cells, as the planner counts) and its centre
    const zones = await api<{ communes: { code: string; population: number; populationNonCouverte: number }[] }>(`/zones-blanches?departement=26&rayonKm=${RAYON_KM}&tri=population-non-couverte&limit=1`)
    const cible = zones.communes[0]!
    const { commune } = await api<{ commune: { longitude: number; latitude: number } }>(`/communes/${cible.code}`)
    const page = await nouvellePage(navigateur)
    await ouvrirPlanificateur(page)
    const avantAffiche = await entierAffiche(page, 'populationZonesBlanches', 'avant')

    // WHEN the planner clicks the map at that centre
    const point = await page.evaluate(([lon, lat]) => {
      const p = window.__maillage!.carte.project([lon!, lat!])
      return { x: p.x, y: p.y }
    }, [commune.longitude, commune.latitude])
    const boite = (await page.locator('.maillage-carte__canevas canvas').boundingBox())!
    await page.mouse.click(boite.x + point.x, boite.y + point.y)
    await page.waitForURL(/ajouts=/)

    // THEN the figure shown after is the API's for the scenario in the URL, and the commune is listed as changed
    const scenario = scenarioDeLUrl(page)
    expect(scenario.ajouts).toHaveLength(1)
    const attendu = await simuler(scenario)
    expect(avantAffiche).toBe(attendu.avant.populationZonesBlanches)
    await expect.poll(() => entierAffiche(page, 'populationZonesBlanches', 'apres'), { timeout: 15_000 }).toBe(attendu.apres.populationZonesBlanches)
    expect(attendu.avant.populationZonesBlanches - attendu.apres.populationZonesBlanches).toBeGreaterThan(0)
    const statutCible = attendu.communesChangees.find((c) => c.code === cible.code)?.apres
    expect(['partielle', 'couverte']).toContain(statutCible)
    expect(await entierAffiche(page, 'communesZonesBlanches', 'apres')).toBe(attendu.apres.communesZonesBlanches)
    await page.locator(`[data-liste="communes-changees"] [data-code="${cible.code}"]`).waitFor()

    // AND the small maps have the API's white-zone communes before and after, the changed communes outlined,
    // the target commune drawn with its new statut, and the poste drawn
    const blanches = (carte: string) => page.locator(`[data-carte="${carte}"] path[data-statut="blanche"]`).count()
    await page.locator('[data-carte="scenario"][aria-busy="false"]').waitFor()
    const changeesDrome = attendu.communesChangees.filter((c) => c.code.startsWith('26')).length
    expect(changeesDrome).toBeGreaterThanOrEqual(1)
    expect(await blanches('aujourdhui')).toBe(attendu.avant.communesZonesBlanches)
    expect(await blanches('scenario')).toBe(attendu.apres.communesZonesBlanches)
    expect(await page.locator('[data-carte="aujourdhui"] path[data-changee="true"]').count()).toBe(changeesDrome)
    expect(await page.locator(`[data-carte="scenario"] path[data-code="${cible.code}"]`).getAttribute('data-statut')).toBe(statutCible)
    expect(await page.locator(`[data-carte="aujourdhui"] path[data-code="${cible.code}"]`).getAttribute('data-changee')).toBe('true')
    expect(await page.locator('[data-carte="scenario"] [data-point="ajout"]').count()).toBe(1)
    await page.locator('.maillage-petites-cartes').screenshot({ path: resolve(DOSSIER_ARTEFACTS, 'planifier-26-petites-cartes.png') })
    await attendreCarteInactive(page)
    await capture(page, 'planifier-26')
    await page.close()
  })

  it('adds a poste at a commune centre and withdraws a lieu with the keyboard alone', async () => {
    const page = await nouvellePage(navigateur)
    await ouvrirPlanificateur(page)
    const zones = await api<{ communes: { code: string }[] }>(`/zones-blanches?departement=26&rayonKm=${RAYON_KM}&tri=population&limit=1`)
    const { commune } = await api<{ commune: { longitude: number; latitude: number } }>(`/communes/${zones.communes[0]!.code}`)

    // WHEN the first "Ajouter un poste" of the white-zone list is focused and activated with Enter
    await page.locator('[data-liste="zones-blanches-planification"] button').first().focus()
    await page.keyboard.press('Enter')
    await page.waitForURL(/ajouts=/)
    // THEN the poste sits at the commune centre and the figures follow the API
    expect(scenarioDeLUrl(page).ajouts).toEqual([{ lon: commune.longitude, lat: commune.latitude, conseillers: 1 }])

    // WHEN a lieu is withdrawn from the list of lieux
    await page.locator('summary', { hasText: 'Un lieu existant' }).focus()
    await page.keyboard.press('Enter')
    await page.locator('[data-liste="lieux-planification"] button', { hasText: 'Retirer' }).first().focus()
    await page.keyboard.press('Enter')
    await page.waitForURL(/retraits=/)
    const scenario = scenarioDeLUrl(page)
    expect(scenario.retraits).toHaveLength(1)
    // The URL changes before React renders the new scenario, and the previous figures stay on screen
    // (aria-busy) until the new simulation arrives: wait for both before reading.
    await page.locator('[data-liste="retraits"] li').waitFor()
    await page.locator('.maillage-avant-apres[aria-busy="false"]').waitFor()
    const attendu = await simuler(scenario)
    expect(await entierAffiche(page, 'populationZonesBlanches', 'apres')).toBe(attendu.apres.populationZonesBlanches)
    expect(await entierAffiche(page, 'postes', 'apres')).toBe(attendu.apres.postes)
    await page.close()
  })

  it('proposes optimal sites and, once all are accepted, the white-zone population falls by the objective', async () => {
    const page = await nouvellePage(navigateur)
    await ouvrirPlanificateur(page)
    await page.getByLabel('Nombre de postes').fill('3')
    await page.getByRole('button', { name: 'Calculer le placement optimal' }).click()
    const sites = page.locator('[data-liste="sites-proposes"] tbody tr')
    await sites.first().waitFor({ timeout: 30_000 })
    const optimisation = await api<{ objectif: number; sites: unknown[] }>('/optimisation', {
      departement: '26', rayonKm: RAYON_KM, nombrePostes: 3, candidats: 'communes', poids: 'population',
    })
    expect(await sites.count()).toBe(optimisation.sites.length)
    expect(await page.locator('.maillage-repere--propose:not(.maillage-repere--legende)').count()).toBe(optimisation.sites.length)

    await page.getByRole('button', { name: 'Ajouter tous les sites au scénario' }).click()
    await page.waitForURL(/ajouts=/)
    expect(scenarioDeLUrl(page).ajouts).toHaveLength(optimisation.sites.length)
    const avant = await entierAffiche(page, 'populationZonesBlanches', 'avant')
    await expect.poll(async () => avant - (await entierAffiche(page, 'populationZonesBlanches', 'apres')), { timeout: 15_000 }).toBe(optimisation.objectif)
    await attendreCarteInactive(page)
    await capture(page, 'planifier-26-optimisation')
    await page.close()
  })

  it('ranks départements in the national allocation and links each to its planner', async () => {
    const page = await nouvellePage(navigateur)
    await page.goto(`${serveur.url}/planifier?rayonKm=${RAYON_KM}`)
    await page.getByLabel('Nombre de postes à répartir').fill('10')
    await page.getByRole('button', { name: 'Répartir' }).click()
    const lignes = page.locator('[data-liste="repartition-nationale"] tbody tr')
    await lignes.first().waitFor({ timeout: 60_000 })
    const attendu = await api<{ departements: { code: string }[] }>('/optimisation/nationale', { nombrePostes: 10, rayonKm: RAYON_KM })
    expect(await lignes.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-code')))).toEqual(attendu.departements.map((d) => d.code))
    await capture(page, 'planifier-national')
    await lignes.first().getByRole('link').click()
    await page.waitForURL(new RegExp(`/planifier/${attendu.departements[0]!.code}\\?`))
    await page.close()
  })

  it('opens the planner from the département view, counting on the 1 km cells as the dashboard and its simulation do, and says so', async () => {
    const page = await nouvellePage(navigateur)
    await page.goto(`${serveur.url}/departements/26?rayonKm=5`)
    const communes = page.waitForRequest((r) => r.url().includes('/api/departements/26/communes?') && r.url().includes('rayonKm=5') && !r.url().includes('methode='))
    const simulation = page.waitForRequest((r) => r.url().endsWith('/api/simulations') && r.postDataJSON()?.methode === 'carreaux')
    await page.getByRole('link', { name: 'Planifier de nouveaux postes' }).last().click()
    await page.waitForURL(/\/planifier\/26\?rayonKm=5/)
    await page.locator('main h1', { hasText: 'Drôme' }).waitFor()
    await communes
    await simulation
    expect(await page.locator('[data-methode="carreaux"]').textContent()).toContain('carreaux de 1 km')
    await page.close()
  })

  it.each([`/planifier/26?rayonKm=${RAYON_KM}&ajouts=4.86883,44.58916,2`, '/planifier'])('has no serious or critical axe violation and no CSP violation on %s', async (route) => {
    const page = await nouvellePage(navigateur)
    const refus: string[] = []
    page.on('console', (m) => {
      if (/Content Security Policy|Refused to/i.test(m.text())) refus.push(m.text())
    })
    await page.goto(`${serveur.url}${route}`)
    await page.locator('main h1').first().waitFor()
    await page.waitForLoadState('networkidle')
    if (route.startsWith('/planifier/26')) {
      await page.getByRole('button', { name: 'Calculer le placement optimal' }).click()
      await page.locator('[data-liste="sites-proposes"]').waitFor({ timeout: 30_000 })
    }
    expect(await sansViolationGrave(page)).toEqual([])
    expect(refus).toEqual([])
    await page.close()
  })
})
