// Browser benchmark of the dashboard: national view first paint, bytes of the first view, redraw of a
// rayonKm change, and the département view's first idle. Usage: npx tsx tests/bench/tableau-de-bord.ts [url]
// (default: starts the real server). Each measure runs in a fresh browser context (cold cache), 5 times,
// in two browser configurations: the test suite's (SwiftShader for WebGL *and* for compositing the page)
// and Chromium's own choice on a machine without GPU (software compositing, SwiftShader for WebGL only).
import type { Browser, Page } from 'playwright-core'
import { attendreCarteInactive, attendreCarteNationale } from '../browser/pixels.ts'
import { demarrerServeur, lancerNavigateur } from '../browser/serveur.ts'

const REPETITIONS = 5
const urlDonnee = process.argv[2]
const serveur = urlDonnee ? null : await demarrerServeur()
const base = urlDonnee ?? serveur!.url

const stats = (xs: number[]) => {
  const tries = [...xs].sort((a, b) => a - b)
  const moyenne = xs.reduce((a, b) => a + b, 0) / xs.length
  const ecart = Math.sqrt(xs.reduce((a, b) => a + (b - moyenne) ** 2, 0) / xs.length)
  return { min: tries[0]!, mediane: tries[Math.floor(tries.length / 2)]!, moyenne, ecart }
}

/** Server share of a measure: request start to response end of the matching /api call. */
const dureeApi = (page: Page, motif: string) =>
  page.evaluate((m) => {
    const e = performance.getEntriesByType('resource').filter((r) => r.name.includes('/api/couverture') && r.name.includes(m)).pop() as PerformanceResourceTiming | undefined
    return e ? e.responseEnd - e.requestStart : NaN
  }, motif)

async function mesurer(navigateur: Browser) {
  const m = { premiereVue: [] as number[], octets: [] as number[], apiPremiere: [] as number[], redessinPremier: [] as number[],
    redessinSuivants: [] as number[], apiRedessin: [] as number[], applications: [] as number[], departement: [] as number[] }
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
    await attendreCarteNationale(page)
    m.premiereVue.push(Date.now() - t0)
    m.apiPremiere.push(await dureeApi(page, '/api/couverture?'))
    await page.waitForLoadState('networkidle')
    m.octets.push(total / 1e6)

    // rayonKm changes: from the slider's change to the new colours painted (two frames after they are
    // in the DOM). The first change after load is kept apart from the next ones.
    for (let k = 0; k < 3; k++) {
      const rayon = 5 + i + 7 * k
      const debut = await page.evaluate(() => performance.now())
      await page.locator('input[name="rayonKm"]').fill(String(rayon))
      await attendreCarteNationale(page, debut)
      const duree = (await page.evaluate(() => window.__maillageNational!.dernierDessin)) - debut
      ;(k === 0 ? m.redessinPremier : m.redessinSuivants).push(duree)
      m.apiRedessin.push(await dureeApi(page, `rayonKm=${rayon}`))
      m.applications.push((await page.evaluate(() => window.__maillageNational!.derniereApplication)) - debut)
    }

    // For comparison, the département view (a maplibre map: WebGL context, commune tiles), same context.
    const page2 = await contexte.newPage()
    const t1 = Date.now()
    await page2.goto(`${base}/departements/26`)
    await attendreCarteInactive(page2)
    m.departement.push(Date.now() - t1)
    await contexte.close()
  }
  return m
}

const CONFIGURATIONS = [
  { nom: 'SwiftShader pour WebGL et pour la composition (options des tests)', args: [] },
  { nom: 'composition logicielle, SwiftShader pour WebGL seulement (--disable-gpu-compositing)', args: ['--disable-gpu-compositing'] },
]
try {
  for (const configuration of CONFIGURATIONS) {
    const navigateur = await lancerNavigateur(configuration.args)
    let m: Awaited<ReturnType<typeof mesurer>>
    try {
      m = await mesurer(navigateur)
    } finally {
      await navigateur.close()
    }
    const ligne = (libelle: string, xs: number[], objectif = '', u = 'ms', d = 0) => {
      const s = stats(xs)
      return `| ${libelle} | ${objectif} | ${s.min.toFixed(d)} ${u} | ${s.mediane.toFixed(d)} ${u} | ${s.moyenne.toFixed(d)} ± ${s.ecart.toFixed(d)} ${u} | ${xs.length} |`
    }
    console.log(`\n### ${configuration.nom}\n`)
    console.log('| Mesure | Objectif | min | médiane | moyenne ± écart-type | n |\n|---|---|---|---|---|---|')
    console.log(ligne('Vue nationale : du `goto` à la carte coloriée peinte et au tableau affiché', m.premiereVue, '≤ 2 s'))
    console.log(ligne('… dont la réponse de `/api/couverture`', m.apiPremiere))
    console.log(ligne('Octets transférés pour la première vue', m.octets, '≤ 1,5 Mo', 'Mo', 3))
    console.log(ligne('Changement de rayonKm : du `change` aux couleurs peintes, premier après le chargement', m.redessinPremier, '≤ 300 ms'))
    console.log(ligne('Changement de rayonKm : changements suivants', m.redessinSuivants, '≤ 300 ms'))
    console.log(ligne('… dont la réponse de `/api/couverture`', m.apiRedessin))
    console.log(ligne('… dont le temps jusqu’aux couleurs posées dans le DOM (réseau + React)', m.applications))
    console.log(ligne('Vue département 26 (maplibre, tuiles vectorielles) : du `goto` au premier `idle`', m.departement))
  }
} finally {
  await serveur?.arreter()
}
