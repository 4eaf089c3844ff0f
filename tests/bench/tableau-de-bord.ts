// Browser benchmark of the dashboard: national view first idle, bytes of the first view, and the
// redraw time of a rayonKm change. Usage: npx tsx tests/bench/tableau-de-bord.ts [url] (default:
// starts the real server). Each measure runs in a fresh browser context (cold cache), 5 times.
import { lancerNavigateur, demarrerServeur } from '../browser/serveur.ts'
import { attendreCarteInactive } from '../browser/pixels.ts'

const REPETITIONS = 5
const urlDonnee = process.argv[2]
const serveur = urlDonnee ? null : await demarrerServeur()
const base = urlDonnee ?? serveur!.url
const navigateur = await lancerNavigateur()

const stats = (xs: number[]) => {
  const moyenne = xs.reduce((a, b) => a + b, 0) / xs.length
  const ecart = Math.sqrt(xs.reduce((a, b) => a + (b - moyenne) ** 2, 0) / xs.length)
  return { min: Math.min(...xs), moyenne, ecart }
}

/** Server share of a measure: request start to response end of the matching /api call. */
const dureeApi = (page: import('playwright-core').Page, motif: string) =>
  page.evaluate((m) => {
    const e = performance.getEntriesByType('resource').filter((r) => r.name.includes('/api/couverture') && r.name.includes(m)).pop() as PerformanceResourceTiming | undefined
    return e ? e.responseEnd - e.requestStart : NaN
  }, motif)

const apiPremiere: number[] = []
const apiRedessin: number[] = []
const idles: number[] = []
const applications: number[] = []
const octets: number[] = []
const redessins: number[] = []
try {
  for (let i = 0; i < REPETITIONS; i++) {
    const contexte = await navigateur.newContext({ viewport: { width: 1400, height: 1000 } })
    const page = await contexte.newPage()
    const cdp = await contexte.newCDPSession(page)
    await cdp.send('Network.enable')
    let total = 0
    // encodedDataLength counts bytes on the wire (headers + compressed body), what "transferred" means.
    cdp.on('Network.loadingFinished', (e) => (total += e.encodedDataLength))
    const t0 = Date.now()
    await page.goto(`${base}/`)
    await page.locator('#classement tbody tr').first().waitFor({ timeout: 60_000 })
    await attendreCarteInactive(page)
    idles.push(Date.now() - t0)
    apiPremiere.push(await dureeApi(page, '/api/couverture?'))
    await page.waitForLoadState('networkidle')
    octets.push(total)

    // rayonKm change: from the slider's change event to the map idle with the new feature-states.
    const debut = await page.evaluate(() => performance.now())
    await page.locator('input[name="rayonKm"]').fill(String(5 + i))
    await attendreCarteInactive(page, debut)
    redessins.push((await page.evaluate(() => window.__maillage!.dernierIdle)) - debut)
    apiRedessin.push(await dureeApi(page, `rayonKm=${5 + i}`))
    applications.push((await page.evaluate(() => window.__maillage!.derniereApplication)) - debut)
    await contexte.close()
  }
} finally {
  await navigateur.close()
  await serveur?.arreter()
}

const f = (s: ReturnType<typeof stats>, u: string, d = 0) => `min ${s.min.toFixed(d)} ${u}, moyenne ${s.moyenne.toFixed(d)} ± ${s.ecart.toFixed(d)} ${u}`
console.log(`Vue nationale, premier idle : ${f(stats(idles), 'ms')}`)
console.log(`Octets transférés (première vue) : ${f(stats(octets.map((o) => o / 1e6)), 'Mo', 3)}`)
console.log(`  dont réponse de /api/couverture : ${f(stats(apiPremiere), 'ms')}`)
console.log(`Changement de rayonKm redessiné : ${f(stats(redessins), 'ms')}`)
console.log(`  dont réponse de /api/couverture : ${f(stats(apiRedessin), 'ms')}`)
console.log(`  dont jusqu'aux feature-states posés (réseau + React) : ${f(stats(applications), 'ms')}`)
